import type { Queryable } from '@sociaal-graph/toolkit';
import type { Product } from './product.type.js';

const COLUMNS = `id, wet, productcode, naam, productcategorie AS "productcategorieCode", eenheid AS "eenheidCode",
  frequentie AS "frequentieCode", perceel_id AS "perceelId"`;

/** Batch function: the products with these ids, in any order, misses left out. */
export function fetchProducten(db: Queryable, ids: readonly string[]): Promise<Product[]> {
  return db.query<Product>(`SELECT ${COLUMNS} FROM product WHERE id = ANY($1)`, [ids]);
}

/** Batch function: the products of these percelen, by productcode. */
export function fetchProductenByPerceel(db: Queryable, perceelIds: readonly string[]): Promise<Product[]> {
  return db.query<Product>(
    `SELECT ${COLUMNS} FROM product WHERE perceel_id = ANY($1) ORDER BY productcode, id`,
    [perceelIds],
  );
}
