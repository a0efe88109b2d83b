import { type Principal, Rol, scopeParameter, Wet } from '@sociaal-graph/toolkit';

/**
 * The gemeenten whose declaraties a caller may see, per law: the CONTRACTBEHEER mandate for the
 * declaratie's own law (DESIGN "Mandates decide every row"). `null` means every gemeente.
 */
export type DeclaratieScope = readonly [wmo: readonly string[] | null, jeugd: readonly string[] | null, participatie: readonly string[] | null];

/** The caller's scope over declaraties, read from their mandates once per request. */
export function declaratieScope(principal: Principal): DeclaratieScope {
  return [
    scopeParameter(principal.scope(Wet.WMO, Rol.CONTRACTBEHEER)),
    scopeParameter(principal.scope(Wet.JEUGDWET, Rol.CONTRACTBEHEER)),
    scopeParameter(principal.scope(Wet.PARTICIPATIEWET, Rol.CONTRACTBEHEER)),
  ];
}

/**
 * SQL condition that keeps only rows of `alias` (a declaratie) inside the scope; the scope's
 * three arrays are parameters `$n`, `$n+1` and `$n+2`.
 */
export function scopeCondition(alias: string, n: number): string {
  const allowed = (p: number) => `($${p}::text[] IS NULL OR ${alias}.gemeente_code = ANY($${p}))`;
  return `(CASE ${alias}.wet WHEN 'WMO' THEN ${allowed(n)} WHEN 'JEUGDWET' THEN ${allowed(n + 1)} ELSE ${allowed(n + 2)} END)`;
}
