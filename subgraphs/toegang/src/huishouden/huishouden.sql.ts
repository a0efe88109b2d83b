import type { Queryable } from '@sociaal-graph/toolkit';
import type { ToegangScope } from '../scope.js';

/** One household as the SQL returns it. */
export interface HuishoudenRow {
  id: string;
  gemeenteCode: string;
  samenstelling: string;
  postcode: string;
  huisnummer: number;
}

/** Batch: households by id within the caller's resident scope; misses are left out. */
export function huishoudensByIds(db: Queryable, ids: readonly string[], scope: ToegangScope): Promise<HuishoudenRow[]> {
  return db.query<HuishoudenRow>(
    `SELECT h.id, h.gemeente_code AS "gemeenteCode", h.samenstelling, h.postcode, h.huisnummer
     FROM huishouden h
     WHERE h.id = ANY($1::text[]) AND ($2::text[] IS NULL OR h.gemeente_code = ANY($2::text[]))`,
    [ids, scope.inwoner],
  );
}
