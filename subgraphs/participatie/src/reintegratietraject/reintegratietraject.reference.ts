import type { ParticipatieContext } from '../context.js';
import { participatieScope } from '../scope.js';
import type { Reintegratietraject } from './reintegratietraject.type.js';

/** `_entities` for Reintegratietraject: through the per-request loader, within the caller's scope. */
export function resolveReintegratietrajectReference(
  reference: { id: string },
  ctx: ParticipatieContext,
): Promise<Reintegratietraject | null> {
  return ctx.loaders.reintegratietraject(participatieScope(ctx.principal)).load(reference.id);
}
