import type { Aanbieder } from './aanbieder.type.js';

/** Resolves an `Aanbieder` representation to its key; its toewijzingen load through a loader. */
export function resolveAanbiederReference(reference: { agbCode: string }): Aanbieder {
  return { agbCode: reference.agbCode };
}
