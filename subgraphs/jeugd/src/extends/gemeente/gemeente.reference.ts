import type { Gemeente } from './gemeente.type.js';

/** Resolves a `Gemeente` representation to its key; its toewijzingen load through a loader. */
export function resolveGemeenteReference(reference: { code: string }): Gemeente {
  return { code: reference.code };
}
