import { cellKeySql, type Queryable } from '@sociaal-graph/toolkit';

/** The declared total of one trajectkengetal key. */
export interface JeugdDeclaratietotaalRow {
  /** `trajectkengetalKey` of the row. */
  key: string;
  /** Eurocent. */
  bedrag: number;
  /** For the disclosure policy: the toewijzingen declared over, the largest amount of one, and their cell key. */
  toewijzingen: number;
  grootste: number;
  sleutel: number;
}

/** The loader key of a trajectkengetal: "0406:2025:AANBIEDER:12345678". */
export function trajectkengetalKey(k: { gemeenteCode: string; jaar: number; indeling: string; groepCode: string }): string {
  return `${k.gemeenteCode}:${k.jaar}:${k.indeling}:${k.groepCode}`;
}

/**
 * Batch: per key the declared amount (eurocent) of Jeugdwet declaratieregels of the gemeente and aanbieder (or
 * productcategorie) whose delivery starts in the year, rejected (AFGEWEZEN) and credited (GECREDITEERD) lines
 * left out, in one statement, with the toewijzingen declared over, the largest amount of one and their cell key (issue 10).
 * Keys without declaraties have no row.
 */
export function sumJeugdDeclaratiesByTrajectkengetal(db: Queryable, keys: readonly string[]): Promise<JeugdDeclaratietotaalRow[]> {
  const parts = keys.map((key) => key.split(':'));
  return db.query<JeugdDeclaratietotaalRow>(
    `WITH per_toewijzing AS (
       SELECT k.gemeente || ':' || k.jaar || ':' || k.indeling || ':' || k.groep AS key, d.gemeente_code || ':' || d.toewijzingsnummer AS toewijzing,
              sum(d.bedrag) AS bedrag
         FROM unnest($1::text[], $2::int[], $3::text[], $4::text[]) AS k (gemeente, jaar, indeling, groep)
         JOIN declaratie d ON d.wet = 'JEUGDWET' AND d.gemeente_code = k.gemeente
          AND d.levering_van >= make_date(k.jaar, 1, 1) AND d.levering_van < make_date(k.jaar + 1, 1, 1)
          AND (CASE k.indeling WHEN 'AANBIEDER' THEN d.aanbieder_agb ELSE d.productcategorie END) = k.groep
          AND d.status NOT IN ('AFGEWEZEN', 'GECREDITEERD')
        GROUP BY 1, 2
     )
     SELECT key, sum(bedrag)::float8 AS bedrag, count(*)::int AS toewijzingen, max(abs(bedrag))::float8 AS grootste,
            ${cellKeySql('toewijzing')} AS sleutel
       FROM per_toewijzing
      GROUP BY key`,
    [parts.map((p) => p[0]), parts.map((p) => Number(p[1])), parts.map((p) => p[2]), parts.map((p) => p[3])],
  );
}
