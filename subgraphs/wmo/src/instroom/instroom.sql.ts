import type { Queryable } from '@sociaal-graph/toolkit';

/** Raw intake figures of one gemeente and period, before suppression. */
export interface InstroomRow {
  gemeenteCode: string;
  ingangsdatum: string;
  periode: 'VOOR' | 'NA';
  van: string;
  tot: string;
  aantalToewijzingen: number;
  aantalClienten: number;
  gemiddeldeUrenPerWeek: number | null;
  laatsteIngang: string | null;
}

/**
 * Per measure date (gemeente, ingangsdatum): the toewijzingen of a productcategorie that started in the
 * `maanden` months before it and in the `maanden` months from it, with their distinct clients and the
 * average omvang in hours per week, in one statement. Only omvang in time counts (eenheid minuut 01 or
 * uur 04; frequentie per dag 1, per week 2 or per maand 4); a periodetarief says nothing about hours.
 * Raw counts: the resolver suppresses before anything leaves the subgraph. `gemeenten` (the caller's
 * scope, null for all) is the second line behind the resolver's mandate split.
 */
export function selectInstroom(
  db: Queryable,
  invoeringen: readonly { gemeenteCode: string; ingangsdatum: string }[],
  filter: { maanden: number; productcategorie: string; gemeenten: readonly string[] | null },
): Promise<InstroomRow[]> {
  return db.query<InstroomRow>(
    `WITH invoering AS (
       SELECT * FROM unnest($1::text[], $2::date[]) WITH ORDINALITY AS i(gemeente_code, ingangsdatum, nr)),
     periode AS (
       SELECT i.nr, i.gemeente_code, i.ingangsdatum, p.periode, p.van, p.tot
         FROM invoering i CROSS JOIN LATERAL (VALUES
           ('VOOR', (i.ingangsdatum - make_interval(months => $3::int))::date, i.ingangsdatum - 1),
           ('NA', i.ingangsdatum, (i.ingangsdatum + make_interval(months => $3::int))::date - 1)) AS p(periode, van, tot))
     SELECT p.gemeente_code AS "gemeenteCode", to_char(p.ingangsdatum, 'YYYY-MM-DD') AS ingangsdatum, p.periode,
            to_char(p.van, 'YYYY-MM-DD') AS van, to_char(p.tot, 'YYYY-MM-DD') AS tot,
            count(t.toewijzingsnummer)::int AS "aantalToewijzingen", count(DISTINCT t.inwoner_id)::int AS "aantalClienten",
            round(avg(t.volume * CASE t.eenheid WHEN '01' THEN 1.0 / 60 ELSE 1 END
                               * CASE t.frequentie WHEN '1' THEN 7 WHEN '2' THEN 1 ELSE 12.0 / 52 END), 2)::float8 AS "gemiddeldeUrenPerWeek",
            to_char(max(t.ingangsdatum), 'YYYY-MM-DD') AS "laatsteIngang"
       FROM periode p
       LEFT JOIN toewijzing t ON t.gemeente_code = p.gemeente_code AND t.productcategorie = $4
            AND t.ingangsdatum BETWEEN p.van AND p.tot AND t.eenheid IN ('01', '04') AND t.frequentie IN ('1', '2', '4')
            AND ($5::text[] IS NULL OR t.gemeente_code = ANY($5::text[]))
      GROUP BY p.nr, p.gemeente_code, p.ingangsdatum, p.periode, p.van, p.tot
      ORDER BY p.nr, p.periode DESC`,
    [
      invoeringen.map((i) => i.gemeenteCode),
      invoeringen.map((i) => i.ingangsdatum),
      filter.maanden,
      filter.productcategorie,
      filter.gemeenten,
    ],
  );
}
