import type { SubsidiesContext } from '../context.js';
import type { Subsidie } from './subsidie.type.js';

/** `_entities` for Subsidie, through the per-request loader. */
export function resolveSubsidieReference(reference: { id: string }, ctx: SubsidiesContext): Promise<Subsidie | null> {
  return ctx.loaders.subsidie.load(reference.id);
}
