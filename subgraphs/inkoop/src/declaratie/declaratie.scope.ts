import { type Principal, Rol, Scope, scopeParameter, Wet } from '@sociaal-graph/toolkit';

/**
 * The gemeenten whose declaraties a caller may see, per law: the CONTRACTBEHEER mandate for the
 * declaratie's own law (the region checks them against its contracts), or the UITVOERING mandate
 * (the executing back office checks them against its toewijzingen, as the IASZ does for Heemstede
 * and Bloemendaal) (docs/mandates.md). `null` means every gemeente. A
 * provider's own AGB code (`aanbieder`, else `null`) limits the rows to its own declaraties.
 */
export type DeclaratieScope = readonly [
  wmo: readonly string[] | null,
  jeugd: readonly string[] | null,
  participatie: readonly string[] | null,
  aanbieder: string | null,
];

/**
 * The caller's scope over declaraties, read from their mandates once per request. A provider
 * (`principal.aanbieder`) has no arrangement: it sees its own declaraties, in every gemeente.
 */
export function declaratieScope(principal: Principal): DeclaratieScope {
  if (principal.aanbieder) return [null, null, null, principal.aanbieder];
  // Reaching a declaratie through its toewijzing needs only the persoonsgegevens purpose at the
  // gateway; the rows themselves are for roles whose purpose is declaraties (not a consulent).
  if (!principal.scopes.includes(Scope.DECLARATIES)) return [[], [], [], null];
  return [
    declaratieGemeenten(principal, Wet.WMO),
    declaratieGemeenten(principal, Wet.JEUGDWET),
    declaratieGemeenten(principal, Wet.PARTICIPATIEWET),
    null,
  ];
}

/** CONTRACTBEHEER or UITVOERING of one law, as a SQL parameter (`null` = every gemeente). */
function declaratieGemeenten(principal: Principal, wet: Wet): readonly string[] | null {
  const contractbeheer = scopeParameter(principal.scope(wet, Rol.CONTRACTBEHEER));
  const uitvoering = scopeParameter(principal.scope(wet, Rol.UITVOERING));
  if (contractbeheer === null || uitvoering === null) return null;
  return [...new Set([...contractbeheer, ...uitvoering])].sort();
}

/**
 * SQL condition that keeps only rows of `alias` (a declaratie) inside the scope; the scope's
 * three arrays are parameters `$n`, `$n+1` and `$n+2`, its aanbieder `$n+3`.
 */
export function scopeCondition(alias: string, n: number): string {
  const allowed = (p: number) => `($${p}::text[] IS NULL OR ${alias}.gemeente_code = ANY($${p}))`;
  return (
    `(CASE ${alias}.wet WHEN 'WMO' THEN ${allowed(n)} WHEN 'JEUGDWET' THEN ${allowed(n + 1)} ELSE ${allowed(n + 2)} END)` +
    ` AND ($${n + 3}::text IS NULL OR ${alias}.aanbieder_agb = $${n + 3})`
  );
}
