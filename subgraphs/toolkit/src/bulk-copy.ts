import type { Transaction } from './database.js';

/**
 * One value as a CSV field for COPY: null is an unquoted empty field (NULL), every other value is
 * quoted with its quotes doubled, so an empty string stays an empty string. Written here rather than
 * with a CSV library: these two rules are all COPY's CSV format needs.
 */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  return `"${text.replaceAll('"', '""')}"`;
}

/** Rows as COPY's CSV text, one line each. */
export function rowsAsCsv(rows: readonly (readonly unknown[])[]): string {
  let csv = '';
  for (const row of rows) csv += `${row.map(csvField).join(',')}\n`;
  return csv;
}

/**
 * Copies rows into a table with one COPY statement (PostgreSQL and PGlite): the bulk path of the CSV
 * import, where a staging table takes a whole file before one set-based merge.
 */
export async function copyRows(tx: Transaction, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.copyCsv(table, columns, rowsAsCsv(rows));
}
