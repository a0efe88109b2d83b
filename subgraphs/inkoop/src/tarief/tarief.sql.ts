import type { Queryable } from '@sociaal-graph/toolkit';
import type { Tarief } from './tarief.type.js';

export const TARIEF_COLUMNS = `id, bedrag, geldig_van AS "geldigVan", geldig_tot AS "geldigTot", eenheid AS "eenheidCode",
  product_id AS "productId"`;

/** Batch function: the tariffs with these ids, in any order, misses left out. */
export function fetchTarieven(db: Queryable, ids: readonly string[]): Promise<Tarief[]> {
  return db.query<Tarief>(`SELECT ${TARIEF_COLUMNS} FROM tarief WHERE id = ANY($1)`, [ids]);
}

/** Batch function: the tariffs of these products, oldest first. */
export function fetchTarievenByProduct(db: Queryable, productIds: readonly string[]): Promise<Tarief[]> {
  return db.query<Tarief>(
    `SELECT ${TARIEF_COLUMNS} FROM tarief WHERE product_id = ANY($1) ORDER BY geldig_van, id`,
    [productIds],
  );
}

/** The tariff valid on a date (both ends inclusive), or null; `tarieven` is one product's list. */
export function tariefOp(tarieven: readonly Tarief[], datum: string): Tarief | null {
  // 'YYYY-MM-DD' strings compare as dates.
  return tarieven.find((t) => t.geldigVan <= datum && (t.geldigTot === null || datum <= t.geldigTot)) ?? null;
}
