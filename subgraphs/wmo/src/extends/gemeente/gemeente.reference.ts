import type { Gemeente } from './gemeente.type.js';

/** A `Gemeente` representation needs no lookup here: wmo adds fields keyed by the code alone. */
export function resolveGemeenteReference(reference: { code: string }): Gemeente {
  return { code: reference.code };
}
