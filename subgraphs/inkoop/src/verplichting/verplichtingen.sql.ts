import { cellKeySql, type Queryable, type Wet } from '@sociaal-graph/toolkit';

/** One aanbieder x gemeente, per month (`maand` 1-12) or over the year (`maand` null), raw (before suppression). */
export interface VerplichtingenRow {
  aanbiederAgb: string;
  gemeenteCode: string;
  maand: number | null;
  /** Distinct toewijzingen with a commitment or a counted declaration in the period. */
  aantalToewijzingen: number;
  /** Eurocent: the commitments of the toewijzingen valid in the period. */
  verwacht: number;
  /** Eurocent: declaraties INGEDIEND or GOEDGEKEURD over deliveries in the period. */
  gedeclareerd: number;
  /** Eurocent: declared plus the commitments of the toewijzing-months without a counted declaration. */
  prognose: number;
  /** Toewijzing-months with a commitment in a month that ended before the peildatum. */
  aantalGeleverd: number;
  /** Of those, the ones without a counted declaration. */
  aantalNietGedeclareerd: number;
  /** What the disclosure policy needs: the cell key of the toewijzingen, and per amount the toewijzingen contributing and the largest one. */
  sleutel: number;
  sleutelGeleverd: number;
  sleutelNietGedeclareerd: number;
  bijdragersVerwacht: number;
  bijdragersGedeclareerd: number;
  bijdragersPrognose: number;
  grootsteVerwacht: number;
  grootsteGedeclareerd: number;
  grootstePrognose: number;
  /** Whether the month ended before the peildatum; null on the year row. */
  geleverd: boolean | null;
  /** Over all rows of the answer. */
  peildatum: string;
  laatsteDeclaratie: string | null;
  gegevensTot: string | null;
}

/**
 * Commitments against declarations for one law and year, per aanbieder, gemeente and month plus a
 * row per aanbieder and gemeente for the year (GROUPING SETS), over the given gemeenten (already
 * limited to the caller's aggregate scope). A commitment is one toewijzing (301, in natura, not under
 * a lumpsum contract) in one month it is valid in: volume x the tariff of its product valid on the
 * first valid day of that month (else the toewijzing's own) x the days valid in the month per
 * frequentie (WMO757): 1 per dag x days; 2 per week x days / 7; 4 per maand x days / days of the
 * month; 6 totaal binnen geldigheidsduur: the whole volume once, in the month of the ingangsdatum.
 * Each toewijzing-month is rounded to the eurocent before summing. A declaration counts for the month
 * of its levering_van when its status is INGEDIEND or GOEDGEKEURD: a credited line is withdrawn (its
 * correction counts on its own) and a rejected one is not owed. Months that ended before the stand's
 * peildatum (else today) are delivered. With each cell what the disclosure policy needs (issue 10).
 */
