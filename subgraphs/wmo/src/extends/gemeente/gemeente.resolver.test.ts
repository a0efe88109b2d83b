import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph } from '../../schema.js';
import { actiefOp, firstError, worldToewijzingen } from '../../wmo.test-utils.js';

const QUERY = `query ($r: [_Any!]!, $first: Int!, $offset: Int!, $actiefOp: String) { _entities(representations: $r) {
  ... on Gemeente { code wmoToewijzingen(first: $first, offset: $offset, actiefOp: $actiefOp) {
    items { gemeenteCode toewijzingsnummer } pageInfo { totaal offset heeftVolgende } } } } }`;

type Page = { items: { gemeenteCode: string; toewijzingsnummer: string }[]; pageInfo: { totaal: number; offset: number; heeftVolgende: boolean } };
type Entities = { _entities: { code: string; wmoToewijzingen: Page }[] };

const GEMEENTEN = ['0406', '0376', '0317', '0417', '0397', '0377', '0396', '0402', '1942', '1696'];
const representations = (codes: readonly string[]) => codes.map((code) => ({ __typename: 'Gemeente', code }));

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

describe('Gemeente.wmoToewijzingen', () => {
  it('pages each gemeente\'s toewijzingen active on a date, with totals from the demo world', async () => {
    const datum = '2025-03-01';
    const result = await harness.execute<Entities>(QUERY, { r: representations(['0376', '0406']), first: 4, offset: 2, actiefOp: datum });
    expect(result.errors).toBeUndefined();
    for (const entity of result.data?._entities ?? []) {
      const expected = worldToewijzingen().filter((t) => t.gemeenteCode === entity.code && actiefOp(t, datum));
      expect(entity.wmoToewijzingen.pageInfo).toEqual({ totaal: expected.length, offset: 2, heeftVolgende: 2 + 4 < expected.length });
      expect(entity.wmoToewijzingen.items.every((t) => t.gemeenteCode === entity.code)).toBe(true);
      expect(entity.wmoToewijzingen.items).toHaveLength(Math.min(4, expected.length - 2));
    }
  });

  it('gives an empty page for a gemeente without toewijzingen', async () => {
    const result = await harness.execute<Entities>(QUERY, { r: representations(['9999']), first: 10, offset: 0 });
    expect(result.data?._entities[0].wmoToewijzingen).toEqual({ items: [], pageInfo: { totaal: 0, offset: 0, heeftVolgende: false } });
  });

  it('costs the same number of statements for 2 as for 10 gemeenten', async () => {
    const two = await harness.countStatements(QUERY, { r: representations(GEMEENTEN.slice(0, 2)), first: 5, offset: 0 });
    const ten = await harness.countStatements(QUERY, { r: representations(GEMEENTEN), first: 5, offset: 0 });
    expect(ten.result.errors).toBeUndefined();
    expect(ten.statements).toBe(two.statements);
  });

  it.each([
    [{ first: -1, offset: 0 }, 'first'],
    [{ first: 5, offset: 0, actiefOp: '1-1-2025' }, 'JJJJ-MM-DD'],
  ])('refuses %o with BAD_USER_INPUT', async (variables, fragment) => {
    const error = firstError(await harness.execute(QUERY, { r: representations(['0406']), ...variables }));
    expect(error?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toContain(fragment);
  });
});
