import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph } from '../../schema.js';
import { demoWorld, newestYearFirst } from '../../subsidies.test-utils.js';

const world = demoWorld();
let harness: SubgraphHarness;

beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

const SUBSIDIES = `query ($r: [_Any!]!, $jaar: Int) {
  _entities(representations: $r) { ... on Gemeente { code subsidies(jaar: $jaar) { id jaar verleend partner { naam } } } }
}`;

const representations = (codes: readonly string[]) => codes.map((code) => ({ __typename: 'Gemeente', code }));
const expected = (code: string, jaar?: number) => ({
  code,
  subsidies: world.subsidies
    .filter((s) => s.gemeenteCode === code && (jaar === undefined || s.jaar === jaar))
    .sort(newestYearFirst)
    .map((s) => ({ id: s.id, jaar: s.jaar, verleend: s.verleend, partner: { naam: world.subsidiepartners.find((p) => p.id === s.partnerId)?.naam } })),
});

describe('Gemeente.subsidies', () => {
  const codes = world.gemeenten.map((g) => g.code);

  it('gives each gemeente its subsidies of a year, [] for a gemeente without', async () => {
    const asked = [codes[1], '9999', codes[0]];
    const { data, errors } = await harness.execute(SUBSIDIES, { r: representations(asked), jaar: 2025 });
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual(asked.map((code) => expected(code, 2025)));
  });

  it('gives all years without jaar', async () => {
    const { data } = await harness.execute(SUBSIDIES, { r: representations([codes[0]]) });
    expect(data?._entities).toEqual([expected(codes[0])]);
  });

  it('refuses a malformed jaar with BAD_USER_INPUT', async () => {
    const { errors } = await harness.execute(SUBSIDIES, { r: representations([codes[0]]), jaar: 99 });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('costs the same number of statements for 2 gemeenten as for all of them', async () => {
    expect(codes.length).toBeGreaterThan(10);
    const two = await harness.countStatements(SUBSIDIES, { r: representations(codes.slice(0, 2)), jaar: 2025 });
    const all = await harness.countStatements(SUBSIDIES, { r: representations(codes), jaar: 2025 });
    expect(all.result.errors).toBeUndefined();
    expect(all.statements).toBe(two.statements);
    // Subsidies, then their partners.
    expect(two.statements).toBe(2);
  });
});
