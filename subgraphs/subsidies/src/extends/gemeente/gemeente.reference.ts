import type { Gemeente } from './gemeente.type.js';

/** `_entities` for Gemeente: the key is all this subgraph holds; `subsidies` loads per field. */
export function resolveGemeenteReference(reference: { code: string }): Gemeente {
  return { code: reference.code };
}
