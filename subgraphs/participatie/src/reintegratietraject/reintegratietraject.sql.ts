import { type Queryable, queryPage, type RowPage } from '@sociaal-graph/toolkit';
import type { ScopeParameter } from '../scope.js';
import type { Reintegratietraject } from './reintegratietraject.type.js';

const COLUMNS = `id, inwoner_id AS "inwonerId", gemeente_code AS "gemeenteCode", instrument AS "instrumentCode",
  aanbieder_agb AS "aanbiederAgb", startdatum, einddatum, resultaat AS "resultaatCode"`;

/** Newest first; the id breaks ties in byte order, so pages are stable. */
const ORDER = `startdatum DESC, id COLLATE "C"`;

/** Filter of the top-level list. */
export interface ReintegratietrajectFilter {
  scope: ScopeParameter;
  gemeente: string | null;
  instrument: string | null;
}

/** Batch: trajecten by id, within the scope; rows come in any order. */
export function fetchReintegratietrajectenByIds(
  db: Queryable,
  ids: readonly string[],
  scope: ScopeParameter,
): Promise<Reintegratietraject[]> {
  return db.query<Reintegratietraject>(
    `SELECT ${COLUMNS} FROM reintegratietraject WHERE id = ANY($1) AND ($2::text[] IS NULL OR gemeente_code = ANY($2))`,
    [ids, scope],
  );
}

/** Batch: the trajecten of residents, within the scope, newest first. */
export function fetchReintegratietrajectenByInwoners(
  db: Queryable,
  inwonerIds: readonly string[],
  scope: ScopeParameter,
): Promise<Reintegratietraject[]> {
  return db.query<Reintegratietraject>(
    `SELECT ${COLUMNS} FROM reintegratietraject
     WHERE inwoner_id = ANY($1) AND ($2::text[] IS NULL OR gemeente_code = ANY($2)) ORDER BY ${ORDER}`,
    [inwonerIds, scope],
  );
}

/** One page of trajecten for the top-level list. */
export function fetchReintegratietrajectPage(
  db: Queryable,
  filter: ReintegratietrajectFilter,
  page: { first: number; offset: number },
): Promise<RowPage<Reintegratietraject>> {
  return queryPage<Reintegratietraject>(
    db,
    `SELECT ${COLUMNS} FROM reintegratietraject
     WHERE ($1::text[] IS NULL OR gemeente_code = ANY($1)) AND ($2::text IS NULL OR gemeente_code = $2)
       AND ($3::text IS NULL OR instrument = $3)`,
    ORDER,
    [filter.scope, filter.gemeente, filter.instrument],
    page,
  );
}
