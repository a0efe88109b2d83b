import type { ParticipatieContext } from '../context.js';
import type { Minimaregeling } from './minimaregeling.type.js';

/** `_entities` for Minimaregeling: through the per-request loader, which applies the caller's scope. */
export function resolveMinimaregelingReference(
  reference: { id: string },
  ctx: ParticipatieContext,
): Promise<Minimaregeling | null> {
  return ctx.loaders.minimaregeling.load(reference.id);
}
