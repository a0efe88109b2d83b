import { mkdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite, parse as pgliteParse, protocol, types as pgliteTypes } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import { DomainError } from './errors.js';
import { createLogger } from './observability/logger.js';
import { withStatementSpan } from './observability/tracing.js';
import { type Samenvoeging, vraagSamengevoegd } from './statement-merging.js';

/** What every data-access function needs: one SQL statement with parameters. */
export interface Queryable {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<R[]>;
  /**
   * Bulk load (`copyRows` in bulk-insert.ts): runs `COPY <table> (<columns>) FROM STDIN`, a statement
   * the caller built from checked identifiers, with `pieces` as its data in COPY's text format.
   * Absent where the connection cannot copy (`copyRows` then inserts).
   */
  copyFrom?(statement: string, pieces: AsyncIterable<string>): Promise<void>;
}

/** How one statement is run. */
export interface QueryOptions {
  /**
   * `generiek`: a lookup whose plan does not depend on its values (rows by key through the key's index,
   * the scope as a filter on them), such as the resident view's. On PGlite it keeps one generic plan
   * instead of being planned for each run's values (about half of such a statement's CPU, issue 14);
   * PostgreSQL servers ignore it (node-postgres sends unnamed statements, planned with their values).
   * Default: planned for each run's values (`plan_cache_mode = force_custom_plan`, see runPrepared).
   */
  readonly plan?: 'generiek';
  /**
   * A lookup by key that may run merged with the same lookup of other requests in the same turn
   * (statement-merging.ts, issue 14); only through a request's view of the database (`withDeadline`).
   */
  readonly samenvoegen?: Samenvoeging;
}

/**
 * One subgraph's database: its own PostgreSQL schema on a server (`DATABASE_URL`) or in an
 * embedded PGlite data directory. The same SQL runs on both.
 */
export interface Database extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  readonly schema: string;
  /** Statements sent so far; tests read it to show that a list costs a constant number of them. */
  readonly statementCount: number;
  /**
   * A statement of the audit trail (Logboek): not counted in `statementCount`, which measures
   * what serving the data costs, so one log write per request does not blur those tests.
   */
  logboekQuery(text: string, params?: readonly unknown[]): Promise<void>;
  /**
   * The instance this database shares with other subgraphs' schemas (`openSharedPglite`, the one-process
   * graph); absent when the database is its own. Its Logboek records are written by one writer per instance.
   */
  readonly gedeeld?: GedeeldeInstantie;
  /** Several statements in one go (migrations). */
  exec(sql: string): Promise<void>;
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Connections now (metrics): PostgreSQL's pool, or PGlite's one connection and its queue. */
  poolState(): PoolState;
  close(): Promise<void>;
}

/** One database instance that several subgraphs' schemas share (`Database.gedeeld`). */
export interface GedeeldeInstantie {
  /**
   * A Logboek statement that names every table with its schema, so it runs whatever schema the connection
   * points at (no `SET search_path` for it) and may write into several schemas at once, in one commit.
   * Not counted in any subgraph's `statementCount`.
   */
  logboekQuery(text: string, params?: readonly unknown[]): Promise<void>;
}

export interface PoolState {
  readonly total: number;
  readonly idle: number;
  /** Statements (PGlite) or requests for a connection (pool) waiting. */
  readonly waiting: number;
}

export type DatabaseOptions =
  | {
      url: string;
      schema: string;
      dataDir?: undefined;
      /**
       * PostgreSQL's `statement_timeout` for every statement outside a transaction (the serving path;
       * migrations and the demo load run in transactions, without it). Default none.
       */
      statementTimeoutMs?: number;
    }
  /** `dataDir` undefined with no url: in memory (tests). PGlite has no statement timeout (see `withDeadline`). */
  | { url?: undefined; schema: string; dataDir?: string; statementTimeoutMs?: undefined };

// Dates stay 'YYYY-MM-DD' strings (no time-zone shifts); int8 sums of eurocent fit a JS number.
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** Opens the database described by the options and points it at the subgraph's schema. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  assertSchemaName(options.schema);
  return options.url ? openPostgres(options.url, options.schema, options.statementTimeoutMs) : openPglite(options.schema, options.dataDir);
}

