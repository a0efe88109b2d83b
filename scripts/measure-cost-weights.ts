/**
 * `npx tsx scripts/measure-cost-weights.ts [--gateway <url>] [--runs N]` (DATA_DIR of that graph, for its tokens): the
 * measurement behind the `@cost` weights (docs/demand-control.md, "Weighting a costly field").
 * Against a running graph (start it with MAX_QUERY_COST and the per-caller limits raised, so nothing
 * is refused), each steering answer of bench-stuurinformatie-cases.ts is sent alone over every
 * gemeente of the world, one untimed warm-up and then N requests (default 5) one after another. Its
 * median less that of a trivial request (the fixed part of any request) is its work; set beside the
 * gateway's estimate (`extensions.kosten.geschat`) at the rate of financienVergelijking, it shows
 * which answers the estimate counts too low, and the per-gemeente weight that would make it track.
 * Writes scripts/results/measure-cost-weights.md. Not a test: timing belongs here.
 */
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { baseline, type BenchCase, benchmarkCases } from './bench-stuurinformatie-cases.js';

process.env.APOLLO_TELEMETRY_DISABLED = '1';
const { values } = parseArgs({ options: { gateway: { type: 'string', default: 'http://127.0.0.1:4000' }, runs: { type: 'string', default: '5' } } });
const URL_ = values.gateway;
const RUNS = Number(values.runs);
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

Command: \`DATA_DIR=<the graph's> npx tsx scripts/measure-cost-weights.ts --gateway ${URL_} --runs ${RUNS}\` (${new Date().toISOString()}), against \`npm start\` (PGlite, default demo world, ${codes.length} gemeenten) started with MAX_QUERY_COST=100000000, SUBGRAPH_TIMEOUT_MS=600000 and the per-caller limits raised (RATE_LIMIT_COST_PER_MINUTE and ANONYMOUS_RATE_LIMIT_COST_PER_MINUTE 1000000000, RATE_LIMIT_REQUESTS_PER_MINUTE and ANONYMOUS_RATE_LIMIT_REQUESTS_PER_MINUTE 100000).
Load average ${start} at the start, ${end} at the end (a shared 2-core machine: ratios only).
Each answer asked over all ${codes.length} gemeenten, one warm-up and ${RUNS} requests one after another; median ms at the client. "net ms": the median less that of a trivial request (\`gemeente(code: "0406") { naam }\`, ${trivial.median.toFixed(1)} ms), the fixed part of every request. Reference rate: financienVergelijking, ${msPer1000.toFixed(2)} net ms per 1,000 of estimate (for comparison the baseline list ${baseline.naam}: ${base.median.toFixed(1)} ms, estimate ${base.geschat.toLocaleString('en')}, which holds far fewer than the 400 items its estimate assumes).
"estimate" is the gateway's \`extensions.kosten.geschat\` with the @cost weights of the supergraph in use; "work / estimate" is the net time over the time the estimate would give at the reference rate (1: tracks; above 1: the estimate is low); "weight needed" is the per-gemeente weight of one field (weight 1 today) that would bring it to 1.

| answer | median ms | net ms | estimate | net ms per 1,000 | work / estimate | weight needed |
|---|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}
`;
await writeFile(new URL('./results/measure-cost-weights.md', import.meta.url), out);
console.log(out);
