import { residentLoaders, type ToegangContext } from '../context.js';
import type { InwonerRow } from './inwoner.sql.js';

/**
 * Resolves an Inwoner representation through the batched loader (one statement for all
 * representations of a request); null when unknown or outside the caller's scope.
 */
export function resolveInwonerReference(reference: { id: string }, context: ToegangContext): Promise<InwonerRow | null> {
  return residentLoaders(context).inwoner.load(reference.id);
}
