import type { SubsidiesContext } from '../context.js';
import type { Subsidiepartner } from './subsidiepartner.type.js';

/** `_entities` for Subsidiepartner, through the per-request loader. */
export function resolveSubsidiepartnerReference(reference: { id: string }, ctx: SubsidiesContext): Promise<Subsidiepartner | null> {
  return ctx.loaders.subsidiepartner.load(reference.id);
}
