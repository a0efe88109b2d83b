import { type Queryable, queryPage, type RowPage } from '@sociaal-graph/toolkit';
import type { Subsidiepartner } from './subsidiepartner.type.js';

const COLUMNS = `id, naam, kvk_nummer AS "kvkNummer", thema AS "themaCode"`;

// Subsidy data is public (docs/mandates.md "Who uses it": subsidies and budgets are public): no scope filter.

/** Batch: partners by id; rows come in any order. */
export function fetchSubsidiepartnersByIds(db: Queryable, ids: readonly string[]): Promise<Subsidiepartner[]> {
  return db.query<Subsidiepartner>(`SELECT ${COLUMNS} FROM subsidiepartner WHERE id = ANY($1)`, [ids]);
}

/** One page of partners, by name. */
export function fetchSubsidiepartnerPage(
  db: Queryable,
  filter: { thema: string | null },
  page: { first: number; offset: number },
): Promise<RowPage<Subsidiepartner>> {
  return queryPage<Subsidiepartner>(
    db,
    `SELECT ${COLUMNS} FROM subsidiepartner WHERE ($1::text IS NULL OR thema = $1)`,
    `naam COLLATE "C", id COLLATE "C"`,
    [filter.thema],
    page,
  );
}
