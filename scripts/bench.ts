/**
 * `npm run bench -- [--seconds S] [--rounds R] [--connections C]`: the public federation benchmark
 * shape (The Guild's graphql-gateways-benchmark, `scripts/bench/federatie/shape.ts`) through three
 * gateways in one run: plain @apollo/gateway, Hive Gateway (its benchmark settings: in-flight
 * deduplication and JIT) and sociaal-graph's gateway. Two modes: identical anonymous requests,
 * and C distinct callers (one per connection; for sociaal-graph each its own verified token of
 * the development issuer, for the others a random bearer token, as the benchmark sends). The
 * gateways take turns, round after round, in a rotating order; every response is checked
 * against the answer of the same query on one plain schema. Reports req/s, p50/p95/p99, errors,
 * peak RSS and ratios into `scripts/results/bench.md`.
 *
 * CPU: the gateway under test alone on core 1, the subgraphs and this load generator on core 0
 * (taskset), where the machine has two cores. Bounded: about (2 modes x 3 gateways x R rounds x
 * (S + 2)) seconds plus start-up. Hive Gateway and autocannon live in `scripts/bench/tools/` (own
 * package.json, `npm ci --prefix scripts/bench/tools`), no part of the graph. Not part of `npm test`.
 *
 * `npm run bench -- --domein [--baseline <ref> | --no-baseline] [--nationaal] [--scenarios a,b] [--database-url URL [--keep-databases]] [--processes]`: the domain scenarios (resident view,
 * the region's contract pull, an analyst aggregate per gemeente and quarter) on the demo world, this
 * checkout against a baseline checkout the script builds, and SQL statements per request against list
 * length: scripts/bench/domein/run.ts.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { composeServices } from '@apollo/composition';
import { CALLER_LIMITS_OFF_ENV, loadDevIssuer, mintToken } from '@sociaal-graph/gateway';
import { parse } from 'graphql';
import { GATEWAY_NODE_FLAGS } from '../gateway/src/node-flags.js';
import { runDomein } from './bench/domein/run.js';
import { freePortBase } from './bench/ports.js';
import { QUERY, SUBGRAPHS, expectedAnswer } from './bench/federatie/shape.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH = join(ROOT, 'scripts/bench/tools');
const HOST = '127.0.0.1';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    domein: { type: 'boolean', default: false },
    baseline: { type: 'string' },
    nationaal: { type: 'boolean', default: false },
    scenarios: { type: 'string' },
    'no-baseline': { type: 'boolean', default: false },
    'database-url': { type: 'string' },
    'keep-databases': { type: 'boolean', default: false },
    processes: { type: 'boolean', default: false },
  },
  strict: true,
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const connections = Number(values.connections);
if (!(seconds >= 2 && seconds <= 60 && rounds >= 1 && rounds <= 5 && connections >= 1 && connections <= 200)) {
  throw new Error('--seconds 2..60, --rounds 1..5, --connections 1..200');
}
const domeinOnly = values.baseline !== undefined || values.nationaal || values.scenarios !== undefined || values['no-baseline'] || values['database-url'] !== undefined || values['keep-databases'] || values.processes;
if (domeinOnly && !values.domein) {
  throw new Error('--baseline, --no-baseline, --nationaal, --scenarios, --database-url, --keep-databases and --processes belong to --domein');
}
if (values.baseline !== undefined && values['no-baseline']) throw new Error('--baseline or --no-baseline, not both');
if (values['keep-databases'] && values['database-url'] === undefined) throw new Error('--keep-databases belongs to --database-url');
if (!existsSync(join(BENCH, 'node_modules/autocannon')) || !existsSync(join(BENCH, 'node_modules/@graphql-hive/gateway'))) {
  throw new Error('the benchmark tools are not installed: run `npm ci --prefix scripts/bench/tools` first');
}
/** The part of autocannon's API used here (it ships no types). */
interface AutocannonResult { requests: { total: number }; errors: number; timeouts: number; non2xx: number; duration: number }
type Autocannon = (options: Record<string, unknown>, done: (error: Error | null, result: AutocannonResult) => void) => { on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void };
const autocannon = createRequire(join(BENCH, 'package.json'))('autocannon') as Autocannon;