/** PostgreSQL's SQLSTATE for a statement cancelled by `statement_timeout` (query_canceled). */
const QUERY_CANCELED = '57014';

/**
 * The database as one request sees it (issue 11, item 2): no statement starts after `deadline`
 * (epoch milliseconds), and a statement PostgreSQL cancels for its `statement_timeout` fails the
 * same way, with `OPERATION_TIMEOUT`, so no single operation holds the subgraph longer than its
 * request timeout plus one statement. PGlite accepts `SET statement_timeout` but cannot interrupt a
 * running statement (its WASM build has no timer signal; tried: a 95 s statement ran through a
 * 200 ms timeout), so there the deadline is checked between statements only. The audit trail is
 * written whatever the deadline: a failed request is logged too.
 */
export function withDeadline(db: Database, deadline: number, timeoutMs: number): Database {
  // Made once per subgraph call: a bare Object.create and two assignments, not a descriptor object, and
  // the error built only when it is thrown (issue 14: about 1.5 µs per call less on the subgraphs' thread).
  const view = Object.create(db) as { -readonly [K in keyof Database]: Database[K] } & { [ONDERLIGGEND]?: Database };
  view[ONDERLIGGEND] = onderliggendeDatabase(db);
  view.query = async <R>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<R[]> => {
    if (Date.now() > deadline) throw timedOut(timeoutMs);
    try {
      return await vraagSamengevoegd<R>(db, text, params, options);
    } catch (error) {
      if ((error as { code?: unknown }).code === QUERY_CANCELED) throw timedOut(timeoutMs, error as Error);
      throw error;
    }
  };
  return view as Database;
}

function timedOut(timeoutMs: number, originalError?: Error): DomainError {
  return new DomainError(`De aanvraag duurde langer dan ${timeoutMs} ms en is afgebroken; vraag minder of kleinere pagina's.`, {
    code: 'OPERATION_TIMEOUT',
    originalError,
  });
}

const ONDERLIGGEND = Symbol('onderliggende database');

/**
 * The subgraph's own database behind a request's view of it (`withDeadline` makes one per request), or
 * `db` itself: the key for what is kept per database, such as the Logboek's group-commit writer, which
 * must be shared by all requests to batch their records.
 */
export function onderliggendeDatabase<D extends object>(db: D): D {
  return (db as { [ONDERLIGGEND]?: D })[ONDERLIGGEND] ?? db;
}

function assertSchemaName(schema: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
}

