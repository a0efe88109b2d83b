import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph } from '../schema.js';
import { byteOrder, demoWorld, newestYearFirst } from '../subsidies.test-utils.js';

const world = demoWorld();
let harness: SubgraphHarness;

beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

const PARTNER = `query ($id: String!) { subsidiepartner(id: $id) { id naam kvkNummer thema { code omschrijving } subsidies(jaar: 2025) { id jaar } } }`;
const PARTNERS = `query ($thema: String, $first: Int, $offset: Int) {
  subsidiepartners(thema: $thema, first: $first, offset: $offset) { items { id naam } pageInfo { totaal offset heeftVolgende } }
}`;

describe('subsidiepartner(id)', () => {
  it('returns a partner with its subsidies as the demo world has them', async () => {
    const partner = world.subsidiepartners[0];
    const { data, errors } = await harness.execute(PARTNER, { id: partner.id });
    expect(errors).toBeUndefined();
    expect(data?.subsidiepartner).toEqual({
      id: partner.id,
      naam: partner.naam,
      kvkNummer: partner.kvkNummer,
      thema: { code: partner.thema, omschrijving: expect.any(String) },
      subsidies: world.subsidies.filter((s) => s.partnerId === partner.id && s.jaar === 2025).map((s) => ({ id: s.id, jaar: 2025 })),
    });
  });

  it('returns null for an id that does not exist', async () => {
    const { data, errors } = await harness.execute(PARTNER, { id: 'sp-0000-niets' });
    expect(errors).toBeUndefined();
    expect(data?.subsidiepartner).toBeNull();
  });

  it('refuses a malformed id with BAD_USER_INPUT', async () => {
    const { errors } = await harness.execute(PARTNER, { id: '' });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toMatch(/geen geldige identificatie van een subsidiepartner/);
  });
});

describe('subsidiepartners', () => {
  it('pages through the partners of a thema by name', async () => {
    const expected = world.subsidiepartners
      .filter((p) => p.thema === 'WELZIJN')
      .sort((a, b) => byteOrder(a.naam, b.naam) || byteOrder(a.id, b.id));
    const { data, errors } = await harness.execute(PARTNERS, { thema: 'WELZIJN', first: 3, offset: 2 });
    expect(errors).toBeUndefined();
    expect(data?.subsidiepartners).toEqual({
      items: expected.slice(2, 5).map((p) => ({ id: p.id, naam: p.naam })),
      pageInfo: { totaal: expected.length, offset: 2, heeftVolgende: expected.length > 5 },
    });
  });

  it.each([
    [{ thema: 'welzijn' }, /geen thema van subsidiepartners; kies uit WELZIJN/],
    [{ first: -1 }, /first/],
  ])('refuses %o with BAD_USER_INPUT', async (variables, message) => {
    const { errors } = await harness.execute(PARTNERS, variables);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toMatch(message);
  });
});

describe('_entities(Subsidiepartner)', () => {
  const ENTITIES = `query ($r: [_Any!]!) {
    _entities(representations: $r) { ... on Subsidiepartner { id subsidies { id prestatieafspraken { id } partner { id } } } }
  }`;
  const representations = (ids: readonly string[]) => ids.map((id) => ({ __typename: 'Subsidiepartner', id }));

  it('resolves partners in order with all their subsidies, null for a miss', async () => {
    const [a, b] = world.subsidiepartners.slice(0, 2);
    const { data, errors } = await harness.execute(ENTITIES, { r: representations([b.id, 'sp-0000-niets', a.id]) });
    expect(errors).toBeUndefined();
    const expected = (id: string) => ({
      id,
      subsidies: world.subsidies
        .filter((s) => s.partnerId === id)
        .sort(newestYearFirst)
        .map((s) => ({ id: s.id, prestatieafspraken: world.prestatieafspraken.filter((p) => p.subsidieId === s.id).map((p) => ({ id: p.id })), partner: { id } })),
    });
    expect(data?._entities).toEqual([expected(b.id), null, expected(a.id)]);
  });

  it('costs the same number of statements for 2 partners as for 20', async () => {
    const ids = world.subsidiepartners.map((p) => p.id);
    expect(ids.length).toBeGreaterThanOrEqual(20);
    const two = await harness.countStatements(ENTITIES, { r: representations(ids.slice(0, 2)) });
    const twenty = await harness.countStatements(ENTITIES, { r: representations(ids.slice(0, 20)) });
    expect(twenty.result.errors).toBeUndefined();
    expect(twenty.statements).toBe(two.statements);
    // Partners, their subsidies, the afspraken of those (partner comes from the loader's cache).
    expect(two.statements).toBe(3);
  });
});
