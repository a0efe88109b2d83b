import type { Queryable } from '@sociaal-graph/toolkit';
import type { Gemeenten } from '../scope.js';
import type { Verwijzing } from './verwijzing.type.js';

/** A verwijzing's columns on `v`, as its row type names them. */
export const VERWIJZING_COLUMNS = `v.id, v.inwoner_id AS "inwonerId", v.gemeente_code AS "gemeenteCode",
  v.verwijzer_type AS "verwijzerTypeCode", v.verwijzer_naam AS "verwijzerNaam", v.datum`;

/** Newest first; the id makes the order total. */
const ORDER = `v.datum DESC, v.id`;

/** Batch: verwijzingen by id within the scope, in any order (the loader re-orders). */
export async function fetchVerwijzingenById(db: Queryable, ids: readonly string[], gemeenten: Gemeenten): Promise<Verwijzing[]> {
  return db.query<Verwijzing>(
    `SELECT ${VERWIJZING_COLUMNS} FROM verwijzing v
     WHERE v.id = ANY($1) AND ($2::text[] IS NULL OR v.gemeente_code = ANY($2))`,
    [ids, gemeenten],
  );
}

/** Batch: every verwijzing of each inwoner (newest first), within the scope. */
export async function fetchVerwijzingenByInwoner(
  db: Queryable,
  inwonerIds: readonly string[],
  gemeenten: Gemeenten,
): Promise<Verwijzing[]> {
  return db.query<Verwijzing>(
    `SELECT ${VERWIJZING_COLUMNS} FROM verwijzing v
     WHERE v.inwoner_id = ANY($1) AND ($2::text[] IS NULL OR v.gemeente_code = ANY($2))
     ORDER BY ${ORDER}`,
    [inwonerIds, gemeenten],
  );
}

/** One page of verwijzingen, optionally of one gemeente, within the scope, with the total. */
export async function findVerwijzingen(
  db: Queryable,
  gemeente: string | null,
  gemeenten: Gemeenten,
  page: { first: number; offset: number },
): Promise<{ rows: Verwijzing[]; total: number }> {
  const where = `($1::text[] IS NULL OR v.gemeente_code = ANY($1)) AND ($2::text IS NULL OR v.gemeente_code = $2)`;
  const [rows, [count]] = await Promise.all([
    db.query<Verwijzing>(`SELECT ${VERWIJZING_COLUMNS} FROM verwijzing v WHERE ${where} ORDER BY ${ORDER} LIMIT $3 OFFSET $4`, [
      gemeenten,
      gemeente,
      page.first,
      page.offset,
    ]),
    db.query<{ totaal: number }>(`SELECT count(*) AS totaal FROM verwijzing v WHERE ${where}`, [gemeenten, gemeente]),
  ]);
  return { rows, total: count?.totaal ?? 0 };
}
