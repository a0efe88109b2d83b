import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeOn, byteOrder, demoWorld } from '../../participatie.test-utils.js';
import { subgraph } from '../../schema.js';

const world = demoWorld();
let harness: SubgraphHarness;

beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

const UITKERINGEN = `query ($r: [_Any!]!, $first: Int, $offset: Int, $actiefOp: String) {
  _entities(representations: $r) {
    ... on Gemeente { code uitkeringen(first: $first, offset: $offset, actiefOp: $actiefOp) { items { id } pageInfo { totaal offset heeftVolgende } } }
  }
}`;

const representations = (codes: readonly string[]) => codes.map((code) => ({ __typename: 'Gemeente', code }));

const expectedPage = (code: string, first: number, offset: number, actiefOp?: string) => {
  const rows = world.uitkeringen
    .filter((u) => u.gemeenteCode === code && (actiefOp === undefined || activeOn(u, actiefOp)))
    .sort((a, b) => byteOrder(b.ingangsdatum, a.ingangsdatum) || byteOrder(a.id, b.id));
  return {
    code,
    uitkeringen: {
      items: rows.slice(offset, offset + first).map((u) => ({ id: u.id })),
      pageInfo: { totaal: rows.length, offset, heeftVolgende: offset + Math.min(first, Math.max(0, rows.length - offset)) < rows.length },
    },
  };
};

describe('Gemeente.uitkeringen', () => {
  const codes = world.gemeenten.map((g) => g.code);

  it('pages per gemeente as the demo world has it, also for a gemeente without benefits', async () => {
    const asked = [codes[0], codes[1], '9999'];
    const { data, errors } = await harness.execute(UITKERINGEN, { r: representations(asked), first: 4, offset: 2 });
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual(asked.map((code) => expectedPage(code, 4, 2)));
  });

  it('filters on the day a benefit runs', async () => {
    const day = '2024-06-30';
    const { data } = await harness.execute(UITKERINGEN, { r: representations(codes.slice(0, 3)), first: 50, actiefOp: day });
    expect(data?._entities).toEqual(codes.slice(0, 3).map((code) => expectedPage(code, 50, 0, day)));
  });

  it('refuses a negative page with BAD_USER_INPUT', async () => {
    const { errors } = await harness.execute(UITKERINGEN, { r: representations(codes.slice(0, 1)), first: -1 });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('costs the same number of statements for 2 gemeenten as for all of them', async () => {
    expect(codes.length).toBeGreaterThan(10);
    const two = await harness.countStatements(UITKERINGEN, { r: representations(codes.slice(0, 2)), first: 5 });
    const all = await harness.countStatements(UITKERINGEN, { r: representations(codes), first: 5 });
    expect(all.result.errors).toBeUndefined();
    expect(all.statements).toBe(two.statements);
    expect(two.statements).toBe(1);
  });
});
