import type { ParticipatieContext } from '../context.js';
import type { Schuldhulptraject } from './schuldhulptraject.type.js';

/** `_entities` for Schuldhulptraject: through the per-request loader, which applies the caller's scope. */
export function resolveSchuldhulptrajectReference(
  reference: { id: string },
  ctx: ParticipatieContext,
): Promise<Schuldhulptraject | null> {
  return ctx.loaders.schuldhulptraject.load(reference.id);
}
