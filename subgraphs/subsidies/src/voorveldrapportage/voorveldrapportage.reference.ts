import type { SubsidiesContext } from '../context.js';
import type { Voorveldrapportage } from './voorveldrapportage.type.js';

/** `_entities` for Voorveldrapportage, through the per-request loader. */
export function resolveVoorveldrapportageReference(reference: { id: string }, ctx: SubsidiesContext): Promise<Voorveldrapportage | null> {
  return ctx.loaders.voorveldrapportage.load(reference.id);
}
