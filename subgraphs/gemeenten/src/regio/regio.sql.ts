import type { Queryable } from '@sociaal-graph/toolkit';
import type { Regio } from './regio.type.js';

const REGIO_COLUMNS = `r.code, r.naam, r.organisatie_id AS "organisatieId"`;

/** Batch function: the regions with these codes, in any order, misses left out. */
export function fetchRegios(db: Queryable, codes: readonly string[]): Promise<Regio[]> {
  return db.query<Regio>(`SELECT ${REGIO_COLUMNS} FROM regio r WHERE r.code = ANY($1::text[])`, [codes]);
}

/** Every region, ordered by name (a short reference list). */
export function fetchAlleRegios(db: Queryable): Promise<Regio[]> {
  return db.query<Regio>(`SELECT ${REGIO_COLUMNS} FROM regio r ORDER BY r.naam, r.code`);
}
