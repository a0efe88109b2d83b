import { type Queryable, samenvoegbaarOp } from '@sociaal-graph/toolkit';
import type { Gemeente } from './gemeente.type.js';

/** The columns of a Gemeente row, aliased to its fields; `g` is the gemeente table. */
export const GEMEENTE_COLUMNS = `g.code, g.naam, g.provincie, g.inwoners, g.inwoners_onder_18 AS "inwonersOnder18",
  g.huishoudens, g.grootteklasse, g.regio_code AS "regioCode"`;

/** Rows by code: concurrent requests' lookups run as one statement (statement-merging.ts). */
const PER_CODE = samenvoegbaarOp(0, 'code');

/** Batch function: the gemeenten with these codes, in any order, misses left out. */
export function fetchGemeenten(db: Queryable, codes: readonly string[]): Promise<Gemeente[]> {
  return db.query<Gemeente>(`SELECT ${GEMEENTE_COLUMNS} FROM gemeente g WHERE g.code = ANY($1::text[])`, [codes], {
    plan: 'generiek',
    samenvoegen: PER_CODE,
  });
}

/** A Gemeente row tagged with the region it was listed under. */
export type RegioGemeente = Gemeente & { groepCode: string };

/** Batch function: the member gemeenten of these regions, each region's ordered by name. */
export function fetchGemeentenPerRegio(db: Queryable, regioCodes: readonly string[]): Promise<RegioGemeente[]> {
  return db.query<RegioGemeente>(
    `SELECT rg.regio_code AS "groepCode", ${GEMEENTE_COLUMNS}
       FROM regio_gemeente rg JOIN gemeente g ON g.code = rg.gemeente_code
      WHERE rg.regio_code = ANY($1::text[])
      ORDER BY g.naam, g.code`,
    [regioCodes],
  );
}

/** One page of gemeenten (ordered by name), optionally members of one region, with the total. */
export async function fetchGemeentePage(
  db: Queryable,
  filter: { regio: string | null; first: number; offset: number },
): Promise<{ rows: Gemeente[]; total: number }> {
  const where = `($1::text IS NULL OR EXISTS (
      SELECT 1 FROM regio_gemeente rg WHERE rg.gemeente_code = g.code AND rg.regio_code = $1))`;
  const rows = await db.query<Gemeente>(
    `SELECT ${GEMEENTE_COLUMNS} FROM gemeente g WHERE ${where} ORDER BY g.naam, g.code LIMIT $2 OFFSET $3`,
    [filter.regio, filter.first, filter.offset],
  );
  const [count] = await db.query<{ total: number }>(`SELECT count(*) AS total FROM gemeente g WHERE ${where}`, [
    filter.regio,
  ]);
  return { rows, total: count?.total ?? 0 };
}