async function openPostgres(url: string, schema: string, statementTimeoutMs?: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    options: `-c search_path=${schema}`,
    ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === DATE_OID) return (value: string) => value;
        if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
        return pg.types.getTypeParser(oid, format ?? 'text');
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', (error) => createLogger(schema).error({ err: error }, 'idle PostgreSQL client failed'));
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  let statementCount = 0;
  const query = async <R>(client: pg.Pool | pg.PoolClient, text: string, params?: readonly unknown[]) => {
    statementCount += 1;
    const result = await client.query(text, params as unknown[] | undefined);
    return result.rows as R[];
  };
  // pg-copy-streams writes the pieces to the server as they come, waiting while its buffer is full.
  const copyFrom = async (client: pg.PoolClient, statement: string, pieces: AsyncIterable<string>) => {
    statementCount += 1;
    await pipeline(Readable.from(pieces), client.query(copyFromStdin(statement)));
  };
  return {
    kind: 'postgres',
    schema,
    get statementCount() {
      return statementCount;
    },
    query: (text, params) => query(pool, text, params),
    copyFrom: async (statement, pieces) => {
      const client = await pool.connect();
      try {
        await copyFrom(client, statement, pieces);
      } finally {
        client.release();
      }
    },
    logboekQuery: async (text, params) => {
      await pool.query(text, params as unknown[] | undefined);
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // Migrations and the demo load may take long; the statement timeout bounds requests only.
        if (statementTimeoutMs) await client.query('SET LOCAL statement_timeout = 0');
        const result = await fn({
          query: (text, params) => query(client, text, params),
          copyFrom: (statement, pieces) => copyFrom(client, statement, pieces),
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    poolState: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => pool.end(),
  };
}

/** The most COPY text (in characters) PGlite is handed in one Blob. */
const COPY_BLOB_BYTES = 32 * 1024 * 1024;

/** One PGlite instance: one connection, so every statement waits its turn in `serial`. */
interface PgliteConnection {
  readonly db: PGlite;
  serial<T>(work: () => Promise<T>): Promise<T>;
  /** Statements waiting or running. */
  readonly queued: number;
  /** The schema `search_path` points at now (one per connection, shared by the schemas on it). */
  schema?: string;
  /** Whether `plan_cache_mode` is `force_generic_plan` now (a `plan: 'generiek'` statement ran last). */
  generiek: boolean;
  /** Named (prepared) statements on this connection by schema and text, least recently used first (`runPrepared`). */
  readonly statements: Map<string, PreparedStatement>;
  /** Statements to close (evicted from `statements`), sent with the next prepare. */
  readonly toClose: string[];
  nextStatement: number;
  /**
   * Schemas whose `SET search_path` is a named statement on this connection, with the Bind and Execute that run it
   * (`zoekpadWissel`): the same bytes every time, so they are serialised once.
   */
  readonly zoekpaden: Map<string, readonly Uint8Array[]>;
}

interface PreparedStatement {
  readonly name: string;
  /** The parameters' type OIDs as PostgreSQL inferred them when it parsed the text (to serialise values). */
  readonly paramOids: readonly number[];
  /**
   * The result's columns as the statement's own Describe gave them when it was prepared, so that a run
   * asks no Describe of its portal (issue 14): a statement's columns stay fixed while it is kept, and a
   * change by DDL fails the run with 0A000, which prepares it anew (`STALE_STATEMENT`).
   */
  readonly columns: readonly Column[];
}

interface Column {
  readonly name: string;
  readonly oid: number;
  /** PGlite's parser for the column's type (ours or its default); absent: the text as it is. */
  readonly parse?: (value: string, oid: number) => unknown;
}

/** The most named statements kept on one PGlite connection; the serving path has a few hundred texts at most. */
const MAX_PREPARED_STATEMENTS = 1000;
const { serialize } = protocol;
const EXECUTE = serialize.execute({});
const SYNC = serialize.sync();
/** Message codes of the frontend/backend protocol read or written by hand (`uitvoering`, `rijenVan`). */
const BIND = 0x42;
const DATA_ROW = 0x44;
const ERROR_RESPONSE = 0x45;
type BackendMessage = Awaited<ReturnType<PGlite['execProtocolStream']>>[number];
type RowDescription = InstanceType<typeof protocol.messages.RowDescriptionMessage>;
/**
 * The settings a `plan: 'generiek'` statement is planned under. Such a lookup reads rows by key and is meant
 * to go through the key's index, but with PostgreSQL's default random_page_cost (4, a disk's seeks) the
 * planner scans a small table whole and compares every row with every key (issue 14: inkoop's aanbieders,
 * contracts and tariffs of the resident view, 0.95 ms a run; 0.53 ms through their indexes). PGlite's pages
 * are in memory, where a random read costs about what a sequential one does. A generic plan is made once, at
 * the first run after it is prepared, so it keeps the setting it was made under; every other statement is
 * planned with the defaults (`PLANNEN_MET_WAARDEN`). Bitmap scans are off for them too: a generic plan does not
 * know how many keys a run brings and reads them through a bitmap, whose building and heap recheck cost more than
 * following the index to each row when the pages are in memory (issue 14: the resident view's six lookups, the
 * same rows, 10-35 % less CPU each with one key or ten, alternated on its world; none of them combines indexes).
 */
const GENERIEK_PLANNEN = 'SET plan_cache_mode = force_generic_plan; SET random_page_cost = 1.1; SET enable_bitmapscan = off';
const PLANNEN_MET_WAARDEN = 'SET plan_cache_mode = force_custom_plan; RESET random_page_cost; RESET enable_bitmapscan';
/**
 * `LOGBOEK_PLAN`: a Logboek write (`logboekQuery`) runs under whichever plan mode the connection is in, not under
 * `GENERIEK_PLANNEN`: logboek_schrijf keeps its own generic plan (its SET plan_cache_mode, logboek_004), and the
 * statement around it only calls it, a plan made in a moment (its INSERT reads no table, so the other settings of
 * `GENERIEK_PLANNEN` change nothing in its plan). Asking for the generic mode cost two more simple queries
 * per write on a connection whose other statements mostly plan with their values (the mode set, then set back):
 * issue 14, a write of 3 verwerkingen after another schema's statement, alternating in one run on PGlite, 740 against
 * 867 µs of CPU (median; p25 650 against 759); the resident view at 50 connections (measure-cpu-per-request, alternated
 * with main on a busy machine, two rounds) 2.88 against 3.17 and 3.22 against 3.31 ms of CPU per view.
 */
const logboekPlan = (connection: Pick<PgliteConnection, 'generiek'>): QueryOptions => (connection.generiek ? { plan: 'generiek' } : {});
/** SQLSTATEs of a named statement gone stale (dropped, or its result changed after DDL): prepare it anew, once. */
const STALE_STATEMENT = new Set(['26000', '0A000']);

/**
 * One statement of the serving path on PGlite as a named (prepared) statement, in one call into PGlite
 * (issue 14). `PGlite.query` sends Parse, Describe, Bind, Describe, Execute and Sync as six calls into
 * its WebAssembly backend and has PostgreSQL parse and analyse the text every time; here the text is
 * parsed and described once per connection and each later run is Bind, Execute and Sync in one call,
 * its rows built from the columns kept from that Describe. A schema switch runs in the same call and
 * the same transaction (`zoekpadWissel`). Plans stay custom plans made for each run's values
 * (`plan_cache_mode`, set when the connection opens), so every statement gets the plan it got before.
 * PostgreSQL re-analyses a named statement by itself when a table it reads changes, and when
 * `search_path` differs from the one it was prepared under. Called inside `serial`. Not for PostgreSQL
 * servers: named statements fail behind pgbouncer's transaction pooling (commit 9b380e8).
 */
async function runPrepared<R>(
  connection: PgliteConnection,
  schema: string | undefined,
  text: string,
  params: readonly unknown[] = [],
  options: QueryOptions = {},
  retried = false,
): Promise<R[]> {
  const { db } = connection;
  if (db.closed) throw new Error('PGlite is closed');
  const key = `${schema ?? ''}\u0000${text}`;
  let statement = connection.statements.get(key);
  let switchTo = schema !== undefined && connection.schema !== schema ? schema : undefined;
  // The plan mode the statement asks for, set in the same call when the last statement ran under the other.
  const generiek = options.plan === 'generiek';
  const planMode = connection.generiek !== generiek ? [serialize.query(generiek ? GENERIEK_PLANNEN : PLANNEN_MET_WAARDEN)] : [];
  connection.generiek = generiek;
  if (statement) {
    // Least recently used first: the Map's order.
    connection.statements.delete(key);
    connection.statements.set(key, statement);
  } else {
    const name = `sg_${(connection.nextStatement += 1)}`;
    const closing = connection.toClose.splice(0).map((old) => serialize.close({ type: 'S', name: old }));
    // Prepared under the schema it runs in: a simple query, its own transaction, so a text that fails to parse leaves it set.
    const setSchema = switchTo === undefined ? [] : [serialize.query(`SET search_path TO ${switchTo}`)];
    try {
      const described = await db.execProtocolStream(
        Buffer.concat([...planMode, ...setSchema, ...closing, serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), SYNC]),
        { syncToFs: false },
      );
      statement = { name, paramOids: pgliteParse.parseDescribeStatementResults(described), columns: columnsOf(db, described) };
    } catch (error) {
      if (setSchema.length > 0) connection.schema = undefined;
      throw withStatement(error, text, params);
    }
    if (switchTo !== undefined) connection.schema = switchTo;
    switchTo = undefined;
    planMode.length = 0;
    connection.statements.set(key, statement);
    if (connection.statements.size > MAX_PREPARED_STATEMENTS) {
      const [oldest] = connection.statements;
      connection.statements.delete(oldest![0]);
      connection.toClose.push(oldest![1].name);
    }
  }
  const values = params.map((param, i) => {
    if (param === null || param === undefined) return null;
    const serializer = db.serializers[statement.paramOids[i]!];
    return serializer ? serializer(param) : String(param);
  });
  // Kept per schema; prepared (a call of its own) the first time only, so that a run does not wait a turn for it.
  const switchSchema = switchTo === undefined ? [] : (connection.zoekpaden.get(switchTo) ?? (await zoekpadWissel(connection, switchTo)));
  let rows: R[];
  try {
    rows = rijenVan<R>(await antwoordVan(db, uitvoering([...planMode, ...switchSchema], statement.name, values)), statement.columns);
  } catch (error) {
    // The failed statement's transaction took the schema switch with it: search_path is the one before.
    if (!retried && STALE_STATEMENT.has((error as { code?: string }).code ?? '')) {
      connection.statements.delete(key);
      connection.toClose.push(statement.name);
      return runPrepared(connection, schema, text, params, options, true);
    }
    throw withStatement(error, text, params);
  }
  if (switchTo !== undefined) connection.schema = switchTo;
  return rows;
}

/**
 * One call's messages to the backend: those before the statement (`voor`), then Bind of the named statement
 * with its values as text, Execute and Sync, written into one buffer (issue 14: pg-protocol's serializer
 * writes each part into a buffer of its own and `Buffer.concat` copies them once more).
 */
function uitvoering(voor: readonly Uint8Array[], statement: string, values: readonly (string | null)[]): Buffer {
  let size = 0;
  for (const part of voor) size += part.length;
  const bindStart = size;
  // Bind: code, length, empty portal name, statement name, no parameter format codes (all text), the values, no result format codes (all text).
  let bindLength = 4 + 1 + Buffer.byteLength(statement) + 1 + 2 + 2 + 2;
  for (const value of values) bindLength += 4 + (value === null ? 0 : Buffer.byteLength(value));
  size += 1 + bindLength + EXECUTE.length + SYNC.length;
  const message = Buffer.allocUnsafe(size);
  let offset = 0;
  for (const part of voor) {
    message.set(part, offset);
    offset += part.length;
  }
  message[offset] = BIND;
  offset = message.writeInt32BE(bindLength, offset + 1);
  message[offset++] = 0;
  offset += message.write(statement, offset);
  message[offset++] = 0;
  offset = message.writeInt16BE(0, offset);
  offset = message.writeInt16BE(values.length, offset);
  for (const value of values) {
    if (value === null) {
      offset = message.writeInt32BE(-1, offset);
    } else {
      const length = message.write(value, offset + 4);
      message.writeInt32BE(length, offset);
      offset += 4 + length;
    }
  }
  offset = message.writeInt16BE(0, offset);
  if (offset !== bindStart + 1 + bindLength) throw new Error('Bind message of the wrong length');
  message.set(EXECUTE, offset);
  message.set(SYNC, offset + EXECUTE.length);
  return message;
}

/**
 * Runs a call in PGlite and returns the backend's answer as it is, its bytes copied out of PGlite's memory
 * (they are only valid during the callback). Unlike `execProtocolStream` nothing is parsed into message
 * objects here: `rijenVan` reads the rows straight from the bytes (issue 14: pg-protocol's parser copies
 * every field into an ArrayBuffer of its own before decoding it). `syncToFs` is off: PGlite's NodeFS and
 * in-memory file systems have nothing to sync after a statement.
 */
async function antwoordVan(db: PGlite, message: Uint8Array): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await db.execProtocolRawStream(message, { syncToFs: false, onRawData: (bytes) => chunks.push(Buffer.from(bytes)) });
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

/**
 * The rows of a backend answer (DataRow messages), each built from the statement's kept columns; throws the
 * answer's first error as PGlite's parser makes it (`DatabaseError`: code, message, detail, ...). Other
 * messages (completions, notices, ReadyForQuery) tell the caller nothing here.
 */
function rijenVan<R>(answer: Buffer, columns: readonly Column[]): R[] {
  const rows: R[] = [];
  let offset = 0;
  while (offset + 5 <= answer.length) {
    const code = answer[offset]!;
    const end = offset + 1 + answer.readUInt32BE(offset + 1);
    if (code === DATA_ROW) {
      const count = Math.min(answer.readUInt16BE(offset + 5), columns.length);
      let field = offset + 7;
      const row: Record<string, unknown> = {};
      for (let i = 0; i < count; i += 1) {
        const { name, oid, parse } = columns[i]!;
        const length = answer.readInt32BE(field);
        field += 4;
        if (length < 0) {
          row[name] = null;
        } else {
          const value = answer.toString('utf8', field, field + length);
          field += length;
          row[name] = parse ? parse(value, oid) : value;
        }
      }
      rows.push(row as R);
    } else if (code === ERROR_RESPONSE) {
      let error: unknown;
      new protocol.Parser().parse(answer.subarray(offset, end), (message) => {
        error = message;
      });
      throw error;
    }
    offset = end;
  }
  return rows;
}

/** The columns a statement's Describe names, each with the parser PGlite would apply to it. */
function columnsOf(db: PGlite, described: readonly BackendMessage[]): Column[] {
  const description = described.find((message): message is RowDescription => message.name === 'rowDescription');
  return (description?.fields ?? []).map(({ name, dataTypeID }) => ({ name, oid: dataTypeID, parse: db.parsers[dataTypeID] ?? pgliteTypes.parsers[dataTypeID] }));
}

/**
 * Bind and Execute of the named `SET search_path TO <schema>` (prepared in a call of its own the first
 * time), sent before a statement in its call: one transaction with the statement instead of a simple
 * query with its own (issue 14: about a tenth of a read's CPU on `npm start`, where most statements switch
 * schema). A SET is undone with the transaction it ran in, so when the statement fails the connection
 * keeps the search_path it had and `connection.schema` stays as it was.
 */
async function zoekpadWissel(connection: PgliteConnection, schema: string): Promise<readonly Uint8Array[]> {
  const name = `sg_zoekpad_${schema}`;
  await connection.db.execProtocolStream(Buffer.concat([serialize.parse({ name, text: `SET search_path TO ${schema}` }), SYNC]), { syncToFs: false });
  const wissel = [serialize.bind({ statement: name }), EXECUTE];
  connection.zoekpaden.set(schema, wissel);
  return wissel;
}

/** Names the statement on a database error, as `PGlite.query` does (`query`, `params`). */
function withStatement(error: unknown, text: string, params: readonly unknown[]): unknown {
  if (error && typeof error === 'object' && 'severity' in error) Object.assign(error, { query: text, params });
  return error;
}

async function openPgliteConnection(dataDir?: string): Promise<PgliteConnection> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ?? 'memory://', {
    parsers: {
      [DATE_OID]: (value: string) => value,
      [INT8_OID]: (value: string) => Number(value),
      [NUMERIC_OID]: (value: string) => Number(value),
      [pgliteTypes.TIMESTAMPTZ]: (value: string) => new Date(value).toISOString(),
    },
  });
  // PGlite is one connection: a transaction must not interleave with other requests' queries.
  let queue: Promise<unknown> = Promise.resolve();
  // Named statements (runPrepared) keep PostgreSQL's choice of a plan per run: a generic plan, made
  // without the values, could scan where the values' plan uses an index.
  await db.exec('SET plan_cache_mode = force_custom_plan');
  const connection = {
    db,
    queued: 0,
    schema: undefined as string | undefined,
    generiek: false,
    statements: new Map<string, PreparedStatement>(),
    toClose: [] as string[],
    nextStatement: 0,
    zoekpaden: new Map<string, readonly Uint8Array[]>(),
    serial<T>(work: () => Promise<T>): Promise<T> {
      connection.queued += 1;
      const next = queue.then(work, work).finally(() => {
        connection.queued -= 1;
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
  return connection;
}

/**
 * One PGlite instance for several subgraphs, each in its own schema (the one-process graph of `npm start`):
 * one WebAssembly PostgreSQL (a few hundred MB each) instead of one per subgraph. Statements of all of
 * them take turns on its one connection, each after pointing `search_path` at its own schema.
 */
export interface SharedPglite {
  /** The subgraph's database in `schema` on this instance; closing it closes the instance once all are closed. */
  database(schema: string): Promise<Database>;
}

export async function openSharedPglite(dataDir?: string): Promise<SharedPglite> {
  const connection = await openPgliteConnection(dataDir);
  const gedeeld: GedeeldeInstantie = {
    logboekQuery: (text, params) =>
      connection.serial(async () => {
        // A call of the schemas' logboek_schrijf, which keeps its own generic plan (logboek_004), under the plan mode the
        // connection is in (LOGBOEK_PLAN).
        await withStatementSpan('logboek', text, () => runPrepared(connection, undefined, text, params, logboekPlan(connection)));
      }),
  };
  let open = 0;
  return {
    database: async (schema) => {
      assertSchemaName(schema);
      open += 1;
      return pgliteDatabase(
        connection,
        schema,
        async () => {
          open -= 1;
          if (open === 0) await connection.db.close();
        },
        gedeeld,
      );
    },
  };
}

async function openPglite(schema: string, dataDir?: string): Promise<Database> {
  const connection = await openPgliteConnection(dataDir);
  return pgliteDatabase(connection, schema, () => connection.db.close());
}

async function pgliteDatabase(connection: PgliteConnection, schema: string, closeConnection: () => Promise<void>, gedeeld?: GedeeldeInstantie): Promise<Database> {
  const { db } = connection;
  /** Points the connection at this schema when another one's statement ran last (called inside `serial`). */
  const own = async () => {
    if (connection.schema === schema) return;
    await db.exec(`SET search_path TO ${schema}`);
    connection.schema = schema;
  };
  const serial = <T>(work: () => Promise<T>): Promise<T> =>
    connection.serial(async () => {
      await own();
      // Migrations, loads and transactions are planned with their values, whatever ran before them.
      if (connection.generiek) {
        await db.exec(PLANNEN_MET_WAARDEN);
        connection.generiek = false;
      }
      return work();
    });
  await connection.serial(async () => {
    await db.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await own();
  });
  let statementCount = 0;
  /**
   * PGlite has no COPY FROM STDIN; it reads COPY data from a Blob named '/dev/blob'. The pieces are
   * gathered into Blobs of at most COPY_BLOB_BYTES, one COPY each, so a long stream never sits in
   * memory whole.
   */
  const copyFrom = async (run: (sql: string, blob: Blob) => Promise<unknown>, statement: string, pieces: AsyncIterable<string>) => {
    const sql = statement.replace(/ FROM STDIN$/, ` FROM '/dev/blob'`);
    let batch: string[] = [];
    let bytes = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      statementCount += 1;
      await run(sql, new Blob(batch));
      batch = [];
      bytes = 0;
    };
    for await (const piece of pieces) {
      batch.push(piece);
      bytes += piece.length;
      if (bytes >= COPY_BLOB_BYTES) await flush();
    }
    await flush();
  };
  return {
    kind: 'pglite',
    schema,
    gedeeld,
    get statementCount() {
      return statementCount;
    },
    copyFrom: (statement, pieces) => serial(() => copyFrom((sql, blob) => db.query(sql, [], { blob }), statement, pieces)),
    query: <R>(text: string, params?: readonly unknown[], options?: QueryOptions) =>
      connection.serial(async () => {
        statementCount += 1;
        return withStatementSpan(schema, text, () => runPrepared<R>(connection, schema, text, params, options));
      }),
    logboekQuery: (text, params) =>
      connection.serial(async () => {
        // LOGBOEK_PLAN: the connection's plan mode as it is.
        await withStatementSpan(schema, text, () => runPrepared(connection, schema, text, params, logboekPlan(connection)));
      }),
    exec: (sql) =>
      serial(async () => {
        await db.exec(sql);
      }),
    transaction: (fn) =>
      serial(() =>
        db.transaction((tx) =>
          fn({
            query: async <R>(text: string, params?: readonly unknown[]) => {
              statementCount += 1;
              return (await withStatementSpan(schema, text, () => tx.query<R>(text, params as unknown[] | undefined))).rows;
            },
            copyFrom: (statement, pieces) => copyFrom((sql, blob) => tx.query(sql, [], { blob }), statement, pieces),
          }),
        ),
      ),
    // The statement running is one of those queued.
    poolState: () => ({ total: 1, idle: connection.queued === 0 ? 1 : 0, waiting: Math.max(0, connection.queued - 1) }),
    close: () => connection.serial(closeConnection),
  };
}
