import type { Queryable } from '@sociaal-graph/toolkit';
import type { Prestatieafspraak } from './prestatieafspraak.type.js';

const COLUMNS = `id, subsidie_id AS "subsidieId", indicator, eenheid, afgesproken, gerealiseerd`;

/** Batch: afspraken by id; rows come in any order. */
export function fetchPrestatieafsprakenByIds(db: Queryable, ids: readonly string[]): Promise<Prestatieafspraak[]> {
  return db.query<Prestatieafspraak>(`SELECT ${COLUMNS} FROM prestatieafspraak WHERE id = ANY($1)`, [ids]);
}

/** Batch: the afspraken of subsidies, by indicator. */
export function fetchPrestatieafsprakenBySubsidies(db: Queryable, subsidieIds: readonly string[]): Promise<Prestatieafspraak[]> {
  return db.query<Prestatieafspraak>(
    `SELECT ${COLUMNS} FROM prestatieafspraak WHERE subsidie_id = ANY($1) ORDER BY indicator COLLATE "C", id COLLATE "C"`,
    [subsidieIds],
  );
}
