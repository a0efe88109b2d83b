/**
 * `npm start`: the whole graph on this machine. Starts the seven subgraphs as their own processes
 * (each on embedded PGlite under DATA_DIR, or on DATABASE_URL), waits until each answers /health,
 * then starts the gateway over the committed supergraph and prints where to find it.
 * Ctrl-C stops everything.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { METRICS_PORT_OFFSET, readMetricsPort } from '@sociaal-graph/toolkit';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SUBGRAPHS: readonly [name: string, port: number][] = [
  ['gemeenten', 4001], ['toegang', 4002], ['wmo', 4003], ['jeugd', 4004],
  ['participatie', 4005], ['subsidies', 4006], ['inkoop', 4007],
];
const env: NodeJS.ProcessEnv = { ...process.env, APOLLO_TELEMETRY_DISABLED: '1' };
const host = env.HOST ?? '127.0.0.1';
const children: ChildProcess[] = [];

function run(label: string, entry: string, args: string[] = []): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (chunk: Buffer) => chunk.toString().split('\n').filter(Boolean).map((line) => `[${label}] ${line}`).join('\n');
  child.stdout?.on('data', (chunk: Buffer) => console.log(prefix(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => console.error(prefix(chunk)));
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`[${label}] stopped (${signal ?? `exit ${code}`}); the gateway answers without it`);
  });
  children.push(child);
  return child;
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

/** Whether nothing listens on host:port yet (bound and closed again at once). */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

// Every port is checked before anything starts: otherwise the subgraphs die one by one with
// "address already in use" while the health checks reach whatever already listens there.
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

console.log(env.DATABASE_URL ? 'PostgreSQL: DATABASE_URL' : `Embedded PGlite in ${env.DATA_DIR ?? '.data'}/ (first start loads the demo world)`);
for (const [name] of SUBGRAPHS) run(name, `subgraphs/${name}/src/index.ts`);
const ready = await Promise.all(
  SUBGRAPHS.map(async ([name, port]) => {
    const url = `http://${host}:${env[`${name.toUpperCase()}_PORT`] ?? port}/health`;
    const ok = await healthy(url, 600_000);
    if (!ok) console.error(`[${name}] did not become healthy at ${url}`);
    return ok;
  }),
);
run('gateway', 'gateway/src/main.ts');
if (await healthy(`http://${host}:${gatewayPort}/health`, 60_000)) {
  console.log(`\nsociaal-graph is running (${ready.filter(Boolean).length} of ${SUBGRAPHS.length} subgraphs healthy)`);
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
