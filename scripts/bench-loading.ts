/**
 * `npm run bench:loading -- [--scale N] [--gemeenten G] [--no-baseline]`: how long the demo world takes to
 * load into PostgreSQL, by COPY (`copyRows`, what the subgraphs do now) against the multi-row INSERT
 * statements they used before (the baseline, measured in the same run on the same world). The world is
 * generated once; each mode gets a database of its own on DATABASE_URL's server (default
 * postgres://postgres@127.0.0.1:5432/test, dropped after) and loads the seven subgraphs' slices at once, as
 * `npm start` does. Writes scripts/results/bench-loading.md. No timed assertion lives in a test; this is the place.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import type { Database, DemoWorld, SubgraphDefinition } from '@sociaal-graph/toolkit';

process.env.APOLLO_TELEMETRY_DISABLED = '1';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The machine is shared: how busy it was when the measurement began (1, 5 and 15 minutes). */
const loadAtStart = loadavg().map((l) => l.toFixed(1)).join(' ');
const RESULTS = join(ROOT, 'scripts', 'results', 'bench-loading.md');
const SUBGRAPH_NAMES = ['gemeenten', 'toegang', 'wmo', 'jeugd', 'participatie', 'subsidies', 'inkoop'] as const;
/** Heap per unit of DEMO_SCALE for the national world (as bench-stuurinformatie.ts measured it). */
const HEAP_MB_PER_SCALE = 45_000;

const USAGE = `usage: npm run bench:loading -- [--scale N] [--gemeenten G] [--no-baseline]

Loads the demo world into PostgreSQL (DATABASE_URL's server, default postgres://postgres@127.0.0.1:5432/test;
a database of its own per mode, dropped after) by COPY and, as the baseline in the same run, by multi-row INSERT.
  --scale N        DEMO_SCALE (default 0.2)
  --gemeenten G    DEMO_GEMEENTEN (default nationaal: 342 gemeenten)
  --no-baseline    COPY only (the INSERT baseline takes minutes at scale 0.2)
  --help           this text
Writes scripts/results/bench-loading.md.`;

