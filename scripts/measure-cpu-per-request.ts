/**
 * `npx tsx scripts/measure-cpu-per-request.ts [--seconds S] [--connections C] [--scenario bewonerbeeld|bewonerbeeld-willekeurig|bereik-per-kwartaal|...]`:
 * CPU time per GraphQL request of `npm start`'s graph (scripts/start-graph.ts, default layout, embedded PGlite,
 * the demo world loaded into a fresh DATA_DIR): the graph process's user+sys CPU (all its threads, from /proc) divided by the
 * requests it answered, at 1 connection and at C, for a domain scenario (scripts/bench/domein/scenarios.ts), with
 * req/s and the p50, p95 and p99 latency (nearest rank over every answer; issue 14's targets are p50 and p95).
 * Unlike req/s, CPU per request hardly moves when other work shares the machine, so a change can be judged
 * on a busy one (issue 14). Also the SQL statements per request, the subgraphs' own counters
 * (`sociaal_graph_db_statements_total`, on metrics ports from the scenario's port + 20). Linux only (/proc). Prints a Markdown table with the load average. Needs
 * `npm ci --prefix scripts/bench/tools` (autocannon). Not part of `npm test`.
 * `--data-dir <dir>`: this DATA_DIR, kept (a second run skips the demo load).
 * `--root <dir>`: the graph of another checkout (a baseline), measured the same way.
 * `--profile <dir>`: the graph runs under `--cpu-prof`, its profiles land in <dir> when it stops.
 * `--database-url <url>`: on PostgreSQL instead, in the database the URL names (created when missing, kept: a
 * second run skips the demo load; needs `--data-dir`, whose secrets the loaded world was made with); the CPU
 * then includes the server backends connected to that database. The world is the environment's (`DEMO_*`), e.g.
 * `DEMO_GEMEENTEN=nationaal DEMO_SCALE=0.2` for the national world.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CALLER_LIMITS_OFF_ENV, loadDevIssuer, mintToken } from '@sociaal-graph/gateway';
import { REPO_ROOT, SUBGRAPHS } from '@sociaal-graph/toolkit';
import { withClient } from '@sociaal-graph/toolkit/testing';
import { BEWONERS_QUERY, HBEL, SCENARIOS } from './bench/domein/scenarios.js';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' }, scenario: { type: 'string', default: 'bewonerbeeld-willekeurig' }, port: { type: 'string', default: '24100' }, profile: { type: 'string' }, 'data-dir': { type: 'string' }, 'database-url': { type: 'string' }, root: { type: 'string' } },
  strict: true,
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const scenario = SCENARIOS.find((entry) => entry.name === values.scenario);
if (!scenario?.caller) throw new Error(`unknown scenario or one without a caller: ${values.scenario}`);
const base = Number(values.port);
const HOST = '127.0.0.1';
const url = `http://${HOST}:${base}/graphql`;
/** Clock ticks per second of /proc/<pid>/stat (USER_HZ; 100 on Linux). */
const TICKS = 100;

interface AutocannonResult { requests: { total: number }; errors: number; timeouts: number; non2xx: number }
interface AutocannonInstance { on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTimeMs: number) => void): void }
// autocannon lives with the other benchmark tools (`npm ci --prefix scripts/bench/tools`).
const autocannon = createRequire(join(REPO_ROOT, 'scripts/bench/tools/package.json'))('autocannon') as (options: Record<string, unknown>, done: (error: Error | null, result: AutocannonResult) => void) => AutocannonInstance;

/** A fresh data folder: the demo world loaded by this start, the dev issuer's key beside it. */
const dataDir = values['data-dir'] ?? (await mkdtemp(join(tmpdir(), 'sociaal-graph-cpu-')));
const env: NodeJS.ProcessEnv = { ...process.env, ...CALLER_LIMITS_OFF_ENV, MAX_RESIDENTS_PER_HOUR: '100000000', DATA_DIR: dataDir, HOST, GATEWAY_PORT: String(base), METRICS_PORT: 'off', APOLLO_TELEMETRY_DISABLED: '1', LOG_LEVEL: 'warn' };
for (const name of ['DATABASE_URL', 'REDIS_URL', 'NODE_ENV']) delete env[name];
const databaseUrl = values['database-url'];
const databaseName = databaseUrl ? decodeURIComponent(new URL(databaseUrl).pathname.slice(1)) : undefined;
if (databaseUrl) {
  // A kept database holds pseudonyms made with the data folder's secrets: the two are kept together.
  if (!values['data-dir']) throw new Error('--database-url needs --data-dir (the secrets its world was loaded with)');
  if (!/^[a-z_][a-z0-9_]*$/.test(databaseName!)) throw new Error(`--database-url: a database name of lower-case letters, digits and _, not "${databaseName}"`);
  const server = new URL(databaseUrl);
  server.pathname = '/postgres';
  await withClient(server.toString(), async (client) => {
    if ((await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName])).rowCount === 0) await client.query(`CREATE DATABASE ${databaseName}`);
  });
  env.DATABASE_URL = databaseUrl;
}

