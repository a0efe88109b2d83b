import { cellKeySql, type Queryable } from '@sociaal-graph/toolkit';

/** Raw intake figures of one gemeente and period, with what the disclosure policy needs per cell. */
export interface InstroomRow {
  gemeenteCode: string;
  ingangsdatum: string;
  periode: 'VOOR' | 'NA';
  van: string;
  tot: string;
  aantalToewijzingen: number;
  aantalClienten: number;
  sleutelToewijzingen: number;
  sleutelClienten: number;
  /** Sum of the hours per week of the toewijzingen, and the largest sum of one client. */
  urenPerWeek: number;
  grootsteUrenPerWeek: number;
  laatsteIngang: string | null;
  /** The last ingangsdatum in the whole table: where the data end. */
  eindeGegevens: string | null;
}

/** Hours per week of a toewijzing `t`: volume in minutes (01) or hours (04), per day x7, per week, per month x12/52. */
const UREN_PER_WEEK = `t.volume * CASE t.eenheid WHEN '01' THEN 1.0 / 60 ELSE 1 END * CASE t.frequentie WHEN '1' THEN 7 WHEN '2' THEN 1 ELSE 12.0 / 52 END`;

/**
 * Per measure date (gemeente, ingangsdatum, registered in the gemeenten subgraph): the toewijzingen of a
 * productcategorie that started in the 12 months before it and in the 12 months from it, with their
 * distinct clients, the sum of their hours per week and the largest sum of one client, and the cell
 * keys, in one statement. Only omvang in time counts (eenheid minuut 01 or uur 04; frequentie per dag
 * 1, per week 2 or per maand 4). Raw figures: the resolver publishes them through the disclosure
 * policy. `gemeenten` (the caller's scope, null for all) is the second line behind the mandate split.
 */
export function selectInstroom(
  db: Queryable,
  invoeringen: readonly { gemeenteCode: string; ingangsdatum: string }[],
  filter: { productcategorie: string; gemeenten: readonly string[] | null },
): Promise<InstroomRow[]> {
  return db.query<InstroomRow>(
    `WITH invoering AS (
       SELECT * FROM unnest($1::text[], $2::date[]) WITH ORDINALITY AS i(gemeente_code, ingangsdatum, nr)),
     periode AS (
       SELECT i.nr, i.gemeente_code, i.ingangsdatum, p.periode, p.van, p.tot
         FROM invoering i CROSS JOIN LATERAL (VALUES
           ('VOOR', (i.ingangsdatum - interval '12 months')::date, i.ingangsdatum - 1),
           ('NA', i.ingangsdatum, (i.ingangsdatum + interval '12 months')::date - 1)) AS p(periode, van, tot)),
     t AS (
       SELECT p.nr, p.periode, t.gemeente_code || ':' || t.toewijzingsnummer AS toewijzing, t.inwoner_id, t.ingangsdatum, ${UREN_PER_WEEK} AS uren
         FROM periode p
         JOIN toewijzing t ON t.gemeente_code = p.gemeente_code AND t.productcategorie = $3
              AND t.ingangsdatum BETWEEN p.van AND p.tot AND t.eenheid IN ('01', '04') AND t.frequentie IN ('1', '2', '4')
              AND ($4::text[] IS NULL OR t.gemeente_code = ANY($4::text[]))),
     per_client AS (SELECT nr, periode, inwoner_id, sum(uren) AS uren FROM t GROUP BY nr, periode, inwoner_id)
     SELECT p.gemeente_code AS "gemeenteCode", to_char(p.ingangsdatum, 'YYYY-MM-DD') AS ingangsdatum, p.periode,
            to_char(p.van, 'YYYY-MM-DD') AS van, to_char(p.tot, 'YYYY-MM-DD') AS tot,
            count(t.toewijzing)::int AS "aantalToewijzingen", count(DISTINCT t.inwoner_id)::int AS "aantalClienten",
            ${cellKeySql('t.toewijzing')} AS "sleutelToewijzingen", ${cellKeySql('t.inwoner_id')} AS "sleutelClienten",
            coalesce(sum(t.uren), 0)::float8 AS "urenPerWeek",
            coalesce((SELECT max(c.uren) FROM per_client c WHERE c.nr = p.nr AND c.periode = p.periode), 0)::float8 AS "grootsteUrenPerWeek",
            to_char(max(t.ingangsdatum), 'YYYY-MM-DD') AS "laatsteIngang",
            (SELECT to_char(max(ingangsdatum), 'YYYY-MM-DD') FROM toewijzing) AS "eindeGegevens"
       FROM periode p
       LEFT JOIN t ON t.nr = p.nr AND t.periode = p.periode
      GROUP BY p.nr, p.gemeente_code, p.ingangsdatum, p.periode, p.van, p.tot
      ORDER BY p.nr, p.periode DESC`,
    [invoeringen.map((i) => i.gemeenteCode), invoeringen.map((i) => i.ingangsdatum), filter.productcategorie, filter.gemeenten],
  );
}
