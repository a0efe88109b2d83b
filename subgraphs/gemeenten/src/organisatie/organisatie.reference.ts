import type { GemeentenContext } from '../context.js';
import type { Organisatie } from './organisatie.type.js';

/** Resolves an `Organisatie` representation through the per-request loader; unknown ids give null. */
export function resolveOrganisatieReference(reference: { id: string }, ctx: GemeentenContext): Promise<Organisatie | null> {
  return ctx.loaders.organisatie.load(reference.id);
}
