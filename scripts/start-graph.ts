/**
 * `npm start`: the whole graph on this machine. By default the seven subgraphs and the gateway run in
 * one process (scripts/graph-in-one-process.ts: still seven subgraphs with their own ports, databases
 * and caller-assertion checks, sharing one runtime and one generated demo world), which fits a small
 * machine; with `--processes`, each subgraph and the gateway as a process of its own, the production
 * layout (docker/). Either way on embedded PGlite under DATA_DIR, or on DATABASE_URL; it waits until
 * each subgraph answers /health, then until the gateway does, and prints where to find it.
 * Ctrl-C stops everything.
 *
 * The first start loads the demo world (a few minutes on two cores): each subgraph says what it loads
 * and how far it is, this script says which are still starting, and a configuration warning that all
 * eight processes print is shown once.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { METRICS_PORT_OFFSET, readDataDir, readMetricsPort, REPO_ROOT as ROOT, SUBGRAPHS as SUBGRAPH_LIST } from '@sociaal-graph/toolkit';
import { isProduction, loadInstallationSecrets, newInstallationSecrets, secretsAsEnv } from '@sociaal-graph/toolkit/secrets';
import { GATEWAY_NODE_FLAGS } from '../gateway/src/node-flags.js';
import { GRAPH_LOADER_FLAGS, GRAPH_NODE_FLAGS } from './graph-loader/flags.js';

const { values: args } = parseArgs({ options: { help: { type: 'boolean', short: 'h' }, processes: { type: 'boolean' } }, strict: true });
if (args.help) {
  console.log(`usage: npm start [-- --processes]

Starts the seven subgraphs and the gateway on this machine and prints where to find them. Without DATABASE_URL
each subgraph keeps its data in embedded PGlite under DATA_DIR (default .data/ at the repository root), and the
first start loads the demo world into it; with DATABASE_URL (and REDIS_URL) it runs on that PostgreSQL (and Redis).
  --processes   each subgraph and the gateway as a process of its own (the production layout; about five times
                the memory) instead of all in one process
Every setting: README, "Environment variables". Ctrl-C stops everything.`);
  process.exit(0);
}
/** All in one process (the default), or one process per part (`--processes`). */
const oneProcess = !args.processes;

const SUBGRAPHS: readonly [name: string, port: number][] = SUBGRAPH_LIST.map((entry) => [entry.name, entry.defaultPort]);
const env: NodeJS.ProcessEnv = { ...process.env, APOLLO_TELEMETRY_DISABLED: '1' };
const host = env.HOST ?? '127.0.0.1';
const children: ChildProcess[] = [];
const startedAt = Date.now();
/** Warning lines already shown: every process reads the same configuration and would print each one. */
const warningsShown = new Set<string>();

// The installation's secrets (issue 9): created at the first start in DATA_DIR/secrets/, where every
// process reads its own. With DATA_DIR=memory they live as long as this run and go to each process
// in its environment, only what it needs. Outside development every process needs them set.
const secretEnv: { gateway: NodeJS.ProcessEnv; subgraph: NodeJS.ProcessEnv } = { gateway: {}, subgraph: {} };
if (!isProduction(env)) {
  const dataDir = readDataDir(env);
  if (dataDir === 'memory') {
    const secrets = newInstallationSecrets();
    secretEnv.gateway = secretsAsEnv({ callerAssertionPrivateKey: secrets.callerAssertionPrivateKey, actorPseudonymSecret: secrets.actorPseudonymSecret });
    secretEnv.subgraph = secretsAsEnv({ callerAssertionPublicKey: secrets.callerAssertionPublicKey, pseudonymSecret: secrets.pseudonymSecret });
  } else {
    // Subgraph data loaded before the installation had secrets of its own carries the ids of the
    // pseudonym secret that used to be published: it still works, but say how to be rid of it.
    const loadedBefore = SUBGRAPHS.some(([name]) => existsSync(join(dataDir, name))) && !existsSync(join(dataDir, 'secrets'));
    loadInstallationSecrets(dataDir);
    if (loadedBefore) {
      console.warn(`The data in ${dataDir}/ was loaded before this installation had secrets of its own: its residents' ids come from the`);
      console.warn(`formerly published pseudonym secret. Stop, delete ${dataDir}/ and start again to reload it with ${dataDir}/secrets/.`);
    }
  }
}

