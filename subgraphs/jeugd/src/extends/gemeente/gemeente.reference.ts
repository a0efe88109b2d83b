import type { Gemeente } from './gemeente.type.js';

/** Resolves a `Gemeente` representation to its key; its toewijzingen load through a loader. */
export function resolveGemeenteReference(reference: { code: string; inwonersOnder18?: number }): Gemeente {
  // `inwonersOnder18` arrives only when the gateway fetched it for a field that @requires it.
  return { code: reference.code, inwonersOnder18: reference.inwonersOnder18 };
}
