/**
 * `npm run load-test -- [--callers N] [--parallel P] [--attack-seconds S] [--probe-ms MS]`: does one caller's
 * load stall the others? (issue 11, acceptance). Starts the graph as `npm start -- --processes` does
 * (seven subgraph processes on embedded PGlite in memory, or DATABASE_URL, and the gateway, with its
 * default limits, in a process of its own), then:
 *
 * 1. idle: a probe caller (its own token) sends a trivial query every `--probe-ms` for 20 s;
 * 2. attack: N anonymous and N authenticated callers (each its own organisation's analist or
 *    inkoper) send the most expensive operations the limits accept, P at a time, back to back, for
 *    `--attack-seconds`, while the probe goes on;
 * 3. after: 30 s of nothing, then the subgraphs' memory again.
 *
 * The attackers run in a process of their own, pinned (taskset, where there is more than one core)
 * to the last core: reading their large answers must not hold up the probe's clock in this process,
 * nor take more than one core from the graph.
 *
 * With `--each N`, instead: each attack operation alone, N times one after the other (limits lifted), and
 * per process the CPU time it took per operation and the longest its event loop was held: what each
 * operation costs each part, robust when other work shares the machine (the wall clock is not). Into
 * `scripts/results/load-test-per-operation.md`. `--cpu-prof DIR` runs each part under Node's `--cpu-prof`,
 * its profiles (one per thread) written into DIR/<part> when it stops: where the time went.
 *
 * Reports the probe's p50/p95 idle and under attack, each subgraph's resident memory (idle, peak,
 * after), and how many requests were answered and refused, by HTTP status and code, into
 * `scripts/results/load-test.md`. Loopback only; bounded in time (about 3 minutes after the
 * start) and in count (at most 20,000 attack requests). Not part of `npm test`: it times.
 */
import { type ChildProcess, execFileSync, fork, spawn } from 'node:child_process';
import { readFile, writeFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CALLER_LIMITS_OFF_ENV, loadDevIssuer, mintToken } from '@sociaal-graph/gateway';
import { loadInstallationSecrets, secretsAsEnv } from '@sociaal-graph/toolkit/secrets';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HOST = '127.0.0.1';
const SUBGRAPHS = ['gemeenten', 'toegang', 'wmo', 'jeugd', 'participatie', 'subsidies', 'inkoop'] as const;
const MAX_ATTACK_REQUESTS = 20_000;
const REGIO = ['0406', '0376', '0317', '0417', '0402', '0457', '0307', '0377', '0397', '0394', '0392', '0453', '0375', '0396', '0450'];

const { values } = parseArgs({
  options: {
    callers: { type: 'string', default: '4' },
    parallel: { type: 'string', default: '2' },
    'attack-seconds': { type: 'string', default: '60' },
    'probe-ms': { type: 'string', default: '250' },
    each: { type: 'string', default: '0' },
    'cpu-prof': { type: 'string' },
    // Internal: this script started as the attackers' process (by `fork`, told what to send over IPC).
    attackers: { type: 'boolean', default: false },
  },
  strict: true,
});
const callers = Number(values.callers);
const attackMs = Number(values['attack-seconds']) * 1000;
const probeMs = Number(values['probe-ms']);
const parallel = Number(values.parallel);
const each = Number(values.each);
if (!(each >= 0 && each <= 100)) throw new Error('--each 0..100');
if (!(callers >= 1 && callers <= 20 && parallel >= 1 && parallel <= 5 && attackMs >= 5_000 && attackMs <= 120_000 && probeMs >= 50)) {
  throw new Error('--callers 1..20, --parallel 1..5, --attack-seconds 5..120, --probe-ms 50 or more');
}
// The limits must not be lifted here: what they let through is the question.
for (const name of Object.keys(CALLER_LIMITS_OFF_ENV)) delete process.env[name];

/**
 * The most expensive operations each kind of caller may send: each estimated just under
 * MAX_QUERY_COST (100,000; the run reports each one's estimate), made so by aliases over years or
 * gemeenten and by page size. Aliases differ in their arguments, so no part is answered twice.
 */
