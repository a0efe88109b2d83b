import type { InkoopContext } from '../context.js';
import type { Product } from './product.type.js';

/** Resolves a Product representation from another subgraph through the request's loader. */
export function resolveProduct(reference: { id: string }, { loaders }: InkoopContext): Promise<Product | null> {
  return loaders.product.load(reference.id);
}
