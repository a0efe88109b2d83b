import { type Queryable, queryPage, type RowPage } from '@sociaal-graph/toolkit';
import type { ScopeParameter } from '../scope.js';
import type { Minimaregeling } from './minimaregeling.type.js';

const COLUMNS = `id, inwoner_id AS "inwonerId", gemeente_code AS "gemeenteCode", regeling AS "regelingCode", jaar, bedrag`;

/** Newest year first; the id breaks ties in byte order, so pages are stable. */
const ORDER = `jaar DESC, id COLLATE "C"`;

/** Batch: toekenningen by id, within the scope; rows come in any order. */
export function fetchMinimaregelingenByIds(
  db: Queryable,
  ids: readonly string[],
  scope: ScopeParameter,
): Promise<Minimaregeling[]> {
  return db.query<Minimaregeling>(
    `SELECT ${COLUMNS} FROM minimaregeling WHERE id = ANY($1) AND ($2::text[] IS NULL OR gemeente_code = ANY($2))`,
    [ids, scope],
  );
}

/** Batch: the toekenningen of residents, within the scope, newest year first. */
export function fetchMinimaregelingenByInwoners(
  db: Queryable,
  inwonerIds: readonly string[],
  scope: ScopeParameter,
): Promise<Minimaregeling[]> {
  return db.query<Minimaregeling>(
    `SELECT ${COLUMNS} FROM minimaregeling
     WHERE inwoner_id = ANY($1) AND ($2::text[] IS NULL OR gemeente_code = ANY($2)) ORDER BY ${ORDER}`,
    [inwonerIds, scope],
  );
}

/** One page of toekenningen for the top-level list. */
export function fetchMinimaregelingPage(
  db: Queryable,
  filter: { scope: ScopeParameter; gemeente: string | null; jaar: number | null },
  page: { first: number; offset: number },
): Promise<RowPage<Minimaregeling>> {
  return queryPage<Minimaregeling>(
    db,
    `SELECT ${COLUMNS} FROM minimaregeling
     WHERE ($1::text[] IS NULL OR gemeente_code = ANY($1)) AND ($2::text IS NULL OR gemeente_code = $2)
       AND ($3::int IS NULL OR jaar = $3)`,
    ORDER,
    [filter.scope, filter.gemeente, filter.jaar],
    page,
  );
}
