import { type Queryable, queryPage, type RowPage } from '@sociaal-graph/toolkit';
import type { SubsidieFilter } from '../subsidie/subsidie.input.js';
import type { Voorveldrapportage } from './voorveldrapportage.type.js';

const COLUMNS = `id, partner_id AS "partnerId", gemeente_code AS "gemeenteCode", jaar, kwartaal, activiteit,
  aantal_deelnemers AS "aantalDeelnemers", aantal_contacten AS "aantalContacten"`;

/** Newest quarter first; the id breaks ties in byte order, so pages are stable. */
const ORDER = `jaar DESC, kwartaal DESC, id COLLATE "C"`;

/** Batch: rapportages by id; rows come in any order. */
export function fetchVoorveldrapportagesByIds(db: Queryable, ids: readonly string[]): Promise<Voorveldrapportage[]> {
  return db.query<Voorveldrapportage>(`SELECT ${COLUMNS} FROM voorveldrapportage WHERE id = ANY($1)`, [ids]);
}

/** One page of rapportages for the top-level list. */
export function fetchVoorveldrapportagePage(
  db: Queryable,
  filter: SubsidieFilter,
  page: { first: number; offset: number },
): Promise<RowPage<Voorveldrapportage>> {
  return queryPage<Voorveldrapportage>(
    db,
    `SELECT ${COLUMNS} FROM voorveldrapportage
     WHERE ($1::text IS NULL OR gemeente_code = $1) AND ($2::int IS NULL OR jaar = $2) AND ($3::text IS NULL OR partner_id = $3)`,
    ORDER,
    [filter.gemeente, filter.jaar, filter.partner],
    page,
  );
}
