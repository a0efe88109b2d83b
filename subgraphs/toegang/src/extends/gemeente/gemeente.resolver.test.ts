import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { subgraph } from '../../schema.js';
import { demoWorld, inwonersVan } from '../../world.test-utils.js';

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(() => harness?.close());

const ENTITIES = `query ($representations: [_Any!]!, $first: Int, $offset: Int) {
  _entities(representations: $representations) {
    ... on Gemeente { code clienten(first: $first, offset: $offset) { items { id } pageInfo { totaal offset heeftVolgende } } }
  }
}`;
type Result = { _entities: { code: string; clienten: { items: { id: string }[]; pageInfo: { totaal: number } } }[] };

const representations = (codes: readonly string[]) => codes.map((code) => ({ __typename: 'Gemeente', code }));

describe('Gemeente.clienten via _entities', () => {
  it('gives each gemeente its own page and total, as in the demo world', async () => {
    const world = demoWorld();
    const { data, errors } = await harness.execute<Result>(ENTITIES, { representations: representations(['0376', '0417']), first: 3, offset: 1 });
    expect(errors).toBeUndefined();
    for (const [index, code] of ['0376', '0417'].entries()) {
      const expected = inwonersVan(world, code);
      expect(data?._entities[index]).toEqual({
        code,
        clienten: {
          items: expected.slice(1, 4).map((i) => ({ id: i.id })),
          pageInfo: { totaal: expected.length, offset: 1, heeftVolgende: expected.length > 4 },
        },
      });
    }
  });

  it('gives an empty page for a gemeente without residents', async () => {
    const { data } = await harness.execute<Result>(ENTITIES, { representations: representations(['9999']) });
    expect(data?._entities[0].clienten).toEqual({ items: [], pageInfo: { totaal: 0, offset: 0, heeftVolgende: false } });
  });

  it('refuses a negative page', async () => {
    const { errors } = await harness.execute(ENTITIES, { representations: representations(['0376']), first: -1 });
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('costs one statement for 2 or for all gemeenten', async () => {
    const codes = demoWorld().gemeenten.map((g) => g.code);
    const two = await harness.countStatements(ENTITIES, { representations: representations(codes.slice(0, 2)), first: 5 });
    const all = await harness.countStatements(ENTITIES, { representations: representations(codes), first: 5 });
    expect(all.result.errors).toBeUndefined();
    expect(two.statements).toBe(1);
    expect(all.statements).toBe(1);
  });
});