const VERANTWOORDING = 'verantwoording { berekendOver uitgesloten { gemeenteCode wet reden } gegevensTot }';
const AANTAL = '{ waarde onderdrukt }';
const JAREN = [2021, 2022, 2023, 2024, 2025];
const REGIO_JSON = JSON.stringify(REGIO);
const FINANCIEN = `${VERANTWOORDING} rijen { gemeenteCode jaar taakveld { code omschrijving } wet begroting prognose realisatie tekort begrotingPerInwoner realisatiePerInwoner tekortPerInwoner grootteklasse { groep aantalGemeenten begrotingPerInwoner } nederland { groep begrotingPerInwoner } }`;
const ARRANGEMENTEN = 'arrangementen { wet rol gemeente { naam arrangementen { wet rol gemeente { naam arrangementen { wet rol uitvoerder { naam } } } } } }';
const STAPELING = `${VERANTWOORDING} rijen { gemeente { code } aantalHuishoudens ${AANTAL} kosten { groepen { groep totaal ${AANTAL} wmo ${AANTAL} jeugdwet ${AANTAL} } } }`;
const VERPLICHTINGEN = `${VERANTWOORDING} rijen { aanbieder { naam } gemeente { naam } verwacht ${AANTAL} gedeclareerd ${AANTAL} maanden { maand verwacht ${AANTAL} gedeclareerd ${AANTAL} } }`;
interface AttackOperation { name: string; query: string; role?: string }
/** Public data: financienVergelijking over 15 gemeenten x 5 years (90,675), the contract overview (96,594), arrangementen three levels deep x 12 gemeenten (92,328). */
const PUBLIC_OPERATIONS: readonly AttackOperation[] = [
  { name: 'financienVergelijking x5', query: `{ ${JAREN.map((jaar) => `j${jaar}: financienVergelijking(gemeenten: ${REGIO_JSON}, jaar: ${jaar}) { ${FINANCIEN} }`).join(' ')} }` },
  { name: 'contracten(first: 130)', query: `{ contracten(contractant: "regio-gv", first: 130) { items { naam bekostiging aanbieder { agbCode naam } deelnemendeGemeenten { code naam } percelen { naam producten { productcode naam tarieven { bedragTekst geldigVan geldigTot } } } } pageInfo { totaal } } }` },
  { name: 'arrangementen x12', query: `{ ${REGIO.slice(0, 12).map((code) => `g${code}: gemeente(code: "${code}") { ${ARRANGEMENTEN} }`).join(' ')} }` },
];
/** Aggregates for a token: verplichtingen over 10 gemeenten (95,090), stapeling over 15 gemeenten x 5 years (72,375 since `kosten` carries @cost(weight: 850); 8,700 before, when it held wmo, jeugd and participatie 1.0-2.6 s), and the public ones. */
const AUTHENTICATED_OPERATIONS: readonly AttackOperation[] = [
  { name: 'verplichtingen (10 gemeenten)', role: 'inkoper', query: `{ verplichtingen(gemeenten: ${JSON.stringify(REGIO.slice(0, 10))}, wet: WMO, jaar: 2025) { ${VERPLICHTINGEN} } }` },
  { name: 'stapeling x5', role: 'analist', query: `{ ${JAREN.map((jaar) => `s${jaar}: stapeling(gemeenten: ${REGIO_JSON}, jaar: ${jaar}) { ${STAPELING} }`).join(' ')} }` },
  ...PUBLIC_OPERATIONS.map((operation) => ({ ...operation, role: 'analist' })),
];
const PROBE = '{ gemeente(code: "0406") { naam } }';

interface Sent { status: number; code: string; ms: number; estimated?: number; bytes?: number }

