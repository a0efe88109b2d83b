import type { Queryable } from '@sociaal-graph/toolkit';

/** Referrals of one gemeente (or of all gemeenten in the data: `gemeenteCode` null) by verwijzer type in a span of years. */
export interface VerwijsstroomRow {
  gemeenteCode: string | null;
  verwijzerType: string;
  aantal: number;
  /** The last referral date among the asked gemeenten (the same on every row). */
  gegevensTot: string | null;
}

/**
 * Counts the verwijzingen dated in the years `vanaf` to `tot` inclusive per asked gemeente and verwijzer type (COD327), and per type over
 * every gemeente in the data (the benchmark, `gemeenteCode` null), in one statement. `gemeenten` is already
 * limited to the caller's aggregate scope.
 */
export function selectVerwijsstromen(db: Queryable, gemeenten: readonly string[], jaren: { vanaf: number; tot: number }): Promise<VerwijsstroomRow[]> {
  return db.query<VerwijsstroomRow>(
    `WITH periode AS (
       SELECT v.gemeente_code, v.verwijzer_type, v.datum FROM verwijzing v
        WHERE v.datum >= make_date($2, 1, 1) AND v.datum < make_date($3 + 1, 1, 1)
     )
     SELECT gemeente_code AS "gemeenteCode", verwijzer_type AS "verwijzerType", count(*)::int AS aantal,
            (SELECT to_char(max(datum), 'YYYY-MM-DD') FROM periode WHERE gemeente_code = ANY($1)) AS "gegevensTot"
       FROM periode WHERE gemeente_code = ANY($1)
      GROUP BY gemeente_code, verwijzer_type
     UNION ALL
     SELECT NULL, verwijzer_type, count(*)::int, NULL FROM periode GROUP BY verwijzer_type`,
    [gemeenten, jaren.vanaf, jaren.tot],
  );
}
