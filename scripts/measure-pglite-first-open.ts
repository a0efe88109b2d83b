/**
 * `npx tsx scripts/measure-pglite-first-open.ts [--rounds N]`: what preparing embedded PGlite in a worker thread
 * (toolkit pglite-initdb.ts, as `npm start` does on a new data folder) saves against PGlite's own initdb when opened.
 * Each round runs both, alternating, each in a fresh process on a fresh folder: load the graph's code (the toolkit,
 * the gateway, the seven subgraphs' schemas) and open the shared PGlite. Prints wall clock and CPU seconds of each
 * and their ratio; writes scripts/results/measure-pglite-first-open.md. Run it under the machine's bench lock.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({ options: { rounds: { type: 'string' }, child: { type: 'string' } }, strict: true });
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

if (args.child) {
  // One measured start: 'worker' (initdb in the background while the code loads) or 'inline'.
  const dir = join(mkdtempSync(join(tmpdir(), 'pglite-first-open-')), 'graph');
  const { initialisePgliteInBackground } = await import('../subgraphs/toolkit/src/pglite-initdb.js');
  const prepared = args.child === 'worker' ? initialisePgliteInBackground(dir) : Promise.resolve();
  await import('@sociaal-graph/gateway');
  const { openSharedPglite } = await import('@sociaal-graph/toolkit');
  for (const name of ['gemeenten', 'toegang', 'wmo', 'jeugd', 'participatie', 'subsidies', 'inkoop']) await import(`../subgraphs/${name}/src/schema.js`);
  await prepared;
  const db = await (await openSharedPglite(dir)).database('wmo');
  await db.query('SELECT 1');
  console.log(JSON.stringify({ wall: performance.now() / 1000, cpu: cpu() }));
  await db.close();
  rmSync(dirname(dir), { recursive: true, force: true });
  process.exit(0);
}

function dirname(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

const rounds = Number(args.rounds ?? '3');
const loadAtStart = loadavg().map((l) => l.toFixed(1)).join(' ');
const results: Record<'worker' | 'inline', { wall: number; cpu: number }[]> = { worker: [], inline: [] };
for (let round = 0; round < rounds; round += 1) {
  for (const mode of round % 2 === 0 ? (['inline', 'worker'] as const) : (['worker', 'inline'] as const)) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', mode], { encoding: 'utf8', env: { ...process.env, APOLLO_TELEMETRY_DISABLED: '1' } });
    const line = run.stdout.trim().split('\n').at(-1)!;
    results[mode].push(JSON.parse(line) as { wall: number; cpu: number });
    console.log(mode, line);
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const row = (mode: 'worker' | 'inline') => `| ${mode === 'worker' ? 'initdb in a worker thread (now)' : 'initdb when opened (before)'} | ${median(results[mode].map((r) => r.wall)).toFixed(1)} | ${median(results[mode].map((r) => r.cpu)).toFixed(1)} |`;
const lines = [
  '# Embedded PGlite on a new data folder: initdb in a worker thread against initdb when opened',
  '',
  `Command: \`npx tsx scripts/measure-pglite-first-open.ts --rounds ${rounds}\` (${new Date().toISOString()}); load average ${loadAtStart} at the start, ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end (2 cores, shared).`,
  'Each: a fresh process loads the graph\'s code and opens the shared PGlite on a new folder; medians of the rounds, alternating. CPU: main thread and worker (process CPU).',
  '',
  '| mode | until open, wall (s) | CPU (s) |',
  '|---|---:|---:|',
  row('inline'),
  row('worker'),
  '',
  `Wall clock worker / inline: ${(median(results.worker.map((r) => r.wall)) / median(results.inline.map((r) => r.wall))).toFixed(2)}; CPU worker / inline: ${(median(results.worker.map((r) => r.cpu)) / median(results.inline.map((r) => r.cpu))).toFixed(2)}.`,
  '',
];
writeFileSync(fileURLToPath(new URL('results/measure-pglite-first-open.md', import.meta.url)), lines.join('\n'));
console.log(lines.join('\n'));
