/// <reference types="vite/client" />
import 'reflect-metadata';
import { SUBGRAPHS, type SubgraphDefinition } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type RecordedStatement, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type IntrospectionQuery,
  isEnumType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Issue 14 item 3: "SQL with indexes for every filter and sort the schema offers". For every subgraph, every
 * root field the schema offers is asked once with only its required arguments and once more with each optional
 * argument (each enum value in turn), found from the subgraph's own schema, so a new field or argument is
 * covered without touching this file (an argument name without a sample value below fails the test). Every
 * read statement the resolvers send is EXPLAINed with its parameters while the planner avoids sequential scans
 * and sorts (`enable_seqscan`/`enable_sort` off: it still picks them where no index can do the work). Then:
 * - no Seq Scan on a big table (the demo world's tables of at least BIG_TABLE_ROWS rows) that keeps less than
 *   a quarter of it: some index serves the filter (a list without a filter, or with one that keeps much of it, such
 *   as one law of three, reads the table whichever way; an index would not spare that);
 * - no Sort straight over a scan of a big table below a Limit or a window (a page, or a page per parent): some
 *   index gives the order a page is read in. A batch without a page (a loader's rows for some keys) sorts only
 *   the rows it returns, which is fine.
 * An ACCEPTED entry names a field and argument the rules flag on purpose, with the reason.
 * Runs on PGlite (the default) and, with DATABASE_URL, on PostgreSQL (CI's second run). No timing is asserted.
 */

/** Tables with at least this many rows in the default demo world count as big (reference lists stay below it). */
const BIG_TABLE_ROWS = 1_000;

/**
 * A value for every argument name the schema uses (valid as the resolvers check them; a value that matches
 * no row is fine, the plan is what counts). `<field>.<argument>` overrides a name for one field.
 */
const SAMPLE: Readonly<Record<string, unknown>> = {
  gemeente: '0406',
  gemeenten: ['0406', '0376', '0317', '0417'],
  gemeenteCode: '0406',
  code: '0406',
  jaar: 2025,
  first: 20,
  offset: 20,
  aantal: 20,
  aanbieder: '12345678',
  agbCode: '12345678',
  actiefOp: '2025-06-30',
  peildatum: '2025-06-30',
  productcategorie: '04',
  'jeugdToewijzingen.productcategorie': '40',
  toewijzingsnummer: '1',
  id: '0123456789abcdef0123456789abcdef',
  bsn: '111222333',
  partner: 'partner-1',
  naId: '1',
  regio: 'regio-gv',
  organisatie: 'uo-hbel',
  contractant: 'regio-gv',
  naam: 'a',
  thema: 'WELZIJN',
  instrument: 'WERKFIT',
  ingediendVanaf: '2025-01-01',
  ingediendTot: '2025-12-31',
  perMaand: true,
};

/** `<field>.<argument>` ('' for the field without optional arguments) whose flagged plans are accepted, and why. */
const ACCEPTED: Readonly<Record<string, string>> = {
  'declaraties.wet':
    'one law of three keeps a third to two thirds of the declaraties (Participatiewet has none); an index on wet would not spare reading them',
};

/** Arguments that are no filter (paging through what the sort already orders): asked at their sample value once, not varied. */
const NO_FILTER = new Set(['first', 'offset', 'aantal']);

interface Violation {
  readonly field: string;
  readonly args: Record<string, unknown>;
  readonly problem: string;
  readonly statement: string;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  /** The planner's estimate of the rows the node returns. */
  'Plan Rows'?: number;
  Plans?: PlanNode[];
}

const SCANS = new Set(['Seq Scan', 'Index Scan', 'Index Only Scan', 'Bitmap Heap Scan']);

/** What a plan does that an index should have spared it, on the big tables. */
export function planProblems(plan: PlanNode, big: ReadonlyMap<string, number>): string[] {
  const problems: string[] = [];
  const visit = (node: PlanNode, paged: boolean) => {
    const rows = node['Relation Name'] === undefined ? undefined : big.get(node['Relation Name']);
    if (node['Node Type'] === 'Seq Scan' && rows !== undefined && (node['Plan Rows'] ?? rows) < rows / 4) {
      problems.push(`Seq Scan on ${node['Relation Name']} keeping ${node['Plan Rows']} of ${rows} rows (no index serves the filter)`);
    }
    const [child] = node.Plans ?? [];
    if (paged && node['Node Type'] === 'Sort' && child && SCANS.has(child['Node Type']) && child['Relation Name'] && big.has(child['Relation Name'])) {
      problems.push(`Sort over ${child['Node Type']} on ${child['Relation Name']} (no index gives the order)`);
    }
    const page = paged || node['Node Type'] === 'Limit' || node['Node Type'] === 'WindowAgg';
    for (const sub of node.Plans ?? []) visit(sub, page);
  };
  visit(plan, false);
  return problems;
}

function sampleFor(field: string, arg: GraphQLArgument): unknown {
  const key = `${field}.${arg.name}`;
  if (key in SAMPLE) return SAMPLE[key];
  if (arg.name in SAMPLE) return SAMPLE[arg.name];
  const named = getNamedType(arg.type);
  if (isEnumType(named)) {
    const [first] = named.getValues();
    return isListType(isNonNullType(arg.type) ? arg.type.ofType : arg.type) ? [first?.value] : first?.value;
  }
  throw new Error(`no sample value for argument ${key}: add one to SAMPLE in test/sql-indexes.test.ts`);
}

function isOptional(arg: GraphQLArgument): boolean {
  return !isNonNullType(arg.type) || arg.defaultValue !== undefined;
}

/** The argument sets to ask a root field with: required ones only, then each optional filter (each enum value) on top. */
export function argumentSets(field: GraphQLField<unknown, unknown>): Record<string, unknown>[] {
  const base: Record<string, unknown> = {};
  for (const arg of field.args) if (!isOptional(arg) || NO_FILTER.has(arg.name)) base[arg.name] = sampleFor(field.name, arg);
  const sets = [base];
  for (const arg of field.args) {
    if (!isOptional(arg) || NO_FILTER.has(arg.name)) continue;
    const named = getNamedType(arg.type);
    const list = isListType(isNonNullType(arg.type) ? arg.type.ofType : arg.type);
    const values = isEnumType(named) && !(arg.name in SAMPLE) ? named.getValues().map((value) => (list ? [value.value] : value.value)) : [sampleFor(field.name, arg)];
    for (const value of values) sets.push({ ...base, [arg.name]: value });
  }
  return sets;
}

/** GraphQL's type of an argument as a variable declaration. */
function typeName(type: GraphQLInputType): string {
  return String(type);
}

/** A selection of the leaves of `type` down to `depth` levels, through fields whose arguments are all optional. */
function selection(schema: GraphQLSchema, type: ReturnType<typeof getNamedType>, depth: number): string {
  if (isLeafType(type)) return '';
  if (isUnionType(type) || isInterfaceType(type)) {
    const members = isUnionType(type) ? type.getTypes() : schema.getPossibleTypes(type);
    return `{ __typename ${members.map((member) => `... on ${member.name} ${selection(schema, member, depth)}`).join(' ')} }`;
  }
  if (!isObjectType(type)) return '';
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((arg) => !isOptional(arg))) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (depth > 1) parts.push(`${field.name} ${selection(schema, named, depth - 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

/** The root fields of a subgraph's schema with the operation that asks each with given arguments. */
function rootFields(schema: GraphQLSchema): { field: GraphQLField<unknown, unknown>; operation(args: Record<string, unknown>): string }[] {
  const query = schema.getQueryType();
  if (!query) return [];
  return Object.values(query.getFields())
    .filter((field) => !field.name.startsWith('_'))
    .map((field) => ({
      field,
      operation: (args) => {
        const declared = field.args.filter((arg) => arg.name in args);
        const variables = declared.length === 0 ? '' : `(${declared.map((arg) => `$${arg.name}: ${typeName(arg.type)}`).join(', ')})`;
        const passed = declared.length === 0 ? '' : `(${declared.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})`;
        return `query Audit${variables} { ${field.name}${passed} ${selection(schema, getNamedType(field.type), 3)} }`;
      },
    }));
}

/** EXPLAINs a statement with its parameters while seq scans and sorts are discouraged; null for what is no read. */
async function explain(harness: SubgraphHarness, statement: RecordedStatement): Promise<PlanNode | null> {
  if (!/^\s*(SELECT|WITH)\b/i.test(statement.text)) return null;
  return harness.db.transaction(async (tx) => {
    await tx.query('SET LOCAL enable_seqscan = off');
    await tx.query('SET LOCAL enable_sort = off');
    const [row] = await tx.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${statement.text}`, statement.params);
    const plan = typeof row?.['QUERY PLAN'] === 'string' ? JSON.parse(row['QUERY PLAN']) : row?.['QUERY PLAN'];
    return (plan as { Plan: PlanNode }[])[0]?.Plan ?? null;
  });
}