SUBGRAPHS.forEach(({ name }, i) => {
  env[`${name.toUpperCase()}_PORT`] = String(base + 1 + i);
  env[`${name.toUpperCase()}_URL`] = `http://${HOST}:${base + 1 + i}/graphql`;
  env[`${name.toUpperCase()}_METRICS_PORT`] = String(base + 20 + i);
});
/** The SQL statements the subgraphs have sent so far (the Logboek's writes not included). */
const statementsNow = async () => {
  let total = 0;
  for (let i = 0; i < SUBGRAPHS.length; i += 1) {
    const text = await (await fetch(`http://${HOST}:${base + 20 + i}/metrics`)).text();
    total += Number(/^sociaal_graph_db_statements_total(?:\{[^}]*\})? (\S+)$/m.exec(text)?.[1] ?? Number.NaN);
  }
  return total;
};

const root = values.root ?? REPO_ROOT;
// --profile <dir>: the graph process itself (what npm start would start) under --cpu-prof, one profile per
// thread written there when it stops; it reads the installation's secrets from DATA_DIR, so the data folder
// must have seen a start already (--data-dir).
// How that checkout's npm start loads the graph's code (scripts/graph-loader/; before it, plain tsx).
const rootLoader = join(root, 'scripts/graph-loader/flags.ts');
// With the V8 flags that checkout's npm start gives the process, for --profile (before them, none).
const rootFlags = existsSync(rootLoader) ? ((await import(pathToFileURL(rootLoader).href)) as { GRAPH_LOADER_FLAGS: readonly string[]; GRAPH_NODE_FLAGS?: readonly string[] }) : undefined;
const graphLoaderFlags: readonly string[] = rootFlags ? [...(rootFlags.GRAPH_NODE_FLAGS ?? []), ...rootFlags.GRAPH_LOADER_FLAGS] : ['--import', 'tsx'];
const launcher: ChildProcess = values.profile
  ? spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${values.profile}`, ...graphLoaderFlags, 'scripts/graph-in-one-process.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] })
  : spawn(process.execPath, ['--import', 'tsx', 'scripts/start-graph.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
createInterface({ input: launcher.stdout! }).on('line', () => undefined);
const stop = () => launcher.kill('SIGTERM');
process.on('SIGINT', stop);

try {
  const started = Date.now();
  while (!(await fetch(`http://${HOST}:${base}/ready`).then((r) => r.ok, () => false))) {
    if (launcher.exitCode !== null) throw new Error('npm start exited');
    if (Date.now() - started > 15 * 60_000) throw new Error('no graph after 15 minutes');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // The graph process: the launcher's one child (the default layout).
  const graphPid = values.profile ? launcher.pid! : Number(readFileSync(`/proc/${launcher.pid}/task/${launcher.pid}/children`, 'utf8').trim().split(/\s+/)[0]);
  const processCpu = (pid: number) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1)!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / TICKS;
    } catch {
      return 0; // a backend gone meanwhile
    }
  };
  /** CPU seconds so far of the graph process and, on PostgreSQL, of the backends connected to its database. */
  const cpuNow = async () => {
    const backends = databaseUrl
      ? (await withClient(databaseUrl, (client) => client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [databaseName]))).rows.map((row) => row.pid)
      : [];
    // Transactions committed in the database: each statement of the serving path is one (autocommit).
    const transacties = databaseUrl
      ? Number((await withClient(databaseUrl, (client) => client.query<{ n: string }>('SELECT xact_commit AS n FROM pg_stat_database WHERE datname = $1', [databaseName]))).rows[0]!.n)
      : 0;
    return { graph: processCpu(graphPid), backends: new Map(backends.map((pid) => [pid, processCpu(pid)])), transacties };
  };
  /** Graph and backend CPU seconds between two readings (a backend counts only when alive at both). */
  const cpuBetween = (before: Awaited<ReturnType<typeof cpuNow>>, after: Awaited<ReturnType<typeof cpuNow>>) => {
    let backends = 0;
    for (const [pid, value] of after.backends) if (before.backends.has(pid)) backends += value - before.backends.get(pid)!;
    return { graph: after.graph - before.graph, backends, transacties: after.transacties - before.transacties };
  };
  const issuer = await loadDevIssuer(dataDir);
  // One person per connection, all with the scenario's rights.
  const tokens = await Promise.all(
    Array.from({ length: connections }, (_, i) => mintToken(issuer, { role: scenario.caller!.role, org: scenario.caller!.org, subject: `cpu-${i + 1}` }).then((token) => `Bearer ${token}`)),
  );
  const ids: string[] = [];
  // The residents the resident scenarios read, looked up by a consulent: an analist may not list them.
  const lookup = `Bearer ${await mintToken(issuer, { role: 'consulent', org: 'uo-hbel', subject: 'cpu-opzoeken' })}`;
  for (const gemeente of HBEL) {
    const answer = await post(JSON.stringify({ query: BEWONERS_QUERY, variables: { gemeente, first: 25 } }), lookup);
    ids.push(...(JSON.parse(answer) as { data: { inwoners: { items: { id: string }[] } } }).data.inwoners.items.map((item) => item.id));
  }
  const bodies = scenario.bodies(ids);
  console.log(`| connections | requests | errors | CPU s | CPU ms / request | of it PG backends | PG transactions / request | statements / request | req/s | p50 ms | p95 ms | p99 ms | load average (1 min) |`);
  console.log(`|---|---|---|---|---|---|---|---|---|---|---|---|---|`);
  for (const c of [1, connections]) {
    await run(bodies, tokens, c, 2);
    const statementsBefore = await statementsNow();
    const before = await cpuNow();
    const load = loadavg()[0]!;
    const result = await run(bodies, tokens, c, seconds);
    // PostgreSQL's statistics reach pg_stat_database within a second of a commit.
    if (databaseUrl) await new Promise((resolve) => setTimeout(resolve, 1500));
    const { graph, backends, transacties } = cpuBetween(before, await cpuNow());
    // Requests autocannon left in flight are still served meanwhile: a fraction more statements at most.
    const statements = (await statementsNow()) - statementsBefore;
    const cpu = graph + backends;
    const n = result.requests.total;
    const errors = result.errors + result.timeouts + result.non2xx;
    console.log(`| ${c} | ${n} | ${errors} | ${cpu.toFixed(2)} | ${((cpu * 1000) / n).toFixed(2)} | ${databaseUrl ? ((backends * 1000) / n).toFixed(2) : '-'} | ${databaseUrl ? (transacties / n).toFixed(2) : '-'} | ${(statements / n).toFixed(2)} | ${(n / seconds).toFixed(0)} | ${percentile(result.latencies, 50).toFixed(1)} | ${percentile(result.latencies, 95).toFixed(1)} | ${percentile(result.latencies, 99).toFixed(1)} | ${load.toFixed(1)}–${loadavg()[0]!.toFixed(1)} |`);
  }
} finally {
  const exited = new Promise((resolve) => launcher.once('exit', resolve));
  stop();
  await exited;
  if (!values['data-dir']) await rm(dataDir, { recursive: true, force: true });
}

