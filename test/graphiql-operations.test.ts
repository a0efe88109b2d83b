import { readFile } from 'node:fs/promises';
import { DEFAULT_SUPERGRAPH_PATH } from '@sociaal-graph/gateway';
import { buildSchema, parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSavedOperations, OPERATION_GROUPS, type SavedOperation } from '../gateway/src/plugins/graphiql-operations.js';
import { type RunningGraph, startGraph } from './graph.test-utils.js';

// The saved examples of GraphiQL (gateway/graphiql/operations/<groep>/*.graphql) must run as they
// are: valid against the committed supergraph and answered with data, without errors, for a
// token of their group's role and organisation in the demo world.
const operations: SavedOperation[] = await loadSavedOperations();
const label = (operation: SavedOperation) => `${operation.groep}/${operation.naam}`;

describe('saved GraphiQL operations', () => {
  it('exist for every user group', () => {
    for (const groep of Object.keys(OPERATION_GROUPS)) {
      expect(operations.filter((operation) => operation.groep === groep).length, groep).toBeGreaterThan(0);
    }
  });

  it.each(operations.map((operation) => [label(operation), operation] as const))('%s is valid against supergraph.graphql', async (_, operation) => {
    const schema = buildSchema(await readFile(DEFAULT_SUPERGRAPH_PATH, 'utf8'));
    const document = parse(operation.query);
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
    // One operation per file: GraphiQL runs it without asking which one.
    expect(document.definitions.filter((definition) => definition.kind === 'OperationDefinition')).toHaveLength(1);
  });
});

describe('saved GraphiQL operations through the gateway', () => {
  let graph: RunningGraph;

  beforeAll(async () => {
    graph = await startGraph();
  }, 600_000);

  afterAll(async () => {
    await graph?.stop();
  });

  it.each(operations.map((operation) => [label(operation), operation] as const))('%s answers with data for its group', async (_, operation) => {
    const { rol, organisatie } = OPERATION_GROUPS[operation.groep];
    const token = await graph.token({ role: rol, org: organisatie });
    const { status, data, errors } = await graph.query(operation.query, undefined, token);
    expect(status).toBe(200);
    expect(errors).toBeUndefined();
    // Every root field answers with rows: an example that shows nothing teaches nothing.
    expect(Object.keys(data ?? {}).length).toBeGreaterThan(0);
    for (const [field, value] of Object.entries(data ?? {})) expect(rowsIn(value), field).toBeGreaterThan(0);
  });
});

/** How many list items an answer holds, at any depth. */
function rowsIn(value: unknown): number {
  if (Array.isArray(value)) return value.length + value.reduce<number>((sum, item) => sum + rowsIn(item), 0);
  if (value && typeof value === 'object') return Object.values(value).reduce<number>((sum, item) => sum + rowsIn(item), 0);
  return 0;
}
