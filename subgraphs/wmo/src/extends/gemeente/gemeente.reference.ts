import type { Gemeente } from './gemeente.type.js';

/** A `Gemeente` representation needs no lookup here: wmo adds fields keyed by the code alone. */
export function resolveGemeenteReference(reference: { code: string; inwoners?: number }): Gemeente {
  // `inwoners` arrives only when the gateway fetched it for a field that @requires it.
  return { code: reference.code, inwoners: reference.inwoners };
}
