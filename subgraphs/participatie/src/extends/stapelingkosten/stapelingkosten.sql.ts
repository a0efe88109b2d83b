import type { Queryable, StapelingKostenpost } from '@sociaal-graph/toolkit';

/**
 * Per member of `leden` with Participatiewet costs in the gemeente and year, in one statement: the
 * bijstandsuitkeringen pro rata over their days in the year (bedrag per maand × 12 × days / days of
 * the year, rounded half up to whole eurocent per uitkering, in integers so no float decides a cent)
 * plus the minimaregelingen of that year. Members without such costs have no row.
 */
export function selectParticipatiekosten(db: Queryable, gemeenteCode: string, jaar: number, leden: readonly string[]): Promise<StapelingKostenpost[]> {
  return db.query<StapelingKostenpost>(
    `WITH jaar AS (SELECT make_date($2, 1, 1) AS begin, make_date($2, 12, 31) AS eind, (make_date($2 + 1, 1, 1) - make_date($2, 1, 1)) AS dagen),
     posten AS (
       SELECT u.inwoner_id,
              (u.bedrag_per_maand::bigint * 12 * (LEAST(coalesce(u.einddatum, j.eind), j.eind) - GREATEST(u.ingangsdatum, j.begin) + 1) * 2 + j.dagen)
                / (2 * j.dagen) AS bedrag
         FROM uitkering u CROSS JOIN jaar j
        WHERE u.gemeente_code = $1 AND u.inwoner_id = ANY($3::text[])
          AND u.ingangsdatum <= j.eind AND (u.einddatum IS NULL OR u.einddatum >= j.begin)
       UNION ALL
       SELECT m.inwoner_id, m.bedrag::bigint
         FROM minimaregeling m
        WHERE m.gemeente_code = $1 AND m.jaar = $2 AND m.inwoner_id = ANY($3::text[])
     )
     SELECT inwoner_id AS "inwonerId", 'PARTICIPATIEWET' AS wet, sum(bedrag)::float8 AS bedrag
       FROM posten
      GROUP BY inwoner_id
      ORDER BY inwoner_id`,
    [gemeenteCode, jaar, leden],
  );
}
