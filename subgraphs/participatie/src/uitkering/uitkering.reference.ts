import type { ParticipatieContext } from '../context.js';
import type { Uitkering } from './uitkering.type.js';

/** `_entities` for Uitkering: through the per-request loader, which applies the caller's scope. */
export function resolveUitkeringReference(
  reference: { id: string },
  ctx: ParticipatieContext,
): Promise<Uitkering | null> {
  return ctx.loaders.uitkering.load(reference.id);
}
