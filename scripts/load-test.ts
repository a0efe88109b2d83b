/**
 * `npm run load-test -- [--callers N] [--parallel P] [--attack-seconds S] [--probe-ms MS]`: does one caller's
 * load stall the others? (issue 11, acceptance). Starts the graph as `npm start` does (seven
 * subgraph processes on embedded PGlite in memory, or DATABASE_URL; the gateway in this process,
 * with its default limits), then:
 *
 * 1. idle: a probe caller (its own token) sends a trivial query every `--probe-ms` for 20 s;
 * 2. attack: N anonymous and N authenticated callers (each its own organisation's analist or
 *    inkoper) send the most expensive operations the limits accept, P at a time, back to back, for
 *    `--attack-seconds`, while the probe goes on;
 * 3. after: 30 s of nothing, then the subgraphs' memory again.
 *
 * Reports the probe's p50/p95 idle and under attack, each subgraph's resident memory (idle, peak,
 * after), and how many requests were answered and refused, by HTTP status and code, into
 * `scripts/results/load-test.md`. Loopback only; bounded in time (about 3 minutes after the
 * start) and in count (at most 20,000 attack requests). Not part of `npm test`: it times.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile, writeFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CALLER_LIMITS_OFF_ENV, createGatewayServer, loadDevIssuer, mintToken, readGatewayConfig } from '@sociaal-graph/gateway';
import { loadInstallationSecrets, secretsAsEnv } from '@sociaal-graph/toolkit/secrets';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HOST = '127.0.0.1';
const SUBGRAPHS = ['gemeenten', 'toegang', 'wmo', 'jeugd', 'participatie', 'subsidies', 'inkoop'] as const;
const MAX_ATTACK_REQUESTS = 20_000;
const REGIO = ['0406', '0376', '0317', '0417', '0402', '0457', '0307', '0377', '0397', '0394', '0392', '0453', '0375', '0396', '0450'];

const { values } = parseArgs({
  options: { callers: { type: 'string', default: '4' }, parallel: { type: 'string', default: '2' }, 'attack-seconds': { type: 'string', default: '60' }, 'probe-ms': { type: 'string', default: '250' } },
  strict: true,
});
const callers = Number(values.callers);
const attackMs = Number(values['attack-seconds']) * 1000;
const probeMs = Number(values['probe-ms']);
const parallel = Number(values.parallel);
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
/** Aggregates for a token: verplichtingen over 10 gemeenten (95,090), stapeling over 15 gemeenten x 5 years (8,700; 20 root fields would still stay under 40,000), and the public ones. */
const AUTHENTICATED_OPERATIONS: readonly AttackOperation[] = [
  { name: 'verplichtingen (10 gemeenten)', role: 'inkoper', query: `{ verplichtingen(gemeenten: ${JSON.stringify(REGIO.slice(0, 10))}, wet: WMO, jaar: 2025) { ${VERPLICHTINGEN} } }` },
  { name: 'stapeling x5', role: 'analist', query: `{ ${JAREN.map((jaar) => `s${jaar}: stapeling(gemeenten: ${REGIO_JSON}, jaar: ${jaar}) { ${STAPELING} }`).join(' ')} }` },
  ...PUBLIC_OPERATIONS.map((operation) => ({ ...operation, role: 'analist' })),
];
const PROBE = '{ gemeente(code: "0406") { naam } }';

interface Sent { status: number; code: string; ms: number; estimated?: number }

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
    const body = (await response.json()) as { errors?: { extensions?: { code?: string; sociaalGraph?: { waarde?: number } } }[]; extensions?: { kosten?: { geschat?: number } } };
    const code = body.errors?.[0]?.extensions?.code ?? 'ok';
    const estimated = body.extensions?.kosten?.geschat ?? (code === 'QUERY_TOO_COSTLY' ? body.errors?.[0]?.extensions?.sociaalGraph?.waarde : undefined);
    return { status: response.status, code, ms: performance.now() - start, estimated };
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

