/**
 * `npm run bench:stuurinformatie -- [--scale N] [--runs N] [--no-sweep]`: times every steering answer of issue 4
 * on a national world (DEMO_GEMEENTEN=nationaal, 342 gemeenten) loaded into the machine's
 * PostgreSQL, through the gateway as a client sends it, against a baseline measured in the same run
 * (a plain public list through the same gateway); then the national sweep: each rights-bound answer
 * sent once by every organisation that may ask it. Prints two Markdown tables and writes them to
 * `scripts/results/bench-stuurinformatie.md`. No timed assertion lives in a test; this is the place.
 *
 * The graph runs in this one process (like test/graph.test-utils.ts) on a database of its own,
 * created on the server of DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) and
 * dropped after. The world is generated once (memoised) and each subgraph loads its slice.
 * The cases, their callers and who sends them in the national sweep are in bench-stuurinformatie-cases.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import pg from 'pg';
import type { RunningSubgraph, SubgraphDefinition } from '@sociaal-graph/toolkit';
import { type Aanvraag, aanvraag, baseline, type BenchCase, benchmarkCases, type Mint, sweepVragers } from './bench-stuurinformatie-cases.js';

process.env.APOLLO_TELEMETRY_DISABLED = '1';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = join(ROOT, 'scripts', 'results', 'bench-stuurinformatie.md');
const SUBGRAPH_NAMES = ['gemeenten', 'toegang', 'wmo', 'jeugd', 'participatie', 'subsidies', 'inkoop'] as const;
/** Heap per unit of DEMO_SCALE, from the generator at scale 0.01 (about 400 MB), with room for loading. */
const HEAP_MB_PER_SCALE = 45_000;

const USAGE = `usage: npm run bench:stuurinformatie -- [--scale N] [--runs N] [--no-sweep]

Times every steering answer on a national demo world (342 gemeenten) loaded into a database of its own on
DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432/test; dropped after), through the gateway.
  --scale N     DEMO_SCALE of the world (default 0.2: loading takes about 15 minutes on 2 cores)
  --runs N      timed requests per answer after one warm-up (default 7)
  --no-sweep    skip the national sweep (every organisation asking over its own mandate)
  --help        this text
Writes scripts/results/bench-stuurinformatie.md.`;

const { values: args } = parseArgs({
  options: { scale: { type: 'string' }, runs: { type: 'string' }, 'no-sweep': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  strict: true,
});
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

function option(name: 'scale' | 'runs', fallback: number): number {
  const raw = args[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!(value > 0)) throw new Error(`--${name} needs a number above 0, got ${raw}`);
  return value;
}

/** Chosen by measuring the load at 0.01 and 0.2 (see the report's "Scale" line). */
const DEFAULT_SCALE = 0.2;
const scale = option('scale', DEFAULT_SCALE);
const runs = Math.round(option('runs', 7));
/** The national sweep sends some 5,000 requests; skip it for a quick look at the per-case table. */
const sweepen = !args['no-sweep'];

// The national world lives in this process's heap: restart with room for it when the default is too small.
const neededMb = Math.round(2_048 + scale * HEAP_MB_PER_SCALE);
if (getHeapStatistics().heap_size_limit / 2 ** 20 < neededMb && !process.env.BENCH_STUURINFORMATIE_CHILD) {
  const limit = Math.min(neededMb, Math.floor((totalmem() / 2 ** 20) * 0.75));
  const child = spawnSync(process.execPath, [`--max-old-space-size=${limit}`, '--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_STUURINFORMATIE_CHILD: '1' },
  });
  process.exit(child.status ?? 1);
}

// --- measuring and reporting ----------------------------------------------------------------------

interface Timing {
  readonly benchCase: BenchCase;
  readonly aanvraag: Aanvraag;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly berekendOver: number;
  readonly rijen: number;
}

/** The national sweep of one case: one request per organisation, one after another. */
interface Sweep {
  readonly benchCase: BenchCase;
  readonly rol: string;
  readonly verzoeken: number;
  /** Sum of berekendOver over the answers, and the distinct gemeenten among them. */
  readonly berekendOver: number;
  readonly gemeenten: number;
  /** Gemeenten of the world in no organisation's answer. */
  readonly ontbrekend: readonly string[];
  readonly rijen: number;
  readonly totaalMs: number;
  readonly median: number;
  readonly max: number;
}

function median(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Sends one request; the answer must hold no error. */
async function send(url: string, benchCase: BenchCase, aanvraag: Aanvraag) {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(aanvraag.token ? { authorization: `Bearer ${aanvraag.token}` } : {}) },
    body: JSON.stringify({ query: benchCase.query, variables: aanvraag.variables }),
  });
  const body = (await response.json()) as { data?: Record<string, any> | null; errors?: unknown[] };
  const ms = performance.now() - started;
  if (body.errors?.length || !body.data) {
    throw new Error(`${benchCase.naam} (${aanvraag.vrager}): ${response.status} ${JSON.stringify(body.errors).slice(0, 500)}`);
  }
  return { ms, ...benchCase.inhoud(body.data, aanvraag.gevraagd) };
}

