import type { ParticipatieContext } from '../context.js';
import { participatieScope } from '../scope.js';
import type { Schuldhulptraject } from './schuldhulptraject.type.js';

/** `_entities` for Schuldhulptraject: through the per-request loader, within the caller's scope. */
export function resolveSchuldhulptrajectReference(
  reference: { id: string },
  ctx: ParticipatieContext,
): Promise<Schuldhulptraject | null> {
  return ctx.loaders.schuldhulptraject(participatieScope(ctx.principal)).load(reference.id);
}