const { values: args } = parseArgs({
  options: { scale: { type: 'string' }, gemeenten: { type: 'string' }, 'no-baseline': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  strict: true,
});
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const scale = Number(args.scale ?? '0.2');
if (!(scale > 0)) throw new Error(`--scale needs a number above 0, got ${args.scale}`);
const gemeenten = args.gemeenten ?? 'nationaal';

// The national world lives in this process's heap: restart with room for it when the default is too small.
const neededMb = Math.round(2_048 + scale * HEAP_MB_PER_SCALE);
if (getHeapStatistics().heap_size_limit / 2 ** 20 < neededMb && !process.env.BENCH_LOADING_CHILD) {
  const limit = Math.min(neededMb, Math.floor((totalmem() / 2 ** 20) * 0.75));
  const child = spawnSync(process.execPath, [`--max-old-space-size=${limit}`, '--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_LOADING_CHILD: '1' },
  });
  process.exit(child.status ?? 1);
}

const { generateDemoWorld, loadDemoWorldIfEmpty, openDatabase, readDemoConfig, runSubgraphMigrations } = await import('@sociaal-graph/toolkit');
// The scratch database alone: the testing index also loads vitest's helpers.
const { createScratchDatabase } = await import('../subgraphs/toolkit/src/testing/scratch-database.js');
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const demo = readDemoConfig({ DEMO_SCALE: String(scale), DEMO_GEMEENTEN: gemeenten, PSEUDONYM_SECRET: 'bench-loading-'.repeat(3) });
const definitions = new Map<string, SubgraphDefinition>();
for (const name of SUBGRAPH_NAMES) {
  definitions.set(name, ((await import(`../subgraphs/${name}/src/schema.ts`)) as { subgraph: SubgraphDefinition }).subgraph);
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const log = (line: string) => console.log(`[bench:loading] ${line}`);

log(`generating the world (DEMO_SCALE ${scale}, DEMO_GEMEENTEN ${gemeenten})...`);
let started = Date.now();
const generationCpuBefore = processCpuSeconds();
const world: DemoWorld = generateDemoWorld(demo);
const generatedMs = Date.now() - started;
const generationCpu = processCpuSeconds() - generationCpuBefore;
log(`generated in ${seconds(generatedMs)} s: ${world.declaraties.length.toLocaleString('en-US')} declaraties`);

type Mode = 'COPY' | 'INSERT';

/** The same database without `copyFrom` in its transactions: `copyRows` then writes multi-row INSERTs, as before. */
function insertOnly(db: Database): Database {
  return Object.create(db, {
    transaction: { value: <T>(fn: (tx: { query: Database['query'] }) => Promise<T>) => db.transaction((tx) => fn({ query: tx.query.bind(tx) })) },
  }) as Database;
}

/** CPU seconds (user and system) this process has used so far. */
function processCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/**
 * CPU seconds the PostgreSQL backends connected to the scratch database have used (from /proc; the server is
 * on this machine): the machine is shared, so wall clock alone says little about the work a load takes.
 */
async function serverCpuSeconds(db: Database): Promise<number | undefined> {
  const ticksPerSecond = 100;
  let total = 0;
  for (const { pid } of await db.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`)) {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
    } catch {
      return undefined; // another machine's server, or gone
    }
  }
  return total;
}

interface LoadResult {
  readonly totalMs: number;
  readonly perSubgraph: Map<string, { ms: number; rows: number }>;
  /** CPU seconds of this process (COPY text) and of the server's backends during the load. */
  readonly clientCpu: number;
  readonly serverCpu?: number;
}

async function load(mode: Mode): Promise<LoadResult> {
  const scratch = await createScratchDatabase(serverUrl);
  const perSubgraph = new Map<string, { ms: number; rows: number }>();
  const open: Database[] = [];
  try {
    const begin = Date.now();
    const cpuBefore = processCpuSeconds();
    await Promise.all(
      SUBGRAPH_NAMES.map(async (name) => {
        const definition = definitions.get(name)!;
        const db = await openDatabase({ url: scratch.url, schema: name });
        open.push(db);
        await runSubgraphMigrations(db, definition);
        const t0 = Date.now();
        let rows = 0;
        await loadDemoWorldIfEmpty(mode === 'COPY' ? db : insertOnly(db), definition, demo, (line) => {
          // Each table's lines too: where a slice spends its time.
          if (/^\s/.test(line)) log(`${mode} ${name}:${line}`);
          const loaded = /loaded ([\d,]+) rows/.exec(line);
          if (loaded) rows = Number(loaded[1]!.replace(/,/g, ''));
        });
        perSubgraph.set(name, { ms: Date.now() - t0, rows });
        log(`${mode} ${name}: ${rows.toLocaleString('en-US')} rows in ${seconds(Date.now() - t0)} s`);
      }),
    );
    const totalMs = Date.now() - begin;
    const clientCpu = processCpuSeconds() - cpuBefore;
    // The backends are still connected (idle in their pools): what they used is in /proc.
    const serverCpu = await serverCpuSeconds(open[0]!);
    return { totalMs, perSubgraph, clientCpu, serverCpu };
  } finally {
    for (const db of open) await db.close().catch(() => undefined);
    await scratch.drop();
  }
}

const modes: Mode[] = args['no-baseline'] ? ['COPY'] : ['COPY', 'INSERT'];
const results = new Map<Mode, Awaited<ReturnType<typeof load>>>();
for (const mode of modes) {
  log(`loading by ${mode}...`);
  started = Date.now();
  results.set(mode, await load(mode));
  log(`${mode}: all seven loaded in ${seconds(Date.now() - started)} s`);
}

const copy = results.get('COPY')!;
const insert = results.get('INSERT');
const lines = [
  '# Loading the demo world: COPY against multi-row INSERT',
  '',
  `Command: \`npm run bench:loading -- --scale ${scale} --gemeenten ${gemeenten}${args['no-baseline'] ? ' --no-baseline' : ''}\` (${new Date().toISOString()}).`,
  `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GB, shared with other work while it ran (load average ${loadAtStart} at the start, ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end); PostgreSQL at ${new URL(serverUrl).host}.`,
  `World: DEMO_GEMEENTEN=${gemeenten}, DEMO_SCALE=${scale}: ${world.declaraties.length.toLocaleString('en-US')} declaraties; generated once in ${seconds(generatedMs)} s (not in the load times below).`,
  'The seven slices load at once, each in its own schema and transaction (migrations excluded), as `npm start` on DATABASE_URL does.',
  '',
  `| subgraph | rows | COPY (s) |${insert ? ' INSERT (s) | INSERT / COPY |' : ''}`,
  `|---|---:|---:|${insert ? '---:|---:|' : ''}`,
  ...SUBGRAPH_NAMES.map((name) => {
    const c = copy.perSubgraph.get(name)!;
    const i = insert?.perSubgraph.get(name);
    return `| ${name} | ${c.rows.toLocaleString('en-US')} | ${seconds(c.ms)} |${i ? ` ${seconds(i.ms)} | ${(i.ms / c.ms).toFixed(1)}x |` : ''}`;
  }),
  `| **all seven (wall clock)** | | **${seconds(copy.totalMs)}** |${insert ? ` **${seconds(insert.totalMs)}** | **${(insert.totalMs / copy.totalMs).toFixed(1)}x** |` : ''}`,
  '',
  `Generation plus COPY load: ${seconds(generatedMs + copy.totalMs)} s${insert ? `; generation plus INSERT load: ${seconds(generatedMs + insert.totalMs)} s` : ''}.`,
  '',
  'CPU time (the machine is shared, so wall clock includes waiting for a core; these count only the work itself):',
  `generation ${generationCpu.toFixed(1)} s; ${[...results].map(([mode, r]) => `${mode} load: this process ${r.clientCpu.toFixed(1)} s, PostgreSQL's backends ${r.serverCpu === undefined ? 'unknown (server not on this machine)' : `${r.serverCpu.toFixed(1)} s`}`).join('; ')}.`,
  '',
];
await mkdir(dirname(RESULTS), { recursive: true });
await writeFile(RESULTS, lines.join('\n'));
console.log(lines.join('\n'));
process.exit(0);
