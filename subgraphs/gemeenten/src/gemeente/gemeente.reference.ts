import type { GemeentenContext } from '../context.js';
import type { Gemeente } from './gemeente.type.js';

/**
 * Resolves a `Gemeente` representation from another subgraph through the per-request loader, so
 * that `_entities` with many gemeenten costs one statement. An unknown code resolves to null.
 */
export function resolveGemeenteReference(reference: { code: string }, ctx: GemeentenContext): Promise<Gemeente | null> {
  return ctx.loaders.gemeente.load(reference.code);
}
