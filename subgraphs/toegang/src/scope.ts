import { type Principal, Rol, scopeParameter, Wet } from '@sociaal-graph/toolkit';

/** The laws in the order the schema lists them. */
export const WETTEN: readonly Wet[] = [Wet.WMO, Wet.JEUGDWET, Wet.PARTICIPATIEWET];

/**
 * What one caller may see in toegang, as SQL parameters (`null` = every gemeente): `voordeur`, the
 * gemeenten whose whole front door (TOEGANG for every law) the caller holds, where it may look up any
 * resident; and each melding only under its own law's TOEGANG scope (docs/mandates.md).
 * Elsewhere a resident is visible only through a visible melding (`inwonerZichtbaar`): holding one
 * law's toegang of a gemeente does not open the residents who only came in under another law.
 */
export interface ToegangScope {
  readonly voordeur: readonly string[] | null;
  readonly melding: Readonly<Record<Wet, readonly string[] | null>>;
}

/** Derives the caller's toegang scope from the principal; runs once per request (loaders.ts). */
export function toegangScope(principal: Principal): ToegangScope {
  const melding = {
    [Wet.WMO]: scopeParameter(principal.scope(Wet.WMO, Rol.TOEGANG)),
    [Wet.JEUGDWET]: scopeParameter(principal.scope(Wet.JEUGDWET, Rol.TOEGANG)),
    [Wet.PARTICIPATIEWET]: scopeParameter(principal.scope(Wet.PARTICIPATIEWET, Rol.TOEGANG)),
  };
  // The intersection of the laws' scopes; a law with `null` (every gemeente) does not narrow it.
  const beperkt = WETTEN.map((wet) => melding[wet]).filter((gemeenten) => gemeenten !== null);
  const voordeur =
    beperkt.length === 0 ? null : [...new Set(beperkt[0])].filter((code) => beperkt.every((gemeenten) => gemeenten.includes(code))).sort();
  return { voordeur, melding };
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

/** The four resident scope parameters, in the order `inwonerZichtbaar` expects them. */
export function inwonerScopeParameters(scope: ToegangScope): (readonly string[] | null)[] {
  return [scope.voordeur, ...meldingScopeParameters(scope)];
}

/**
 * SQL condition: the resident row `alias` is visible to the caller: its gemeente lies within the
 * whole front door, or it has a melding within that melding's own law's scope. `first` is the number
 * of the first of four parameters from `inwonerScopeParameters`. Every resident and household
 * lookup uses this one condition, so no path shows more.
 */
export function inwonerZichtbaar(alias: string, first: number): string {
  const melding = `${alias}_melding`;
  return (
    `($${first}::text[] IS NULL OR ${alias}.gemeente_code = ANY($${first}::text[]) OR EXISTS (` +
    `SELECT 1 FROM melding ${melding} WHERE ${melding}.inwoner_id = ${alias}.id AND ${meldingZichtbaar(melding, first + 1)}))`
  );
}
