/**
 * `npm run load-test -- [--callers N] [--attack-seconds S] [--probe-ms MS]`: does one caller's
 * load stall the others? (issue 11, acceptance). Starts the graph as `npm start` does (seven
 * subgraph processes on embedded PGlite in memory, or DATABASE_URL; the gateway in this process,
 * with its default limits), then:
 *
 * 1. idle: a probe caller (its own token) sends a trivial query every `--probe-ms` for 20 s;
 * 2. attack: N anonymous and N authenticated callers (each its own organisation's analist or
 *    inkoper) send the most expensive operations the limits accept, back to back, for
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
  options: { callers: { type: 'string', default: '4' }, 'attack-seconds': { type: 'string', default: '60' }, 'probe-ms': { type: 'string', default: '250' } },
  strict: true,
});
const callers = Number(values.callers);
const attackMs = Number(values['attack-seconds']) * 1000;
const probeMs = Number(values['probe-ms']);
if (!(callers >= 1 && callers <= 20 && attackMs >= 5_000 && attackMs <= 120_000 && probeMs >= 50)) {
  throw new Error('--callers 1..20, --attack-seconds 5..120, --probe-ms 50 or more');
}
// The limits must not be lifted here: what they let through is the question.
for (const name of Object.keys(CALLER_LIMITS_OFF_ENV)) delete process.env[name];

/** The most expensive operations each kind of caller may send (each under MAX_QUERY_COST). */
const VERANTWOORDING = 'verantwoording { berekendOver uitgesloten { gemeenteCode wet reden } gegevensTot }';
const AANTAL = '{ waarde onderdrukt }';
const ANONYMOUS_OPERATIONS = [
  `{ financienVergelijking(gemeenten: ${JSON.stringify(REGIO)}, jaar: 2025) { ${VERANTWOORDING} rijen { gemeenteCode jaar taakveld { code omschrijving } wet begroting prognose realisatie tekort begrotingPerInwoner realisatiePerInwoner tekortPerInwoner grootteklasse { groep aantalGemeenten begrotingPerInwoner } nederland { groep begrotingPerInwoner } } } }`,
  '{ contracten(contractant: "regio-gv", first: 20) { items { naam bekostiging aanbieder { agbCode naam } deelnemendeGemeenten { code naam } percelen { naam producten { productcode naam tarieven { bedragTekst geldigVan geldigTot } } } } pageInfo { totaal } } }',
  '{ gemeente(code: "0406") { arrangementen { wet rol gemeente { naam arrangementen { wet rol gemeente { naam arrangementen { wet rol uitvoerder { naam } } } } } } } }',
];
const AUTHENTICATED_OPERATIONS: readonly { role: string; query: string }[] = [
  { role: 'analist', query: `{ stapeling(gemeenten: ${JSON.stringify(REGIO)}, jaar: 2025) { ${VERANTWOORDING} rijen { gemeente { code } aantalHuishoudens ${AANTAL} kosten { groepen { groep totaal ${AANTAL} wmo ${AANTAL} jeugdwet ${AANTAL} } } } } }` },
  { role: 'analist', query: `{ wmoBereik(gemeenten: ${JSON.stringify(REGIO)}) { ${VERANTWOORDING} gemeenten { code naam wmoBereik(jaar: 2025) { jaar inwoners kwartalen { kwartaal clienten ${AANTAL} instroom ${AANTAL} } } } } }` },
  { role: 'inkoper', query: `{ verplichtingen(gemeenten: ${JSON.stringify(REGIO)}, wet: WMO, jaar: 2025) { ${VERANTWOORDING} rijen { aanbieder { naam } gemeente { naam } verwacht ${AANTAL} gedeclareerd ${AANTAL} maanden { maand verwacht ${AANTAL} gedeclareerd ${AANTAL} } } } }` },
];
const PROBE = '{ gemeente(code: "0406") { naam } }';

interface Sent { status: number; code: string; ms: number }