async function send(url: string, query: string, token?: string): Promise<Sent> {
  const start = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      // The cost report (`extensions.kosten`): the estimate of each attack operation goes into the report.
      body: JSON.stringify({ query, extensions: { kosten: true } }),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    const body = JSON.parse(text) as { errors?: { extensions?: { code?: string; sociaalGraph?: { waarde?: number } } }[]; extensions?: { kosten?: { geschat?: number } } };
    const code = body.errors?.[0]?.extensions?.code ?? 'ok';
    const estimated = body.extensions?.kosten?.geschat ?? (code === 'QUERY_TOO_COSTLY' ? body.errors?.[0]?.extensions?.sociaalGraph?.waarde : undefined);
    return { status: response.status, code, ms: performance.now() - start, estimated, bytes: Buffer.byteLength(text) };
  } catch (error) {
    return { status: 0, code: error instanceof Error ? error.name : 'error', ms: performance.now() - start };
  }
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Resident memory of a process in MB, from /proc (Linux). */
async function rssMb(pid: number | undefined): Promise<number> {
  if (!pid) return NaN;
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return kb / 1024;
}

/** Starts one part of the graph as a process of its own; resolves with its URL once it logs `ready` with one. */
async function startPart(label: string, entry: string, env: NodeJS.ProcessEnv, ready: string): Promise<Part> {
  const profile = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${join(values['cpu-prof'], label)}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', entry], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const { url, metricsUrl } = await new Promise<{ url: string; metricsUrl?: string }>((resolve, reject) => {
    const pattern = new RegExp(`"url":"(http://[^"]+)"[^\\n]*"msg":"${ready}`);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) resolve({ url: match[1], metricsUrl: /"metrics":"(http:\/\/[^"]+)"/.exec(match[0])?.[1] });
      // Only the tail matters once started: the log of a busy part must not pile up here.
      if (output.length > 64 * 1024) output = output.slice(-16 * 1024);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`${label} exited (${code}):\n${output.slice(-2000)}`)));
  });
  return { child, url, metricsUrl };
}

/** CPU time (user and system) a process has used so far, in ms, from /proc (Linux). */
async function cpuMs(pid: number | undefined): Promise<number> {
  if (!pid) return NaN;
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in clock ticks.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** A running part of the graph: its process, its URL and its Prometheus endpoint. */
interface Part { child: ChildProcess; url: string; metricsUrl?: string }

/**
 * From a part's metrics (prom-client's default metrics): its V8 heap in use in MB (unlike resident
 * memory it falls once garbage is collected, so it tells memory still held from memory the process
 * has not given back to the operating system) and the longest its event loop was held, in ms,
 * since the previous scrape (prom-client resets that histogram on each one). Every metric carries
 * the part's `service` label.
 */
async function scrape(part: Part): Promise<{ heapMb: number; lagMaxMs: number }> {
  if (!part.metricsUrl) return { heapMb: NaN, lagMaxMs: NaN };
  const text = await fetch(part.metricsUrl, { signal: AbortSignal.timeout(10_000) }).then((response) => response.text(), () => '');
  const metric = (name: string) => Number(new RegExp(`^sociaal_graph_${name}(?:\\{[^}]*\\})? (\\S+)`, 'm').exec(text)?.[1]);
  return { heapMb: metric('nodejs_heap_size_used_bytes') / 1024 / 1024, lagMaxMs: metric('nodejs_eventloop_lag_max_seconds') * 1000 };
}

interface AttackPlan {
  url: string;
  /** How long to attack, counted from when the attackers' process has the plan (it may take long to start). */
  attackMs: number;
  /** One list of operations per caller connection, each sent in turn from its offset. */
  callers: { operations: { name: string; query: string; token?: string }[]; offset: number }[];
}
interface AttackReport {
  attackRequests: number;
  outcomes: [string, number][];
  perOperation: [string, { estimated?: number; outcomes: [string, number][] }][];
}

/**
 * The attackers' process: each caller sends its operations in turn (each with its token, if any)
 * until the attack ends, and the counts go back to the parent.
 */
async function attack({ url, attackMs: duration, callers: plan }: AttackPlan): Promise<AttackReport> {
  const attackEnd = Date.now() + duration;
  const outcomes = new Map<string, number>();
  /** Per attack operation: its estimated cost (as the gateway reported it) and its outcomes. */
  const perOperation = new Map<string, { estimated?: number; outcomes: Map<string, number> }>();
  let attackRequests = 0;
  const attacker = async (operations: AttackPlan['callers'][number]['operations'], offset: number) => {
    for (let i = offset; Date.now() < attackEnd && attackRequests < MAX_ATTACK_REQUESTS; i += 1) {
      attackRequests += 1;
      const { name, query, token } = operations[i % operations.length];
      const result = await send(url, query, token);
      const key = `${result.status} ${result.code}`;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      const stats = perOperation.get(name) ?? { outcomes: new Map<string, number>() };
      stats.estimated = result.estimated ?? stats.estimated;
      stats.outcomes.set(key, (stats.outcomes.get(key) ?? 0) + 1);
      perOperation.set(name, stats);
      // A refused caller waits as told (Retry-After is at least a second): a client that does not would only be refused more.
      if (result.status === 429) await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  };
  await Promise.all(plan.map(({ operations, offset }) => attacker(operations, offset)));
  return {
    attackRequests,
    outcomes: [...outcomes],
    perOperation: [...perOperation].map(([name, { estimated, outcomes: counts }]) => [name, { estimated, outcomes: [...counts] }]),
  };
}

/**
 * Starts the attackers' process (this script with --attackers), pinned to the last core where
 * there are more; resolves once it has the plan and starts, with the promise of its report.
 */
async function startAttackers(plan: AttackPlan): Promise<{ report: Promise<AttackReport> }> {
  const child = fork(fileURLToPath(import.meta.url), ['--attackers'], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const lastCore = cpus().length - 1;
  if (lastCore > 0 && child.pid) {
    try {
      execFileSync('taskset', ['-p', '-c', String(lastCore), String(child.pid)], { stdio: 'ignore' });
    } catch {
      console.warn('taskset not available: the attackers share every core with the graph');
    }
  }
  const messages: unknown[] = [];
  const waiting: ((message: unknown) => void)[] = [];
  child.on('message', (message) => (waiting.length > 0 ? waiting.shift()?.(message) : messages.push(message)));
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`the attackers' process exited (${code}) without a report`))));
  const next = () => Promise.race([messages.length > 0 ? Promise.resolve(messages.shift()) : new Promise<unknown>((resolve) => waiting.push(resolve)), exited]);
  // Its first message says it runs; the attack is counted from the plan on.
  await next();
  child.send(plan);
  return { report: next() as Promise<AttackReport> };
}

