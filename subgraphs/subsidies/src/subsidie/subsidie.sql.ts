import { type Queryable, queryPage, type RowPage } from '@sociaal-graph/toolkit';
import type { SubsidieFilter } from './subsidie.input.js';
import type { Subsidie } from './subsidie.type.js';

const COLUMNS = `id, partner_id AS "partnerId", gemeente_code AS "gemeenteCode", jaar, soort AS "soortCode",
  aangevraagd, verleend, vastgesteld, budgetplafond, status AS "statusCode"`;

/** Newest year first; the id breaks ties in byte order, so pages are stable. */
const ORDER = `jaar DESC, id COLLATE "C"`;

// Subsidy data is public (docs/mandates.md "Who uses it"): no scope filter.

/** Batch: subsidies by id; rows come in any order. */
export function fetchSubsidiesByIds(db: Queryable, ids: readonly string[]): Promise<Subsidie[]> {
  return db.query<Subsidie>(`SELECT ${COLUMNS} FROM subsidie WHERE id = ANY($1)`, [ids]);
}

/** Batch: the subsidies of partners, optionally of one year, newest first. */
export function fetchSubsidiesByPartners(db: Queryable, partnerIds: readonly string[], jaar: number | null): Promise<Subsidie[]> {
  return db.query<Subsidie>(
    `SELECT ${COLUMNS} FROM subsidie WHERE partner_id = ANY($1) AND ($2::int IS NULL OR jaar = $2) ORDER BY ${ORDER}`,
    [partnerIds, jaar],
  );
}

/** Batch: the subsidies granted by gemeenten, optionally of one year, newest first. */
export function fetchSubsidiesByGemeenten(db: Queryable, codes: readonly string[], jaar: number | null): Promise<Subsidie[]> {
  return db.query<Subsidie>(
    `SELECT ${COLUMNS} FROM subsidie WHERE gemeente_code = ANY($1) AND ($2::int IS NULL OR jaar = $2) ORDER BY ${ORDER}`,
    [codes, jaar],
  );
}

/** One page of subsidies for the top-level list. */
export function fetchSubsidiePage(
  db: Queryable,
  filter: SubsidieFilter,
  page: { first: number; offset: number },
): Promise<RowPage<Subsidie>> {
  return queryPage<Subsidie>(
    db,
    `SELECT ${COLUMNS} FROM subsidie
     WHERE ($1::text IS NULL OR gemeente_code = $1) AND ($2::int IS NULL OR jaar = $2) AND ($3::text IS NULL OR partner_id = $3)`,
    ORDER,
    [filter.gemeente, filter.jaar, filter.partner],
    page,
  );
}
