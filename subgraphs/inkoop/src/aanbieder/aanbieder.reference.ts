import type { InkoopContext } from '../context.js';
import type { Aanbieder } from './aanbieder.type.js';

/** Resolves an Aanbieder representation from another subgraph through the request's loader. */
export function resolveAanbieder(reference: { agbCode: string }, { loaders }: InkoopContext): Promise<Aanbieder | null> {
  return loaders.aanbieder.load(reference.agbCode);
}
