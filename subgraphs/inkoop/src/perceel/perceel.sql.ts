import type { Queryable } from '@sociaal-graph/toolkit';
import type { Perceel } from './perceel.type.js';

/** Batch function: the percelen of these contracts, by name. */
export function fetchPercelenByContract(db: Queryable, contractIds: readonly string[]): Promise<Perceel[]> {
  return db.query<Perceel>(
    `SELECT id, naam, contract_id AS "contractId" FROM perceel WHERE contract_id = ANY($1) ORDER BY naam, id`,
    [contractIds],
  );
}
