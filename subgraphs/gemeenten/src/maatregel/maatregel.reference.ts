import type { GemeentenContext } from '../context.js';
import type { Maatregel } from './maatregel.type.js';

/** Resolves a `Maatregel` representation (wmo's intake around it) through the per-request loader; unknown id: null. */
export function resolveMaatregelReference(reference: { id: string }, ctx: GemeentenContext): Promise<Maatregel | null> {
  return ctx.loaders.maatregel.load(reference.id);
}
