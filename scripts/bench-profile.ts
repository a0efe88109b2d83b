/**
 * `npx tsx scripts/bench-profile.ts [--seconds S] [--connections C] [--mode identical|callers] [--no-profile] [--node-flag F]...`:
 * sociaal-graph's gateway on the benchmark shape of `npm run bench` (pinned as there: the gateway
 * alone on core 1, the subgraphs and autocannon on core 0), under `node --cpu-prof`; prints where
 * its CPU goes (self time per function and per package) and what it costs: the gateway's CPU time
 * (user + system, from /proc) per request and how busy each side was, which tells whether the
 * gateway or the load generator is the bound. That CPU per request holds when other work shares
 * the machine, where req/s do not. Writes the summary to `scripts/results/bench-profile-<mode>.md`;
 * with `--no-profile` no profiler runs (it costs CPU of its own) and only the CPU figures are
 * printed, nothing written. `--node-flag` (repeatable) starts the gateway with that Node flag besides
 * GATEWAY_NODE_FLAGS (a later flag wins), to try one before it goes into gateway/src/node-flags.ts. The raw profile stays in a temporary folder (it is megabytes). Needs
 * `npm ci --prefix scripts/bench/tools`. Not part of `npm test`.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
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
import { QUERY, SUBGRAPHS } from './bench/federatie/shape.js';
import { freePortBase } from './bench/ports.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH = join(ROOT, 'scripts/bench/tools');
const HOST = '127.0.0.1';
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '50' },
    mode: { type: 'string', default: 'identical' },
    'no-profile': { type: 'boolean', default: false },
    'node-flag': { type: 'string', multiple: true, default: [] },
  },
  strict: true,
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const mode = values.mode === 'callers' ? 'callers' : 'identical';
const profiling = !values['no-profile'];
const nodeFlags = [...GATEWAY_NODE_FLAGS, ...(values['node-flag'] ?? [])];
// As `npm run bench` runs it: the gateway alone on core 1; the subgraphs and the load generator on core 0.
const twoCores = cpus().length >= 2;
const pinned = (core: number) => (twoCores ? ['taskset', '-c', String(core), process.execPath] : [process.execPath]);
if (twoCores) execFileSync('taskset', ['-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
const autocannon = createRequire(join(BENCH, 'package.json'))('autocannon') as (options: Record<string, unknown>, done: (error: Error | null, result: { requests: { total: number }; non2xx: number; errors: number }) => void) => void;

const children: ChildProcess[] = [];
function start(core: number, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const [file, ...before] = pinned(core);
  // taskset execs node: the pid is node's own, whose CPU time /proc tells.
  const child = spawn(file, [...before, ...args], { cwd: ROOT, env: { ...process.env, APOLLO_TELEMETRY_DISABLED: '1', ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  children.push(child);
  return child;
}

async function waitFor(url: string): Promise<void> {
  for (let tries = 0; tries < 480; tries++) {
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not start`);
}

/** User + system CPU time of a process so far, in seconds (/proc/<pid>/stat, fields 14 and 15). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // Clock ticks of 1/100 s (USER_HZ on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Resident memory of a process now and at its peak so far (VmRSS, VmHWM), in MiB. */
function rssMib(pid: number): { now: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { now: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

/**
 * Self time per function (with the caller it is most often called from) and per package (node_modules/<name>,
 * the gateway's own files, node internals), over the last `window` microseconds of the profile: the load,
 * not the start-up.
 */
function summarise(profile: Profile, window: number): string {
  const self = new Map<number, number>();
  let at = profile.endTime;
  for (let index = profile.samples.length - 1; index >= 0 && profile.endTime - at <= window; index--) {
    const id = profile.samples[index];
    const delta = profile.timeDeltas[index] ?? 0;
    self.set(id, (self.get(id) ?? 0) + delta);
    at -= delta;
  }
  const total = [...self.values()].reduce((sum, value) => sum + value, 0);
  const parent = new Map<number, ProfileNode>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
  const name = (node: ProfileNode | undefined) => (node ? `${node.callFrame.functionName || '(anonymous)'} ${packageOf(node.callFrame.url)}${node.callFrame.url ? `:${node.callFrame.lineNumber + 1}` : ''}` : '');
  const byFunction = new Map<string, number>();
  const callers = new Map<string, Map<string, number>>();
  const byPackage = new Map<string, number>();
  for (const [id, time] of self) {
    const node = byId.get(id);
    if (!node || !time) continue;
    const label = name(node);
    byFunction.set(label, (byFunction.get(label) ?? 0) + time);
    const from = callers.get(label) ?? new Map<string, number>();
    const caller = name(parent.get(id));
    from.set(caller, (from.get(caller) ?? 0) + time);
    callers.set(label, from);
    const where = packageOf(node.callFrame.url);
    byPackage.set(where, (byPackage.get(where) ?? 0) + time);
  }
  const top = (map: Map<string, number>, count: number) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, count);
  const share = (time: number) => `${((100 * time) / total).toFixed(1)} %`;
  const cell = (text: string) => `\`${text.replaceAll('|', '/')}\``;
  const packages = top(byPackage, 15).map(([where, time]) => `| ${share(time)} | ${cell(where)} |`).join('\n');
  const functions = top(byFunction, 30)
    .map(([label, time]) => `| ${share(time)} | ${cell(label)} | ${cell(top(callers.get(label) ?? new Map(), 1)[0]?.[0] ?? '')} |`)
    .join('\n');
  return `### Self time per package\n\n| share | package |\n|---|---|\n${packages}\n\n### Self time per function (top 30)\n\n| share | function | mostly called from |\n|---|---|---|\n${functions}\n`;
}

function packageOf(url: string): string {
  if (!url) return '(native, GC, idle)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return url;
  return url.replace(/^file:\/\//, '').replace(ROOT, '');
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'sociaal-graph-profile-'));
  const base = await freePortBase(20);
  const ports = Object.fromEntries(SUBGRAPHS.map((subgraph, index) => [subgraph.name, base + index]));
  try {
    const composed = composeServices(SUBGRAPHS.map((subgraph) => ({ name: subgraph.name, url: `http://${HOST}:${ports[subgraph.name]}/graphql`, typeDefs: parse(subgraph.sdl) })));
    if (composed.errors) throw new Error(composed.errors.map((error) => error.message).join('\n'));
    const supergraph = join(dir, 'supergraph.graphql');
    await writeFile(supergraph, composed.supergraphSdl);
    const dataDir = join(dir, 'data');
    await mkdir(dataDir);
    const issuer = await loadDevIssuer(dataDir);
    const subgraphs = start(0, ['--import', 'tsx', 'scripts/bench/federatie/subgraphs.ts'], { BENCH_PORTS: Object.entries(ports).map(([name, port]) => `${name}:${port}`).join(',') });
    const profiles = join(dir, 'profiles');
    const gateway = start(1, [...nodeFlags, ...(profiling ? ['--cpu-prof', '--cpu-prof-dir', profiles] : []), '--import', 'tsx', 'scripts/bench/federatie/sociaal-graph-gateway.ts'], {
      BENCH_SUPERGRAPH: supergraph,
      BENCH_PORT: String(base + 12),
      DATA_DIR: dataDir,
      ...CALLER_LIMITS_OFF_ENV,
      MAX_QUERY_DEPTH: '12',
      LOG_LEVEL: 'warn',
    });
    const url = `http://${HOST}:${base + 12}/graphql`;
    await waitFor(url);
    const tokens = mode === 'callers' ? await Promise.all(Array.from({ length: connections }, (_, index) => mintToken(issuer, { role: 'beleid', org: '0406', subject: `profiel-${index}` }))) : [];
    let next = 0;
    const body = JSON.stringify({ query: QUERY, operationName: 'TestQuery' });
    const load = (duration: number) =>
      new Promise<{ requests: { total: number }; non2xx: number; errors: number }>((resolve, reject) =>
        autocannon(
          {
            url,
            connections,
            duration,
            requests: [
              {
                method: 'POST',
                body,
                headers: { 'content-type': 'application/json' },
                setupRequest: (request: { headers: Record<string, string> }, context: { token?: string | null }) => {
                  if (context.token === undefined) context.token = tokens.length ? tokens[next++ % tokens.length] : null;
                  return context.token ? { ...request, headers: { ...request.headers, authorization: `Bearer ${context.token}` } } : request;
                },
              },
            ],
          },
          (error, outcome) => (error ? reject(error) : resolve(outcome)),
        ),
      );
    // Two seconds to warm up (plans, JIT, connections), not counted: as `npm run bench` measures.
    await load(2);
    const loadBefore = loadavg()[0];
    const pids = { gateway: gateway.pid as number, subgraphs: subgraphs.pid as number };
    const cpuBefore = { gateway: cpuSeconds(pids.gateway), subgraphs: cpuSeconds(pids.subgraphs), driver: process.cpuUsage() };
    const wallBefore = process.hrtime.bigint();
    const result = await load(seconds);
    const wall = Number(process.hrtime.bigint() - wallBefore) / 1e9;
    const driverUsage = process.cpuUsage(cpuBefore.driver);
    const used = {
      gateway: cpuSeconds(pids.gateway) - cpuBefore.gateway,
      subgraphs: cpuSeconds(pids.subgraphs) - cpuBefore.subgraphs,
      driver: (driverUsage.user + driverUsage.system) / 1e6,
    };
    const memory = rssMib(pids.gateway);
    const requests = result.requests.total;
    const busy = (cpu: number) => `${((100 * cpu) / wall).toFixed(0)} %`;
    const cpuReport = [
      `| gateway CPU per request | gateway busy (core 1) | load generator busy (core 0) | subgraphs busy (core 0) | requests | req/s | gateway peak RSS MiB | load average |`,
      `|---|---|---|---|---|---|---|---|`,
      `| ${((1000 * used.gateway) / requests).toFixed(3)} ms | ${busy(used.gateway)} | ${busy(used.driver)} | ${busy(used.subgraphs)} | ${requests} | ${(requests / wall).toFixed(0)} | ${memory.peak.toFixed(0)} | ${loadBefore.toFixed(1)} |`,
    ].join('\n');
    console.log(`\n${mode}, ${connections} connections, ${seconds} s${profiling ? ', profiled' : ''}, node ${nodeFlags.join(' ')}:\n${cpuReport}\n`);
    if (!profiling) return;
    await new Promise<void>((resolve) => {
      gateway.once('exit', () => resolve());
      gateway.kill('SIGTERM');
    });
    const file = readdirSync(profiles).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error('no profile written');
    const summary = summarise(JSON.parse(readFileSync(join(profiles, file), 'utf8')) as Profile, seconds * 1_000_000);
    const report = `# CPU profile: sociaal-graph's gateway, benchmark shape, ${mode}\n\nMade ${new Date().toISOString().slice(0, 10)} by \`npx tsx scripts/bench-profile.ts --seconds ${seconds} --connections ${connections} --mode ${mode}\` (Node ${process.version}; load average ${loadBefore.toFixed(1)}, other work shared the machine; the gateway alone on core 1, the subgraphs and autocannon on core 0). ${requests} requests in ${seconds} s after 2 s of warm-up (${(requests / wall).toFixed(0)} req/s while profiled), ${result.non2xx + result.errors} not 200. The last ${seconds} s of the profile (the load; start-up left out). Own files are compiled by tsx, so their line numbers are those of the compiled text. CPU time from /proc, the profiler's own cost included:\n\n${cpuReport}\n\n${summary}`;
    await writeFile(join(ROOT, `scripts/results/bench-profile-${mode}.md`), report);
    console.log(report);
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