async function startSubgraph(name: string, env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', `subgraphs/${name}/src/index.ts`], {
    cwd: ROOT,
    env: { ...env, [`${name.toUpperCase()}_PORT`]: '0', METRICS_PORT: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"subgraph listening"/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}):\n${output.slice(-2000)}`)));
  });
  return { child, url };
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sociaal-graph-load-'));
  // The run's installation: the gateway reads its private key in dataDir, the subgraphs get the public key.
  const installation = loadInstallationSecrets(dataDir);
  const secrets = secretsAsEnv({ callerAssertionPublicKey: installation.callerAssertionPublicKey, pseudonymSecret: installation.pseudonymSecret });
  const env: NodeJS.ProcessEnv = { ...process.env, ...secrets, DATA_DIR: 'memory', HOST, APOLLO_TELEMETRY_DISABLED: '1' };
  const started = Date.now();
  console.log(`starting seven subgraphs (${process.env.DATABASE_URL ? 'DATABASE_URL' : 'PGlite in memory'}) ...`);
  const subgraphs = new Map<string, { child: ChildProcess; url: string }>();
  try {
    for (const [name, running] of await Promise.all(SUBGRAPHS.map(async (name) => [name, await startSubgraph(name, env)] as const))) subgraphs.set(name, running);
    const gateway = await createGatewayServer({
      ...readGatewayConfig({ DATA_DIR: dataDir, METRICS_PORT: 'off', REDIS_URL: process.env.REDIS_URL }),
      port: 0,
      subgraphUrls: Object.fromEntries([...subgraphs].map(([name, { url }]) => [name, url])),
    });
    console.log(`graph ready after ${((Date.now() - started) / 1000).toFixed(0)} s at ${gateway.url}`);
    const issuer = await loadDevIssuer(dataDir);
    const probeToken = await mintToken(issuer, { role: 'beleid', org: '0406', subject: 'probe' });
    const memory = async () => Object.fromEntries(await Promise.all([...subgraphs].map(async ([name, { child }]) => [name, await rssMb(child.pid)] as const)));

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

    // Warm-up: plans and mandates cached, so that idle and attack compare the same path.
    for (let i = 0; i < 5; i += 1) await send(gateway.url, PROBE, probeToken);
    const idleMemory = await memory();
    const idle = await probe(Date.now() + 20_000);
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
    const outcomes = new Map<string, number>();
    /** Per attack operation: its estimated cost (as the gateway reported it) and its outcomes. */
    const perOperation = new Map<string, { estimated?: number; outcomes: Map<string, number> }>();
    let attackRequests = 0;
    const attackEnd = Date.now() + attackMs;
    /** One caller sending its operations in turn (each with its token, if any) until the attack ends. */
    const attacker = async (operations: readonly { name: string; query: string; token?: string }[], offset: number) => {
      for (let i = offset; Date.now() < attackEnd && attackRequests < MAX_ATTACK_REQUESTS; i += 1) {
        attackRequests += 1;
        const { name, query, token } = operations[i % operations.length];
        const result = await send(gateway.url, query, token);
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
    const organisations = ['0406', '0376', '0417', 'uo-hbel', 'regio-gv', '0307', '0392', '0453', '0375', '0396'];
    const attackers: Promise<void>[] = [];
    for (let i = 0; i < callers; i += 1) {
      // One caller per organisation and subject; its analist and inkoper tokens take turns. Each
      // caller sends `--parallel` operations at once, as a client that does not wait would.
      const org = organisations[i % organisations.length];
      const operations = await Promise.all(
        AUTHENTICATED_OPERATIONS.map(async ({ name, role, query }) => ({ name: `${name} (${role})`, query, token: await mintToken(issuer, { role: role ?? 'analist', org, subject: `aanvaller-${i}` }) })),
      );
      for (let j = 0; j < parallel; j += 1) {
        attackers.push(attacker(PUBLIC_OPERATIONS.map(({ name, query }) => ({ name: `${name} (anoniem)`, query })), i + j));
        attackers.push(attacker(operations, i + j));
      }
    }
    const underAttack = await probe(attackEnd);
    await Promise.all(attackers);
    sampling = false;
    await sampler;
    console.log(`attack: ${underAttack.length} probes, p50 ${percentile(underAttack, 50).toFixed(1)} ms, p95 ${percentile(underAttack, 95).toFixed(1)} ms; ${attackRequests} attack requests`);

    await new Promise((resolve) => setTimeout(resolve, 30_000));
    const afterMemory = await memory();
    await gateway.stop();

    const lines = [
      '# Load test: one caller\'s load against everyone else\'s latency',
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run load-test -- --callers ${callers} --parallel ${parallel} --attack-seconds ${attackMs / 1000} --probe-ms ${probeMs}\` (${cpus().length} cores, Node ${process.version}, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite in memory'}, ${process.env.REDIS_URL ? 'Redis' : 'limits counted in process'}; the gateway's default limits). Other work on the machine shares its cores: compare the idle and attack figures of one run, not across runs.`,
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
      '| subgraph | idle MB | peak MB | 30 s after MB |',
      '|---|---|---|---|',
      ...SUBGRAPHS.map((name) => `| ${name} | ${idleMemory[name].toFixed(0)} | ${peak[name].toFixed(0)} | ${afterMemory[name].toFixed(0)} |`),
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
    for (const { child } of subgraphs.values()) child.kill('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
