/**
 * `npm run published-share -- [--world "NAME=VALUE ..."]... [--out FILE]`: how much of what the saved
 * analyst operations ask is published, and what the first `npm start` of that demo world costs (issue 10,
 * item 3). For each world (by default the demo world of before issue 10's item 3 and today's default),
 * in turn:
 *
 * 1. a first `npm start` (scripts/start-graph.ts, as a user runs it: embedded PGlite in a new DATA_DIR,
 *    own ports, no metrics ports), timed from the spawn until it says the graph runs;
 * 2. every saved GraphiQL operation of the analyst groups (analist, controller, inkoper; `beleid` has
 *    none) with a token of its group's role and organisation, its default variables, as GraphiQL sends it;
 * 3. in each answer, every cell of disclosure control (an object with `waarde`, e.g. OnderdruktAantal):
 *    published when `waarde` is not null, else withheld, by the rule `onderdrukt` names.
 *
 * Writes `scripts/results/published-share.md`. Not a test: it times, and takes minutes (one first start
 * per world). The worlds run one after the other on the same machine, so compare their start times within
 * one run, not across runs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadDevIssuer, mintToken } from '@sociaal-graph/gateway';
import { loadSavedOperations, OPERATION_GROUPS, type SavedOperation } from '../gateway/src/plugins/graphiql-operations.js';
import { freePortBase } from './bench/ports.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HOST = '127.0.0.1';
const SUBGRAPHS = ['gemeenten', 'toegang', 'wmo', 'jeugd', 'participatie', 'subsidies', 'inkoop'] as const;
/** The groups whose operations ask aggregates (the analyst roles); the consulent's ask rows about residents. */
const ANALYST_GROUPS = ['analist', 'controller', 'inkoper'] as const;
/** The demo world before issue 10 item 3: every gemeente at Heemstede's rates times 0.1. */
const BEFORE = 'DEMO_SCALE=0.1 DEMO_SCALE_HBEL=0.1';
const FIRST_START_TIMEOUT_MS = 20 * 60_000;

