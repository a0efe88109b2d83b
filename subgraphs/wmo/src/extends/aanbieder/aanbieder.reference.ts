import type { Aanbieder } from './aanbieder.type.js';

/** An `Aanbieder` representation needs no lookup here: wmo adds fields keyed by the AGB code alone. */
export function resolveAanbiederReference(reference: { agbCode: string }): Aanbieder {
  return { agbCode: reference.agbCode };
}
