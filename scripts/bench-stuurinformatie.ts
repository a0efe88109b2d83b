/**
 * `npm run bench:stuurinformatie -- [--scale N] [--runs N]`: times every steering answer of issue 4
 * on a national world (DEMO_GEMEENTEN=nationaal, 342 gemeenten) loaded into the machine's
 * PostgreSQL, through the gateway as a client sends it, against a baseline measured in the same run
 * (a plain public list through the same gateway). Prints a Markdown table and writes it to
 * `scripts/results/bench-stuurinformatie.md`. No timed assertion lives in a test; this is the place.
 *
 * The graph runs in this one process (like test/graph.test-utils.ts) on a database of its own,
 * created on the server of DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) and
 * dropped after. The world is generated once (memoised) and each subgraph loads its slice.
 * One file past 400 lines: the cases are data, and splitting them off would hide what is measured.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import {
  buildClientSchema, getIntrospectionQuery, getNamedType, type GraphQLNamedType, type IntrospectionQuery, isLeafType, isNonNullType, isObjectType,
} from 'graphql';
import pg from 'pg';
import type { DemoWorld, RunningSubgraph, SubgraphDefinition } from '@sociaal-graph/toolkit';

process.env.APOLLO_TELEMETRY_DISABLED = '1';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = join(ROOT, 'scripts', 'results', 'bench-stuurinformatie.md');
const SUBGRAPH_NAMES = ['gemeenten', 'toegang', 'wmo', 'jeugd', 'participatie', 'subsidies', 'inkoop'] as const;
/** Heap per unit of DEMO_SCALE, from the generator at scale 0.01 (about 400 MB), with room for loading. */
const HEAP_MB_PER_SCALE = 45_000;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!(value > 0)) throw new Error(`--${name} needs a number above 0, got ${process.argv[index + 1]}`);
  return value;
}

/** Chosen by measuring the load at 0.01 and 0.2 (see the report's "Scale" line). */
const DEFAULT_SCALE = 0.2;
const scale = option('scale', DEFAULT_SCALE);
const runs = Math.round(option('runs', 7));

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

// --- the cases ----------------------------------------------------------------------------------

type World = DemoWorld;
type Mint = (role: string, org: string) => Promise<string>;

/** One operation to time, who sends it, and how to read what it was computed over from the answer. */
interface BenchCase {
  readonly naam: string;
  readonly subgraph: string;
  readonly vrager: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly token?: string;
  readonly gevraagd: number;
  /** Gemeenten the answer was computed over, and its rows: proof that it holds data. */
  readonly inhoud: (data: Record<string, any>) => { berekendOver: number; rijen: number };
}

const VERANTWOORDING = 'verantwoording { berekendOver uitgesloten { gemeenteCode wet reden } gegevensTot laatsteDeclaratie onderdrukkingsregel }';
const AANTAL = '{ waarde onderdrukt }';
const PERIODE = `kwartaal van tot clienten ${AANTAL} clientenPer1000 instroom ${AANTAL} doorstroom ${AANTAL} uitstroom ${AANTAL}`;
const bereik = (root: string) => `query ($g: [String!]!, $jaar: Int!) {
  ${root}(gemeenten: $g) { ${VERANTWOORDING} gemeenten { code ${root}(jaar: $jaar) { wet jaar doelgroep inwoners jaartotaal { ${PERIODE} } kwartalen { ${PERIODE} } } } }
}`;

/** Rows of the answer's list `rijen` (or `gemeenten`) and the length of its `berekendOver`. */
function verantwoord(root: string, lijst = 'rijen') {
  return (data: Record<string, any>) => ({ berekendOver: data[root].verantwoording.berekendOver.length, rijen: data[root][lijst].length });
}

/**
 * Every steering answer over all gemeenten of the world (one request each). No role holds aggregate
 * rights over every gemeente (README "Who may see what"): each aggregate is sent by the caller with
 * the widest rights for it, and is computed over that caller's mandate, the rest named BUITEN_MANDAAT.
 * The two Wmo/Jeugdwet counts refuse a gemeente outside the mandate, so they get the caller's own.
 */
