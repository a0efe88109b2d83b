import type { Inwoner } from './inwoner.type.js';

/** An `Inwoner` representation needs no lookup here: wmo adds fields keyed by the id alone. */
export function resolveInwonerReference(reference: { id: string }): Inwoner {
  return { id: reference.id };
}