/** One untimed warm-up (query plan, mandate cache), then `runs` timed requests; each answer must hold data. */
async function measure(url: string, benchCase: BenchCase, aanvraag: Aanvraag): Promise<Timing> {
  const { berekendOver, rijen } = await send(url, benchCase, aanvraag);
  if (rijen === 0 || berekendOver.length === 0) throw new Error(`${benchCase.naam}: the answer holds no data`);
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) times.push((await send(url, benchCase, aanvraag)).ms);
  times.sort((a, b) => a - b);
  return { benchCase, aanvraag, median: median(times), min: times[0], max: times[times.length - 1], berekendOver: berekendOver.length, rijen };
}

/**
 * Every organisation's request of a case once, one after another, without a warm-up (the query plan
 * is warm from the per-case run; each organisation's first request fetches its arrangements, as it would).
 */
async function sweep(url: string, benchCase: BenchCase, aanvragen: readonly Aanvraag[], rol: string, alle: readonly string[]): Promise<Sweep> {
  const times: number[] = [];
  const gemeenten = new Set<string>();
  let berekendOver = 0;
  let rijen = 0;
  const started = performance.now();
  for (const aanvraag of aanvragen) {
    const antwoord = await send(url, benchCase, aanvraag);
    times.push(antwoord.ms);
    berekendOver += antwoord.berekendOver.length;
    for (const code of antwoord.berekendOver) gemeenten.add(code);
    rijen += antwoord.rijen;
  }
  const totaalMs = performance.now() - started;
  if (rijen === 0 || gemeenten.size === 0) throw new Error(`${benchCase.naam}: the sweep's answers hold no data`);
  times.sort((a, b) => a - b);
  const ontbrekend = alle.filter((code) => !gemeenten.has(code));
  return { benchCase, rol, verzoeken: aanvragen.length, berekendOver, gemeenten: gemeenten.size, ontbrekend, rijen, totaalMs, median: median(times), max: times[times.length - 1] };
}

interface Report {
  scale: number;
  runs: number;
  gemeenten: number;
  sizes: { inwonersNederland: number; inwoners: number; toewijzingen: number; declaraties: number };
  generatedMs: number;
  loadMs: Record<string, number>;
  totalLoadMs: number;
  base: Timing;
  timings: Timing[];
  sweeps: Sweep[];
  notes: string[];
}

const n = (value: number) => value.toLocaleString('en-US');
const ms = (value: number) => value.toFixed(value < 100 ? 1 : 0);
const seconds = (value: number) => (value / 1000).toFixed(1);

function renderReport(r: Report): string {
  const row = (t: Timing, ratio: string) =>
    `| ${t.benchCase.naam} | ${t.benchCase.subgraph} | ${t.aanvraag.vrager} | ${t.aanvraag.gevraagd.length} | ${t.berekendOver} | ${n(t.rijen)} | ${ms(t.median)} | ${ms(t.min)} | ${ms(t.max)} | ${ratio} |`;
  return [
    `# Steering answers on a national world (${new Date().toISOString().slice(0, 10)})`,
    '',
    `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}, PostgreSQL at DATABASE_URL.`,
    `World: DEMO_GEMEENTEN=nationaal, DEMO_SCALE=${r.scale}: ${r.gemeenten} gemeenten with ${n(r.sizes.inwonersNederland)} inhabitants; ` +
      `${n(r.sizes.inwoners)} residents with support, ${n(r.sizes.toewijzingen)} toewijzingen (Wmo and Jeugdwet), ${n(r.sizes.declaraties)} declaraties.`,
    `Load: generated in ${seconds(r.generatedMs)} s, loaded into PostgreSQL (${Object.entries(r.loadMs).map(([name, value]) => `${name} ${seconds(value)}`).join(', ')} s), ` +
      `graph ready after ${seconds(r.totalLoadMs)} s.`,
    `Scale: the default ${DEFAULT_SCALE} is the largest whose load fits in about 15 minutes on a 2-core machine: load time grows about ` +
      'linearly with DEMO_SCALE (0.01: about 30 s; 0.2: about 10 minutes, most of it generation and inkoop\'s declaraties), ' +
      'so 0.3 would take about 15 minutes, and national rates (1) about 18 million declaraties.',
    `Each operation: one untimed warm-up, then ${r.runs} requests one after another through the gateway (ms, wall clock at the client); ` +
      '"× baseline" is the median divided by the baseline\'s median measured in the same run. SUBGRAPH_TIMEOUT_MS is 600000 ' +
      '(default 10000), so that a slow answer is measured rather than cut off.',
    '',
    '| operation | subgraph | caller | gemeenten asked | computed over | rows | median ms | min ms | max ms | × baseline |',
    '|---|---|---|---|---|---|---|---|---|---|',
    row(r.base, '1.0'),
    ...r.timings.map((t) => row(t, (t.median / r.base.median).toFixed(1))),
    '',
    'No role holds aggregate rights over every gemeente, so an answer is computed over its caller\'s mandate and names the other asked ' +
      'gemeenten BUITEN_MANDAAT; the tables it reads hold the whole national world. The two counts per productcategorie refuse a gemeente ' +
      'outside the mandate and are asked for the caller\'s own. stapeling counts a gemeente only where the caller may read all three laws.',
    '',
    ...renderSweep(r.sweeps),
    ...r.notes.map((note) => `\n${note}`),
    '',
  ].join('\n');
}

