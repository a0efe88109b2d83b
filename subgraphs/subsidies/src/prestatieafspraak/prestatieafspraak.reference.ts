import type { SubsidiesContext } from '../context.js';
import type { Prestatieafspraak } from './prestatieafspraak.type.js';

/** `_entities` for Prestatieafspraak, through the per-request loader. */
export function resolvePrestatieafspraakReference(reference: { id: string }, ctx: SubsidiesContext): Promise<Prestatieafspraak | null> {
  return ctx.loaders.prestatieafspraak.load(reference.id);
}
