/**
 * `GATEWAY_URL=http://127.0.0.1:4000 DATA_DIR=.data npx tsx scripts/measure-cost-weights.ts`: the
 * measurement behind the `@cost` weights (docs/demand-control.md, "Weights"). Against a running graph
 * (start it with MAX_QUERY_COST raised, so nothing is refused), each steering answer of
 * bench-stuurinformatie-cases.ts is sent alone over every gemeente of the world, one untimed warm-up
 * and then RUNS requests one after another; its median is divided by the median of the baseline (a
 * plain public list) timed in the same run, and set beside the gateway's estimate of both
 * (`extensions.kosten.geschat`). A field whose time ratio is far above its estimate ratio needs a
 * weight: `weight needed` is the per-gemeente weight that makes its estimate ratio match its time
 * ratio. Writes scripts/results/measure-cost-weights.md. Not a test: timing belongs here.
 */
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { baseline, type BenchCase, benchmarkCases } from './bench-stuurinformatie-cases.js';

process.env.APOLLO_TELEMETRY_DISABLED = '1';
const URL_ = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000';
const RUNS = Number(process.env.RUNS ?? 5);
const tokens = new Map<string, string>();

function token(rol: string, org: string): string {
  const key = `${rol} ${org}`;
  if (!tokens.has(key)) tokens.set(key, execFileSync('npm', ['run', '-s', 'token', '--', '--role', rol, '--org', org], { encoding: 'utf8' }).trim());
  return tokens.get(key)!;
}

async function send(query: string, variables: Record<string, unknown>, bearer?: string) {
  const started = performance.now();
  const response = await fetch(`${URL_}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query, variables, extensions: { kosten: true } }),
  });
  const body = (await response.json()) as { errors?: { message: string }[]; extensions?: { kosten?: { geschat: number; werkelijk?: number } } };
  const ms = performance.now() - started;
  if (body.errors?.length) throw new Error(`${query.slice(0, 60)}: ${body.errors[0]!.message}`);
  return { ms, geschat: body.extensions?.kosten?.geschat ?? NaN };
}

async function time(benchCase: BenchCase, gemeenten: readonly string[]) {
  const bearer = benchCase.vrager ? token(benchCase.vrager.rol, benchCase.vrager.org) : undefined;
  const variables = benchCase.variables(gemeenten);
  const warm = await send(benchCase.query, variables, bearer);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await send(benchCase.query, variables, bearer)).ms);
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, geschat: warm.geschat };
}

const start = loadavg().map((l) => l.toFixed(1)).join(' ');
const codes = ((await (await fetch(`${URL_}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ gemeenten(first: 400) { items { code } } }' }) })).json()) as { data: { gemeenten: { items: { code: string }[] } } }).data.gemeenten.items.map((g) => g.code);
const base = await time(baseline, codes);
// The fixed part of every request (HTTP, parsing, planning, one subgraph fetch), taken off each median.
const trivial = await time({ ...baseline, naam: 'gemeente(code) { naam }', query: '{ gemeente(code: "0406") { naam } }', variables: () => ({}) }, codes);
const net = (ms: number) => Math.max(0.1, ms - trivial.median);
const cases = benchmarkCases().filter((c) => !c.alleenEigen);
// The reference rate: financienVergelijking, a public answer whose estimate counts its rows.
const timed = new Map<BenchCase, { median: number; geschat: number }>();
for (const benchCase of cases) timed.set(benchCase, await time(benchCase, codes));
const reference = timed.get(cases.find((c) => c.naam.startsWith('financienVergelijking'))!)!;
const msPer1000 = (net(reference.median) / reference.geschat) * 1000;
const rows: string[] = [];
for (const benchCase of cases) {
  const t = timed.get(benchCase)!;
  const target = (net(t.median) / msPer1000) * 1000;
  const needed = Math.max(1, Math.round((target - t.geschat) / codes.length + 1));
  rows.push(`| ${benchCase.naam} | ${t.median.toFixed(1)} | ${net(t.median).toFixed(1)} | ${t.geschat.toLocaleString('en')} | ${((net(t.median) / t.geschat) * 1000).toFixed(2)} | ${(net(t.median) / msPer1000 * 1000 / t.geschat).toFixed(2)} | ${needed} |`);
  console.log(rows.at(-1));
}
const end = loadavg().map((l) => l.toFixed(1)).join(' ');
const out = `# Work against estimate per steering answer (the @cost weights)

Command: \`GATEWAY_URL=${URL_} RUNS=${RUNS} npx tsx scripts/measure-cost-weights.ts\` (${new Date().toISOString()}), against \`npm start\` (PGlite, default demo world, ${codes.length} gemeenten) started with MAX_QUERY_COST=100000000 and SUBGRAPH_TIMEOUT_MS=600000.
Load average ${start} at the start, ${end} at the end (a shared 2-core machine: ratios only).
Each answer asked over all ${codes.length} gemeenten, one warm-up and ${RUNS} requests one after another; median ms at the client. "net ms": the median less that of a trivial request (\`gemeente(code: "0406") { naam }\`, ${trivial.median.toFixed(1)} ms), the fixed part of every request. Reference rate: financienVergelijking, ${msPer1000.toFixed(2)} net ms per 1,000 of estimate (for comparison the baseline list ${baseline.naam}: ${base.median.toFixed(1)} ms, estimate ${base.geschat.toLocaleString('en')}, which holds far fewer than the 400 items its estimate assumes).
"estimate" is the gateway's \`extensions.kosten.geschat\` with the @cost weights of the supergraph in use; "work / estimate" is the net time over the time the estimate would give at the reference rate (1: tracks; above 1: the estimate is low); "weight needed" is the per-gemeente weight of one field (weight 1 today) that would bring it to 1.

| answer | median ms | net ms | estimate | net ms per 1,000 | work / estimate | weight needed |
|---|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}
`;
await writeFile(new URL('./results/measure-cost-weights.md', import.meta.url), out);
console.log(out);
