import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database, Queryable } from './database.js';
import type { DemoConfig } from './config.js';
import type { SubgraphDefinition } from './subgraph-definition.js';
import { demoWorldGenerated, generateDemoWorld } from './demo-world/generate.js';

/** Where a loading subgraph tells what it is doing: one line at a time (`npm start` prefixes the subgraph). */
export type ProgressReport = (line: string) => void;

/** Rows inserted so far, per table, by the demo load running in this async context (see `insertRows`). */
interface LoadProgress {
  readonly report: ProgressReport;
  readonly tables: Map<string, { rows: number; started: number; lastReport: number }>;
}

const loading = new AsyncLocalStorage<LoadProgress>();
/** Demo loads of this process in progress (several subgraphs can share one process). */
let loadsRunning = 0;

/** A large table reports how far it is at most this often; a small one only when it is done. */
const REPORT_EVERY_MS = 5_000;

/**
 * How `copyRows` tells the demo load in progress (if any) how far a table is: as rows go in, and once
 * with `finished` when the table is done. Outside a demo load it does nothing, so the loaders need no
 * parameter for it. Taken when the copy starts: the rows are pulled later from the database
 * driver's callbacks, where the load's async context is no longer at hand.
 */
export function tableProgress(table: string): (inserted: number, ofThisCall: { done: number; total?: number; finished?: boolean }) => void {
  const progress = loading.getStore();
  if (!progress) return () => undefined;
  return (inserted, ofThisCall) => {
    const now = Date.now();
    let entry = progress.tables.get(table);
    if (!entry) {
      entry = { rows: 0, started: now, lastReport: now };
      progress.tables.set(table, entry);
    }
    entry.rows += inserted;
    if (ofThisCall.finished) {
      progress.report(`  ${table}: ${formatCount(entry.rows)} rows (${seconds(now - entry.started)})`);
      entry.lastReport = now;
    } else if (now - entry.lastReport >= REPORT_EVERY_MS) {
      const of = ofThisCall.total === undefined ? '' : ` of ${formatCount(ofThisCall.total)}`;
      progress.report(`  ${table}: ${formatCount(ofThisCall.done)}${of} rows...`);
      entry.lastReport = now;
    }
  };
}

/**
 * Loads the subgraph's slice of the demo world when its database has none yet, in one transaction
 * under an advisory lock (replicas starting together load it once). Returns whether it loaded.
 * With `report`, says what it does: generating the world, each table as it is filled (how far, for
 * a large one), and how long the whole took; the first start otherwise looks like a hang.
 */
export async function loadDemoWorldIfEmpty(
  db: Database,
  definition: Pick<SubgraphDefinition, 'loadDemo'>,
  demo: DemoConfig,
  report?: ProgressReport,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`demo:${db.schema}`]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS demo_world (seed integer NOT NULL, scale real NOT NULL, gemeenten text NOT NULL, loaded_at timestamptz NOT NULL DEFAULT now())`,
    );
    const [loaded] = await tx.query(`SELECT seed FROM demo_world LIMIT 1`);
    if (loaded) return false;
    const started = Date.now();
    const settings = `seed ${demo.seed}, scale ${demo.scale}, HBEL ${demo.scaleHbel}, gemeenten ${demo.gemeenten}`;
    // In npm start's one process the first subgraph generates the world and the others take it as it is.
    const held = demoWorldGenerated(demo);
    report?.(held ? `demo world: empty database, loading this subgraph's part of the world this process generated (${settings}):` : `demo world: empty database, generating the world (${settings})...`);
    const world = generateDemoWorld(demo);
    const generated = Date.now();
    if (!held) report?.(`demo world: generated in ${seconds(generated - started)}, loading this subgraph's part:`);
    const progress: LoadProgress = { report: report ?? (() => undefined), tables: new Map() };
    // The schema's plain indexes and foreign keys go while the rows go in and come back once after:
    // COPY into a table without them is several times faster, one sort per index beats millions of
    // insertions, and one join checks a foreign key faster than a lookup per row. Primary keys and
    // unique indexes stay (they guard the rows as they arrive). One transaction: a failed load leaves
    // the schema as it was, and a bad row still fails when its foreign key comes back.
    const deferred = await withoutIndexesAndForeignKeys(tx, db.schema);
    loadsRunning++;
    try {
      await loading.run(progress, () => definition.loadDemo(tx, world));
    } finally {
      // On Node 20 an AsyncLocalStorage, once run, hooks every promise of the process until it is
      // disabled: a serving subgraph must not pay that for a load that is over.
      if (--loadsRunning === 0) loading.disable();
    }
    const loadedAt = Date.now();
    if (db.kind === 'postgres') await tx.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    await deferred.restore();
    if (deferred.count > 0) report?.(`  ${deferred.count} indexes and foreign keys back in ${seconds(Date.now() - loadedAt)}`);
    if (db.kind === 'postgres') await analyzeSchema(tx, db.schema);
    await tx.query(`INSERT INTO demo_world (seed, scale, gemeenten) VALUES ($1, $2, $3)`, [demo.seed, demo.scale, demo.gemeenten]);
    const rows = [...progress.tables.values()].reduce((sum, table) => sum + table.rows, 0);
    report?.(
      `demo world: loaded ${formatCount(rows)} rows in ${progress.tables.size} tables in ${seconds(Date.now() - started)} ` +
        `(generating ${seconds(generated - started)}, loading ${seconds(Date.now() - generated)})`,
    );
    return true;
  });
}

