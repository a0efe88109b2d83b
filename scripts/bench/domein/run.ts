/**
 * `npm run bench -- --domein [--baseline <ref> | --no-baseline] [--nationaal] [--scenarios a,b] [--database-url URL [--keep-databases]] [--processes] [--seconds S] [--rounds R] [--connections C]`:
 * the domain scenarios (scenarios.ts; `--scenarios` names some of them, default all) on the demo world, through this checkout's graph and through a
 * baseline checkout's graph, in one run, taking turns (issue 14 item 1). The baseline is built here: a
 * `git worktree add --detach` of the ref (default BASELINE_DEFAULT, main just before the performance
 * work of issue 14) under the system's temporary folder, with its own `npm ci`; kept for the next run,
 * with its data folder beside it (`git worktree remove <folder>` and deleting `<folder>-data-*` remove
 * them). Each graph is started as `npm start` starts it (scripts/start-graph.ts: embedded PGlite, the
 * demo world loaded at the first start; this checkout's in a fresh DATA_DIR each run), on ports of its own, with the per-caller limits lifted (the benchmark sends many operations
 * as few people on purpose). With `--database-url` each side runs on that PostgreSQL server instead, in a
 * database of its own (`sociaal_graph_bench_<side>_<world>`) that the script creates and drops, or with
 * `--keep-databases` keeps for the next run and reuses (the world is loaded only into an empty one).
 * Reports req/s, p50/p95/p99, errors and CPU time per request (the graph's processes and, on PostgreSQL,
 * the side's server backends) per scenario at 1 and C connections, the ratios, and SQL statements per GraphQL request against list length (the subgraphs'
 * own counter `sociaal_graph_db_statements_total` on their /metrics, summed over the seven) into
 * `scripts/results/bench-domein.md` (`bench-domein-nationaal.md` for the national world; with `--scenarios a,b`
 * `bench-domein-a-b.md`). With `--processes` both sides start as `npm start -- --processes` (each subgraph and
 * the gateway a process of its own: the production layout) and the result file's name gets `-processes`.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CALLER_LIMITS_OFF_ENV, loadDevIssuer, mintToken } from '@sociaal-graph/gateway';
import { SUBGRAPHS as SUBGRAPH_LIST } from '@sociaal-graph/toolkit';
import { withClient } from '@sociaal-graph/toolkit/testing';
import { freePortBase } from '../ports.js';
import { BEWONERS_QUERY, HBEL, LIST_LENGTHS, type Caller, SCENARIOS as ALL_SCENARIOS } from './scenarios.js';

/** main just before issue 14's performance work landed (the in-flight deduplication, the one-process start, COPY). */
export const BASELINE_DEFAULT = '19b56d48a05ae0f977fe702dfa5fc0c6e4b165bc';
const HOST = '127.0.0.1';
const SUBGRAPHS = SUBGRAPH_LIST.map((entry) => entry.name);
/** A first start of the baseline on a busy machine loads by multi-row INSERT: patient. */
const START_TIMEOUT_MS = 20 * 60_000;

export interface DomeinOptions {
  readonly root: string;
  readonly seconds: number;
  readonly rounds: number;
  readonly connections: number;
  readonly baseline?: string;
  readonly nationaal: boolean;
  /** Names of the scenarios to run (scenarios.ts); default all. */
  readonly scenarios?: readonly string[];
  /** Only this checkout (a baseline too slow to load, e.g. the national world on PostgreSQL by INSERT). */
  readonly noBaseline?: boolean;
  /** A PostgreSQL server (any database on it): each side gets a database of its own there instead of PGlite. */
  readonly databaseUrl?: string;
  /** Keep the sides' databases after the run and reuse them in the next (not loaded again). */
  readonly keepDatabases?: boolean;
  /** Start both sides as `npm start -- --processes` (the production layout) instead of `npm start`'s one process. */
  readonly processes?: boolean;
}

/** The part of autocannon's API used here (it ships no types). */
interface AutocannonResult { requests: { total: number }; errors: number; timeouts: number; non2xx: number; duration: number }
type Autocannon = (options: Record<string, unknown>, done: (error: Error | null, result: AutocannonResult) => void) => { on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void };

type Side = 'baseline' | 'nu';

