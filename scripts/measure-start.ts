/**
 * `npm run measure:start -- [--no-baseline] [--scale N]`: what `npm start` costs on this machine. Runs it as a
 * user does (the npm command, a fresh DATA_DIR, so the first start with its demo load), once all in one process
 * (the default) and once with `--processes` (one process per part, the layout before; the baseline, same run),
 * each on ports of its own. For each: seconds until it prints that it is running, and the resident memory (RSS)
 * of its whole process tree (npm, tsx, node, esbuild services: every descendant, summed from /proc) once healthy
 * and again 30 s later. Writes scripts/results/measure-start.md. Linux only (/proc).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The machine is shared: how busy it was when the measurement began (1, 5 and 15 minutes). */
const loadAtStart = loadavg().map((l) => l.toFixed(1)).join(' ');
const RESULTS = join(ROOT, 'scripts', 'results', 'measure-start.md');
const SUBGRAPHS = ['gemeenten', 'toegang', 'wmo', 'jeugd', 'participatie', 'subsidies', 'inkoop'];
const SETTLE_MS = 30_000;

const { values: args } = parseArgs({
  options: { 'no-baseline': { type: 'boolean' }, scale: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  strict: true,
});
if (args.help) {
  console.log(`usage: npm run measure:start -- [--no-baseline] [--scale N]

Starts the graph with \`npm start\` on a fresh DATA_DIR, all in one process and (the baseline) with --processes,
and measures the first start's seconds and the RSS of the whole process tree once healthy and 30 s later.
  --no-baseline   the one-process start only (the baseline needs about 8 GB)
  --scale N       DEMO_SCALE (default: npm start's own default)
Writes scripts/results/measure-start.md.`);
  process.exit(0);
}

/** Every process below `root` (itself included), from each /proc/<pid>/stat's parent id. */
async function processTree(root: number): Promise<number[]> {
  const parents = new Map<number, number[]>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      // The name may hold spaces and parentheses: the fields after its last ')' are plain.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const tree: number[] = [];
  const visit = (pid: number) => {
    tree.push(pid);
    for (const child of parents.get(pid) ?? []) visit(child);
  };
  visit(root);
  return tree;
}

/** RSS per process of the tree, in MiB, with its command name. */
async function treeRss(root: number): Promise<{ total: number; cpuSeconds: number; processes: { name: string; mib: number }[] }> {
  const processes: { name: string; mib: number }[] = [];
  let cpuSeconds = 0;
  for (const pid of await processTree(root)) {
    try {
      // CPU seconds (user and system, in clock ticks of 1/100 s) the process and its finished children used:
      // on a shared machine the work a start takes, apart from the waiting for a core.
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpuSeconds += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100;
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
      const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').filter(Boolean);
      // The script run, not a module loaded before it (`--import`, e.g. the graph's loader).
      const script = cmdline.find((part, i) => /\.(ts|js)$/.test(part) && !part.includes('node_modules/.bin') && cmdline[i - 1] !== '--import') ?? cmdline[0] ?? '?';
      processes.push({ name: `${/Name:\s+(\S+)/.exec(status)?.[1] ?? '?'} ${script.replace(ROOT, '')}`, mib: kb / 1024 });
    } catch {
      // gone meanwhile
    }
  }
  return { total: processes.reduce((sum, p) => sum + p.mib, 0), cpuSeconds, processes };
}

interface Measurement {
  readonly mode: string;
  readonly startSeconds: number;
  readonly healthy: Awaited<ReturnType<typeof treeRss>>;
  readonly settled: Awaited<ReturnType<typeof treeRss>>;
  readonly loadLines: string[];
}

async function measure(mode: string, extraArgs: string[]): Promise<Measurement> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sociaal-graph-measure-start-'));
  // Ports of its own, away from a graph already running on the defaults.
  const base = 20_000 + Math.floor(Math.random() * 30_000);
  const ports: Record<string, string> = { GATEWAY_PORT: String(base), METRICS_PORT: String(base + 10) };
  SUBGRAPHS.forEach((name, i) => {
    ports[`${name.toUpperCase()}_PORT`] = String(base + 1 + i);
    ports[`${name.toUpperCase()}_METRICS_PORT`] = String(base + 11 + i);
  });
  const env: NodeJS.ProcessEnv = { ...process.env, ...ports, DATA_DIR: dataDir, APOLLO_TELEMETRY_DISABLED: '1', ...(args.scale ? { DEMO_SCALE: args.scale } : {}) };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const started = Date.now();
  const child: ChildProcess = spawn('npm', ['start', ...(extraArgs.length ? ['--', ...extraArgs] : [])], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const loadLines: string[] = [];
  let output = '';
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${mode}: not running after 15 minutes:\n${output.slice(-3000)}`)), 900_000);
      const read = (chunk: Buffer) => {
        const text = chunk.toString();
        output += text;
        process.stdout.write(text.replace(/^(?=.)/gm, `  [${mode}] `));
        for (const line of text.split('\n')) {
          // With the seconds since `npm start` began: where the first start spends its time.
          if (/code loaded|PGlite open|demo world: (loaded|generated)|indexes and foreign keys back|migrations|listening|gateway ready|ready after|subgraphs ready after/.test(line)) loadLines.push(`${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  ${line.trim()}`);
        }
        if (output.includes('sociaal-graph is running')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', read);
      child.stderr?.on('data', read);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${mode}: npm start exited (${code}) before it ran:\n${output.slice(-3000)}`));
      });
    });
    const startSeconds = (Date.now() - started) / 1000;
    const healthy = await treeRss(child.pid!);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const settled = await treeRss(child.pid!);
    console.log(`[measure:start] ${mode}: running after ${startSeconds.toFixed(1)} s; RSS ${healthy.total.toFixed(0)} MiB when healthy, ${settled.total.toFixed(0)} MiB 30 s later`);
    return { mode, startSeconds, healthy, settled, loadLines };
  } finally {
    // The whole group npm started: Ctrl-C as a user would, then make sure.
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid!, 'SIGINT');
    } catch {
      // gone
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // gone
    }
    await rm(dataDir, { recursive: true, force: true });
  }
}