const { values } = parseArgs({
  options: {
    world: { type: 'string', multiple: true },
    gateway: { type: 'string' },
    'data-dir': { type: 'string' },
    out: { type: 'string', default: join(ROOT, 'scripts/results/published-share.md') },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
});
if (values.help) {
  console.log(`usage: npm run published-share -- [--world "NAME=VALUE ..."]... [--out FILE]
       npm run published-share -- --gateway URL --data-dir DIR [--out FILE]

Starts the graph for the first time once per world (a new DATA_DIR, embedded PGlite), runs the saved analyst
operations of GraphiQL and counts published and withheld cells. Default worlds: "${BEFORE}" (before) and
"" (today's defaults). With --gateway (its /graphql address) and --data-dir (the DATA_DIR it was started with,
for the development issuer's key), counts on a graph that runs already, without timing a start.
Writes scripts/results/published-share.md.`);
  process.exit(0);
}

interface World {
  readonly label: string;
  readonly env: Readonly<Record<string, string>>;
}

/** "A=1 B=2" as environment variables; "" is the defaults. */
function parseWorld(text: string, label?: string): World {
  const env: Record<string, string> = {};
  for (const pair of text.trim().split(/\s+/).filter(Boolean)) {
    const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(pair);
    if (!match || !match[1].startsWith('DEMO_')) throw new Error(`--world takes DEMO_* settings as NAME=VALUE, got "${pair}"`);
    env[match[1]] = match[2];
  }
  return { label: label ?? (text.trim() || 'default'), env };
}

const worlds: World[] = values.world?.length ? values.world.map((text) => parseWorld(text)) : [parseWorld(BEFORE, `before: ${BEFORE}`), parseWorld('', 'default')];

interface Cell {
  readonly published: boolean;
  /** The rule that withheld it (`onderdrukt`), when withheld. */
  readonly reason?: string;
}

/** Every disclosure-control cell of an answer: an object with a `waarde` field. */
function cellsIn(value: unknown, out: Cell[] = []): Cell[] {
  if (Array.isArray(value)) {
    for (const item of value) cellsIn(item, out);
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('waarde' in record) {
      const published = record.waarde !== null;
      out.push(published ? { published } : { published, reason: typeof record.onderdrukt === 'string' ? record.onderdrukt : '(reden niet gevraagd)' });
    } else {
      for (const item of Object.values(record)) cellsIn(item, out);
    }
  }
  return out;
}

interface OperationResult {
  readonly operation: string;
  readonly cells: Cell[];
  readonly errors: string[];
}

interface WorldResult {
  readonly world: World;
  /** Undefined for a graph that ran already (--gateway). */
  readonly firstStartSeconds?: number;
  readonly subgraphsReady: string;
  readonly operations: OperationResult[];
}

/** Free ports: the gateway's, then one per subgraph. */
async function pickPorts(): Promise<number[]> {
  const base = await freePortBase(1 + SUBGRAPHS.length, HOST);
  return Array.from({ length: 1 + SUBGRAPHS.length }, (_, i) => base + i);
}

/** Runs `npm start` (scripts/start-graph.ts) for a first start and waits until the gateway runs. */
async function firstStart(world: World, dataDir: string): Promise<{ child: ChildProcess; gatewayUrl: string; seconds: number; subgraphsReady: string }> {
  const [gatewayPort, ...subgraphPorts] = await pickPorts();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...world.env,
    DATA_DIR: dataDir,
    HOST,
    GATEWAY_PORT: String(gatewayPort),
    METRICS_PORT: 'off',
    APOLLO_TELEMETRY_DISABLED: '1',
    // Patient timeouts: on a busy machine an answer may take longer than the defaults allow, and a
    // timed-out field would count as no cells at all. They change when an answer comes, not what it says.
    SUBGRAPH_TIMEOUT_MS: '120000',
    REQUEST_TIMEOUT_MS: '110000',
    STATEMENT_TIMEOUT_MS: '100000',
  };
  // A first start as the README describes it: embedded PGlite, in development, no demo settings but the world's.
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'NODE_ENV']) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith('DEMO_') && !(name in world.env)) delete env[name];
  SUBGRAPHS.forEach((name, i) => {
    env[`${name.toUpperCase()}_PORT`] = String(subgraphPorts[i]);
  });
  const started = performance.now();
  // Its own process group, so that whatever it started goes with it.
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start-graph.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const tail: string[] = [];
  let subgraphsReady = '';
  let exited: string | undefined;
  const read = (line: string) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
    if (line.startsWith('subgraphs ready after:')) subgraphsReady = line.slice('subgraphs ready after:'.length).trim();
  };
  if (child.stdout) createInterface({ input: child.stdout }).on('line', read);
  if (child.stderr) createInterface({ input: child.stderr }).on('line', read);
  child.once('exit', (code) => {
    exited = `npm start exited (${code}):\n${tail.join('\n')}`;
  });
  // Ready when the gateway answers /ready with every subgraph: what a user waits for. Asked here rather
  // than read from npm start's output, whose own wait for the gateway gives up after a minute.
  const ready = `http://${HOST}:${gatewayPort}/ready`;
  while (!(await answers(ready))) {
    if (exited) throw new Error(exited);
    if (performance.now() - started > FIRST_START_TIMEOUT_MS) throw new Error(`no graph after ${FIRST_START_TIMEOUT_MS / 1000} s:\n${tail.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { child, gatewayUrl: `http://${HOST}:${gatewayPort}/graphql`, seconds: (performance.now() - started) / 1000, subgraphsReady };
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(5_000) })).ok;
  } catch {
    return false;
  }
}

async function stopGraph(child: ChildProcess): Promise<void> {
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

async function runOperations(gatewayUrl: string, dataDir: string, operations: readonly SavedOperation[]): Promise<OperationResult[]> {
  const issuer = await loadDevIssuer(dataDir);
  const results: OperationResult[] = [];
  for (const operation of operations) {
    const { rol, organisatie } = OPERATION_GROUPS[operation.groep];
    const token = await mintToken(issuer, { role: rol, org: organisatie });
    // Up to three tries: right after a start a busy machine may answer a first request with a timeout.
    let result: OperationResult | undefined;
    for (let attempt = 1; attempt <= 3 && (!result || result.errors.length > 0); attempt += 1) {
      if (result) await new Promise((resolve) => setTimeout(resolve, 5_000));
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: operation.query }),
        signal: AbortSignal.timeout(180_000),
      });
      const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
      const errors = [...(response.ok ? [] : [`HTTP ${response.status}`]), ...(body.errors ?? []).map((e) => `${e.extensions?.code ?? ''} ${e.message}`.trim())];
      result = { operation: `${operation.groep}/${operation.naam}`, cells: cellsIn(body.data), errors };
    }
    results.push(result!);
  }
  return results;
}

function share(cells: readonly Cell[]): { published: number; total: number; text: string } {
  const published = cells.filter((c) => c.published).length;
  const total = cells.length;
  return { published, total, text: total === 0 ? '-' : `${published}/${total} (${Math.round((100 * published) / total)} %)` };
}

