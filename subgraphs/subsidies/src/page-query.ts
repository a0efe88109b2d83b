import type { Queryable } from '@sociaal-graph/toolkit';

/** A page of rows with the total that matched the filter. */
export interface RowPage<R> {
  totaal: number;
  items: R[];
}

interface PageRequest {
  first: number;
  offset: number;
}

/**
 * Runs `filteredSql` (a SELECT with its WHERE, without ORDER BY or LIMIT; its rows must have an
 * `id`) for one page and its total, in one statement. `first` and `offset` are appended as the
 * last two parameters.
 */
export async function queryPage<R extends { id: string }>(
  db: Queryable,
  filteredSql: string,
  orderBy: string,
  params: readonly unknown[],
  page: PageRequest,
): Promise<RowPage<R>> {
  const limit = params.length + 1;
  // The count row always exists; the page is joined to it, so an empty page still brings the total.
  const rows = await db.query<R & { __totaal: number }>(
    `WITH gefilterd AS (${filteredSql})
     SELECT t.totaal AS "__totaal", p.*
     FROM (SELECT count(*) AS totaal FROM gefilterd) t
     LEFT JOIN LATERAL (SELECT * FROM gefilterd ORDER BY ${orderBy} LIMIT $${limit} OFFSET $${limit + 1}) p ON true`,
    [...params, page.first, page.offset],
  );
  // Without its tag a row has exactly R's columns; TypeScript cannot see that an Omit of R & T is R.
  return {
    totaal: rows[0]?.__totaal ?? 0,
    items: rows.filter((row) => row.id !== null).map(({ __totaal: _totaal, ...row }) => row as unknown as R),
  };
}
