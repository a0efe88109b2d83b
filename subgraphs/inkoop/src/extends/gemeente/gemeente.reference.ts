import type { Gemeente } from './gemeente.type.js';

/**
 * Resolves a Gemeente representation: the key is all inkoop needs, the gemeenten subgraph
 * vouches that it exists.
 */
export function resolveGemeente(reference: { code: string }): Gemeente {
  return { code: reference.code };
}
