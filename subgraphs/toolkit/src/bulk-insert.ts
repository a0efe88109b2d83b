import type { Queryable } from './database.js';
import { reportInsertedRows } from './demo-loading.js';

/** PostgreSQL allows 65,535 parameters in one statement; stay well below it. */
const MAX_PARAMETERS = 30_000;

/**
 * Inserts rows in multi-row INSERT statements, as many rows per statement as the parameter limit
 * allows. Used by the demo loaders, where thousands of rows go in at start-up.
 */
export async function insertRows(
  db: Queryable,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = row.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, params);
    reportInsertedRows(table, chunk.length, { done: start + chunk.length, total: rows.length });
  }
}
