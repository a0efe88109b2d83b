import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byteOrder, demoWorld, mostFrequent } from '../participatie.test-utils.js';
import { subgraph } from '../schema.js';

const world = demoWorld();
let harness: SubgraphHarness;

beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

const MINIMA = `query ($gemeente: String, $jaar: Int, $first: Int, $offset: Int) {
  minimaregelingen(gemeente: $gemeente, jaar: $jaar, first: $first, offset: $offset) {
    items { id jaar bedrag bedragTekst regeling { code omschrijving } inwoner { id } gemeente { code } }
    pageInfo { totaal offset heeftVolgende }
  }
}`;

describe('minimaregelingen', () => {
  const gemeente = mostFrequent(world.minimaregelingen, (m) => m.gemeenteCode);

  it('lists a gemeente and year as the demo world has it', async () => {
    const expected = world.minimaregelingen
      .filter((m) => m.gemeenteCode === gemeente && m.jaar === 2025)
      .sort((a, b) => byteOrder(a.id, b.id));
    const { data, errors } = await harness.execute(MINIMA, { gemeente, jaar: 2025, first: 5 });
    expect(errors).toBeUndefined();
    expect(data?.minimaregelingen).toEqual({
      items: expected.slice(0, 5).map((m) => ({
        id: m.id,
        jaar: 2025,
        bedrag: m.bedrag,
        bedragTekst: expect.stringMatching(/^€ [\d.]+,\d{2}$/),
        regeling: { code: m.regeling, omschrijving: expect.any(String) },
        inwoner: { id: m.inwonerId },
        gemeente: { code: gemeente },
      })),
      pageInfo: { totaal: expected.length, offset: 0, heeftVolgende: expected.length > 5 },
    });
  });

  it('puts the newest year first', async () => {
    const newest = Math.max(...world.minimaregelingen.map((m) => m.jaar));
    const { data } = await harness.execute(MINIMA, { first: 1 });
    expect(data?.minimaregelingen).toMatchObject({
      items: [{ jaar: newest }],
      pageInfo: { totaal: world.minimaregelingen.length },
    });
  });

  it.each([
    [{ jaar: 1999 }, /geen geldig jaar/],
    [{ first: 1000 }, /first/],
  ])('refuses %o with BAD_USER_INPUT', async (variables, message) => {
    const { errors } = await harness.execute(MINIMA, variables);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toMatch(message);
  });
});

describe('_entities(Minimaregeling)', () => {
  it('resolves representations in order, null for a miss', async () => {
    const [a, b] = world.minimaregelingen.slice(0, 2);
    const { data, errors } = await harness.execute(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Minimaregeling { id bedrag } } }`,
      { r: [b.id, 'mr-0000-0', a.id].map((id) => ({ __typename: 'Minimaregeling', id })) },
    );
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([{ id: b.id, bedrag: b.bedrag }, null, { id: a.id, bedrag: a.bedrag }]);
  });
});