const twoCores = cpus().length >= 2;
const pin = (core: number, command: string[]) => (twoCores ? ['taskset', '-c', String(core), ...command] : command);
// The domain scenarios run the graphs as `npm start` does, on every core: no pinning there.
if (twoCores && !values.domein) execFileSync('taskset', ['-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });

type GatewayName = 'apollo' | 'hive' | 'sociaal-graph';
const GATEWAYS: readonly GatewayName[] = ['apollo', 'hive', 'sociaal-graph'];
const LABEL: Record<GatewayName, string> = { apollo: 'plain @apollo/gateway', hive: 'Hive Gateway', 'sociaal-graph': "sociaal-graph's gateway" };
type Mode = 'identical' | 'callers';

const children: ChildProcess[] = [];

function start(command: string[], env: NodeJS.ProcessEnv, cwd = ROOT): ChildProcess {
  const [file, ...args] = command;
  const child = spawn(file, args, { cwd, env: { ...process.env, APOLLO_TELEMETRY_DISABLED: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  child.on('exit', (code) => {
    if (code !== null && code !== 0 && !stopping) console.error(`${command.join(' ')} exited with ${code}:\n${log}`);
  });
  children.push(child);
  return child;
}

let stopping = false;
async function stopAll(): Promise<void> {
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
        }),
    ),
  );
}

/** User + system CPU time of a process and its descendants so far, in seconds (/proc, clock ticks of 1/100 s). */
function treeCpuSeconds(pid: number): number {
  let total = 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    total += (Number(fields[11]) + Number(fields[12])) / 100;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const kids = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const kid of kids ? kids.split(/\s+/) : []) total += treeCpuSeconds(Number(kid));
    }
  } catch {
    // The process ended meanwhile.
  }
  return total;
}

/** Resident memory of a process and its descendants (Hive Gateway may fork workers), in KiB. */
function treeRssKib(pid: number): number {
  let total = 0;
  try {
    total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const kids = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const kid of kids ? kids.split(/\s+/) : []) total += treeRssKib(Number(kid));
    }
  } catch {
    // The process ended meanwhile.
  }
  return total;
}

async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, text: await response.text() };
}

