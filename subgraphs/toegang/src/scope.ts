import { type Principal, Rol, scopeParameter, Wet } from '@sociaal-graph/toolkit';

/** The laws in the order the schema lists them. */
export const WETTEN: readonly Wet[] = [Wet.WMO, Wet.JEUGDWET, Wet.PARTICIPATIEWET];

/**
 * What one caller may see in toegang, as SQL parameters (`null` = every gemeente):
 * residents and households where any law's TOEGANG scope covers the gemeente, and each
 * melding only under its own law's TOEGANG scope (DESIGN "Mandates decide every row").
 */
export interface ToegangScope {
  readonly inwoner: readonly string[] | null;
  readonly melding: Readonly<Record<Wet, readonly string[] | null>>;
}

/** Derives the caller's toegang scope from the principal; runs once per request (loaders.ts). */
export function toegangScope(principal: Principal): ToegangScope {
  const melding = {
    [Wet.WMO]: scopeParameter(principal.scope(Wet.WMO, Rol.TOEGANG)),
    [Wet.JEUGDWET]: scopeParameter(principal.scope(Wet.JEUGDWET, Rol.TOEGANG)),
    [Wet.PARTICIPATIEWET]: scopeParameter(principal.scope(Wet.PARTICIPATIEWET, Rol.TOEGANG)),
  };
  const perWet = WETTEN.map((wet) => melding[wet]);
  const inwoner = perWet.some((gemeenten) => gemeenten === null)
    ? null
    : [...new Set(perWet.flatMap((gemeenten) => gemeenten ?? []))].sort();
  return { inwoner, melding };
}

/** The three melding scope parameters, in the order `meldingZichtbaar` expects them. */
export function meldingScopeParameters(scope: ToegangScope): (readonly string[] | null)[] {
  return WETTEN.map((wet) => scope.melding[wet]);
}

/**
 * SQL condition: the melding row `alias` lies within its own law's scope. `first` is the number of
 * the first of three parameters (Wmo, Jeugdwet, Participatiewet) from `meldingScopeParameters`.
 */
export function meldingZichtbaar(alias: string, first: number): string {
  const covers = (n: number) => `($${n}::text[] IS NULL OR ${alias}.gemeente_code = ANY($${n}::text[]))`;
  return (
    `(CASE ${alias}.wet WHEN 'WMO' THEN ${covers(first)} ` +
    `WHEN 'JEUGDWET' THEN ${covers(first + 1)} ` +
    `WHEN 'PARTICIPATIEWET' THEN ${covers(first + 2)} ELSE false END)`
  );
}
