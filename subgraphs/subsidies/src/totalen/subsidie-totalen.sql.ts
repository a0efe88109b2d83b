import type { Queryable } from '@sociaal-graph/toolkit';

/** Totals of one gemeente and year, as computed in SQL. */
export interface SubsidieTotalenRow {
  gemeenteCode: string;
  aantalSubsidies: number;
  aantalVastgesteld: number;
  aangevraagd: number;
  verleend: number;
  verleendVastgesteld: number;
  vastgesteld: number;
  verschil: number;
}

/**
 * Verleend against vastgesteld per requested gemeente for one year, in one statement: one row per
 * distinct code, in the order first asked; a gemeente without subsidies gets zeros. Subsidy data is
 * public: no scope filter.
 */
export function fetchSubsidieTotalen(db: Queryable, gemeenteCodes: readonly string[], jaar: number): Promise<SubsidieTotalenRow[]> {
  return db.query<SubsidieTotalenRow>(
    `WITH gevraagd AS (
       SELECT code, min(nr) AS nr FROM unnest($1::text[]) WITH ORDINALITY AS g(code, nr) GROUP BY code
     ),
     totalen AS (
       SELECT g.code, g.nr,
         count(s.id) AS aantal,
         count(s.vastgesteld) AS aantal_vastgesteld,
         coalesce(sum(s.aangevraagd), 0) AS aangevraagd,
         coalesce(sum(s.verleend), 0) AS verleend,
         coalesce(sum(s.verleend) FILTER (WHERE s.vastgesteld IS NOT NULL), 0) AS verleend_vastgesteld,
         coalesce(sum(s.vastgesteld), 0) AS vastgesteld
       FROM gevraagd g LEFT JOIN subsidie s ON s.gemeente_code = g.code AND s.jaar = $2
       GROUP BY g.code, g.nr
     )
     SELECT code AS "gemeenteCode", aantal AS "aantalSubsidies", aantal_vastgesteld AS "aantalVastgesteld", aangevraagd,
            verleend, verleend_vastgesteld AS "verleendVastgesteld", vastgesteld, vastgesteld - verleend_vastgesteld AS verschil
     FROM totalen ORDER BY nr`,
    [gemeenteCodes, jaar],
  );
}
