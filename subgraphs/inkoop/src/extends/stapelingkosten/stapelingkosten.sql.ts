import { type InBatch, perElement, type Queryable, type StapelingKostenpost, type StapelingToewijzing, Wet } from '@sociaal-graph/toolkit';
import type { StapelingKosten } from './stapelingkosten.type.js';

/** The declared amount of one member under one law, and the representation it belongs to. */
export type GeplaatsteKostenpost = StapelingKostenpost & InBatch;

/**
 * Per representation, per resident and law, the declared amount (eurocent) of the toewijzingen wmo
 * and jeugd handed over, in its gemeente: the declaratieregels whose delivery starts in its year,
 * rejected (AFGEWEZEN) and credited (GECREDITEERD) lines left out (as the cost per client of the
 * trajectory figures). One statement for all representations; residents without declaraties have no row.
 */
export function sumDeclaratiesPerInwoner(db: Queryable, keys: readonly StapelingKosten[]): Promise<GeplaatsteKostenpost[]> {
  const metWet = (wet: Wet, toewijzingen: readonly StapelingToewijzing[] | undefined) => (toewijzingen ?? []).map((t) => ({ ...t, wet }));
  const { volgnummer, gemeente, jaar, elementen } = perElement(keys, (key) => [
    ...metWet(Wet.WMO, key.wmoToewijzingen),
    ...metWet(Wet.JEUGDWET, key.jeugdToewijzingen),
  ]);
  return db.query<GeplaatsteKostenpost>(
    `SELECT t.volgnummer, t.inwoner AS "inwonerId", t.wet, sum(d.bedrag)::float8 AS bedrag
       FROM unnest($1::int[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[]) AS t (volgnummer, gemeente, jaar, wet, nummer, inwoner)
       JOIN declaratie d ON d.gemeente_code = t.gemeente AND d.wet = t.wet AND d.toewijzingsnummer = t.nummer
        AND d.levering_van >= make_date(t.jaar, 1, 1) AND d.levering_van < make_date(t.jaar + 1, 1, 1)
        AND d.status NOT IN ('AFGEWEZEN', 'GECREDITEERD')
      GROUP BY t.volgnummer, t.inwoner, t.wet
      ORDER BY t.volgnummer, t.inwoner, t.wet`,
    [volgnummer, gemeente, jaar, elementen.map((t) => t.wet), elementen.map((t) => t.toewijzingsnummer), elementen.map((t) => t.inwonerId)],
  );
}
