import type { InkoopContext } from '../context.js';
import type { Contract } from './contract.type.js';

/** Resolves a Contract representation from another subgraph through the request's loader. */
export function resolveContract(reference: { id: string }, { loaders }: InkoopContext): Promise<Contract | null> {
  return loaders.contract.load(reference.id);
}
