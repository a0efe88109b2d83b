import type { Queryable } from '@sociaal-graph/toolkit';
import { inwonerScopeParameters, inwonerZichtbaar, type ToegangScope } from '../scope.js';

/** One household as the SQL returns it. */
export interface HuishoudenRow {
  id: string;
  gemeenteCode: string;
  samenstelling: string;
  postcode: string;
  huisnummer: number;
}

/** Batch: households by id that have at least one member visible to the caller; misses are left out. */
export function huishoudensByIds(db: Queryable, ids: readonly string[], scope: ToegangScope): Promise<HuishoudenRow[]> {
  return db.query<HuishoudenRow>(
    `SELECT h.id, h.gemeente_code AS "gemeenteCode", h.samenstelling, h.postcode, h.huisnummer
     FROM huishouden h
     WHERE h.id = ANY($1::text[])
       AND EXISTS (SELECT 1 FROM inwoner i WHERE i.huishouden_id = h.id AND ${inwonerZichtbaar('i', 2)})`,
    [ids, ...inwonerScopeParameters(scope)],
  );
}