async function benchmarkCases(world: World, mint: Mint): Promise<{ cases: BenchCase[]; baseline: BenchCase }> {
  const alle = world.gemeenten.map((g) => g.code);
  const binnen = (organisatie: string, wet: string) =>
    [...new Set(world.arrangementen.filter((a) => a.organisatieId === organisatie && a.wet === wet && a.geldigTot === null).map((a) => a.gemeenteCode))];
  const inkoper = await mint('inkoper', 'regio-gv');
  const analistRegio = await mint('analist', 'regio-gv');
  const analistHbel = await mint('analist', 'uo-hbel');
  const baseline: BenchCase = {
    naam: 'baseline: `gemeenten(first: 400) { items { code naam } }`',
    subgraph: 'gemeenten',
    vrager: 'anonymous',
    query: '{ gemeenten(first: 400) { items { code naam } } }',
    variables: {},
    gevraagd: alle.length,
    inhoud: (data) => ({ berekendOver: data.gemeenten.items.length, rijen: data.gemeenten.items.length }),
  };
  const cases: BenchCase[] = [
    {
      naam: 'financienVergelijking (2025)', subgraph: 'gemeenten', vrager: 'anonymous (public)', gevraagd: alle.length,
      query: `query ($g: [String!]!) { financienVergelijking(gemeenten: $g, jaar: 2025) { ${VERANTWOORDING} rijen {
        gemeenteCode jaar taakveld { code } wet begroting prognose realisatie tekort tekortBasis begrotingPerInwoner realisatiePerInwoner tekortPerInwoner
        grootteklasse { groep aantalGemeenten begrotingPerInwoner prognosePerInwoner realisatiePerInwoner tekortPerInwoner }
        nederland { groep aantalGemeenten begrotingPerInwoner prognosePerInwoner realisatiePerInwoner tekortPerInwoner } } } }`,
      variables: { g: alle }, inhoud: verantwoord('financienVergelijking'),
    },
    {
      naam: 'declaratiegedrag (Wmo, 2025)', subgraph: 'inkoop', vrager: 'inkoper regio-gv', token: inkoper, gevraagd: alle.length,
      query: `query ($g: [String!]!) { declaratiegedrag(gemeenten: $g, wet: WMO, jaar: 2025) { ${VERANTWOORDING} rijen {
        aanbieder { agbCode } gemeente { code } wet jaar maand aantalToewijzingen ${AANTAL} aantalDeclaratieregels ${AANTAL}
        gemiddeldeVertragingInDagen mediaanVertragingInDagen aandeelNaTermijn aandeelAfgewezen aandeelGecrediteerd aandeelCorrecties onderdrukt } } }`,
      variables: { g: alle }, inhoud: verantwoord('declaratiegedrag'),
    },
    {
      naam: 'jeugdVerwijsstromen (2023-2025)', subgraph: 'jeugd', vrager: 'analist regio-gv', token: analistRegio, gevraagd: alle.length,
      query: `query ($g: [String!]!) { jeugdVerwijsstromen(gemeenten: $g, vanafJaar: 2023, totEnMetJaar: 2025) { ${VERANTWOORDING} gemeenten {
        gemeente { code } vanafJaar totEnMetJaar aantalVerwijzingen ${AANTAL}
        perVerwijzer { verwijzerType { code } aantalVerwijzingen ${AANTAL} aandeel aandeelAlleGemeenten landelijkAandeelCbs } } } }`,
      variables: { g: alle }, inhoud: verantwoord('jeugdVerwijsstromen', 'gemeenten'),
    },
    ...(['wmoBereik', 'jeugdBereik', 'participatieBereik'] as const).map((root): BenchCase => {
      const hbel = root === 'participatieBereik';
      return {
        naam: `${root} (2025, per gemeente)`, subgraph: root.replace('Bereik', ''), vrager: hbel ? 'analist uo-hbel' : 'analist regio-gv',
        token: hbel ? analistHbel : analistRegio, gevraagd: alle.length, query: bereik(root), variables: { g: alle, jaar: 2025 },
        inhoud: verantwoord(root, 'gemeenten'),
      };
    }),
    {
      naam: 'wmoInstroomRondMaatregel (24 months)', subgraph: 'wmo', vrager: 'analist regio-gv', token: analistRegio, gevraagd: alle.length,
      query: `query ($i: [MaatregelInvoering!]!) { wmoInstroomRondMaatregel(invoeringen: $i, maanden: 24) { ${VERANTWOORDING} rijen {
        gemeente { code naam } ingangsdatum periode van tot aantalToewijzingen ${AANTAL} aantalClienten ${AANTAL} gemiddeldeUrenPerWeek onderdrukt } } }`,
      variables: { i: alle.map((gemeenteCode) => ({ gemeenteCode, ingangsdatum: '2024-01-01' })) }, inhoud: verantwoord('wmoInstroomRondMaatregel'),
    },
    {
      naam: 'subsidiesPerPartner (2025)', subgraph: 'subsidies', vrager: 'anonymous (public)', gevraagd: alle.length,
      query: `query ($g: [String!]!) { subsidiesPerPartner(gemeenten: $g, jaar: 2025) { ${VERANTWOORDING} rijen {
        partner { id naam } gemeente { code naam } gemeenteCode jaar aantalSubsidies aantalVastgesteld aangevraagd verleend budgetplafond vastgesteld verschil
        prestaties { indicator eenheid aantalAfspraken afgesproken gerealiseerd realisatiePercentage }
        voorveld { aantalRapportages laatsteKwartaal aantalDeelnemers aantalContacten } gerapporteerdTot } } }`,
      variables: { g: alle }, inhoud: verantwoord('subsidiesPerPartner'),
    },
    ...([
      ['wmoToewijzingenPerProductcategorie', 'wmo', 'WMO', 'aantalClienten'],
      ['jeugdToewijzingenPerProductcategorie', 'jeugd', 'JEUGDWET', 'aantalJeugdigen'],
    ] as const).map(
      ([root, subgraph, wet, personen]): BenchCase => {
        const eigen = binnen('regio-gv', wet);
        return {
          naam: `${root} (2025)`, subgraph, vrager: 'analist regio-gv', token: analistRegio, gevraagd: eigen.length,
          query: `query ($g: [String!]!) { ${root}(gemeenten: $g, jaar: 2025) {
            gemeente { code } jaar productcategorie { code } totaal aantalToewijzingen ${AANTAL} ${personen} ${AANTAL} onderdrukkingsregel } }`,
          variables: { g: eigen },
          inhoud: (data) => ({ berekendOver: new Set(data[root].map((r: { gemeente: { code: string } }) => r.gemeente.code)).size, rijen: data[root].length }),
        };
      },
    ),
    {
      naam: 'participatieKengetallen (2025)', subgraph: 'participatie', vrager: 'analist uo-hbel', token: analistHbel, gevraagd: alle.length,
      query: `query ($g: [String!]!) { participatieKengetallen(gemeenten: $g, jaar: 2025) {
        gemeenteCode jaar binnenMandaat toelichting uitkeringenActief ${AANTAL} instroom ${AANTAL} uitstroom ${AANTAL} schuldhulptrajectenGestart ${AANTAL} } }`,
      variables: { g: alle },
      inhoud: (data) => ({ berekendOver: data.participatieKengetallen.filter((r: { binnenMandaat: boolean }) => r.binnenMandaat).length, rijen: data.participatieKengetallen.length }),
    },
  ];
  return { cases, baseline };
}