const results: Measurement[] = [await measure('one process', [])];
if (!args['no-baseline']) results.push(await measure('--processes', ['--processes']));

const mib = (value: number) => value.toFixed(0);
const [one, baseline] = results;
const lines = [
  '# `npm start`: first start and memory of its whole process tree',
  '',
  `Command: \`npm run measure:start${args['no-baseline'] ? ' -- --no-baseline' : ''}${args.scale ? ` --scale ${args.scale}` : ''}\` (${new Date().toISOString()}).`,
  `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GB, shared with other work while it ran (load average ${loadAtStart} at the start, ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end).`,
  `Each start on a fresh DATA_DIR (the first start: the demo world ${args.scale ? `at DEMO_SCALE ${args.scale}` : 'at the default scale'} is generated and loaded into PGlite), on ports of its own.`,
  'RSS: the sum of VmRSS over `npm start` and every process below it (npm, tsx, node, esbuild), once it printed that it is running, and 30 s later.',
  '',
  `| layout | first start (s) | CPU until running (s) | RSS when healthy (MiB) | RSS 30 s later (MiB) | processes |`,
  '|---|---:|---:|---:|---:|---:|',
  ...results.map((r) => `| ${r.mode} | ${r.startSeconds.toFixed(1)} | ${r.healthy.cpuSeconds.toFixed(1)} | ${mib(r.healthy.total)} | ${mib(r.settled.total)} | ${r.settled.processes.length} |`),
  '',
  'CPU until running: user and system seconds of the whole tree when it printed that it runs (its work, without the waiting for a core on a shared machine).',
  ...(baseline && one
    ? ['', `One process against --processes: ${(baseline.settled.total / one.settled.total).toFixed(1)}x less memory, first start ${(baseline.startSeconds / one.startSeconds).toFixed(1)}x faster.`]
    : []),
  '',
  ...results.flatMap((r) => [
    `## ${r.mode}`,
    '',
    '| process | RSS 30 s after healthy (MiB) |',
    '|---|---:|',
    ...r.settled.processes.map((p) => `| \`${p.name}\` | ${mib(p.mib)} |`),
    '',
    ...r.loadLines.map((line) => `    ${line}`),
    '',
  ]),
];
await mkdir(dirname(RESULTS), { recursive: true });
await writeFile(RESULTS, lines.join('\n'));
console.log(lines.join('\n'));
process.exit(0);