async function waitForGraphql(url: string, what: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      if ((await post(url, JSON.stringify({ query: '{ __typename }' }))).status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not start within 120 s`);
}

/** JSON with sorted keys: Hive Gateway orders fields differently, the answer is the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const expected = expectedAnswer();
if (expected.errors) throw new Error(`the expected answer has errors: ${expected.errors[0].message}`);
const expectedData = canonical(expected.data);
/**
 * Bodies already found right: most answers are compared with one of these as one string. A short
 * list compared with `===` (length first, then the bytes), not a Set: a Set hashes every 85 KB
 * answer it is asked about, which cost the load generator about as much as receiving it.
 */
const knownGood: string[] = [];

function isExpected(text: string): boolean {
  for (const good of knownGood) if (good.length === text.length && good === text) return true;
  try {
    const body = JSON.parse(text) as { data?: unknown; errors?: unknown };
    if (body.errors !== undefined || canonical(body.data) !== expectedData) return false;
  } catch {
    return false;
  }
  if (knownGood.length < 16) knownGood.push(text);
  return true;
}

interface Segment {
  requests: number;
  errors: number;
  wrong: number;
  latencies: number[];
  seconds: number;
  peakRssKib: number;
  /** CPU seconds of the gateway (core 1) and of this load generator with the subgraphs (core 0). */
  gatewayCpu: number;
  driverCpu: number;
}

async function measure(url: string, pid: number, subgraphsPid: number, authorizations: readonly (string | undefined)[]): Promise<Segment> {
  const body = JSON.stringify({ query: QUERY, operationName: 'TestQuery' });
  let wrong = 0;
  let client = 0;
  const latencies: number[] = [];
  const run = (durationSeconds: number, record: boolean) =>
    new Promise<AutocannonResult>((resolve, reject) => {
      const instance = autocannon(
        {
          url,
          method: 'POST',
          connections,
          duration: durationSeconds,
          timeout: 30,
          // One caller per connection: its own Authorization header, or none (autocannon keeps a
          // context per connection; request objects are shared between connections).
          requests: [
            {
              method: 'POST',
              path: '/graphql',
              body,
              headers: { 'content-type': 'application/json' },
              setupRequest: (request: { headers: Record<string, string> }, context: { authorization?: string | null }) => {
                if (context.authorization === undefined) context.authorization = authorizations[client++ % authorizations.length] ?? null;
                return context.authorization ? { ...request, headers: { ...request.headers, authorization: context.authorization } } : request;
              },
              onResponse: (status: number, text: string) => void (record && (status !== 200 || !isExpected(text)) && wrong++),
            },
          ],
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
      if (record) instance.on('response', (_client, _status, _bytes, ms) => void latencies.push(ms));
    });
  // Two seconds to warm up (plans, JIT, connections), not counted.
  await run(2, false);
  let peakRssKib = treeRssKib(pid);
  const sampler = setInterval(() => (peakRssKib = Math.max(peakRssKib, treeRssKib(pid))), 200);
  // Which side bounds the rate: the gateway's core, or the load generator's (with the subgraphs).
  const gatewayCpuBefore = treeCpuSeconds(pid);
  const subgraphsCpuBefore = treeCpuSeconds(subgraphsPid);
  const driverBefore = process.cpuUsage();
  const result = await run(seconds, true).finally(() => clearInterval(sampler));
  const driver = process.cpuUsage(driverBefore);
  return {
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
    wrong,
    latencies,
    seconds: result.duration,
    peakRssKib,
    gatewayCpu: treeCpuSeconds(pid) - gatewayCpuBefore,
    driverCpu: (driver.user + driver.system) / 1e6 + treeCpuSeconds(subgraphsPid) - subgraphsCpuBefore,
  };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'sociaal-graph-bench-'));
  const loadBefore = loadavg()[0];
  const base = await freePortBase(20);
  const subgraphPorts = Object.fromEntries(SUBGRAPHS.map((subgraph, index) => [subgraph.name, base + index]));
  const gatewayPorts: Record<GatewayName, number> = { apollo: base + 10, hive: base + 11, 'sociaal-graph': base + 12 };
  try {
    const composed = composeServices(SUBGRAPHS.map((subgraph) => ({ name: subgraph.name, url: `http://${HOST}:${subgraphPorts[subgraph.name]}/graphql`, typeDefs: parse(subgraph.sdl) })));
    if (composed.errors) throw new Error(composed.errors.map((error) => error.message).join('\n'));
    const supergraph = join(dir, 'supergraph.graphql');
    await writeFile(supergraph, composed.supergraphSdl);

    const tsx = [process.execPath, '--import', 'tsx'];
    const subgraphs = start(pin(0, [...tsx, 'scripts/bench/federatie/subgraphs.ts']), {
      BENCH_PORTS: Object.entries(subgraphPorts).map(([name, port]) => `${name}:${port}`).join(','),
    });
    // The development issuer's keys in this run's data folder, before the gateway reads them.
    const dataDir = join(dir, 'data');
    await mkdir(dataDir);
    const issuer = await loadDevIssuer(dataDir);
    const processes: Record<GatewayName, ChildProcess> = {
      apollo: start(pin(1, [...tsx, 'scripts/bench/federatie/apollo-gateway.ts']), { BENCH_SUPERGRAPH: supergraph, BENCH_PORT: String(gatewayPorts.apollo) }),
      hive: start(
        pin(1, [process.execPath, join(BENCH, 'node_modules/@graphql-hive/gateway/dist/bin.js'), 'supergraph', supergraph, '--port', String(gatewayPorts.hive), '--host', HOST, '--jit']),
        { NODE_ENV: 'production' },
        join(BENCH, 'hive'),
      ),
      // With the Node flags its own start gives it (gateway/src/node-flags.ts: the heap sized for the gateway, not the machine).
      'sociaal-graph': start(pin(1, [process.execPath, ...GATEWAY_NODE_FLAGS, '--import', 'tsx', 'scripts/bench/federatie/sociaal-graph-gateway.ts']), {
        BENCH_SUPERGRAPH: supergraph,
        BENCH_PORT: String(gatewayPorts['sociaal-graph']),
        DATA_DIR: dataDir,
        ...CALLER_LIMITS_OFF_ENV,
        // The benchmark query nests 8 fields deep below its root fields.
        MAX_QUERY_DEPTH: '12',
        LOG_LEVEL: 'warn',
      }),
    };
    const urls = Object.fromEntries(GATEWAYS.map((name) => [name, `http://${HOST}:${gatewayPorts[name]}/graphql`])) as Record<GatewayName, string>;
    for (const name of GATEWAYS) await waitForGraphql(urls[name], LABEL[name]);

    // Each gateway's answer once, before any load: a wrong answer stops the run.
    for (const name of GATEWAYS) {
      const answer = await post(urls[name], JSON.stringify({ query: QUERY, operationName: 'TestQuery' }));
      if (answer.status !== 200 || !isExpected(answer.text)) throw new Error(`${LABEL[name]} answers the benchmark query wrongly (HTTP ${answer.status}): ${answer.text.slice(0, 200)} … ${answer.text.slice(-600)}`);
    }
    const answerBytes = Buffer.byteLength(JSON.stringify(expected));

    // 50 people of one gemeente with the same role: same rights, each a token of their own.
    const tokens = await Promise.all(
      Array.from({ length: connections }, (_, index) => mintToken(issuer, { role: 'beleid', org: '0406', subject: `bench-beleid-${index + 1}` }).then((token) => `Bearer ${token}`)),
    );
    const randomTokens = Array.from({ length: connections }, () => `Bearer ${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`);
    const callers: Record<GatewayName, readonly string[]> = { apollo: randomTokens, hive: randomTokens, 'sociaal-graph': tokens };

    const segments = new Map<string, Segment[]>();
    for (const mode of ['identical', 'callers'] as const) {
      for (let round = 0; round < rounds; round++) {
        // Rotate who goes first: no gateway always runs on a machine warmed (or tired) by another.
        const order = GATEWAYS.map((_, index) => GATEWAYS[(index + round) % GATEWAYS.length]);
        for (const name of order) {
          const segment = await measure(urls[name], processes[name].pid as number, subgraphs.pid as number, mode === 'identical' ? [undefined] : callers[name]);
          const key = `${mode}:${name}`;
          segments.set(key, [...(segments.get(key) ?? []), segment]);
          console.log(
            `${mode} round ${round + 1} ${LABEL[name]}: ${(segment.requests / segment.seconds).toFixed(0)} req/s, errors ${segment.errors}, wrong ${segment.wrong}, RSS ${(segment.peakRssKib / 1024).toFixed(0)} MiB, gateway busy ${((100 * segment.gatewayCpu) / segment.seconds).toFixed(0)} %, load generator and subgraphs busy ${((100 * segment.driverCpu) / segment.seconds).toFixed(0)} %`,
          );
        }
      }
    }

    const rows: Record<string, { rps: number; p50: number; p95: number; p99: number; errors: number; requests: number; rssMib: number; cpuMsPerRequest: number; gatewayBusy: number; driverBusy: number }> = {};
    for (const [key, list] of segments) {
      const latencies = list.flatMap((segment) => segment.latencies).sort((a, b) => a - b);
      const requests = list.reduce((sum, segment) => sum + segment.requests, 0);
      const wall = list.reduce((sum, segment) => sum + segment.seconds, 0);
      const gatewayCpu = list.reduce((sum, segment) => sum + segment.gatewayCpu, 0);
      rows[key] = {
        rps: requests / wall,
        cpuMsPerRequest: (1000 * gatewayCpu) / requests,
        gatewayBusy: (100 * gatewayCpu) / wall,
        driverBusy: (100 * list.reduce((sum, segment) => sum + segment.driverCpu, 0)) / wall,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        errors: list.reduce((sum, segment) => sum + segment.errors + segment.wrong, 0),
        requests,
        rssMib: Math.max(...list.map((segment) => segment.peakRssKib)) / 1024,
      };
    }
    const command = `npm run bench -- --seconds ${seconds} --rounds ${rounds} --connections ${connections}`;
    const ratio = (a: number, b: number) => (a / b).toFixed(2);
    const lines = [
      '# Benchmark: the public federation benchmark shape',
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} by \`${command}\` (Node ${process.version}, ${cpus().length} cores${twoCores ? '; each gateway alone on core 1, the subgraphs and the load generator (autocannon) on core 0' : ''}). Other work on the machine may share its cores (load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end): compare gateways within this run, not across runs.`,
      '',
      `The Guild's graphql-gateways-benchmark shape: subgraphs accounts, inventory, products, reviews (Node, \`scripts/bench/federatie/\`); 6 users, 9 products, 11 reviews; its one nested query, an answer of ${(answerBytes / 1024).toFixed(1)} KB. ${connections} connections; each gateway ${rounds} x ${seconds} s per mode after 2 s of warm-up, the gateways taking turns in a rotating order. Every answer is compared with the same query run on one plain schema; a wrong answer counts as an error. Hive Gateway ${readVersion('@graphql-hive/gateway')} with its benchmark settings (in-flight deduplication on, JIT, NODE_ENV=production); plain @apollo/gateway ${readVersion('@apollo/gateway', ROOT)} with @apollo/server's defaults; sociaal-graph's gateway with every plugin on, per-caller limits lifted, and the Node flags of its own start (\`${GATEWAY_NODE_FLAGS.join(' ')}\`, gateway/src/node-flags.ts).`,
      '',
      'Modes: **identical** — the same anonymous request on every connection; **callers** — one caller per connection, each with its own `Authorization` header: for sociaal-graph a verified token of its own (role beleid of gemeente 0406: the same rights, different people), for the others a random bearer token, as the benchmark sends.',
      '',
      'Bound: **gateway busy** is the gateway\'s CPU time (user + system, its processes together) over the wall time of its segments, on its own core; **load side busy** that of the load generator and the subgraphs, which share the other core. A gateway near 100 % is the bound; below it with the load side near 100 %, the load generator and subgraphs are. **CPU ms/request** is the gateway\'s CPU time per answered request, which other work on the machine changes less than req/s.',
      '',
      '| mode | gateway | req/s | p50 ms | p95 ms | p99 ms | errors | requests | peak RSS MiB | CPU ms/request | gateway busy | load side busy |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ];
    for (const mode of ['identical', 'callers'] as const) {
      for (const name of GATEWAYS) {
        const row = rows[`${mode}:${name}`];
        lines.push(
          `| ${mode} | ${LABEL[name]} | ${row.rps.toFixed(0)} | ${row.p50.toFixed(1)} | ${row.p95.toFixed(1)} | ${row.p99.toFixed(1)} | ${row.errors} | ${row.requests} | ${row.rssMib.toFixed(0)} | ${row.cpuMsPerRequest.toFixed(2)} | ${row.gatewayBusy.toFixed(0)} % | ${row.driverBusy.toFixed(0)} % |`,
        );
      }
    }
    lines.push('', '| mode | sociaal-graph / plain @apollo/gateway req/s | sociaal-graph / Hive Gateway req/s | p95 sociaal-graph / Hive | peak RSS sociaal-graph / plain |', '|---|---|---|---|---|');
    for (const mode of ['identical', 'callers'] as const) {
      const [apollo, hive, ours] = GATEWAYS.map((name) => rows[`${mode}:${name}`]);
      lines.push(`| ${mode} | ${ratio(ours.rps, apollo.rps)} | ${ratio(ours.rps, hive.rps)} | ${ratio(ours.p95, hive.p95)} | ${ratio(ours.rssMib, apollo.rssMib)} |`);
    }
    const report = `${lines.join('\n')}\n`;
    await mkdir(join(ROOT, 'scripts/results'), { recursive: true });
    await writeFile(join(ROOT, 'scripts/results/bench.md'), report);
    console.log(`\n${report}`);
  } finally {
    await stopAll();
    await rm(dir, { recursive: true, force: true });
  }
}

function readVersion(name: string, from = BENCH): string {
  try {
    return (JSON.parse(readFileSync(join(from, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

// --domein: the domain scenarios against a baseline checkout (scripts/bench/domein/) instead of the federation shape.
(values.domein ? runDomein({ root: ROOT, seconds, rounds, connections, baseline: values.baseline, nationaal: values.nationaal, scenarios: values.scenarios?.split(','), noBaseline: values['no-baseline'], databaseUrl: values['database-url'], keepDatabases: values['keep-databases'], processes: values.processes }) : main()).catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await stopAll();
  process.exit(1);
});