async function post(body: string, authorization: string): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body });
  const text = await response.text();
  if (response.status !== 200 || text.includes('"errors"')) throw new Error(`HTTP ${response.status}: ${text.slice(0, 400)}`);
  return text;
}

/** The p-th percentile (nearest rank) of latencies in ms. */
function percentile(latencies: readonly number[], p: number): number {
  if (latencies.length === 0) return Number.NaN;
  const sorted = [...latencies].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** autocannon's result, with every answer's latency in ms (its own percentiles have no p95). */
function run(bodies: readonly string[], tokens: readonly string[], c: number, duration: number): Promise<AutocannonResult & { latencies: number[] }> {
  let next = 0;
  let client = 0;
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: c,
        duration,
        timeout: 60,
        requests: [
          {
            method: 'POST',
            path: '/graphql',
            headers: { 'content-type': 'application/json' },
            setupRequest: (request: { headers: Record<string, string> }, context: { authorization?: string }) => {
              context.authorization ??= tokens[client++ % tokens.length];
              return { ...request, body: bodies[next++ % bodies.length], headers: { ...request.headers, authorization: context.authorization! } };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve({ ...result, latencies })),
    );
    instance.on('response', (_client, _status, _bytes, responseTimeMs) => latencies.push(responseTimeMs));
  });
}
