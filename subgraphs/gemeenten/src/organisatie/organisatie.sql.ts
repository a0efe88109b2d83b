import type { Queryable } from '@sociaal-graph/toolkit';
import type { Organisatie } from './organisatie.type.js';

/** Batch function: the organisations with these ids, in any order, misses left out. */
export function fetchOrganisaties(db: Queryable, ids: readonly string[]): Promise<Organisatie[]> {
  return db.query<Organisatie>(
    `SELECT o.id, o.naam, o.soort, o.vestiging_gemeente_code AS "vestigingGemeenteCode"
       FROM organisatie o WHERE o.id = ANY($1::text[])`,
    [ids],
  );
}