/**
 * `--each N`: every attack operation (and the probe) alone, N times in a row after one warm-up, and
 * per process the CPU time per operation and the longest event-loop hold over the N.
 */
async function measurePerOperation(url: string, parts: (readonly [string, Part])[], issuer: Awaited<ReturnType<typeof loadDevIssuer>>): Promise<void> {
  const operations = [
    { name: 'probe', query: PROBE, role: 'beleid' },
    ...AUTHENTICATED_OPERATIONS,
  ];
  const rows: string[] = [];
  const load = loadavg()[0];
  for (const { name, query, role } of operations) {
    const token = await mintToken(issuer, { role: role ?? 'analist', org: '0406', subject: 'meting' });
    await send(url, query, token); // warm-up: plans, mandates, the kept comparison figures
    await Promise.all(parts.map(([, part]) => scrape(part))); // the longest hold is counted from here
    const cpuBefore = await Promise.all(parts.map(([, { child }]) => cpuMs(child.pid)));
    const codes = new Map<string, number>();
    let bytes = 0;
    for (let i = 0; i < each; i += 1) {
      const sent = await send(url, query, token);
      bytes = sent.bytes ?? bytes;
      codes.set(`${sent.status} ${sent.code}`, (codes.get(`${sent.status} ${sent.code}`) ?? 0) + 1);
    }
    const cpuAfter = await Promise.all(parts.map(([, { child }]) => cpuMs(child.pid)));
    const holds = await Promise.all(parts.map(([, part]) => scrape(part)));
    const cells = parts.map((_, i) => `${((cpuAfter[i] - cpuBefore[i]) / each).toFixed(0)} / ${holds[i].lagMaxMs.toFixed(0)}`);
    const row = `| ${name} | ${[...codes].map(([key, count]) => `${key}: ${count}`).join(', ')} | ${(bytes / 1024).toFixed(0)} | ${cells.join(' | ')} |`;
    console.log(row);
    rows.push(row);
  }
  const lines = [
    '# Load test, one operation at a time: what each attack operation costs each process',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run load-test -- --each ${each}\` (${cpus().length} cores, Node ${process.version}, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite in memory'}; limits lifted; load average ${load.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end). Each operation is sent once to warm up, then ${each} times one after the other. Per process: CPU time (user + system) per operation in ms / the longest its event loop was held over the ${each}, in ms. CPU time is robust when other work shares the machine; the holds are wall-clock and are not.`,
    '',
    `| operation | outcomes | answer KiB | ${parts.map(([name]) => name).join(' | ')} |`,
    `|---|---|---|${parts.map(() => '---|').join('')}`,
    ...rows,
    '',
  ];
  await mkdir(join(ROOT, 'scripts/results'), { recursive: true });
  await writeFile(join(ROOT, 'scripts/results/load-test-per-operation.md'), lines.join('\n'));
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sociaal-graph-load-'));
  // The run's installation: the gateway reads its private key in dataDir, the subgraphs get the public key.
  const installation = loadInstallationSecrets(dataDir);
  const secrets = secretsAsEnv({ callerAssertionPublicKey: installation.callerAssertionPublicKey, pseudonymSecret: installation.pseudonymSecret });
  const env: NodeJS.ProcessEnv = { ...process.env, ...secrets, DATA_DIR: 'memory', HOST, APOLLO_TELEMETRY_DISABLED: '1' };
  const started = Date.now();
  console.log(`starting seven subgraphs (${process.env.DATABASE_URL ? 'DATABASE_URL' : 'PGlite in memory'}) ...`);
  const subgraphs = new Map<string, Part>();
  let gatewayProcess: Part | undefined;
  try {
    // Each part's metrics on a port of its own (0 would mean none), from a random base: other runs may share the machine.
    const metricsBase = 20_000 + Math.floor(Math.random() * 40_000);
    for (const [name, running] of await Promise.all(
      SUBGRAPHS.map(async (name, i) => [name, await startPart(name, `subgraphs/${name}/src/index.ts`, { ...env, [`${name.toUpperCase()}_PORT`]: '0', METRICS_PORT: String(metricsBase + i) }, 'subgraph listening')] as const),
    )) {
      subgraphs.set(name, running);
    }
    // The gateway reads its private key from the run's installation in dataDir; each subgraph's URL from <NAME>_URL.
    const gatewayEnv: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, HOST, APOLLO_TELEMETRY_DISABLED: '1', GATEWAY_PORT: '0', METRICS_PORT: String(metricsBase + SUBGRAPHS.length) };
    // One operation at a time, each many times: the caller's budget would refuse the repetitions.
    if (each > 0) Object.assign(gatewayEnv, CALLER_LIMITS_OFF_ENV);
    for (const [name, { url }] of subgraphs) gatewayEnv[`${name.toUpperCase()}_URL`] = url;
    gatewayProcess = await startPart('gateway', 'gateway/src/main.ts', gatewayEnv, 'gateway ready');
    const gateway = { url: gatewayProcess.url };
    console.log(`graph ready after ${((Date.now() - started) / 1000).toFixed(0)} s at ${gateway.url}`);
    const issuer = await loadDevIssuer(dataDir);
    const probeToken = await mintToken(issuer, { role: 'beleid', org: '0406', subject: 'probe' });
    const parts = () => [...subgraphs, ['gateway', gatewayProcess as Part] as const];
    const memory = async () => Object.fromEntries(await Promise.all(parts().map(async ([name, { child }]) => [name, await rssMb(child.pid)] as const)));
    const scrapeAll = async () => Object.fromEntries(await Promise.all(parts().map(async ([name, part]) => [name, await scrape(part)] as const)));
    const load = { start: loadavg()[0], idle: 0, attack: 0 };

    /** Why probes failed (HTTP status and code; status 0: no answer, the client's error), over both phases. */
    const probeFailures = new Map<string, number>();
    // The probe: one trivial query at a time, every probeMs.
    const probe = async (untilMs: number): Promise<number[]> => {
      const times: number[] = [];
      while (Date.now() < untilMs) {
        const next = Date.now() + probeMs;
        const result = await send(gateway.url, PROBE, probeToken);
        if (result.status === 200 && result.code === 'ok') times.push(result.ms);
        else {
          times.push(Number.POSITIVE_INFINITY);
          probeFailures.set(`${result.status} ${result.code}`, (probeFailures.get(`${result.status} ${result.code}`) ?? 0) + 1);
        }
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
      }
      return times;
    };

    if (each > 0) {
      await measurePerOperation(gateway.url, parts(), issuer);
      return;
    }

    // Warm-up: plans and mandates cached, so that idle and attack compare the same path.
    for (let i = 0; i < 5; i += 1) await send(gateway.url, PROBE, probeToken);
    const [idleMemory, idleScrape] = await Promise.all([memory(), scrapeAll()]);
    const idle = await probe(Date.now() + 20_000);
    const idleLag = await scrapeAll();
    load.idle = loadavg()[0];
    console.log(`idle: ${idle.length} probes, p50 ${percentile(idle, 50).toFixed(1)} ms, p95 ${percentile(idle, 95).toFixed(1)} ms`);

    // The attack.
    const peak: Record<string, number> = { ...idleMemory };
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        for (const [name, mb] of Object.entries(await memory())) peak[name] = Math.max(peak[name] ?? 0, mb);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    })();
    // Tokens minted here; the attackers' process only sends.
    const organisations = ['0406', '0376', '0417', 'uo-hbel', 'regio-gv', '0307', '0392', '0453', '0375', '0396'];
    const plan: AttackPlan = { url: gateway.url, attackMs, callers: [] };
    for (let i = 0; i < callers; i += 1) {
      // One caller per organisation and subject; its analist and inkoper tokens take turns. Each
      // caller sends `--parallel` operations at once, as a client that does not wait would.
      const org = organisations[i % organisations.length];
      const operations = await Promise.all(
        AUTHENTICATED_OPERATIONS.map(async ({ name, role, query }) => ({ name: `${name} (${role})`, query, token: await mintToken(issuer, { role: role ?? 'analist', org, subject: `aanvaller-${i}` }) })),
      );
      for (let j = 0; j < parallel; j += 1) {
        plan.callers.push({ operations: PUBLIC_OPERATIONS.map(({ name, query }) => ({ name: `${name} (anoniem)`, query })), offset: i + j });
        plan.callers.push({ operations, offset: i + j });
      }
    }
    const attackers = await startAttackers(plan);
    const attackEnd = Date.now() + attackMs;
    await scrapeAll(); // the event loops' longest hold is counted from here: the attack alone
    const underAttack = await probe(attackEnd);
    const attackLag = await scrapeAll();
    load.attack = loadavg()[0];
    const report = await attackers.report;
    sampling = false;
    await sampler;
    const { attackRequests } = report;
    const outcomes = new Map(report.outcomes);
    const perOperation = new Map(report.perOperation.map(([name, { estimated, outcomes: counts }]) => [name, { estimated, outcomes: new Map(counts) }]));
    console.log(`attack: ${underAttack.length} probes, p50 ${percentile(underAttack, 50).toFixed(1)} ms, p95 ${percentile(underAttack, 95).toFixed(1)} ms; ${attackRequests} attack requests`);

    await new Promise((resolve) => setTimeout(resolve, 30_000));
    const [afterMemory, afterScrape] = await Promise.all([memory(), scrapeAll()]);

    const lines = [
      '# Load test: one caller\'s load against everyone else\'s latency',
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run load-test -- --callers ${callers} --parallel ${parallel} --attack-seconds ${attackMs / 1000} --probe-ms ${probeMs}\` (${cpus().length} cores, Node ${process.version}, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite in memory'}, ${process.env.REDIS_URL ? 'Redis' : 'limits counted in process'}; the gateway's default limits; gateway and subgraphs each a process of its own, the attackers one more${cpus().length > 1 ? ` pinned to core ${cpus().length - 1}` : ''}). Other work on the machine shares its cores (load average ${load.start.toFixed(1)} at the start, ${load.idle.toFixed(1)} after the idle probes, ${load.attack.toFixed(1)} after the attack): compare the idle and attack figures of one run, not across runs.`,
      '',
      `Attackers: ${callers} anonymous (one client address: they share its budget) and ${callers} authenticated callers (analist and inkoper of ${callers} organisations), each sending ${parallel} operations at a time, back to back, the most expensive operations the limits accept (each estimated just under MAX_QUERY_COST, see below): anonymous ${PUBLIC_OPERATIONS.map(({ name }) => name).join(', ')}; authenticated ${AUTHENTICATED_OPERATIONS.map(({ name }) => name).join(', ')}. A refused caller waits one second. The probe (its own token) sends \`${PROBE}\` every ${probeMs} ms.`,
      '',
      '| probe | requests | p50 ms | p95 ms | failed |',
      '|---|---|---|---|---|',
      `| idle | ${idle.length} | ${percentile(idle, 50).toFixed(1)} | ${percentile(idle, 95).toFixed(1)} | ${idle.filter((ms) => !Number.isFinite(ms)).length} |`,
      `| under attack | ${underAttack.length} | ${percentile(underAttack, 50).toFixed(1)} | ${percentile(underAttack, 95).toFixed(1)} | ${underAttack.filter((ms) => !Number.isFinite(ms)).length} |`,
      '',
      ...(probeFailures.size > 0 ? [`Failed probes: ${[...probeFailures].map(([key, count]) => `${key}: ${count}`).join(', ')}.`, ''] : []),
      `p95 under attack / idle: ${(percentile(underAttack, 95) / percentile(idle, 95)).toFixed(2)} (target: at most 3).`,
      '',
      'Each process: resident memory (RSS, sampled every 0.5 s), its V8 heap in use, and the longest its event loop was held (from its metrics) while the probe ran idle and under attack:',
      '',
      '| process | idle MB | peak MB | 30 s after MB | heap idle MB | heap 30 s after MB | event loop held, idle ms | under attack ms |',
      '|---|---|---|---|---|---|---|---|',
      ...[...SUBGRAPHS, 'gateway'].map(
        (name) =>
          `| ${name} | ${idleMemory[name].toFixed(0)} | ${peak[name].toFixed(0)} | ${afterMemory[name].toFixed(0)} | ${idleScrape[name].heapMb.toFixed(0)} | ${afterScrape[name].heapMb.toFixed(0)} | ${idleLag[name].lagMaxMs.toFixed(0)} | ${attackLag[name].lagMaxMs.toFixed(0)} |`,
      ),
      '',
      `Attack requests: ${attackRequests}.`,
      '',
      '| operation (caller) | estimated cost | outcomes (HTTP status code: requests) |',
      '|---|---|---|',
      ...[...perOperation].sort(([a], [b]) => a.localeCompare(b)).map(([name, { estimated, outcomes: counts }]) => `| ${name} | ${estimated?.toLocaleString('en') ?? '?'} | ${[...counts].map(([key, count]) => `${key}: ${count}`).join(', ')} |`),
      '',
      '| HTTP status | code | requests |',
      '|---|---|---|',
      ...[...outcomes].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => `| ${key.split(' ')[0]} | ${key.split(' ').slice(1).join(' ')} | ${count} |`),
      '',
    ];
    await mkdir(join(ROOT, 'scripts/results'), { recursive: true });
    await writeFile(join(ROOT, 'scripts/results/load-test.md'), lines.join('\n'));
    console.log(lines.join('\n'));
  } finally {
    gatewayProcess?.child.kill('SIGTERM');
    for (const { child } of subgraphs.values()) child.kill('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (values.attackers) {
  process.send?.('ready');
  process.once('message', (plan) => {
    void attack(plan as AttackPlan).then((report) => process.send?.(report, () => process.exit(0)));
  });
} else main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