function run(label: string, entry: string, args: string[] = [], nodeFlags: readonly string[] = [], loader: readonly string[] = ['--import', 'tsx']): ChildProcess {
  // The one process holds the gateway and the subgraphs: it gets both, and hands each part its own.
  const own = label === 'graph' ? { ...secretEnv.subgraph, ...secretEnv.gateway } : label === 'gateway' ? secretEnv.gateway : secretEnv.subgraph;
  const child = spawn(process.execPath, [...nodeFlags, ...loader, entry, ...args], { cwd: ROOT, env: { ...own, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const forward = (stream: NodeJS.ReadableStream | null, write: (line: string) => void) => {
    if (!stream) return;
    createInterface({ input: stream }).on('line', (raw) => {
      if (!raw.trim()) return;
      const { line, warning } = readable(raw, label);
      // A configuration warning is the same in every process (they read one environment): show it once.
      if (warning) {
        if (!warningsShown.has(line)) write(`warning: ${line}`);
        warningsShown.add(line);
        return;
      }
      write(line.startsWith(`[${label}] `) ? line : `[${label}] ${line}`);
    });
  };
  forward(child.stdout, (line) => console.log(line));
  forward(child.stderr, (line) => console.error(line));
  child.on('exit', (code, signal) => {
    if (stopping) return;
    if (label === 'graph') {
      console.error(`[graph] stopped (${signal ?? `exit ${code}`}); see its log above`);
      process.exit(1);
    }
    console.error(`[${label}] stopped (${signal ?? `exit ${code}`}); the gateway answers without it`);
  });
  children.push(child);
  return child;
}

/** Whether nothing listens on host:port yet (bound and closed again at once). */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

async function healthy(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return false;
}

let stopping = false;
function stop(): void {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(0), 3_000).unref();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

// Every port is checked before anything starts: otherwise the subgraphs die one by one with
// "address already in use" while the health checks reach whatever already listens there (and a second
// graph would open the first one's PGlite folders beside it).
const gatewayPort = env.GATEWAY_PORT ?? '4000';
const metricsPorts = (label: string, port: number | null): [string, number][] => (port ? [[`${label} metrics`, port]] : []);
const ports: [label: string, port: number][] = [
  ['gateway', Number(gatewayPort)],
  ...metricsPorts('gateway', readMetricsPort(env, 'METRICS_PORT', 9464)),
  ...SUBGRAPHS.flatMap(([name, fallback]): [string, number][] => {
    // As readSubgraphConfig reads them (without its warnings about secrets, which the subgraphs print).
    const port = Number(env[`${name.toUpperCase()}_PORT`] ?? fallback);
    const metricsVariable = env[`${name.toUpperCase()}_METRICS_PORT`] !== undefined ? `${name.toUpperCase()}_METRICS_PORT` : 'METRICS_PORT';
    return [[name, port], ...metricsPorts(name, readMetricsPort(env, metricsVariable, port + METRICS_PORT_OFFSET))];
  }),
];
const taken = (await Promise.all(ports.map(async ([label, port]) => ((await portFree(port)) ? undefined : `${port} (${label})`)))).filter(Boolean);
if (taken.length > 0) {
  console.error(`sociaal-graph cannot start: port ${taken.join(', ')} on ${host} already in use (running already? stop it, or set GATEWAY_PORT and <NAME>_PORT)`);
  process.exit(1);
}

const layout = oneProcess ? 'in one process' : 'as processes of their own';
console.log(
  env.DATABASE_URL
    ? `Starting 7 subgraphs ${layout} on PostgreSQL (DATABASE_URL); an empty database gets the demo world first.`
    : `Starting 7 subgraphs ${layout} on embedded PGlite in ${readDataDir(env)}/; the first start loads the demo world (about a minute), later starts reuse it.`,
);
// The one process's V8 flags (a larger young generation) and why: scripts/graph-loader/flags.ts.
if (oneProcess) run('graph', 'scripts/graph-in-one-process.ts', [], GRAPH_NODE_FLAGS, GRAPH_LOADER_FLAGS);
else for (const [name] of SUBGRAPHS) run(name, `subgraphs/${name}/src/index.ts`);
const healthyAfter = new Map<string, number>();
// Which are still starting, every 20 seconds while any is: the demo load of one can take minutes.
const waiting = setInterval(() => {
  const pending = SUBGRAPHS.map(([name]) => name).filter((name) => !healthyAfter.has(name));
  if (pending.length > 0) console.log(`... ${seconds(Date.now() - startedAt)}: ${healthyAfter.size} of ${SUBGRAPHS.length} subgraphs ready; still starting: ${pending.join(', ')}`);
}, 20_000);
const ready = await Promise.all(
  SUBGRAPHS.map(async ([name, port]) => {
    const url = `http://${host}:${env[`${name.toUpperCase()}_PORT`] ?? port}/health`;
    const ok = await healthy(url, 600_000);
    if (ok) healthyAfter.set(name, Date.now() - startedAt);
    else console.error(`[${name}] did not become healthy at ${url}`);
    return ok;
  }),
);
clearInterval(waiting);
console.log(`subgraphs ready after: ${[...healthyAfter].map(([name, ms]) => `${name} ${seconds(ms)}`).join(', ')}`);
// The gateway finds each subgraph where this script started it, also on a port other than the supergraph's.
for (const [name, port] of SUBGRAPHS) env[`${name.toUpperCase()}_URL`] ??= `http://${host}:${env[`${name.toUpperCase()}_PORT`] ?? port}/graphql`;
// The one process starts its gateway itself once its subgraphs are up.
if (!oneProcess) run('gateway', 'gateway/src/main.ts', [], GATEWAY_NODE_FLAGS);
if (await healthy(`http://${host}:${gatewayPort}/health`, 60_000)) {
  console.log(`\nsociaal-graph is running (${ready.filter(Boolean).length} of ${SUBGRAPHS.length} subgraphs healthy, ${seconds(Date.now() - startedAt)})`);
  console.log(`  GraphQL:  http://${host}:${gatewayPort}/graphql`);
  console.log(`  GraphiQL: http://${host}:${gatewayPort}/`);
  console.log(`  Health:   http://${host}:${gatewayPort}/health`);
  console.log(`  Ready:    http://${host}:${gatewayPort}/ready`);
  console.log('\nResident data needs a token (without one you see public data only):');
  console.log('  TOKEN=$(npm run -s token -- --role consulent --org uo-hbel)');
  console.log(`  curl -s http://${host}:${gatewayPort}/graphql -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\`);
  console.log(`    -d '{"query":"{ wmoToewijzingen(gemeente: \\"0317\\", first: 3) { items { toewijzingsnummer } } }"}'`);
  console.log('  Roles: consulent backoffice beleid controller inkoper aanbieder analist subsidiepartner fg; organisations: 0406, 0307, uo-hbel, regio-gv, an AGB code.');
  console.log('  In GraphiQL paste it in the Bearer-token bar, or pick a role and organisation there and press "Token ophalen".');
} else {
  console.error('the gateway did not become healthy; see its log above');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * A child's line for a person: the processes log JSON (pino; what a log collector wants), `npm start` shows
 * its message with the process's name, and says whether it is a warning. A line that is no JSON stays as it is.
 */
function readable(raw: string, label: string): { line: string; warning: boolean } {
  if (raw.startsWith('[sociaal-graph] ')) return { line: raw.slice('[sociaal-graph] '.length), warning: true };
  if (!raw.startsWith('{')) return { line: raw, warning: false };
  try {
    const entry = JSON.parse(raw) as { level?: string; msg?: string; service?: string; url?: string; err?: { message?: string } };
    if (typeof entry.msg !== 'string') return { line: raw, warning: false };
    // The address a process names (`subgraph listening`, `gateway ready`) is what a person looks for.
    const detail = `${entry.url ? ` at ${entry.url}` : ''}${entry.err?.message ? `: ${entry.err.message}` : ''}`;
    if (entry.level === 'warn') return { line: `${entry.msg}${detail}`, warning: true };
    const prefix = entry.level === 'error' || entry.level === 'fatal' ? 'error: ' : '';
    return { line: `[${entry.service ?? label}] ${prefix}${entry.msg}${detail}`, warning: false };
  } catch {
    return { line: raw, warning: false };
  }
}
