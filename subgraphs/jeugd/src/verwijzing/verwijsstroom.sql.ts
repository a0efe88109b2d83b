import { cellKeySql, type Queryable } from '@sociaal-graph/toolkit';

/**
 * Referrals of one gemeente (or of all gemeenten in the data: `alle`) in one calendar year, per verwijzer
 * type or over all types (`verwijzerType` null), raw (before the disclosure policy).
 */
export interface VerwijsstroomRow {
  alle: boolean;
  gemeenteCode: string | null;
  verwijzerType: string | null;
  aantal: number;
  /** Distinct young people referred: the contributors of the cell. */
  personen: number;
  /** The cell key (`cellKeySql`) over the verwijzingen. */
  sleutel: number;
  /** The last referral date among the asked gemeenten (the same on every row). */
  gegevensTot: string | null;
}

/**
 * Counts the verwijzingen dated in calendar year `jaar` per asked gemeente and verwijzer type (COD327) and
 * per gemeente over all types, and the same over every gemeente in the data (the benchmark), in one
 * statement. `gemeenten` is already limited to the caller's aggregate scope. One fixed calendar year, never
 * a caller-chosen span (issue 10's query-set restriction): spans overlapping each other would difference.
 */
export function selectVerwijsstromen(db: Queryable, gemeenten: readonly string[], jaar: number): Promise<VerwijsstroomRow[]> {
  const maten = `count(*)::int AS aantal, count(DISTINCT inwoner_id)::int AS personen, ${cellKeySql('id')} AS sleutel`;
  return db.query<VerwijsstroomRow>(
    `WITH periode AS (
       SELECT v.id, v.inwoner_id, v.gemeente_code, v.verwijzer_type, v.datum FROM verwijzing v
        WHERE v.datum >= make_date($2, 1, 1) AND v.datum < make_date($2 + 1, 1, 1)
     ),
     tot AS (SELECT to_char(max(datum), 'YYYY-MM-DD') AS datum FROM periode WHERE gemeente_code = ANY($1))
     SELECT false AS alle, gemeente_code AS "gemeenteCode", verwijzer_type AS "verwijzerType", ${maten},
            (SELECT datum FROM tot) AS "gegevensTot"
       FROM periode WHERE gemeente_code = ANY($1)
      GROUP BY GROUPING SETS ((gemeente_code, verwijzer_type), (gemeente_code))
     UNION ALL
     SELECT true, NULL, verwijzer_type, ${maten}, (SELECT datum FROM tot)
       FROM periode
      GROUP BY GROUPING SETS ((verwijzer_type), ())`,
    [gemeenten, jaar],
  );
}