function report(results: readonly WorldResult[], command: string, load: string): string {
  const lines: string[] = [
    '# Published share of the saved analyst operations',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} by \`${command}\` (${cpus().length} cores, Node ${process.version}, embedded PGlite; load average at the start ${load}). ` +
      'Each world is a first `npm start` into a new DATA_DIR, one after the other on the same machine: compare start times within this run. ' +
      `Operations: every saved GraphiQL operation of the groups ${ANALYST_GROUPS.join(', ')} (gateway/graphiql/operations/), with its default variables and a token of its group's role and organisation. ` +
      'A cell is an object of disclosure control in the answer (`waarde` with `onderdrukt`, e.g. OnderdruktAantal, OnderdruktBedrag); published when `waarde` is not null.',
    '',
    '| world | first start s | start / first world | cells published |',
    '|---|---|---|---|',
  ];
  const baseline = results[0]?.firstStartSeconds ?? NaN;
  for (const r of results) {
    const start = r.firstStartSeconds === undefined ? '-' : r.firstStartSeconds.toFixed(1);
    const ratio = r.firstStartSeconds === undefined ? '-' : (r.firstStartSeconds / baseline).toFixed(2);
    lines.push(`| ${r.world.label} | ${start} | ${ratio} | ${share(r.operations.flatMap((o) => o.cells)).text} |`);
  }
  lines.push('', `| operation | ${results.map((r) => r.world.label).join(' | ')} |`, `|---|${results.map(() => '---|').join('')}`);
  const names = [...new Set(results.flatMap((r) => r.operations.map((o) => o.operation)))];
  for (const name of names) {
    const row = results.map((r) => {
      const op = r.operations.find((o) => o.operation === name);
      return op ? `${share(op.cells).text}${op.errors.length > 0 ? ` (errors: ${op.errors.join('; ')})` : ''}` : '';
    });
    lines.push(`| ${name} | ${row.join(' | ')} |`);
  }
  lines.push('', 'Withheld cells by rule (`(reden niet gevraagd)`: the operation asks `waarde` only, as for the months of `verplichtingen`):', '', `| rule | ${results.map((r) => r.world.label).join(' | ')} |`, `|---|${results.map(() => '---|').join('')}`);
  const reasons = [...new Set(results.flatMap((r) => r.operations.flatMap((o) => o.cells.map((c) => c.reason)).filter((x): x is string => !!x)))].sort();
  for (const reason of reasons) lines.push(`| ${reason} | ${results.map((r) => r.operations.flatMap((o) => o.cells).filter((c) => c.reason === reason).length).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const operations = (await loadSavedOperations()).filter((operation) => (ANALYST_GROUPS as readonly string[]).includes(operation.groep));
  const load = loadavg().map((x) => x.toFixed(1)).join(' ');
  const results: WorldResult[] = [];
  if (values.gateway) {
    if (!values['data-dir']) throw new Error('--gateway needs --data-dir (the DATA_DIR the graph was started with)');
    const ran = await runOperations(values.gateway, values['data-dir'], operations);
    results.push({ world: { label: `running graph at ${values.gateway}`, env: {} }, subgraphsReady: '-', operations: ran });
  }
  for (const world of values.gateway ? [] : worlds) {
    const dataDir = await mkdtemp(join(tmpdir(), 'sociaal-graph-share-'));
    console.log(`${world.label}: first start in ${dataDir} ...`);
    let child: ChildProcess | undefined;
    try {
      const started = await firstStart(world, dataDir);
      child = started.child;
      console.log(`${world.label}: graph running after ${started.seconds.toFixed(1)} s; running ${operations.length} operations`);
      const ran = await runOperations(started.gatewayUrl, dataDir, operations);
      results.push({ world, firstStartSeconds: started.seconds, subgraphsReady: started.subgraphsReady, operations: ran });
      console.log(`${world.label}: ${share(ran.flatMap((o) => o.cells)).text} cells published`);
      for (const op of ran) if (op.errors.length > 0) console.log(`  ${op.operation}: ${op.errors.join('; ')}`);
    } finally {
      if (child) await stopGraph(child);
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  const args = process.argv.slice(2).map((arg) => (/^[\w@./=-]+$/.test(arg) ? arg : `'${arg}'`));
  const command = `npm run published-share${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`;
  const text = report(results, command, load);
  await mkdir(join(values.out!, '..'), { recursive: true });
  await writeFile(values.out!, text);
  console.log(`\n${text}`);
}

await main();
