import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayServer, type RunningGateway } from '../create-gateway.js';
import { costWeightsOf, listSizesOf } from './list-sizes.js';
import { composeSupergraph, postGraphql, startTinySubgraph, type TinySubgraph, tempDir, testConfig } from '../gateway.test-utils.js';

/**
 * Lists sized with @listSize and a costly field weighted with @cost (cost spec, federation 2.9), as
 * the subgraphs annotate theirs: `zwaar` has the shape of `telling` and a weight of 10 per gemeente,
 * 3 more with `uitgebreid`.
 */
const SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@listSize", "@cost"])
type Query {
  gemeente(code: String!): Gemeente
  telling(gemeenten: [String!]!): [Rij!]! @listSize(assumedSize: 3)
  zwaar(gemeenten: [String!]!, uitgebreid: Boolean @cost(weight: 3)): [Rij!]! @listSize(assumedSize: 3) @cost(weight: 10)
}
type Gemeente @key(fields: "code") {
  code: String!
  naam: String!
  buren: [Gemeente!]! @listSize(assumedSize: 2)
}
type Rij { code: String! aantal: Int! }`;

const RESOLVERS: GraphQLResolverMap<unknown> = {
  Query: {
    gemeente: (_source: unknown, { code }: { code: string }) => ({ code }),
    // One row per asked gemeente: fewer than the three the @listSize allows.
    telling: (_source: unknown, { gemeenten }: { gemeenten: string[] }) => gemeenten.map((code) => ({ code, aantal: 10 })),
    zwaar: (_source: unknown, { gemeenten }: { gemeenten: string[] }) => gemeenten.map((code) => ({ code, aantal: 10 })),
  },
  Gemeente: {
    naam: ({ code }: { code: string }) => `Gemeente ${code}`,
    buren: ({ code }: { code: string }) => [{ code: `${code}a` }],
  },
};

/** The request extension that asks for the cost report. */
const ASK = { kosten: true };

let subgraph: TinySubgraph;
let dir: Awaited<ReturnType<typeof tempDir>>;
let gateway: RunningGateway;
let small: RunningGateway;

beforeAll(async () => {
  subgraph = await startTinySubgraph('alpha', SDL, RESOLVERS);
  dir = await tempDir();
  const supergraphPath = await dir.file('supergraph.graphql', composeSupergraph([subgraph]));
  gateway = await createGatewayServer(testConfig({ supergraphPath, maxQueryCost: 20 }));
  small = await createGatewayServer(testConfig({ supergraphPath, maxResponseBytes: 200 }));
});

afterAll(async () => {
  await gateway?.stop();
  await small?.stop();
  await subgraph?.stop();
  await dir?.remove();
});

describe('demand control from the schema', () => {
  it('estimates a list by its @listSize from the supergraph, and reports the actual cost beside it', async () => {
    // Estimated 1 (gemeente) + 1 (code) + 1 (buren) + 2 x (1 (code) + 1 (buren) + 2 x 1 (code)) = 11;
    // answered with one neighbour each: 1 + 1 + 1 + (1 + 1 + 1) = 6.
    const { status, body } = await postGraphql(gateway.url, { query: '{ gemeente(code: "0406") { code buren { code buren { code } } } }', extensions: ASK });
    expect(status).toBe(200);
    expect(body.data).toEqual({ gemeente: { code: '0406', buren: [{ code: '0406a', buren: [{ code: '0406aa' }] }] } });
    expect((body as { extensions?: unknown }).extensions).toEqual({ kosten: { geschat: 11, werkelijk: 6 } });
  });

  it('multiplies an answer over asked gemeenten by their number, and refuses past MAX_QUERY_COST', async () => {
    // Per gemeente 1 + 3 x 2 = 7; two gemeenten 14, three 21 (over 20).
    const two = await postGraphql(gateway.url, { query: '{ telling(gemeenten: ["0406", "0376"]) { code aantal } }', extensions: ASK });
    // Not asked, not told.
    expect((await postGraphql(gateway.url, { query: '{ telling(gemeenten: ["0406"]) { code } }' })).body).toEqual({ data: { telling: [{ code: '0406' }] } });
    expect((two.body as { extensions?: unknown }).extensions).toEqual({ kosten: { geschat: 14, werkelijk: 5 } });
    const three = await postGraphql(gateway.url, {
      query: 'query T($g: [String!]!) { telling(gemeenten: $g) { code aantal } }',
      variables: { g: ['0406', '0376', '0417'] },
    });
    expect(three.status).toBe(400);
    expect(three.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', sociaalGraph: { limiet: 20, waarde: 21 } });
  });

  it('sends no response larger than MAX_RESPONSE_BYTES: data null and RESPONSE_TOO_LARGE instead', async () => {
    const codes = Array.from({ length: 20 }, (_, i) => `"${String(i).padStart(4, '0')}"`).join(', ');
    const { status, body } = await postGraphql(small.url, { query: `{ telling(gemeenten: [${codes}]) { code aantal } }` });
    expect(status).toBe(400);
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('groter dan 200 bytes'),
        extensions: { code: 'RESPONSE_TOO_LARGE', sociaalGraph: { limiet: 200, waarde: expect.any(Number) } },
      }),
    ]);
    // A small answer from the same gateway passes.
    expect((await postGraphql(small.url, { query: '{ telling(gemeenten: ["0406"]) { code } }' })).body.data).toEqual({ telling: [{ code: '0406' }] });
  });

  it("counts a field's @cost weight instead of 1 (per asked gemeente), in the estimate and the actual cost alike", async () => {
    // One gemeente: 10 (zwaar) + 3 x 2 = 16; answered with one row: 10 + 2 = 12. `uitgebreid` adds its 3.
    const one = await postGraphql(gateway.url, { query: '{ zwaar(gemeenten: ["0406"]) { code aantal } }', extensions: ASK });
    expect(one.status).toBe(200);
    expect((one.body as { extensions?: unknown }).extensions).toEqual({ kosten: { geschat: 16, werkelijk: 12 } });
    const extended = await postGraphql(gateway.url, { query: '{ z: zwaar(gemeenten: ["0406"], uitgebreid: true) { code } }', extensions: ASK });
    expect((extended.body as { extensions?: unknown }).extensions).toEqual({ kosten: { geschat: 16, werkelijk: 14 } });
    // Two gemeenten: telling, the same shape unweighted, costs 14 and passes; zwaar costs 32 and is refused.
    const light = await postGraphql(gateway.url, { query: '{ telling(gemeenten: ["0406", "0376"]) { code aantal } }' });
    expect(light.status).toBe(200);
    const heavy = await postGraphql(gateway.url, { query: 'query Z($g: [String!]!) { zwaar(gemeenten: $g) { code aantal } }', variables: { g: ['0406', '0376'] } });
    expect(heavy.status).toBe(400);
    expect(heavy.body.data).toBeUndefined();
    expect(heavy.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', sociaalGraph: { limiet: 20, waarde: 32 } });
  });

  it('counts the gemeenten of each request anew when the same operation comes again with other variables', async () => {
    // What each key of the operation costs is kept per operation; the asked gemeenten are the request's.
    const query = 'query Z($g: [String!]!) { zwaar(gemeenten: $g) { code } }';
    const actual = async (g: string[]) => ((await postGraphql(small.url, { query, variables: { g }, extensions: ASK })).body as { extensions?: { kosten?: { werkelijk?: number } } }).extensions?.kosten?.werkelijk;
    // One gemeente: 10 + 1 code; two: 10 x 2 + 2 codes.
    expect(await actual(['0406'])).toBe(11);
    expect(await actual(['0406', '0376'])).toBe(22);
    expect(await actual(['0406'])).toBe(11);
  });
});

describe('reading the cost spec from a supergraph', () => {
  it('finds @cost and @listSize under the names the @link gives them: prefixed, renamed, or plain', () => {
    const body = `type Query {
  a(n: Int @DIR_COST(weight: 4)): [Int!]! @DIR_SIZE(assumedSize: 7) @DIR_COST(weight: 9)
  b: Rij
  c: [Int!]! @cost(weight: 99) @listSize(assumedSize: 99)
}
type Rij @DIR_COST(weight: 5) { x: Int }`;
    const linked = (link: string, cost: string, size: string) =>
      `schema @link(url: "https://specs.apollo.dev/link/v1.0") ${link} { query: Query }\n${body.replaceAll('DIR_COST', cost).replaceAll('DIR_SIZE', size)}`;
    // Imported under another name; and not imported, under the link's prefix `kosten` (the spec's own
    // directive by the prefix alone, the others as kosten__listSize).
    const renamed = linked('@link(url: "https://specs.apollo.dev/cost/v0.1", import: [{ name: "@cost", as: "@gewicht" }, { name: "@listSize", as: "@omvang" }])', 'gewicht', 'omvang');
    const prefixed = linked('@link(url: "https://specs.apollo.dev/cost/v0.1", as: "kosten")', 'kosten', 'kosten__listSize');
    for (const sdl of [renamed, prefixed]) {
      const weights = costWeightsOf(sdl);
      expect(weights.fields).toEqual(new Map([['Query.a', 9]]));
      expect(weights.arguments).toEqual(new Map([['Query.a(n:)', 4]]));
      expect(weights.types).toEqual(new Map([['Rij', 5]]));
      // `@cost` and `@listSize` on `c` are other directives under this link: not the spec's.
      expect(listSizesOf(sdl)).toEqual(new Map([['Query.a', { assumedSize: 7 }]]));
    }
  });
});
