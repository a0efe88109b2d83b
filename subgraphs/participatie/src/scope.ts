import { Rol, Wet, scopeParameter, type Principal } from '@sociaal-graph/toolkit';

/** SQL parameter of a gemeente scope: `null` is every gemeente, otherwise a list of CBS codes. */
export type ScopeParameter = readonly string[] | null;

/**
 * The gemeenten whose Participatiewet rows the caller may see: rol UITVOERING of the
 * Participatiewet (docs/mandates.md). Every query of this subgraph passes it to SQL
 * as `($n::text[] IS NULL OR gemeente_code = ANY($n))`.
 */
export function participatieScope(principal: Principal): ScopeParameter {
  return scopeParameter(principal.scope(Wet.PARTICIPATIEWET, Rol.UITVOERING));
}

/** Whether a gemeente lies within a scope parameter. */
export function inScope(scope: ScopeParameter, gemeenteCode: string): boolean {
  return scope === null || scope.includes(gemeenteCode);
}
