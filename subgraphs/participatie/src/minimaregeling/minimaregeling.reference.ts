import type { ParticipatieContext } from '../context.js';
import { participatieScope } from '../scope.js';
import type { Minimaregeling } from './minimaregeling.type.js';

/** `_entities` for Minimaregeling: through the per-request loader, within the caller's scope. */
export function resolveMinimaregelingReference(
  reference: { id: string },
  ctx: ParticipatieContext,
): Promise<Minimaregeling | null> {
  return ctx.loaders.minimaregeling(participatieScope(ctx.principal)).load(reference.id);
}