/** The second table: the national sweep, if it ran. */
function renderSweep(sweeps: readonly Sweep[]): string[] {
  if (sweeps.length === 0) return [];
  const sweepRow = (s: Sweep) =>
    `| ${s.benchCase.naam} | ${s.rol} | ${s.verzoeken} | ${s.berekendOver} | ${s.gemeenten} | ${s.ontbrekend.length > 5 ? s.ontbrekend.length : s.ontbrekend.join(', ') || '-'} | ${n(s.rijen)} | ${seconds(s.totaalMs)} | ${ms(s.median)} | ${ms(s.max)} |`;
  return [
    '## National sweep',
    '',
    'Each rights-bound operation sent once by the same role of every organisation holding an arrangement (valid today) of its law in the ' +
      'world, whose mandate covers a gemeente for it (for stapeling: for all three laws), each asking every gemeente (the counts per ' +
      'productcategorie: its own) and computed over its own mandate: one request after another, no warm-up per organisation (its first ' +
      'request fetches its arrangements). "computed over" sums berekendOver over the answers; "distinct" counts each gemeente once ' +
      '(a gemeente can fall in the mandate of its own organisation and of a regio); "not covered" names the gemeenten in no answer ' +
      '(their count above 5): an analist of a gemeente reads only its own, so a law that another gemeente executes for it (Eemnes\' ' +
      'Jeugdwet, by Amersfoort) is in no analist\'s mandate.',
    '',
    '| operation | role | requests | computed over (sum) | distinct gemeenten | not covered | rows | total s | median ms | max ms |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...sweeps.map(sweepRow),
  ];
}

// --- the run ---------------------------------------------------------------------------------------

/** Planner statistics after the bulk load, as after loading any warehouse (autovacuum would get there later). */
async function analyze(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}


