import { cellKeySql, type Queryable } from '@sociaal-graph/toolkit';

/** Households of one gemeente with support in a year, by the combination of laws (each household in exactly one). */
export interface StapelingRow {
  gemeenteCode: string;
  alleenWmo: number;
  alleenJeugdwet: number;
  alleenParticipatiewet: number;
  wmoEnJeugdwet: number;
  wmoEnParticipatiewet: number;
  jeugdwetEnParticipatiewet: number;
  alleDrie: number;
  /** Households with support under at least one law (the sum of the combinations). */
  totaal: number;
  /** The cell keys of the seven combinations (sums of the households' record keys), in the order above. */
  sleutels: number[];
  /** The last date of a granted melding among the asked gemeenten in the year (the same on every row). */
  gegevensTot: string | null;
}

/** The seven combinations of laws, in the order of StapelingRow. */
const COMBINATIES = [
  'wmo AND NOT jeugd AND NOT part', 'jeugd AND NOT wmo AND NOT part', 'part AND NOT wmo AND NOT jeugd',
  'wmo AND jeugd AND NOT part', 'wmo AND part AND NOT jeugd', 'jeugd AND part AND NOT wmo', 'wmo AND jeugd AND part',
];

/**
 * Counts, per asked gemeente, the households (via their residents) with a TOEGEKEND melding dated in
 * `jaar`, by the set of laws those meldingen fall under, in one statement. A household counts in the
 * gemeente of the melding. `gemeenten` is already limited to the caller's aggregate scope for all three
 * laws; gemeenten without any such household give no row. With each combination its cell key (issue 10).
 */
export function selectStapeling(db: Queryable, gemeenten: readonly string[], jaar: number): Promise<StapelingRow[]> {
  return db.query<StapelingRow>(
    `WITH steun AS (
       SELECT m.gemeente_code, i.huishouden_id, max(m.datum) AS laatste,
              bool_or(m.wet = 'WMO') AS wmo, bool_or(m.wet = 'JEUGDWET') AS jeugd, bool_or(m.wet = 'PARTICIPATIEWET') AS part
         FROM melding m JOIN inwoner i ON i.id = m.inwoner_id
        WHERE m.status = 'TOEGEKEND' AND m.gemeente_code = ANY($1::text[])
          AND m.datum >= make_date($2, 1, 1) AND m.datum < make_date($2 + 1, 1, 1)
        GROUP BY m.gemeente_code, i.huishouden_id
     )
     SELECT gemeente_code AS "gemeenteCode",
            count(*) FILTER (WHERE wmo AND NOT jeugd AND NOT part)::int AS "alleenWmo",
            count(*) FILTER (WHERE jeugd AND NOT wmo AND NOT part)::int AS "alleenJeugdwet",
            count(*) FILTER (WHERE part AND NOT wmo AND NOT jeugd)::int AS "alleenParticipatiewet",
            count(*) FILTER (WHERE wmo AND jeugd AND NOT part)::int AS "wmoEnJeugdwet",
            count(*) FILTER (WHERE wmo AND part AND NOT jeugd)::int AS "wmoEnParticipatiewet",
            count(*) FILTER (WHERE jeugd AND part AND NOT wmo)::int AS "jeugdwetEnParticipatiewet",
            count(*) FILTER (WHERE wmo AND jeugd AND part)::int AS "alleDrie",
            count(*)::int AS totaal,
            ARRAY[${COMBINATIES.map((c) => cellKeySql('huishouden_id', c)).join(', ')}] AS sleutels,
            to_char(max(max(laatste)) OVER (), 'YYYY-MM-DD') AS "gegevensTot"
       FROM steun
      GROUP BY gemeente_code
      ORDER BY gemeente_code`,
    [gemeenten, jaar],
  );
}