/** Every subgraph's definition, found by vite from the folders (so a new subgraph is audited too). */
const DEFINITIONS = import.meta.glob<{ subgraph: SubgraphDefinition }>('../subgraphs/*/src/schema.ts');

describe.each(SUBGRAPHS.map((entry) => entry.name))('SQL of subgraph %s', (name) => {
  let harness: SubgraphHarness;
  let schema: GraphQLSchema;
  let big: Map<string, number>;

  beforeAll(async () => {
    const load = DEFINITIONS[`../subgraphs/${name}/src/schema.ts`];
    if (!load) throw new Error(`subgraphs/${name}/src/schema.ts not found`);
    const { subgraph } = await load();
    harness = await createSubgraphHarness(subgraph);
    const introspection = await harness.execute<IntrospectionQuery>(getIntrospectionQuery());
    if (!introspection.data) throw new Error(JSON.stringify(introspection.errors));
    schema = buildClientSchema(introspection.data);
    await harness.db.query('ANALYZE');
    const tables = await harness.db.query<{ name: string; rows: number }>(
      `SELECT c.relname AS name, c.reltuples::float8 AS rows FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'r' AND n.nspname = current_schema() AND c.reltuples >= $1`,
      [BIG_TABLE_ROWS],
    );
    big = new Map(tables.map((table) => [table.name, table.rows]));
  }, 600_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('has a big table to audit, or none in its world', () => {
    // Sanity of the audit itself: the subgraphs with residents' rows have tables above the bound.
    if (['wmo', 'jeugd', 'participatie', 'toegang', 'inkoop'].includes(name)) expect(big.size).toBeGreaterThan(0);
  });

  it('reads every filter and order of its root fields by an index', async () => {
    const violations: Violation[] = [];
    const errors: string[] = [];
    let explained = 0;
    for (const { field, operation } of rootFields(schema)) {
      for (const args of argumentSets(field)) {
        const varied = Object.keys(args).find((arg) => !field.args.some((a) => a.name === arg && (!isOptional(a) || NO_FILTER.has(a.name))));
        if (`${field.name}.${varied ?? ''}` in ACCEPTED) continue;
        const { result, statements } = await harness.recordStatements(operation(args), args);
        // An argument refused is a sample value to fix: what is refused sends no SQL to audit. Errors below the
        // root field are the selection's (an @external field of another subgraph's entity has no value here).
        for (const error of (result.errors ?? []).filter((e) => (e.path?.length ?? 1) === 1)) errors.push(`${field.name}(${JSON.stringify(args)}) at ${error.path?.join('.')}: ${error.message}`);
        for (const statement of statements) {
          const plan = await explain(harness, statement);
          if (!plan) continue;
          explained += 1;
          for (const problem of planProblems(plan, big)) violations.push({ field: field.name, args, problem, statement: statement.text.replace(/\s+/g, ' ').slice(0, 300) });
        }
      }
    }
    expect([...new Set(errors)]).toEqual([]);
    expect(explained).toBeGreaterThan(0);
    expect(violations.map((v) => `${v.field}(${JSON.stringify(v.args)}): ${v.problem} in ${v.statement}`)).toEqual([]);
  }, 600_000);
});