async function main(): Promise<void> {
  const { CALLER_LIMITS_OFF_ENV, createGatewayServer, loadDevIssuer, mintToken, readGatewayConfig } = await import('@sociaal-graph/gateway');
  const { generateDemoWorld, loadInstallationSecrets, readDemoConfig, readSubgraphConfig, secretsAsEnv, startSubgraph } = await import('@sociaal-graph/toolkit');
  const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  // One scale for every gemeente, HBEL's too: the benchmark's world is the country at one density.
  const demoEnv = { DEMO_GEMEENTEN: 'nationaal', DEMO_SCALE: String(scale), DEMO_SCALE_HBEL: String(scale) };

  // A database of its own on that server, dropped after (as .ci/run does).
  const { createScratchDatabase } = await import('@sociaal-graph/toolkit/testing');
  const scratch = await createScratchDatabase(serverUrl);
  const databaseUrl = scratch.url;
  const database = new URL(databaseUrl).pathname.slice(1);
  const dataDir = await mkdtemp(join(tmpdir(), 'sociaal-graph-bench-'));
  const subgraphs = new Map<string, RunningSubgraph>();
  let stopGateway: (() => Promise<void>) | undefined;
  const cleanUp = async () => {
    await stopGateway?.().catch(() => undefined);
    for (const running of subgraphs.values()) await running.stop().catch(() => undefined);
    await scratch.drop().catch((error) => console.error(`could not drop ${database}:`, error));
    await rm(dataDir, { recursive: true, force: true });
  };
  process.on('SIGINT', () => void cleanUp().then(() => process.exit(130)));

  try {
    console.log(`national world at DEMO_SCALE=${scale}, database ${database}`);
    const loadStart = performance.now();
    // The installation of this run, as `npm start` creates one: the gateway reads its private key in
    // dataDir, the subgraphs (in memory) get the public key and the pseudonym secret.
    const installation = loadInstallationSecrets(dataDir);
    const secrets = secretsAsEnv({ callerAssertionPublicKey: installation.callerAssertionPublicKey, pseudonymSecret: installation.pseudonymSecret });
    const world = generateDemoWorld(readDemoConfig({ ...demoEnv, ...secrets }));
    const generatedMs = performance.now() - loadStart;
    console.log(`generated in ${seconds(generatedMs)} s`);

    const loadMs: Record<string, number> = {};
    for (const name of SUBGRAPH_NAMES) {
      const started = performance.now();
      const { subgraph } = (await import(`../subgraphs/${name}/src/schema.ts`)) as { subgraph: SubgraphDefinition };
      const config = readSubgraphConfig(name, 0, { DATA_DIR: 'memory', DATABASE_URL: databaseUrl, METRICS_PORT: 'off', STATEMENT_TIMEOUT_MS: '600000', REQUEST_TIMEOUT_MS: '600000', ...secrets, ...demoEnv });
      subgraphs.set(name, await startSubgraph(subgraph, { ...config, port: 0 }));
      loadMs[name] = performance.now() - started;
      console.log(`  ${name} loaded in ${seconds(loadMs[name])} s`);
    }
    await analyze(databaseUrl);
    const issuer = await loadDevIssuer(dataDir);
    const gateway = await createGatewayServer({
      // The sweep sends hundreds of operations a minute per role; it times answers, not the per-caller limits.
      ...readGatewayConfig({ DATA_DIR: dataDir, SUBGRAPH_TIMEOUT_MS: '600000', METRICS_PORT: 'off', ...CALLER_LIMITS_OFF_ENV }),
      port: 0,
      subgraphUrls: Object.fromEntries([...subgraphs].map(([name, running]) => [name, running.url])),
    });
    stopGateway = () => gateway.stop();
    const totalLoadMs = performance.now() - loadStart;
    console.log(`graph ready in ${seconds(totalLoadMs)} s (load included ANALYZE)\n`);

    const mint: Mint = (role, org) => mintToken(issuer, { role, org });
    // A case that fails is reported, not allowed to sink a run whose load took minutes; the exit code says so.
    const notes: string[] = [];
    const fout = (benchCase: BenchCase, error: unknown) => {
      notes.push(`${benchCase.naam} not measured: ${(error as Error).message}`);
      console.error(notes[notes.length - 1]);
      process.exitCode = 1;
    };
    const base = await measure(gateway.url, baseline, await aanvraag(world, baseline, null, mint));
    console.log(`  baseline: median ${base.median.toFixed(1)} ms`);
    const cases = benchmarkCases();
    const timings: Timing[] = [];
    for (const benchCase of cases) {
      try {
        const timing = await measure(gateway.url, benchCase, await aanvraag(world, benchCase, benchCase.vrager, mint));
        timings.push(timing);
        console.log(`  ${benchCase.naam}: median ${timing.median.toFixed(1)} ms`);
      } catch (error) {
        fout(benchCase, error);
      }
    }

    const sweeps: Sweep[] = [];
    if (sweepen) console.log('\nnational sweep');
    for (const benchCase of sweepen ? cases : []) {
      const vragers = sweepVragers(world, benchCase);
      if (vragers.length === 0) continue;
      try {
        const aanvragen = await Promise.all(vragers.map((vrager) => aanvraag(world, benchCase, vrager, mint)));
        const result = await sweep(gateway.url, benchCase, aanvragen, vragers[0].rol, world.gemeenten.map((g) => g.code));
        sweeps.push(result);
        console.log(`  ${benchCase.naam}: ${result.verzoeken} requests over ${result.gemeenten} gemeenten in ${seconds(result.totaalMs)} s`);
      } catch (error) {
        fout(benchCase, error);
      }
    }

    const sizes = {
      inwonersNederland: world.gemeenten.reduce((sum, g) => sum + g.inwoners, 0),
      inwoners: world.inwoners.length,
      toewijzingen: world.wmoToewijzingen.length + world.jeugdToewijzingen.length,
      declaraties: world.declaraties.length,
    };
    const report = renderReport({ scale, runs, sizes, gemeenten: world.gemeenten.length, generatedMs, loadMs, totalLoadMs, base, timings, sweeps, notes });
    console.log(`\n${report}`);
    await mkdir(dirname(RESULTS), { recursive: true });
    await writeFile(RESULTS, report);
    console.log(`written to ${RESULTS}`);
  } finally {
    await cleanUp();
  }
}

await main();