interface Graph {
  readonly side: Side;
  readonly child: ChildProcess;
  readonly url: string;
  readonly metricsPorts: readonly number[];
  readonly dataDir: string;
  /** The side's database on the PostgreSQL server; undefined on PGlite. */
  readonly database?: { url: string; name: string };
  readonly startSeconds: number;
}

function git(root: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
}

/** The baseline checkout: made once per commit (worktree + npm ci), reused by later runs. */
function baselineCheckout(root: string, ref: string): { dir: string; commit: string } {
  const commit = git(root, 'rev-parse', '--verify', `${ref}^{commit}`);
  const dir = join(tmpdir(), `sociaal-graph-baseline-${commit.slice(0, 12)}`);
  if (!existsSync(join(dir, 'package.json'))) {
    console.log(`[bench] baseline: git worktree add ${dir} ${commit.slice(0, 12)}`);
    execFileSync('git', ['worktree', 'add', '--detach', dir, commit], { cwd: root, stdio: 'inherit' });
  }
  if (!existsSync(join(dir, 'node_modules/.package-lock.json'))) {
    console.log(`[bench] baseline: npm ci in ${dir} (a few minutes)`);
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  }
  return { dir, commit };
}

function worldEnv(nationaal: boolean): Record<string, string> {
  // Both sides get the same settings. Today's default world; a baseline from before DEMO_SCALE_HBEL
  // ignores that setting and so holds fewer residents in HBEL's four municipalities (the report says so).
  return nationaal ? { DEMO_GEMEENTEN: 'nationaal', DEMO_SCALE: '0.2' } : { DEMO_SCALE: '0.04', DEMO_SCALE_HBEL: '0.6' };
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(5_000) })).ok;
  } catch {
    return false;
  }
}

/** `npm start` of one checkout (scripts/start-graph.ts) on ports of its own; resolves when /ready says 200. */
async function startGraph(side: Side, cwd: string, base: number, dataDir: string, world: Record<string, string>, database?: { url: string; name: string }, processes = false): Promise<Graph> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...world,
    ...CALLER_LIMITS_OFF_ENV,
    // Many residents read by few people on purpose: the personal-data bounds per hour lifted.
    MAX_RESIDENTS_PER_HOUR: '100000000',
    DATA_DIR: dataDir,
    HOST,
    GATEWAY_PORT: String(base),
    METRICS_PORT: 'off',
    APOLLO_TELEMETRY_DISABLED: '1',
    LOG_LEVEL: 'warn',
  };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'NODE_ENV']) delete env[name];
  if (database) env.DATABASE_URL = database.url;
  for (const name of Object.keys(env)) if (name.startsWith('DEMO_') && !(name in world)) delete env[name];
  const metricsPorts: number[] = [];
  SUBGRAPHS.forEach((name, i) => {
    const port = base + 1 + i;
    env[`${name.toUpperCase()}_PORT`] = String(port);
    env[`${name.toUpperCase()}_URL`] = `http://${HOST}:${port}/graphql`;
    env[`${name.toUpperCase()}_METRICS_PORT`] = String(base + 11 + i);
    metricsPorts.push(base + 11 + i);
  });
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start-graph.ts', ...(processes ? ['--processes'] : [])], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const tail: string[] = [];
  let exited: string | undefined;
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', (line) => void (tail.push(line), tail.length > 40 && tail.shift()));
  }
  child.once('exit', (code) => (exited = `${side}: npm start exited (${code}):\n${tail.join('\n')}`));
  const ready = `http://${HOST}:${base}/ready`;
  const graph = { side, child, url: `http://${HOST}:${base}/graphql`, metricsPorts, dataDir, database, startSeconds: 0 };
  try {
    while (!(await answers(ready))) {
      if (exited) throw new Error(exited);
      if (performance.now() - started > START_TIMEOUT_MS) throw new Error(`${side}: no graph after ${START_TIMEOUT_MS / 1000} s:\n${tail.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } catch (error) {
    await stopGraph(graph);
    throw error;
  }
  graph.startSeconds = (performance.now() - started) / 1000;
  console.log(`[bench] ${side}: graph ready after ${graph.startSeconds.toFixed(0)} s`);
  return graph;
}

async function stopGraph(graph: Graph): Promise<void> {
  const { child } = graph;
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  // start-graph.ts stops its children on SIGTERM; the group kill is for one that would not go.
  const late = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // gone already
    }
  }, 10_000);
  await exited;
  clearTimeout(late);
}

/** The database of one side on the server of `serverUrl`: same server and credentials, its own database name. */
function sideDatabase(serverUrl: string, side: Side, nationaal: boolean): { url: string; name: string } {
  const name = `sociaal_graph_bench_${side}_${nationaal ? 'nationaal' : 'demo'}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), name };
}

