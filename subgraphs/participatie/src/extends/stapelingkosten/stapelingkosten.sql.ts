import { type InBatch, perElement, type Queryable, type StapelingKostenpost, type StapelingKostenVerwijzing } from '@sociaal-graph/toolkit';

/** What one member cost under the Participatiewet, and the representation it belongs to. */
export type GeplaatsteKostenpost = StapelingKostenpost & InBatch;

/**
 * Per representation, per member with Participatiewet costs in its gemeente and year: the
 * bijstandsuitkeringen pro rata over their days in the year (bedrag per maand × 12 × days / days of
 * the year, rounded half up to whole eurocent per uitkering, in integers so no float decides a cent)
 * plus the minimaregelingen of that year. One statement for all representations; members without
 * such costs have no row.
 */
export function selectParticipatiekosten(db: Queryable, keys: readonly StapelingKostenVerwijzing[]): Promise<GeplaatsteKostenpost[]> {
  const { volgnummer, gemeente, jaar, elementen } = perElement(keys, (key) => key.leden ?? []);
  return db.query<GeplaatsteKostenpost>(
    `WITH lid AS (
       SELECT k.volgnummer, k.gemeente, k.jaar, k.inwoner, make_date(k.jaar, 1, 1) AS begin, make_date(k.jaar, 12, 31) AS eind,
              make_date(k.jaar + 1, 1, 1) - make_date(k.jaar, 1, 1) AS dagen
         FROM unnest($1::int[], $2::text[], $3::int[], $4::text[]) AS k (volgnummer, gemeente, jaar, inwoner)
     ),
     posten AS (
       SELECT l.volgnummer, l.inwoner,
              (u.bedrag_per_maand::bigint * 12 * (LEAST(coalesce(u.einddatum, l.eind), l.eind) - GREATEST(u.ingangsdatum, l.begin) + 1) * 2 + l.dagen)
                / (2 * l.dagen) AS bedrag
         FROM lid l JOIN uitkering u ON u.gemeente_code = l.gemeente AND u.inwoner_id = l.inwoner
          AND u.ingangsdatum <= l.eind AND (u.einddatum IS NULL OR u.einddatum >= l.begin)
       UNION ALL
       SELECT l.volgnummer, l.inwoner, m.bedrag::bigint
         FROM lid l JOIN minimaregeling m ON m.gemeente_code = l.gemeente AND m.jaar = l.jaar AND m.inwoner_id = l.inwoner
     )
     SELECT volgnummer, inwoner AS "inwonerId", 'PARTICIPATIEWET' AS wet, sum(bedrag)::float8 AS bedrag
       FROM posten
      GROUP BY volgnummer, inwoner
      ORDER BY volgnummer, inwoner`,
    [volgnummer, gemeente, jaar, elementen],
  );
}
