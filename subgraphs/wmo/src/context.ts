import { Rol, scopeParameter, type SubgraphContext, Wet } from '@sociaal-graph/toolkit';
import type { WmoLoaders } from './loaders.js';
import type { ToewijzingScope } from './toewijzing/toewijzing.sql.js';

/** What every wmo resolver receives. */
export type WmoContext = SubgraphContext<WmoLoaders>;

/**
 * The gemeenten whose Wmo toewijzingen the caller may see (`null`: all): the scope of the
 * uitvoering of the Wmo (docs/mandates.md), applied in SQL by every query.
 */
export function wmoGemeenten(context: WmoContext): readonly string[] | null {
  return scopeParameter(context.principal.scope(Wet.WMO, Rol.UITVOERING));
}

/**
 * The Wmo toewijzingen the caller may see, applied in SQL by every toewijzing query: a provider
 * (`principal.aanbieder`) sees its own, in every gemeente (it has no arrangement; its own clients
 * are its purpose); anyone else those within `wmoGemeenten`.
 */
export function wmoToewijzingScope(context: WmoContext): ToewijzingScope {
  const { aanbieder } = context.principal;
  return aanbieder ? { gemeenten: null, aanbieder } : { gemeenten: wmoGemeenten(context), aanbieder: null };
}