/** Creates the side's database, empty (dropped first) unless `keep`, which reuses one left by an earlier run. */
async function prepareDatabase(serverUrl: string, name: string, keep: boolean): Promise<void> {
  await withClient(serverUrl, async (client) => {
    const exists = (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
    if (exists && keep) return console.log(`[bench] reusing database ${name} (--keep-databases)`);
    if (exists) await client.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  });
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU seconds (user + system) a process has used so far; 0 once it is gone. */
function processCpuSeconds(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): state is the 3rd field, utime the 14th, stime the 15th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1)!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** A process and its descendants. */
function processTree(pid: number): number[] {
  const pids = [pid];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const kids = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const kid of kids ? kids.split(/\s+/) : []) pids.push(...processTree(Number(kid)));
    }
  } catch {
    // Gone meanwhile.
  }
  return pids;
}

/**
 * CPU seconds used so far by one side: its graph's processes (npm start and everything it started) and, on
 * PostgreSQL, the server backends connected to its database (the subgraphs' pools keep them for the run).
 * Per process, so that a delta counts only processes alive at both ends (a backend gone in between is lost).
 */
async function cpuNow(graph: Graph): Promise<Map<number, number>> {
  const pids = processTree(graph.child.pid!);
  if (graph.database) {
    const backends = await withClient(graph.database.url, (client) =>
      client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [graph.database!.name]),
    );
    pids.push(...backends.rows.map((row) => row.pid));
  }
  return new Map(pids.map((pid) => [pid, processCpuSeconds(pid)]));
}

function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let seconds = 0;
  for (const [pid, value] of after) seconds += value - (before.get(pid) ?? 0);
  return seconds;
}

async function post(url: string, body: string, authorization?: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body });
  return { status: response.status, text: await response.text() };
}

/** Right when HTTP 200 with data and no error (a field refused or a subgraph timing out counts as an error). */
function isRight(status: number, text: string): boolean {
  return status === 200 && !text.includes('"errors"') && text.includes('"data"');
}

/** `n` tokens of different people with the same rights (one per connection), or none for public data. */
async function tokensFor(dataDir: string, caller: Caller | undefined, n: number): Promise<(string | undefined)[]> {
  if (!caller) return Array.from({ length: n }, () => undefined);
  const issuer = await loadDevIssuer(dataDir);
  return Promise.all(Array.from({ length: n }, (_, i) => mintToken(issuer, { role: caller.role, org: caller.org, subject: `bench-${caller.role}-${i + 1}` }).then((token) => `Bearer ${token}`)));
}

/** HBEL's residents the consulent sees (up to 25 per gemeente): the random residents' ids, on this side's pseudonyms. */
async function residentIds(graph: Graph): Promise<string[]> {
  const [token] = await tokensFor(graph.dataDir, { role: 'consulent', org: 'uo-hbel' }, 1);
  const ids: string[] = [];
  for (const gemeente of HBEL) {
    const answer = await post(graph.url, JSON.stringify({ query: BEWONERS_QUERY, variables: { gemeente, first: 25 } }), token);
    if (!isRight(answer.status, answer.text)) throw new Error(`${graph.side}: the residents of ${gemeente}: HTTP ${answer.status} ${answer.text.slice(0, 400)}`);
    const items = (JSON.parse(answer.text) as { data: { inwoners: { items: { id: string }[] } } }).data.inwoners.items;
    ids.push(...items.map((item) => item.id));
  }
  if (ids.length === 0) throw new Error(`${graph.side}: the consulent of uo-hbel sees no resident in HBEL`);
  return ids;
}