/**
 * Drops the plain (non-unique) indexes and the foreign keys of `schema`'s tables, and returns how to put
 * them back as they were (their definitions as PostgreSQL prints them): indexes first, which the foreign
 * keys' checks may use.
 */
async function withoutIndexesAndForeignKeys(tx: Queryable, schema: string): Promise<{ count: number; restore: () => Promise<void> }> {
  const indexes = await tx.query<{ name: string; definition: string }>(
    `SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name, pg_get_indexdef(x.indexrelid) AS definition
       FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND NOT x.indisunique AND NOT x.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
        -- A table with row triggers of its own keeps its indexes: such a trigger may read the table (a list
        -- bound counting a product's tarieven), and without its index each row would scan it. A statement
        -- trigger (the data version, gegevensversie) runs once per statement and reads no index.
        AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = x.indrelid AND NOT g.tgisinternal AND (g.tgtype::int & 1) = 1)
      ORDER BY c.relname`,
    [schema],
  );
  const foreignKeys = await tx.query<{ tableName: string; name: string; definition: string }>(
    `SELECT quote_ident(n.nspname) || '.' || quote_ident(t.relname) AS "tableName", quote_ident(k.conname) AS name,
            pg_get_constraintdef(k.oid) AS definition
       FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1 AND k.contype = 'f'
      ORDER BY t.relname, k.conname`,
    [schema],
  );
  for (const key of foreignKeys) await tx.query(`ALTER TABLE ${key.tableName} DROP CONSTRAINT ${key.name}`);
  for (const index of indexes) await tx.query(`DROP INDEX ${index.name}`);
  return {
    count: indexes.length + foreignKeys.length,
    restore: async () => {
      for (const index of indexes) await tx.query(index.definition);
      for (const key of foreignKeys) await tx.query(`ALTER TABLE ${key.tableName} ADD CONSTRAINT ${key.name} ${key.definition}`);
    },
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/**
 * Planner statistics for `schema`'s tables, in the loading transaction (ANALYZE counts the
 * transaction's own rows): without them PostgreSQL plans every statement with default guesses until
 * autovacuum gets round to the tables, and a server with autovacuum off (or one that has not run yet)
 * never does. On the national world on PostgreSQL the analyst aggregates took about a fifth less CPU
 * per request with statistics (README, the analyst target under "Other commands"). Only this
 * schema's tables: the other subgraphs may be loading theirs in transactions of their own. Not on
 * PGlite: measured there, statistics made `stapeling` in toegang slower (docs/demand-control.md,
 * "Planner statistics on PGlite").
 */
async function analyzeSchema(tx: Queryable, schema: string): Promise<void> {
  const tables = await tx.query<{ name: string }>(
    `SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = $1 ORDER BY tablename`,
    [schema],
  );
  if (tables.length > 0) await tx.query(`ANALYZE ${tables.map((table) => table.name).join(', ')}`);
}
