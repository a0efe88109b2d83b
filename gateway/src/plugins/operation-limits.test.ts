import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readGatewayConfig } from '../config.js';
import { createGatewayServer, type RunningGateway } from '../create-gateway.js';
import {
  composeSupergraph,
  postGraphql,
  startTinySubgraph,
  type TinySubgraph,
  tempDir,
  testConfig,
  testSecretsEnv,
} from '../gateway.test-utils.js';

/** A subgraph with a recursive type (for depth) and paged lists (for cost) that counts its calls. */
const SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
type Query {
  gemeente(code: String!): Gemeente
  gemeenten(first: Int! = 50): GemeentePage!
  versie: String
}
type GemeentePage {
  items: [Gemeente!]!
  totaal: Int!
}
type Gemeente @key(fields: "code") {
  code: String!
  buren(first: Int): [Gemeente!]!
  naburig: [Gemeente!]!
}`;

let calls = 0;
const RESOLVERS: GraphQLResolverMap<unknown> = {
  Query: {
    gemeente: (_source: unknown, args: { code: string }) => (calls++, { code: args.code }),
    // Few items whatever `first` says: the cost estimate is about what was asked.
    gemeenten: () => (calls++, { items: [{ code: '0406' }, { code: '0376' }], totaal: 2 }),
    versie: () => (calls++, 'v1'),
  },
  Gemeente: {
    __resolveReference: (reference: { code: string }) => (calls++, { code: reference.code }),
    buren: () => [{ code: '0376' }],
    naburig: () => [{ code: '0376' }],
  },
};

let subgraph: TinySubgraph;
let dir: Awaited<ReturnType<typeof tempDir>>;
let supergraphPath: string;
let gateway: RunningGateway;

beforeAll(async () => {
  subgraph = await startTinySubgraph('alpha', SDL, RESOLVERS);
  dir = await tempDir();
  supergraphPath = await dir.file('supergraph.graphql', composeSupergraph([subgraph]));
  // The documented defaults, as `readGatewayConfig` gives them without any variable set.
  const defaults = readGatewayConfig(testSecretsEnv);
  gateway = await createGatewayServer(
    testConfig({
      supergraphPath,
      maxQueryDepth: defaults.maxQueryDepth,
      maxAliases: defaults.maxAliases,
      maxRootFields: defaults.maxRootFields,
      maxQueryCost: defaults.maxQueryCost,
    }),
  );
});

afterAll(async () => {
  await gateway?.stop();
  await subgraph?.stop();
  await dir?.remove();
});

beforeEach(() => {
  calls = 0;
});

/** `gemeente { buren { … { code } } }` nested to exactly `depth` levels. */
function nested(depth: number): string {
  const buren = depth - 2;
  return `{ gemeente(code: "0406") { ${'buren(first: 1) { '.repeat(buren)}code${' }'.repeat(buren)} } }`;
}

function aliases(count: number): string {
  return Array.from({ length: count }, (_, index) => `a${index}: code`).join(' ');
}

async function accepted(url: string, body: Record<string, unknown>): Promise<void> {
  const { status, body: result } = await postGraphql(url, body);
  expect(result.errors).toBeUndefined();
  expect(status).toBe(200);
  expect(calls).toBeGreaterThan(0);
}

/** Posts and expects a refusal with `code`, HTTP 400, a Dutch message, and no subgraph call. */
async function refused(url: string, body: Record<string, unknown>, code: string): Promise<{ limiet: number; waarde: number }> {
  const { status, body: result } = await postGraphql(url, body);
  expect(status).toBe(400);
  expect(result.data).toBeUndefined();
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors ?? [];
  expect(error.extensions?.code).toBe(code);
  expect(error.message).toMatch(/het maximum is/);
  expect(Object.keys(error.extensions ?? {}).sort()).toEqual(['code', 'sociaalGraph']);
  expect(calls).toBe(0);
  return error.extensions?.sociaalGraph as { limiet: number; waarde: number };
}

describe('operationLimitsPlugin with the default limits', () => {
  it('accepts depth 12 and refuses depth 13 with QUERY_TOO_DEEP', async () => {
    await accepted(gateway.url, { query: nested(12) });
    calls = 0;
    expect(await refused(gateway.url, { query: nested(13) }, 'QUERY_TOO_DEEP')).toEqual({ limiet: 12, waarde: 13 });
  });

  it('follows named and inline fragments when measuring depth', async () => {
    const query = (inner: number) => `{ gemeente(code: "0406") { ...Buren } }
      fragment Buren on Gemeente { buren(first: 1) { ... on Gemeente { ${'buren(first: 1) { '.repeat(inner)}code${' }'.repeat(inner)} } } }`;
    await accepted(gateway.url, { query: query(9) });
    calls = 0;
    expect(await refused(gateway.url, { query: query(10) }, 'QUERY_TOO_DEEP')).toEqual({ limiet: 12, waarde: 13 });
  });

  it('accepts 30 aliases and refuses 31 with TOO_MANY_ALIASES', async () => {
    await accepted(gateway.url, { query: `{ gemeente(code: "0406") { ${aliases(30)} } }` });
    calls = 0;
    const waarde = await refused(gateway.url, { query: `{ gemeente(code: "0406") { ${aliases(31)} } }` }, 'TOO_MANY_ALIASES');
    expect(waarde).toEqual({ limiet: 30, waarde: 31 });
  });

  it('counts the aliases of a fragment each time it is used', async () => {
    const query = `{ a: gemeente(code: "0406") { ...F } b: gemeente(code: "0376") { ...F } } fragment F on Gemeente { ${aliases(15)} }`;
    expect(await refused(gateway.url, { query }, 'TOO_MANY_ALIASES')).toEqual({ limiet: 30, waarde: 32 });
  });

  it('accepts 20 root fields and refuses 21 with TOO_MANY_ROOT_FIELDS', async () => {
    const roots = (count: number) => `{ ${Array.from({ length: count }, (_, index) => `v${index}: versie`).join(' ')} }`;
    await accepted(gateway.url, { query: roots(20) });
    calls = 0;
    expect(await refused(gateway.url, { query: roots(21) }, 'TOO_MANY_ROOT_FIELDS')).toEqual({ limiet: 20, waarde: 21 });
  });

  it('estimates cost from first (page items included) and refuses above 100000 with QUERY_TOO_COSTLY', async () => {
    // 1 (gemeenten) + 1 (items) + 500 items × (1 + first × 1 code) = 2 + 500 × (1 + first).
    const query = 'query($n: Int) { gemeenten(first: 500) { items { buren(first: $n) { code } } } }';
    await accepted(gateway.url, { query, variables: { n: 198 } });
    calls = 0;
    expect(await refused(gateway.url, { query, variables: { n: 200 } }, 'QUERY_TOO_COSTLY')).toEqual({ limiet: 100_000, waarde: 100_502 });
  });

  it('measures one document asked again with each request\'s own page size', async () => {
    // The same text, so the same cached document: the estimate follows the variables of each request.
    const query = 'query($n: Int, $m: Int = 1) { gemeenten(first: 500) { items { buren(first: $n) { buren(first: $m) { code } } } } }';
    await accepted(gateway.url, { query, variables: { n: 1 } });
    calls = 0;
    expect(await refused(gateway.url, { query, variables: { n: 1, m: 200 } }, 'QUERY_TOO_COSTLY')).toEqual({ limiet: 100_000, waarde: 2 + 500 * (1 + 1 * (1 + 200)) });
    expect(await refused(gateway.url, { query, variables: { n: 200 } }, 'QUERY_TOO_COSTLY')).toEqual({ limiet: 100_000, waarde: 2 + 500 * (1 + 200 * 2) });
    await accepted(gateway.url, { query, variables: { n: 1 } });
    await accepted(gateway.url, { query, variables: { n: 2, m: 1 } });
  });

  it('assumes 5 items for a list that takes no first', async () => {
    // 2 + 500 × (1 + 5 × (1 + 5 × (1 + 5 × … 1))): 78002 with three levels, 390502 with four.
    const query = (levels: number) => `{ gemeenten(first: 500) { items { ${'naburig { '.repeat(levels)}code${' }'.repeat(levels)} } } }`;
    await accepted(gateway.url, { query: query(3) });
    calls = 0;
    expect(await refused(gateway.url, { query: query(4) }, 'QUERY_TOO_COSTLY')).toEqual({ limiet: 100_000, waarde: 390_502 });
  });

  it('assumes 50 where a first argument is left out without a default', async () => {
    // 2 + 50 (default page) × (1 + 50 × (1 + 50 × 1)) = 127552.
    const query = '{ gemeenten { items { buren { buren { code } } } } }';
    expect(await refused(gateway.url, { query }, 'QUERY_TOO_COSTLY')).toEqual({ limiet: 100_000, waarde: 127_552 });
  });

  it('measures fragments that spread each other twice per level without expanding them', async () => {
    // F0 spreads F1 twice, F1 spreads F2 twice, …: 2^40 `code` fields once expanded.
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, level) =>
      `fragment F${level} on Gemeente { code ...F${level + 1} ... on Gemeente { ...F${level + 1} } }`).join('\n');
    const query = `{ gemeente(code: "0406") { ...F0 } }\n${fragments}\nfragment F${levels} on Gemeente { code }`;
    const { body } = await postGraphql(gateway.url, { query });
    expect(body.errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(body.errors?.[0].extensions?.sociaalGraph).toEqual({ limiet: 100_000, waarde: 2 ** 41 });
    expect(calls).toBe(0);
  });

  it("accepts GraphiQL's introspection query without calling a subgraph", async () => {
    for (const options of [{}, { inputValueDeprecation: true, schemaDescription: true }]) {
      const { status, body } = await postGraphql(gateway.url, { query: getIntrospectionQuery(options), operationName: 'IntrospectionQuery' });
      expect(body.errors).toBeUndefined();
      expect(status).toBe(200);
      expect(body.data?.__schema).toBeTruthy();
    }
    expect(calls).toBe(0);
  });

  it('holds introspection to a depth of 20', async () => {
    const query = (ofTypes: number) => `{ __type(name: "Gemeente") { fields { type { ${'ofType { '.repeat(ofTypes)}name${' }'.repeat(ofTypes)} } } } }`;
    const { body } = await postGraphql(gateway.url, { query: query(16) });
    expect(body.errors).toBeUndefined();
    expect(await refused(gateway.url, { query: query(17) }, 'QUERY_TOO_DEEP')).toEqual({ limiet: 20, waarde: 21 });
  });
});

describe('operation limits from the configuration', () => {
  it('applies MAX_QUERY_DEPTH as configured', async () => {
    const strict = await createGatewayServer(testConfig({ supergraphPath, ...limitsFrom({ MAX_QUERY_DEPTH: '3' }) }));
    try {
      await accepted(strict.url, { query: nested(3) });
      calls = 0;
      expect(await refused(strict.url, { query: nested(4) }, 'QUERY_TOO_DEEP')).toEqual({ limiet: 3, waarde: 4 });
    } finally {
      await strict.stop();
    }
  });

  it('refuses a body above MAX_BODY_BYTES with 413 and accepts one at the limit', async () => {
    const query = '{ versie }';
    const bodyOf = (padding: number) => JSON.stringify({ query: `${query}${' '.repeat(padding)}` });
    const limit = bodyOf(0).length + 100;
    const small = await createGatewayServer(testConfig({ supergraphPath, maxBodyBytes: limit }));
    try {
      const post = (body: string) => fetch(small.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const atLimit = await post(bodyOf(100));
      expect(atLimit.status).toBe(200);
      calls = 0;
      const over = await post(bodyOf(101));
      expect(over.status).toBe(413);
      const result = (await over.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(result.errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(result.errors[0].message).toMatch(/groter dan/);
      expect(calls).toBe(0);
    } finally {
      await small.stop();
    }
  });

  it('refuses introspection when INTROSPECTION=off, and still serves data', async () => {
    const closed = await createGatewayServer(testConfig({ supergraphPath, introspection: readGatewayConfig({ ...testSecretsEnv, INTROSPECTION: 'off' }).introspection }));
    try {
      for (const query of [getIntrospectionQuery(), '{ __schema { queryType { name } } }', '{ __type(name: "Gemeente") { name } }']) {
        const { status, body } = await postGraphql(closed.url, { query });
        expect(status).toBe(400);
        expect(body.data).toBeUndefined();
        expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      }
      expect(calls).toBe(0);
      const { body } = await postGraphql(closed.url, { query: '{ versie __typename }' });
      expect(body).toEqual({ data: { versie: 'v1', __typename: 'Query' } });
    } finally {
      await closed.stop();
    }
  });
});

/** The limit fields of a configuration read from `env`. */
function limitsFrom(env: Record<string, string>) {
  const { maxQueryDepth, maxAliases, maxRootFields, maxQueryCost } = readGatewayConfig({ ...testSecretsEnv, ...env });
  return { maxQueryDepth, maxAliases, maxRootFields, maxQueryCost };
}