interface Segment { requests: number; errors: number; latencies: number[]; seconds: number; cpuSeconds: number }

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(autocannon: Autocannon, graph: Graph, bodies: readonly string[], tokens: readonly (string | undefined)[], connections: number, seconds: number): Promise<Segment> {
  let wrong = 0;
  let next = 0;
  let client = 0;
  const latencies: number[] = [];
  const run = (duration: number, record: boolean) =>
    new Promise<AutocannonResult>((resolve, reject) => {
      const instance = autocannon(
        {
          url: graph.url,
          method: 'POST',
          connections,
          duration,
          timeout: 60,
          requests: [
            {
              method: 'POST',
              path: '/graphql',
              headers: { 'content-type': 'application/json' },
              // One person per connection (its own token); the bodies in turn (a different resident each request).
              setupRequest: (request: { headers: Record<string, string> }, context: { authorization?: string | null }) => {
                if (context.authorization === undefined) context.authorization = tokens[client++ % tokens.length] ?? null;
                const body = bodies[next++ % bodies.length];
                return { ...request, body, headers: { ...request.headers, ...(context.authorization ? { authorization: context.authorization } : {}) } };
              },
              onResponse: (status: number, text: string) => void (record && !isRight(status, text) && wrong++),
            },
          ],
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
      if (record) instance.on('response', (_client, _status, _bytes, ms) => void latencies.push(ms));
    });
  // Two seconds of warm-up (plans, JIT, connections, caches), not counted.
  await run(2, false);
  await drain(graph.url, bodies[0], tokens[0]);
  const cpuBefore = await cpuNow(graph);
  const result = await run(seconds, true);
  // At the end of the measurement, before the drain: the requests still in flight are not counted, and only part of their work is.
  const cpuSeconds = cpuBetween(cpuBefore, await cpuNow(graph));
  await drain(graph.url, bodies[0], tokens[0]);
  return { requests: result.requests.total, errors: result.errors + result.timeouts + result.non2xx + wrong, latencies, seconds: result.duration, cpuSeconds };
}

/**
 * Waits until the graph answers one request again: autocannon stops with requests still in flight,
 * which a slow graph goes on serving, and the next measurement must not pay for them.
 */
async function drain(url: string, body: string, authorization?: string): Promise<void> {
  await post(url, body, authorization).catch(() => undefined);
}

async function statementsNow(graph: Graph): Promise<number> {
  let total = 0;
  for (const port of graph.metricsPorts) {
    const text = await (await fetch(`http://${HOST}:${port}/metrics`)).text();
    const match = /^sociaal_graph_db_statements_total(?:\{[^}]*\})? (\d+(?:\.\d+)?(?:e\+\d+)?)$/m.exec(text);
    if (!match) throw new Error(`${graph.side}: no sociaal_graph_db_statements_total on port ${port}`);
    total += Number(match[1]);
  }
  return total;
}

/** SQL statements one request costs, all subgraphs together: the counters before and after it, nothing else running. */
async function statementsPerRequest(graph: Graph, body: string, authorization?: string): Promise<{ statements: number; items: number }> {
  // Once before, so that a cold cache (plans, the arrangements) is not counted.
  await post(graph.url, body, authorization);
  const before = await statementsNow(graph);
  const answer = await post(graph.url, body, authorization);
  const after = await statementsNow(graph);
  if (!isRight(answer.status, answer.text)) throw new Error(`${graph.side}: HTTP ${answer.status} ${answer.text.slice(0, 400)}`);
  const data = (JSON.parse(answer.text) as { data: Record<string, { items: unknown[] }> }).data;
  return { statements: after - before, items: Object.values(data)[0].items.length };
}

export async function runDomein(options: DomeinOptions): Promise<void> {
  const { root, seconds, rounds, connections, nationaal } = options;
  const unknown = options.scenarios?.filter((name) => !ALL_SCENARIOS.some((scenario) => scenario.name === name)) ?? [];
  if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')}: one of ${ALL_SCENARIOS.map((scenario) => scenario.name).join(', ')}`);
  const SCENARIOS = options.scenarios ? ALL_SCENARIOS.filter((scenario) => options.scenarios!.includes(scenario.name)) : ALL_SCENARIOS;
  const tools = join(root, 'scripts/bench/tools');
  if (!existsSync(join(tools, 'node_modules/autocannon'))) throw new Error('the benchmark tools are not installed: run `npm ci --prefix scripts/bench/tools` first');
  const autocannon = createRequire(join(tools, 'package.json'))('autocannon') as Autocannon;
  const loadAtStart = loadavg();
  const SIDES: readonly Side[] = options.noBaseline ? ['nu'] : ['baseline', 'nu'];
  const baseline = options.noBaseline ? undefined : baselineCheckout(root, options.baseline ?? BASELINE_DEFAULT);
  const { databaseUrl, keepDatabases = false } = options;
  const worldName = `${nationaal ? 'nationaal' : 'demo'}${databaseUrl ? '-pg' : ''}`;
  const current = git(root, 'rev-parse', 'HEAD');
  const dirty = git(root, 'status', '--porcelain', '--untracked-files=no') !== '';
  const world = worldEnv(nationaal);
  const scratch = await mkdtemp(join(tmpdir(), 'sociaal-graph-bench-domein-'));
  const graphs: Graph[] = [];
  try {
    const base = await freePortBase(40);
    // One after the other: two first starts at once would each take the other's cores. The baseline's
    // data folder is kept beside its checkout for the next run (its first start loads by multi-row
    // INSERT in seven processes: ten minutes on the shared machine); this checkout's is loaded afresh,
    // as its code may have changed.
    // On PostgreSQL the data folder holds only the installation's secrets (the development issuer, the
    // pseudonym secret), which must stay with a kept database: kept beside it then.
    for (const [i, side] of SIDES.entries()) {
      const dataDir =
        side === 'baseline' ? `${baseline!.dir}-data-${worldName}` : keepDatabases ? join(tmpdir(), `sociaal-graph-bench-nu-data-${worldName}`) : join(scratch, side);
      await mkdir(dataDir, { recursive: true });
      const database = databaseUrl ? sideDatabase(databaseUrl, side, nationaal) : undefined;
      if (databaseUrl && database) await prepareDatabase(databaseUrl, database.name, keepDatabases);
      graphs.push(await startGraph(side, side === 'baseline' ? baseline!.dir : root, base + i * 20, dataDir, world, database, options.processes));
    }
    const bySide = Object.fromEntries(graphs.map((graph) => [graph.side, graph])) as Record<Side, Graph>;

    // Each scenario once per side before any load: an error stops the run.
    const prepared = new Map<string, { bodies: string[]; tokens: (string | undefined)[] }>();
    for (const graph of graphs) {
      const ids = await residentIds(graph);
      console.log(`[bench] ${graph.side}: ${ids.length} residents of HBEL for the random resident view`);
      for (const scenario of SCENARIOS) {
        const bodies = scenario.bodies(ids);
        const tokens = await tokensFor(graph.dataDir, scenario.caller, connections);
        const answer = await post(graph.url, bodies[0], tokens[0]);
        if (!isRight(answer.status, answer.text)) throw new Error(`${graph.side} ${scenario.name}: HTTP ${answer.status} ${answer.text.slice(0, 600)}`);
        prepared.set(`${graph.side}:${scenario.name}`, { bodies, tokens });
      }
    }

    // Statements one request of each scenario costs (its first body), warm, nothing else running.
    const scenarioStatements = new Map<string, number>();
    for (const graph of graphs) {
      for (const scenario of SCENARIOS) {
        const { bodies, tokens } = prepared.get(`${graph.side}:${scenario.name}`)!;
        await post(graph.url, bodies[0], tokens[0]);
        const before = await statementsNow(graph);
        await post(graph.url, bodies[0], tokens[0]);
        scenarioStatements.set(`${scenario.name}:${graph.side}`, (await statementsNow(graph)) - before);
      }
    }

    // Statements per request against list length, before the load (nothing else runs).
    const statementRows: string[] = [];
    for (const list of LIST_LENGTHS) {
      for (const length of list.lengths) {
        const cells: string[] = [];
        for (const graph of graphs) {
          const [token] = await tokensFor(graph.dataDir, list.caller, 1);
          const { statements, items } = await statementsPerRequest(graph, list.body(length), token);
          cells.push(`${statements} (${items} items)`);
        }
        statementRows.push(`| ${list.name} | ${length} | ${cells.join(' | ')} |`);
        console.log(`[bench] statements ${list.name} first ${length}: ${cells.join(' / ')}`);
      }
    }

    const segments = new Map<string, Segment[]>();
    const levels = [...new Set([1, connections])];
    for (let round = 0; round < rounds; round++) {
      for (const scenario of SCENARIOS) {
        for (const level of levels) {
          // Alternate who goes first, round by round: neither side always runs on a machine warmed (or tired) by the other.
          const order = round % 2 === 0 ? SIDES : [...SIDES].reverse();
          for (const side of order) {
            const { bodies, tokens } = prepared.get(`${side}:${scenario.name}`)!;
            const segment = await measure(autocannon, bySide[side], bodies, tokens, level, seconds);
            const key = `${scenario.name}:${level}:${side}`;
            segments.set(key, [...(segments.get(key) ?? []), segment]);
            console.log(`[bench] round ${round + 1} ${scenario.name} x${level} ${side}: ${(segment.requests / segment.seconds).toFixed(1)} req/s, errors ${segment.errors}`);
          }
        }
      }
    }

    interface Row { rps: number; p50: number; p95: number; p99: number; errors: number; requests: number; cpuMs: number }
    const rows = new Map<string, Row>();
    for (const [key, list] of segments) {
      const latencies = list.flatMap((segment) => segment.latencies).sort((a, b) => a - b);
      const requests = list.reduce((sum, segment) => sum + segment.requests, 0);
      rows.set(key, {
        rps: requests / list.reduce((sum, segment) => sum + segment.seconds, 0),
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        errors: list.reduce((sum, segment) => sum + segment.errors, 0),
        requests,
        cpuMs: (1000 * list.reduce((sum, segment) => sum + segment.cpuSeconds, 0)) / requests,
      });
    }

    const flags = [`--seconds ${seconds}`, `--rounds ${rounds}`, `--connections ${connections}`, ...(options.baseline ? [`--baseline ${options.baseline}`] : []), ...(options.noBaseline ? ['--no-baseline'] : []), ...(nationaal ? ['--nationaal'] : []), ...(options.scenarios ? [`--scenarios ${options.scenarios.join(',')}`] : []), ...(databaseUrl ? [`--database-url ${databaseUrl}`] : []), ...(keepDatabases ? ['--keep-databases'] : []), ...(options.processes ? ['--processes'] : [])];
    const command = `npm run bench -- --domein ${flags.join(' ')}`;
    const worldText = Object.entries(world).map(([k, v]) => `${k}=${v}`).join(' ');
    const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
    const lines = [
      `# Benchmark: domain scenarios${nationaal ? ' on the national world' : ''}${databaseUrl ? ' on PostgreSQL' : ''}${baseline ? ', against a baseline checkout' : ''}`,
      '',
      `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`${command}\` (Node ${process.version}, ${cpus().length} cores, at normal priority). The machine was shared with other work: load average ${loadAtStart.map((n) => n.toFixed(1)).join(' / ')} (1/5/15 min) at the start, ${loadavg().map((n) => n.toFixed(1)).join(' / ')} at the end. Compare the two sides within this run, not across runs.`,
      '',
      `- **nu**: this checkout, ${current.slice(0, 12)}${dirty ? ' with uncommitted changes' : ''}; ${options.processes ? '`npm start -- --processes` (each subgraph and the gateway a process of its own)' : '`npm start` (its default layout)'}, ready after ${bySide.nu.startSeconds.toFixed(0)} s (${databaseUrl && keepDatabases ? 'on a kept database: the world loaded at its first start only' : 'the world loaded'}).`,
      ...(baseline
        ? [
            `- **baseline**: ${baseline.commit.slice(0, 12)} (${git(root, 'log', '-1', '--format=%s', baseline.commit).slice(0, 120)}), built by the script (git worktree + npm ci), ${options.processes ? '`npm start -- --processes` of that commit' : '`npm start` of that commit (its default layout)'}, ready after ${bySide.baseline.startSeconds.toFixed(0)} s (${databaseUrl ? (keepDatabases ? 'its database kept between runs' : 'its database loaded afresh') : 'its data folder is kept between runs'}: a first start loads the world, a later one does not).`,
          ]
        : ['- **baseline**: none (`--no-baseline`): this checkout alone, to be judged against the absolute target.']),
      databaseUrl
        ? `- ${baseline ? 'Both' : 'It'}: PostgreSQL at ${new URL(databaseUrl).host}, each side in a database of its own (\`sociaal_graph_bench_<side>_${nationaal ? 'nationaal' : 'demo'}\`, ${keepDatabases ? 'kept and reused between runs' : 'created empty and dropped by the script'}), the world \`${worldText}\`, per-caller limits and the hourly personal-data bound lifted, the rest as configured by default.`
        : `- Both: embedded PGlite in a fresh DATA_DIR, the demo world \`${worldText}\`${nationaal ? '' : ' (today\'s default; a baseline from before `DEMO_SCALE_HBEL` ignores it and holds fewer residents in HBEL\'s four municipalities: less data for the baseline, not more)'}, per-caller limits and the hourly personal-data bound lifted, the rest as configured by default.`,
      `- Each scenario at 1 and ${connections} connections, ${rounds} x ${seconds} s per side after 2 s of warm-up, the sides taking turns (the first alternating per round). With a token, each connection is a different person with the same rights (its own token of the development issuer). An answer counts as an error unless HTTP 200 with data and no error. After the warm-up and after each measurement the script waits for one answer of the graph, so that requests still in flight when a measurement stops are not paid by the next; a request still in flight at the end of a measurement is not counted.`,
      '',
      '| scenario | who | what |',
      '|---|---|---|',
      ...SCENARIOS.map((s) => `| ${s.name} | ${s.caller ? `${s.caller.role} ${s.caller.org}` : 'anonymous'} | ${s.description} |`),
      '',
      `- CPU ms per request: user + system CPU time of the side's processes (\`npm start\` and everything it started${databaseUrl ? ', and the PostgreSQL backends connected to its database' : ''}) from the start to the end of the measurement, over the requests answered in it. Robust under load where wall-clock figures are not: on ${cpus().length} cores, ${cpus().length} / (CPU s per request) bounds the req/s an idle machine could serve.`,
      '',
      '| scenario | connections | side | req/s | p50 ms | p95 ms | p99 ms | errors | requests | CPU ms per request | SQL statements per request |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
    ];
    for (const scenario of SCENARIOS) {
      for (const level of levels) {
        for (const side of SIDES) {
          const row = rows.get(`${scenario.name}:${level}:${side}`)!;
          lines.push(`| ${scenario.name} | ${level} | ${side} | ${fixed(row.rps)} | ${fixed(row.p50)} | ${fixed(row.p95)} | ${fixed(row.p99)} | ${row.errors} | ${row.requests} | ${fixed(row.cpuMs, 2)} | ${scenarioStatements.get(`${scenario.name}:${side}`)} |`);
        }
      }
    }
    if (baseline) {
      lines.push('', '| scenario | connections | req/s nu / baseline | p50 nu / baseline | p95 nu / baseline | CPU per request nu / baseline |', '|---|---|---|---|---|---|');
      for (const scenario of SCENARIOS) {
        for (const level of levels) {
          const nu = rows.get(`${scenario.name}:${level}:nu`)!;
          const was = rows.get(`${scenario.name}:${level}:baseline`)!;
          lines.push(`| ${scenario.name} | ${level} | ${fixed(nu.rps / was.rps, 2)} | ${fixed(nu.p50 / was.p50, 2)} | ${fixed(nu.p95 / was.p95, 2)} | ${fixed(nu.cpuMs / was.cpuMs, 2)} |`);
        }
      }
    }
    lines.push(
      '',
      '## SQL statements per GraphQL request against list length',
      '',
      'One request through the gateway, nothing else running, after the same request once (warm caches); the statements are the subgraphs\' own counter `sociaal_graph_db_statements_total` (on each subgraph\'s /metrics; the Logboek\'s writes not included), before and after, summed over the seven subgraphs. A count that does not grow with the list is the property the subgraphs\' tests hold (`countStatements` in `subgraphs/*/src/**/*.test.ts`).',
      '',
      `| request | first | ${SIDES.map((side) => `${side}: statements (items)`).join(' | ')} |`,
      `|---|---|${SIDES.map(() => '---|').join('')}`,
      ...statementRows,
    );
    const report = `${lines.join('\n')}\n`;
    await mkdir(join(root, 'scripts/results'), { recursive: true });
    // A run of some scenarios gets a file of its own: it does not replace the report of all of them.
    await writeFile(join(root, `scripts/results/bench-domein${nationaal ? '-nationaal' : ''}${databaseUrl ? '-pg' : ''}${options.scenarios ? `-${options.scenarios.join('-')}` : ''}${options.processes ? '-processes' : ''}.md`), report);
    console.log(`\n${report}`);
  } finally {
    for (const graph of graphs) await stopGraph(graph);
    if (databaseUrl && !keepDatabases) for (const graph of graphs) if (graph.database) await dropDatabase(databaseUrl, graph.database.name).catch((error) => console.error(`[bench] could not drop ${graph.database!.name}: ${error}`));
    await rm(scratch, { recursive: true, force: true });
  }
}
