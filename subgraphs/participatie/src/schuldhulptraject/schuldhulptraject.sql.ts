import { type Queryable, queryPage, type RowPage } from '@sociaal-graph/toolkit';
import type { ScopeParameter } from '../scope.js';
import type { Schuldhulptraject } from './schuldhulptraject.type.js';

const COLUMNS = `id, inwoner_id AS "inwonerId", gemeente_code AS "gemeenteCode", fase AS "faseCode", startdatum,
  einddatum, schuldbedrag, aantal_schuldeisers AS "aantalSchuldeisers"`;

/** Newest first; the id breaks ties in byte order, so pages are stable. */
const ORDER = `startdatum DESC, id COLLATE "C"`;

/** Batch: trajecten by id, within the scope; rows come in any order. */
export function fetchSchuldhulptrajectenByIds(
  db: Queryable,
  ids: readonly string[],
  scope: ScopeParameter,
): Promise<Schuldhulptraject[]> {
  return db.query<Schuldhulptraject>(
    `SELECT ${COLUMNS} FROM schuldhulptraject WHERE id = ANY($1) AND ($2::text[] IS NULL OR gemeente_code = ANY($2))`,
    [ids, scope],
  );
}

/** Batch: the trajecten of residents, within the scope, newest first. */
export function fetchSchuldhulptrajectenByInwoners(
  db: Queryable,
  inwonerIds: readonly string[],
  scope: ScopeParameter,
): Promise<Schuldhulptraject[]> {
  return db.query<Schuldhulptraject>(
    `SELECT ${COLUMNS} FROM schuldhulptraject
     WHERE inwoner_id = ANY($1) AND ($2::text[] IS NULL OR gemeente_code = ANY($2)) ORDER BY ${ORDER}`,
    [inwonerIds, scope],
  );
}

/** One page of trajecten for the top-level list. */
export function fetchSchuldhulptrajectPage(
  db: Queryable,
  filter: { scope: ScopeParameter; gemeente: string | null },
  page: { first: number; offset: number },
): Promise<RowPage<Schuldhulptraject>> {
  return queryPage<Schuldhulptraject>(
    db,
    `SELECT ${COLUMNS} FROM schuldhulptraject
     WHERE ($1::text[] IS NULL OR gemeente_code = ANY($1)) AND ($2::text IS NULL OR gemeente_code = $2)`,
    ORDER,
    [filter.scope, filter.gemeente],
    page,
  );
}
