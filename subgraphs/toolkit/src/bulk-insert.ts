import type { Queryable } from './database.js';
import { tableProgress } from './demo-loading.js';

/** PostgreSQL allows 65,535 parameters in one statement; stay well below it. */
const MAX_PARAMETERS = 30_000;

/**
 * Rows per piece of COPY text handed to the database: large enough that the per-piece overhead
 * vanishes, small enough that a piece (a few MB) and its progress line come often.
 */
const ROWS_PER_PIECE = 20_000;

/**
 * Fills a table as fast as the database takes rows: by `COPY ... FROM STDIN` where the connection
 * offers it (`Queryable.copyFrom`: PostgreSQL through pg-copy-streams, PGlite through its
 * `/dev/blob`), else by multi-row INSERT statements. The rows may be an array or any (async)
 * iterable, so an import can stream a file through it without holding it; `total`, when known,
 * lets a large table say how far it is. Used by the demo loaders (millions of rows at national
 * scale) and meant for any bulk import. Returns the number of rows written.
 */
export async function copyRows(
  db: Queryable,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly unknown[]> | AsyncIterable<readonly unknown[]>,
  total?: number,
): Promise<number> {
  assertIdentifier(table);
  columns.forEach(assertIdentifier);
  const reportInsertedRows = tableProgress(table);
  let written = 0;
  if (!db.copyFrom) {
    for await (const chunk of inChunks(rows, Math.max(1, Math.floor(MAX_PARAMETERS / columns.length)))) {
      await insertStatement(db, table, columns, chunk);
      written += chunk.length;
      reportInsertedRows(chunk.length, { done: written, total });
    }
  } else {
    const pieces = async function* (): AsyncGenerator<string> {
      for await (const chunk of inChunks(rows, ROWS_PER_PIECE)) {
        yield copyText(chunk, columns.length);
        written += chunk.length;
        // As handed over; the database is at most a piece or two behind.
        reportInsertedRows(chunk.length, { done: written, total });
      }
    };
    await db.copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`, pieces());
  }
  reportInsertedRows(0, { done: written, total: written, finished: true });
  return written;
}

/** `copyRows` for rows in hand (the demo loaders): fills `table` with them. */
export async function insertRows(
  db: Queryable,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  if (rows.length === 0) return;
  await copyRows(db, table, columns, rows, rows.length);
}

async function insertStatement(db: Queryable, table: string, columns: readonly string[], chunk: readonly (readonly unknown[])[]): Promise<void> {
  const params: unknown[] = [];
  const tuples = chunk.map((row) => {
    const placeholders = row.map((value) => {
      params.push(value);
      return `$${params.length}`;
    });
    return `(${placeholders.join(', ')})`;
  });
  await db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, params);
}

/**
 * The rows in arrays of `size`, pulled from `rows` only as each array is wanted: a generated stream is
 * never made further ahead than one chunk. A synchronous iterable is read without an await per row
 * (millions of rows nationally; `for await` would add a promise to each).
 */
async function* inChunks<T>(rows: Iterable<T> | AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  if (Symbol.iterator in rows) {
    if (Array.isArray(rows)) {
      for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
      return;
    }
    const iterator = rows[Symbol.iterator]();
    for (;;) {
      const chunk: T[] = [];
      let next = iterator.next();
      while (!next.done) {
        chunk.push(next.value);
        if (chunk.length >= size) break;
        next = iterator.next();
      }
      if (chunk.length > 0) yield chunk;
      if (next.done) return;
    }
  }
  let chunk: T[] = [];
  for await (const row of rows) {
    chunk.push(row);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** Table and column names go into the statement's text: only plain (optionally schema-qualified) identifiers. */
function assertIdentifier(name: string): void {
  if (!/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
}

/**
 * One row in COPY's text format (tab between columns, `\N` for null, backslash escapes), the
 * format both PostgreSQL and PGlite read. Written here rather than with a CSV library: the format
 * is four escapes, and a library would add a stream per row where this joins strings.
 */
export function copyLine(row: readonly unknown[], columns: number): string {
  return copyText([row], columns);
}

/**
 * Rows as one piece of COPY text. Each row's fields are joined, then the lines: V8 joins an array of
 * flat strings in one pass, where appending each field to one string builds a rope that has to be
 * flattened again (measured: joining was three to four times cheaper per row, and this is most of a
 * national load's CPU in Node, millions of rows).
 */
function copyText(rows: readonly (readonly unknown[])[], columns: number): string {
  const lines = new Array<string>(rows.length + 1);
  const fields = new Array<string>(columns);
  for (let r = 0; r < rows.length; r += 1) {
    const row = rows[r]!;
    if (row.length !== columns) throw new Error(`a row of ${row.length} values for ${columns} columns`);
    for (let i = 0; i < columns; i += 1) {
      const value = row[i];
      // The common case inline: a string without a character to escape is written as it is.
      fields[i] = typeof value === 'string' && !SPECIAL.test(value) ? value : copyField(value);
    }
    lines[r] = fields.join('\t');
  }
  lines[rows.length] = '';
  return lines.join('\n');
}

const SPECIAL = /[\\\n\r\t]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  switch (typeof value) {
    case 'string':
      return SPECIAL.test(value) ? value.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c]!) : value;
    case 'number':
    case 'bigint':
      return String(value);
    case 'boolean':
      return value ? 't' : 'f';
    default:
      break;
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return copyField(arrayLiteral(value));
  // Like pg's parameters: any other object goes in as JSON (a json/jsonb column).
  return copyField(JSON.stringify(value));
}

/** A PostgreSQL array literal (`{"a","b",NULL}`), as pg sends an array parameter. */
function arrayLiteral(values: readonly unknown[]): string {
  const items = values.map((item) => {
    if (item === null || item === undefined) return 'NULL';
    if (Array.isArray(item)) return arrayLiteral(item);
    const text = item instanceof Date ? item.toISOString() : typeof item === 'object' ? JSON.stringify(item) : String(item);
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  });
  return `{${items.join(',')}}`;
}
