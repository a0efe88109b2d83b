import type { Gemeente } from './gemeente.type.js';

/** `_entities` for Gemeente: the key is all this subgraph holds; `uitkeringen` loads per field. */
export function resolveGemeenteReference(reference: { code: string; inwoners?: number }): Gemeente {
  // `inwoners` arrives only when the gateway fetched it for a field that @requires it.
  return { code: reference.code, inwoners: reference.inwoners };
}
