/**
 * `npx tsx scripts/bench-result-shaping.ts [--rounds N]`: the gateway's result shaping
 * (gateway/src/result-shaping.ts) against @apollo/gateway's own `computeResponse`, on one answer of
 * about 2 MB (100 inwoners, each with 12 buren with 12 buren of their own: the shape of the largest
 * answers the cost limit accepts), alternating, CPU time per shaping (medians). Both answers are
 * checked to serialise to the same text. Prints a table; into `scripts/results/bench-result-shaping.md`.
 */
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { buildSchema, parseOperation } from '@apollo/federation-internals';
import { apolloComputeResponse, computeResponse, type ComputeResponseArguments } from '../gateway/src/result-shaping.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '21' } } });
const rounds = Number(values.rounds);

const SCHEMA = buildSchema(`
enum Kleur { ROOD GROEN }
type Inwoner { id: ID! naam: String leeftijd: Int! kleur: Kleur bedrag: Float buren: [Inwoner!]! partner: Inwoner }
type Query { inwoners: [Inwoner!]! }`);
const operation = parseOperation(SCHEMA, '{ inwoners { id naam leeftijd kleur bedrag partner { id naam } buren { id naam leeftijd kleur buren { id naam leeftijd bedrag partner { id } } } } }');

interface Inwoner { __typename: 'Inwoner'; id: string; naam: string; leeftijd: number; kleur: string; bedrag: number; partner: { id: string; naam: string }; buren: Inwoner[] }
const inwoner = (depth: number, index: number): Inwoner => ({
  __typename: 'Inwoner', id: `${depth}-${index}`, naam: `Inwoner ${index}`, leeftijd: index, kleur: 'ROOD', bedrag: 1.5, partner: { id: `p${index}`, naam: 'Partner' },
  buren: depth > 0 ? Array.from({ length: 12 }, (_, buur) => inwoner(depth - 1, buur)) : [],
});
// What the subgraph sent, as the gateway has it: parsed JSON, parsed again for every shaping (shaping fills objects of its own).
const sent = JSON.stringify({ inwoners: Array.from({ length: 100 }, (_, index) => inwoner(2, index)) });

const variants: Record<string, (args: ComputeResponseArguments) => { data: unknown }> = { '@apollo/gateway computeResponse': apolloComputeResponse(), 'gateway/src/result-shaping.ts': computeResponse };
const cpuMs: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
const answers = new Set<string>();
const load = loadavg()[0]!.toFixed(1);
for (let round = 0; round < rounds; round++) {
  for (const [name, shape] of Object.entries(variants)) {
    const input = JSON.parse(sent) as Record<string, unknown>;
    const start = process.cpuUsage();
    const { data } = shape({ operation, variables: {}, input, introspectionHandling: () => null });
    const used = process.cpuUsage(start);
    cpuMs[name]!.push((used.user + used.system) / 1000);
    if (round === 0) answers.add(JSON.stringify(data));
  }
}
if (answers.size !== 1) throw new Error('the two shapings gave different answers');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const baseline = median(cpuMs['@apollo/gateway computeResponse']!);
const lines = [
  '# Result shaping: the gateway\'s against @apollo/gateway\'s',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} by \`npx tsx scripts/bench-result-shaping.ts --rounds ${rounds}\` (${cpus().length} cores, Node ${process.version}, load average ${load} at the start): one answer of ${(sent.length / 1e6).toFixed(2)} MB as a subgraph sent it, ${(([...answers][0]!.length) / 1e6).toFixed(2)} MB shaped; both shapings give the same text. CPU time per shaping, median of ${rounds} alternating rounds.`,
  '',
  '| shaping | CPU ms (median) | ratio |',
  '|---|---:|---:|',
  ...Object.entries(cpuMs).map(([name, values]) => `| ${name} | ${median(values).toFixed(1)} | ${(median(values) / baseline).toFixed(2)}x |`),
];
console.log(lines.join('\n'));
await writeFile(new URL('results/bench-result-shaping.md', import.meta.url), `${lines.join('\n')}\n`);
