import type { InkoopContext } from '../context.js';
import type { Tarief } from './tarief.type.js';

/** Resolves a Tarief representation from another subgraph through the request's loader. */
export function resolveTarief(reference: { id: string }, { loaders }: InkoopContext): Promise<Tarief | null> {
  return loaders.tarief.load(reference.id);
}
