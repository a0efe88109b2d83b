import { type GemeenteScope, type Principal, Rol, scopeParameter, Wet } from '@sociaal-graph/toolkit';

/** The caller's gemeenten as an SQL parameter: the visible CBS codes, or `null` for all. */
export type Gemeenten = readonly string[] | null;

/**
 * The gemeenten whose Jeugdwet execution the caller may see (rol UITVOERING). Every row this
 * subgraph returns is about a young person, so every list and lookup filters by it in SQL
 * (docs/mandates.md): Eemnes' Jeugdwet is Amersfoort's, not HBEL's.
 */
export function jeugdScope(principal: Principal): GemeenteScope {
  return principal.scope(Wet.JEUGDWET, Rol.UITVOERING);
}

/** `jeugdScope` as the SQL parameter (`$n::text[] IS NULL OR gemeente_code = ANY($n)`). */
export function jeugdGemeenten(principal: Principal): Gemeenten {
  return scopeParameter(jeugdScope(principal));
}

/** The toewijzingen a caller may see: in `gemeenten`, and only those of `aanbieder` (AGB) when it is set. */
export interface ToewijzingScope {
  readonly gemeenten: Gemeenten;
  readonly aanbieder: string | null;
}

/**
 * The jeugdhulp toewijzingen the caller may see: a provider (`principal.aanbieder`) its own, in every
 * gemeente (it has no arrangement; its own clients are its purpose); anyone else those within
 * `jeugdGemeenten`. Verwijzingen and trajecten stay under `jeugdGemeenten`: a provider sees none.
 */
export function jeugdToewijzingScope(principal: Principal): ToewijzingScope {
  const { aanbieder } = principal;
  return aanbieder ? { gemeenten: null, aanbieder } : { gemeenten: jeugdGemeenten(principal), aanbieder: null };
}
