import type { ParticipatieContext } from '../context.js';
import type { Reintegratietraject } from './reintegratietraject.type.js';

/** `_entities` for Reintegratietraject: through the per-request loader, which applies the caller's scope. */
export function resolveReintegratietrajectReference(
  reference: { id: string },
  ctx: ParticipatieContext,
): Promise<Reintegratietraject | null> {
  return ctx.loaders.reintegratietraject.load(reference.id);
}
