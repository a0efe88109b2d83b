import { type GemeenteScope, Rol, scopeParameter, type SubgraphContext, Wet } from '@sociaal-graph/toolkit';
import type { Gemeenten, JeugdLoaders } from './loaders.js';

/** What every jeugd resolver receives: the caller, this request's loaders, the database. */
export type JeugdContext = SubgraphContext<JeugdLoaders>;

/**
 * The gemeenten whose Jeugdwet execution the caller may see (rol UITVOERING). Every row this
 * subgraph returns is about a young person, so every list and lookup filters by it in SQL
 * (DESIGN "Mandates decide every row"): Eemnes' Jeugdwet is Amersfoort's, not HBEL's.
 */
export function jeugdScope(context: Pick<JeugdContext, 'principal'>): GemeenteScope {
  return context.principal.scope(Wet.JEUGDWET, Rol.UITVOERING);
}

/** `jeugdScope` as the SQL parameter: the visible CBS codes, or `null` for all. */
export function jeugdGemeenten(context: Pick<JeugdContext, 'principal'>): Gemeenten {
  return scopeParameter(jeugdScope(context));
}
