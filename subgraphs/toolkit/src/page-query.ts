import type { Queryable } from './database.js';

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

/** A row of `queryPagesPerParent`: the row itself (all columns null for a parent without one) plus tags. */
export type ParentPageRow<R> = R & { __parent: string; __aantal: number };

/**
 * One page per parent key in one statement: `filteredSql` must select `parentColumn` (as named in
 * its output) and an `id`, and take the parent keys as `$1::text[]`. Paging applies per parent.
 * Returns rows tagged with `__parent` and `__aantal` (the parent's total); `pagesByParent` turns them
 * into pages.
 */
export async function queryPagesPerParent<R extends { id: string }>(
  db: Queryable,
  filteredSql: string,
  parentColumn: string,
  orderBy: string,
  params: readonly unknown[],
  page: PageRequest,
): Promise<ParentPageRow<R>[]> {
  const offset = params.length + 1;
  // Every parent key yields at least one row (the count join), so a parent with no rows on this
  // page still reports its total.
  return db.query<ParentPageRow<R>>(
    `WITH gefilterd AS (
       SELECT f.*, row_number() OVER (PARTITION BY f."${parentColumn}" ORDER BY ${orderBy}) AS "__rang"
       FROM (${filteredSql}) f
     )
     SELECT k.parent AS "__parent", coalesce(t.totaal, 0) AS "__aantal", g.*
     FROM unnest($1::text[]) AS k(parent)
     LEFT JOIN (SELECT "${parentColumn}" AS parent, count(*) AS totaal FROM gefilterd GROUP BY 1) t ON t.parent = k.parent
     LEFT JOIN gefilterd g
       ON g."${parentColumn}" = k.parent AND g."__rang" > $${offset} AND g."__rang" <= $${offset} + $${offset + 1}
     ORDER BY k.parent, g."__rang"`,
    [...params, page.offset, page.first],
  );
}

/** Groups the rows of `queryPagesPerParent` into a page per parent key, in the order of `keys`. */
export function pagesByParent<R extends { id: string }>(
  keys: readonly string[],
  rows: readonly ParentPageRow<R>[],
): RowPage<R>[] {
  const pages = new Map<string, RowPage<R>>();
  for (const row of rows) {
    const { __parent: parent, __aantal: aantal, __rang: _rang, ...rest } = row as ParentPageRow<R> & { __rang: unknown };
    let page = pages.get(parent);
    if (!page) {
      page = { totaal: aantal, items: [] };
      pages.set(parent, page);
    }
    // Without its tags the row has exactly R's columns (see queryPage).
    if (rest.id !== null) page.items.push(rest as unknown as R);
  }
  return keys.map((key) => pages.get(key) ?? { totaal: 0, items: [] });
}