async function send(url: string, query: string, token?: string): Promise<Sent> {
  const start = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(60_000),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    const code = body.errors?.[0]?.extensions?.code ?? 'ok';
    return { status: response.status, code, ms: performance.now() - start };
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

    // The probe: one trivial query at a time, every probeMs.
    const probe = async (untilMs: number): Promise<number[]> => {
      const times: number[] = [];
      while (Date.now() < untilMs) {
        const next = Date.now() + probeMs;
        const result = await send(gateway.url, PROBE, probeToken);
        if (result.status === 200 && result.code === 'ok') times.push(result.ms);
        else times.push(Number.POSITIVE_INFINITY);
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
    let attackRequests = 0;
    const attackEnd = Date.now() + attackMs;
    /** One caller sending its operations in turn (each with its token, if any) until the attack ends. */
    const attacker = async (operations: readonly { query: string; token?: string }[]) => {
      for (let i = 0; Date.now() < attackEnd && attackRequests < MAX_ATTACK_REQUESTS; i += 1) {
        attackRequests += 1;
        const { query, token } = operations[i % operations.length];
        const result = await send(gateway.url, query, token);
        const key = `${result.status} ${result.code}`;
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        // A refused caller waits as told (Retry-After is at least a second): a client that does not would only be refused more.
        if (result.status === 429) await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    };
    const organisations = ['0406', '0376', '0417', 'uo-hbel', 'regio-gv', '0307', '0392', '0453', '0375', '0396'];
    const attackers: Promise<void>[] = [];
    for (let i = 0; i < callers; i += 1) {
      attackers.push(attacker(ANONYMOUS_OPERATIONS.map((query) => ({ query }))));
      // One caller per organisation and subject; its analist and inkoper tokens take turns.
      const org = organisations[i % organisations.length];
      const operations = await Promise.all(
        AUTHENTICATED_OPERATIONS.map(async ({ role, query }) => ({ query, token: await mintToken(issuer, { role, org, subject: `aanvaller-${i}` }) })),
      );
      attackers.push(attacker(operations));
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
      `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run load-test -- --callers ${callers} --attack-seconds ${attackMs / 1000} --probe-ms ${probeMs}\` (${cpus().length} cores, Node ${process.version}, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite in memory'}, ${process.env.REDIS_URL ? 'Redis' : 'limits counted in process'}; the gateway's default limits). Other work on the machine shares its cores: compare the idle and attack figures of one run, not across runs.`,
      '',
      `Attackers: ${callers} anonymous (one client address: they share its budget) and ${callers} authenticated callers (analist or inkoper of ${callers} organisations), each sending, back to back, the most expensive operations the limits accept: ${ANONYMOUS_OPERATIONS.length} public ones (financienVergelijking over 15 gemeenten, the region's contract overview, arrangementen three levels deep) and ${AUTHENTICATED_OPERATIONS.length} aggregates (stapeling with kosten, wmoBereik, verplichtingen, over 15 gemeenten). A refused caller waits one second. The probe (its own token) sends \`${PROBE}\` every ${probeMs} ms.`,
      '',
      '| probe | requests | p50 ms | p95 ms | failed |',
      '|---|---|---|---|---|',
      `| idle | ${idle.length} | ${percentile(idle, 50).toFixed(1)} | ${percentile(idle, 95).toFixed(1)} | ${idle.filter((ms) => !Number.isFinite(ms)).length} |`,
      `| under attack | ${underAttack.length} | ${percentile(underAttack, 50).toFixed(1)} | ${percentile(underAttack, 95).toFixed(1)} | ${underAttack.filter((ms) => !Number.isFinite(ms)).length} |`,
      '',
      `p95 under attack / idle: ${(percentile(underAttack, 95) / percentile(idle, 95)).toFixed(2)} (target: at most 3).`,
      '',
      '| subgraph | idle MB | peak MB | 30 s after MB |',
      '|---|---|---|---|',
      ...SUBGRAPHS.map((name) => `| ${name} | ${idleMemory[name].toFixed(0)} | ${peak[name].toFixed(0)} | ${afterMemory[name].toFixed(0)} |`),
      '',
      `Attack requests: ${attackRequests}.`,
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