export function selectVerplichtingen(
  db: Queryable,
  filter: { wet: Wet; gemeenten: readonly string[]; jaar: number; aanbieder: string | null },
): Promise<VerplichtingenRow[]> {
  return db.query<VerplichtingenRow>(
    `WITH peil AS (
       SELECT coalesce((SELECT max(peildatum) FROM stand), current_date) AS datum
     ),
     maand AS (
       SELECT extract(month FROM m)::int AS nr, m::date AS begin, (m + interval '1 month')::date - 1 AS eind
         FROM generate_series(make_date($3, 1, 1)::timestamp, make_date($3, 12, 1)::timestamp, interval '1 month') AS m
     ),
     bericht AS (
       SELECT t.gemeente_code, t.wet, t.toewijzingsnummer, t.aanbieder_agb, t.volume, t.frequentie, t.ingangsdatum, t.einddatum,
              basis.product_id, basis.bedrag AS basisbedrag
         FROM toewijzingsbericht t
         JOIN tarief basis ON basis.id = t.tarief_id
         JOIN product p ON p.id = basis.product_id
         JOIN perceel pc ON pc.id = p.perceel_id
         JOIN contract c ON c.id = pc.contract_id
        WHERE t.wet = $1 AND t.gemeente_code = ANY($2) AND ($4::text IS NULL OR t.aanbieder_agb = $4)
          -- A lumpsum is paid per year, not per toewijzing or declaration.
          AND c.bekostiging <> 'LUMPSUM'
     ),
     verplichting AS (
       SELECT b.gemeente_code, b.aanbieder_agb, b.toewijzingsnummer, m.nr AS maand, m.eind < peil.datum AS geleverd,
              -- One division of an exact product, so the rounding matches any exact computation.
              round(
                b.volume::numeric * coalesce(tr.bedrag, b.basisbedrag)
                  * CASE b.frequentie WHEN '6' THEN 1 ELSE periode.tot - periode.van + 1 END
                  / CASE b.frequentie WHEN '2' THEN 7 WHEN '4' THEN m.eind - m.begin + 1 ELSE 1 END
              )::bigint AS verwacht
         FROM bericht b
         CROSS JOIN peil
         JOIN maand m ON b.ingangsdatum <= m.eind AND (b.einddatum IS NULL OR b.einddatum >= m.begin)
                     AND (b.frequentie <> '6' OR b.ingangsdatum >= m.begin)
         CROSS JOIN LATERAL (
           SELECT greatest(b.ingangsdatum, m.begin) AS van, least(coalesce(b.einddatum, m.eind), m.eind) AS tot
         ) periode
         LEFT JOIN LATERAL (
           SELECT t.bedrag FROM tarief t
            WHERE t.product_id = b.product_id AND t.geldig_van <= periode.van AND (t.geldig_tot IS NULL OR t.geldig_tot >= periode.van)
            ORDER BY t.geldig_van DESC, t.id LIMIT 1
         ) tr ON true
     ),
     declaratiemaand AS (
       SELECT b.gemeente_code, b.aanbieder_agb, b.toewijzingsnummer, extract(month FROM d.levering_van)::int AS maand,
              sum(d.bedrag)::bigint AS gedeclareerd, max(d.ingediend_op) AS ingediend_op, max(d.levering_tot) AS levering_tot
         FROM declaratie d
         JOIN bericht b ON b.gemeente_code = d.gemeente_code AND b.wet = d.wet AND b.toewijzingsnummer = d.toewijzingsnummer
        WHERE d.wet = $1 AND d.gemeente_code = ANY($2) AND d.status IN ('INGEDIEND', 'GOEDGEKEURD')
          AND d.levering_van >= make_date($3, 1, 1) AND d.levering_van < make_date($3 + 1, 1, 1)
        GROUP BY 1, 2, 3, 4
     ),
     toewijzingmaand AS (
       SELECT gemeente_code, aanbieder_agb, toewijzingsnummer, maand, v.verwacht, v.geleverd, dm.gedeclareerd, dm.ingediend_op, dm.levering_tot,
              coalesce(dm.gedeclareerd, v.verwacht) AS prognose
         FROM verplichting v FULL JOIN declaratiemaand dm USING (gemeente_code, aanbieder_agb, toewijzingsnummer, maand)
     ),
     -- Each toewijzing-month with its toewijzing's year amounts: the largest contribution to a year cell.
     tm AS (
       SELECT *, gemeente_code || ':' || toewijzingsnummer AS record,
              sum(verwacht) OVER w AS jaar_verwacht, sum(gedeclareerd) OVER w AS jaar_gedeclareerd, sum(prognose) OVER w AS jaar_prognose
         FROM toewijzingmaand
       WINDOW w AS (PARTITION BY gemeente_code, aanbieder_agb, toewijzingsnummer)
     )
     SELECT aanbieder_agb AS "aanbiederAgb", gemeente_code AS "gemeenteCode", maand,
            count(DISTINCT toewijzingsnummer)::int AS "aantalToewijzingen",
            coalesce(sum(verwacht), 0)::bigint AS verwacht,
            coalesce(sum(gedeclareerd), 0)::bigint AS gedeclareerd,
            coalesce(sum(prognose), 0)::bigint AS prognose,
            ${cellKeySql('record')} AS sleutel,
            ${cellKeySql("record || ':' || maand", 'geleverd')} AS "sleutelGeleverd",
            ${cellKeySql("record || ':' || maand", 'geleverd AND gedeclareerd IS NULL')} AS "sleutelNietGedeclareerd",
            count(DISTINCT record) FILTER (WHERE verwacht <> 0)::int AS "bijdragersVerwacht",
            count(DISTINCT record) FILTER (WHERE gedeclareerd <> 0)::int AS "bijdragersGedeclareerd",
            count(DISTINCT record) FILTER (WHERE prognose <> 0)::int AS "bijdragersPrognose",
            coalesce(CASE WHEN GROUPING(maand) = 0 THEN max(abs(verwacht)) ELSE max(abs(jaar_verwacht)) END, 0)::float8 AS "grootsteVerwacht",
            coalesce(CASE WHEN GROUPING(maand) = 0 THEN max(abs(gedeclareerd)) ELSE max(abs(jaar_gedeclareerd)) END, 0)::float8 AS "grootsteGedeclareerd",
            coalesce(CASE WHEN GROUPING(maand) = 0 THEN max(abs(prognose)) ELSE max(abs(jaar_prognose)) END, 0)::float8 AS "grootstePrognose",
            count(*) FILTER (WHERE geleverd)::int AS "aantalGeleverd",
            count(*) FILTER (WHERE geleverd AND gedeclareerd IS NULL)::int AS "aantalNietGedeclareerd",
            CASE WHEN GROUPING(maand) = 0 THEN make_date($3, maand, 1) + interval '1 month' <= (SELECT datum FROM peil) END AS geleverd,
            to_char((SELECT datum FROM peil), 'YYYY-MM-DD') AS peildatum,
            to_char(max(max(ingediend_op)) OVER (), 'YYYY-MM-DD') AS "laatsteDeclaratie",
            to_char(max(max(levering_tot)) OVER (), 'YYYY-MM-DD') AS "gegevensTot"
       FROM tm
      GROUP BY GROUPING SETS ((aanbieder_agb, gemeente_code, maand), (aanbieder_agb, gemeente_code))
      ORDER BY aanbieder_agb, gemeente_code, maand NULLS FIRST`,
    [filter.wet, filter.gemeenten, filter.jaar, filter.aanbieder],
  );
}