/**
 * Aggregates added after this script was written (question 2 `verplichtingen`, question 5 a Jeugdwet
 * trajectory aggregate): any Query field named so that takes `gemeenten`, with every leaf field of its
 * answer (three levels deep) read from the gateway's introspection, sent by HBEL's analist.
 */
async function laterCases(url: string, alle: readonly string[], token: string): Promise<BenchCase[]> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: getIntrospectionQuery() }) });
  const schema = buildClientSchema(((await response.json()) as { data: IntrospectionQuery }).data);
  const values: Record<string, unknown> = { gemeenten: alle, jaar: 2025, vanafJaar: 2023, totEnMetJaar: 2025 };
  const cases: BenchCase[] = [];
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    if (!/^verplichtingen|traject/i.test(field.name) || !field.args.some((arg) => arg.name === 'gemeenten')) continue;
    const args = field.args.filter((arg) => arg.name in values);
    if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined && !(arg.name in values))) continue;
    const leaves = selection(getNamedType(field.type), 3);
    const definitions = args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
    const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
    cases.push({
      naam: `${field.name}`, subgraph: subgraphOf(field.name), vrager: 'analist uo-hbel', token, gevraagd: alle.length,
      query: `query (${definitions}) { ${field.name}(${passed}) ${leaves} }`,
      variables: Object.fromEntries(args.map((arg) => [arg.name, values[arg.name]])),
      inhoud: (data) => {
        const answer = data[field.name];
        const lijst = Array.isArray(answer) ? answer : Object.values(answer ?? {}).find(Array.isArray) ?? [];
        return { berekendOver: answer?.verantwoording?.berekendOver?.length ?? (lijst.length ? 1 : 0), rijen: lijst.length };
      },
    });
  }
  return cases;
}

