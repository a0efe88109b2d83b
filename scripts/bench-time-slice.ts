/**
 * `npx tsx scripts/bench-time-slice.ts [--rounds N]`: what the subgraphs' time slicing
 * (`subgraphs/toolkit/src/time-slice.ts`) costs a query that never yields. The same schema, once
 * plain and once sliced, runs a probe-like query (`{ gemeente { naam } }`) and a 1,000-row list of 5
 * fields, alternating, each execution in a turn of its own (as requests are); times only the
 * execution. Writes `scripts/results/bench-time-slice.md` with the ratio sliced / plain.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildSchema, execute, type GraphQLObjectType, type GraphQLSchema, parse } from 'graphql';
import { sliceExecution } from '@sociaal-graph/toolkit';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3000' } } });
const rounds = Number(values.rounds);

function schema(): GraphQLSchema {
  const graph = buildSchema(
    'type Gemeente { code: String! naam: String! } type Rij { nummer: Int! naam: String! code: String! bedrag: Float! dubbel: Int! } type Query { gemeente(code: String!): Gemeente rijen: [Rij!]! }',
  );
  const query = (graph.getQueryType() as GraphQLObjectType).getFields();
  query.gemeente.resolve = (_, { code }: { code: string }) => ({ code, naam: 'Huizen' });
  query.rijen.resolve = () => Array.from({ length: 1000 }, (_, nummer) => ({ nummer, naam: `rij ${nummer}`, code: '0406', bedrag: nummer / 3 }));
  (graph.getType('Rij') as GraphQLObjectType).getFields().dubbel.resolve = (rij: { nummer: number }) => rij.nummer * 2;
  return graph;
}

const QUERIES = { probe: parse('{ gemeente(code: "0406") { naam } }'), 'lijst (1.000 rijen x 5 velden)': parse('{ rijen { nummer naam code bedrag dubbel } }') };
const variants = { plain: schema(), sliced: sliceExecution(schema()) };
const turn = () => new Promise((resolve) => setImmediate(resolve));

const load = loadavg()[0];
const rows: string[] = [];
for (const [name, document] of Object.entries(QUERIES)) {
  const total = { plain: 0, sliced: 0 };
  const n = name === 'probe' ? rounds * 10 : rounds;
  for (let i = 0; i < n; i += 1) {
    for (const variant of i % 2 === 0 ? (['plain', 'sliced'] as const) : (['sliced', 'plain'] as const)) {
      await turn();
      const start = performance.now();
      await execute({ schema: variants[variant], document });
      total[variant] += performance.now() - start;
    }
  }
  const line = `| ${name} | ${n} | ${((total.plain / n) * 1000).toFixed(1)} | ${((total.sliced / n) * 1000).toFixed(1)} | ${(total.sliced / total.plain).toFixed(3)} |`;
  console.log(line);
  rows.push(line);
}
const text = [
  '# Time slicing: cost for queries that do not yield',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} by \`npx tsx scripts/bench-time-slice.ts --rounds ${rounds}\` (${cpus().length} cores, Node ${process.version}, load average ${load.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end). The same schema plain and sliced, alternating, each execution in a turn of its own; only the execution is timed.`,
  '',
  '| query | executions each | plain µs | sliced µs | sliced / plain |',
  '|---|---|---|---|---|',
  ...rows,
  '',
];
const out = join(fileURLToPath(new URL('.', import.meta.url)), 'results/bench-time-slice.md');
await mkdir(join(out, '..'), { recursive: true });
await writeFile(out, text.join('\n'));
