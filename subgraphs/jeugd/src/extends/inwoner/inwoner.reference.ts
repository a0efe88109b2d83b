import type { Inwoner } from './inwoner.type.js';

/**
 * Resolves an `Inwoner` representation to its key: the fields jeugd adds load their rows through
 * loaders, so no statement runs here. An unknown id simply has no jeugdhulp.
 */
export function resolveInwonerReference(reference: { id: string }): Inwoner {
  return { id: reference.id };
}