/** The subgraph that resolves a Query field, from its `@join__field` in the committed supergraph. */
function subgraphOf(field: string): string {
  const match = new RegExp(`\\n  ${field}\\([^]*?\\)[^\\n]*@join__field\\(graph: (\\w+)\\)`).exec(readFileSync(join(ROOT, 'supergraph.graphql'), 'utf8'));
  return match ? match[1].toLowerCase() : '?';
}

/** Every leaf field of a type down to `depth` levels, skipping fields that need an argument. */
function selection(type: GraphQLNamedType, depth: number): string {
  if (!isObjectType(type)) return '';
  const fields = Object.values(type.getFields())
    .filter((field) => !field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined))
    .map((field) => {
      const named = getNamedType(field.type);
      if (isLeafType(named)) return field.name;
      const inner = depth > 1 ? selection(named, depth - 1) : '';
      return inner ? `${field.name} ${inner}` : '';
    })
    .filter(Boolean);
  return fields.length ? `{ ${fields.join(' ')} }` : '';
}

// --- measuring and reporting ----------------------------------------------------------------------

interface Timing {
  readonly benchCase: BenchCase;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly berekendOver: number;
  readonly rijen: number;
}

/** One untimed warm-up (query plan, mandate cache), then `runs` timed requests; each answer must hold data and no error. */
async function measure(url: string, benchCase: BenchCase): Promise<Timing> {
  const send = async () => {
    const started = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(benchCase.token ? { authorization: `Bearer ${benchCase.token}` } : {}) },
      body: JSON.stringify({ query: benchCase.query, variables: benchCase.variables }),
    });
    const body = (await response.json()) as { data?: Record<string, any> | null; errors?: unknown[] };
    const ms = performance.now() - started;
    if (body.errors?.length || !body.data) throw new Error(`${benchCase.naam}: ${response.status} ${JSON.stringify(body.errors).slice(0, 500)}`);
    const inhoud = benchCase.inhoud(body.data);
    if (inhoud.rijen === 0 || inhoud.berekendOver === 0) throw new Error(`${benchCase.naam}: the answer holds no data`);
    return { ms, ...inhoud };
  };
  const { berekendOver, rijen } = await send();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) times.push((await send()).ms);
  times.sort((a, b) => a - b);
  const middle = Math.floor(times.length / 2);
  const median = times.length % 2 ? times[middle] : (times[middle - 1] + times[middle]) / 2;
  return { benchCase, median, min: times[0], max: times[times.length - 1], berekendOver, rijen };
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
  notes: string[];
}

function renderReport(r: Report): string {
  const n = (value: number) => value.toLocaleString('en-US');
  const ms = (value: number) => value.toFixed(value < 100 ? 1 : 0);
  const row = (t: Timing, ratio: string) =>
    `| ${t.benchCase.naam} | ${t.benchCase.subgraph} | ${t.benchCase.vrager} | ${t.benchCase.gevraagd} | ${t.berekendOver} | ${n(t.rijen)} | ${ms(t.median)} | ${ms(t.min)} | ${ms(t.max)} | ${ratio} |`;
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
      'outside the mandate and are asked for the caller\'s own.',
    ...r.notes.map((note) => `\n${note}`),
    '',
  ].join('\n');
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

