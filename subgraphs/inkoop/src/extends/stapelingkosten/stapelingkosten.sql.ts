import type { Queryable, StapelingKostenpost, StapelingToewijzing } from '@sociaal-graph/toolkit';

/**
 * Per resident and law, the declared amount (eurocent) of the given toewijzingen in one gemeente: the
 * declaratieregels whose delivery starts in `jaar`, rejected (AFGEWEZEN) and credited (GECREDITEERD)
 * lines left out (as the cost per client of the trajectory figures). One statement; residents
 * without declaraties have no row.
 */
export function sumDeclaratiesPerInwoner(
  db: Queryable,
  gemeenteCode: string,
  jaar: number,
  toewijzingen: readonly (StapelingToewijzing & { wet: string })[],
): Promise<StapelingKostenpost[]> {
  return db.query<StapelingKostenpost>(
    `SELECT t.inwoner AS "inwonerId", t.wet, sum(d.bedrag)::float8 AS bedrag
       FROM unnest($3::text[], $4::text[], $5::text[]) AS t (wet, nummer, inwoner)
       JOIN declaratie d ON d.gemeente_code = $1 AND d.wet = t.wet AND d.toewijzingsnummer = t.nummer
        AND d.levering_van >= make_date($2, 1, 1) AND d.levering_van < make_date($2 + 1, 1, 1)
        AND d.status NOT IN ('AFGEWEZEN', 'GECREDITEERD')
      GROUP BY t.inwoner, t.wet
      ORDER BY t.inwoner, t.wet`,
    [gemeenteCode, jaar, toewijzingen.map((t) => t.wet), toewijzingen.map((t) => t.toewijzingsnummer), toewijzingen.map((t) => t.inwonerId)],
  );
}
