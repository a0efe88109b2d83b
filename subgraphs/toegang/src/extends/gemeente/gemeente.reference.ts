import { Gemeente } from './gemeente.type.js';

/**
 * Resolves a Gemeente representation: the key is all toegang needs (its residents are looked up
 * by code when `clienten` is asked), so no statement is sent here.
 */
export function resolveGemeenteReference(reference: { code: string }): Gemeente {
  return { code: reference.code };
}