const seconds = (ms: number) => (ms / 1000).toFixed(1);

async function main(): Promise<void> {
  const { createGatewayServer, loadDevIssuer, mintToken, readGatewayConfig } = await import('@sociaal-graph/gateway');
  const { generateDemoWorld, readDemoConfig, readSubgraphConfig, startSubgraph } = await import('@sociaal-graph/toolkit');
  const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const demoEnv = { DEMO_GEMEENTEN: 'nationaal', DEMO_SCALE: String(scale) };

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
    const world = generateDemoWorld(readDemoConfig(demoEnv));
    const generatedMs = performance.now() - loadStart;
    console.log(`generated in ${seconds(generatedMs)} s`);

    const secrets = { CALLER_ASSERTION_SECRET: `bench-${process.pid}-${Date.now()}` };
    const loadMs: Record<string, number> = {};
    for (const name of SUBGRAPH_NAMES) {
      const started = performance.now();
      const { subgraph } = (await import(`../subgraphs/${name}/src/schema.ts`)) as { subgraph: SubgraphDefinition };
      const config = readSubgraphConfig(name, 0, { DATA_DIR: 'memory', DATABASE_URL: databaseUrl, ...secrets, ...demoEnv });
      subgraphs.set(name, await startSubgraph(subgraph, { ...config, port: 0 }));
      loadMs[name] = performance.now() - started;
      console.log(`  ${name} loaded in ${seconds(loadMs[name])} s`);
    }
    await analyze(databaseUrl);
    const issuer = await loadDevIssuer(dataDir);
    const gateway = await createGatewayServer({
      ...readGatewayConfig({ DATA_DIR: dataDir, SUBGRAPH_TIMEOUT_MS: '600000', ...secrets }),
      port: 0,
      subgraphUrls: Object.fromEntries([...subgraphs].map(([name, running]) => [name, running.url])),
    });
    stopGateway = () => gateway.stop();
    const totalLoadMs = performance.now() - loadStart;
    console.log(`graph ready in ${seconds(totalLoadMs)} s (load included ANALYZE)\n`);

    const { cases, baseline } = await benchmarkCases(world, (role, org) => mintToken(issuer, { role, org }));
    const later = await laterCases(gateway.url, world.gemeenten.map((g) => g.code), await mintToken(issuer, { role: 'analist', org: 'uo-hbel' }));
    console.log(`  later aggregates found in the supergraph: ${later.map((c) => c.naam).join(', ') || 'none'}`);
    const base = await measure(gateway.url, baseline);
    console.log(`  baseline: median ${base.median.toFixed(1)} ms`);
    const timings: Timing[] = [];
    for (const benchCase of cases) {
      const timing = await measure(gateway.url, benchCase);
      timings.push(timing);
      console.log(`  ${benchCase.naam}: median ${timing.median.toFixed(1)} ms`);
    }
    // A newer aggregate that this generic query does not fit is reported, not allowed to sink the run.
    const notes: string[] = [];
    for (const benchCase of later) {
      try {
        timings.push(await measure(gateway.url, benchCase));
      } catch (error) {
        notes.push(`${benchCase.naam} not measured: ${(error as Error).message}`);
        console.error(notes[notes.length - 1]);
      }
    }

    const sizes = {
      inwonersNederland: world.gemeenten.reduce((sum, g) => sum + g.inwoners, 0),
      inwoners: world.inwoners.length,
      toewijzingen: world.wmoToewijzingen.length + world.jeugdToewijzingen.length,
      declaraties: world.declaraties.length,
    };
    const report = renderReport({ scale, runs, sizes, gemeenten: world.gemeenten.length, generatedMs, loadMs, totalLoadMs, base, timings, notes });
    console.log(`\n${report}`);
    await mkdir(dirname(RESULTS), { recursive: true });
    await writeFile(RESULTS, report);
    console.log(`written to ${RESULTS}`);
  } finally {
    await cleanUp();
  }
}

await main();
