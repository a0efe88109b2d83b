import type { Inwoner } from './inwoner.type.js';

/** `_entities` for Inwoner: the key is all this subgraph holds; the lists load per field. */
export function resolveInwonerReference(reference: { id: string }): Inwoner {
  return { id: reference.id };
}
