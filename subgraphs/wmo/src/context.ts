import { Rol, scopeParameter, type SubgraphContext, Wet } from '@sociaal-graph/toolkit';
import type { WmoLoaders } from './loaders.js';

/** What every wmo resolver receives. */
export type WmoContext = SubgraphContext<WmoLoaders>;

/**
 * The gemeenten whose Wmo toewijzingen the caller may see (`null`: all): the scope of the
 * uitvoering of the Wmo (DESIGN "Mandates decide every row"), applied in SQL by every query.
 */
export function wmoGemeenten(context: WmoContext): readonly string[] | null {
  return scopeParameter(context.principal.scope(Wet.WMO, Rol.UITVOERING));
}
