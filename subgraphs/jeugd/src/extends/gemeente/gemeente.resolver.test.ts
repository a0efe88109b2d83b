import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actiefOp, demoWorld, firstError, keyOf, worldToewijzingen } from '../../jeugd.test-utils.js';
import { subgraph } from '../../schema.js';

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

const ENTITIES = `query ($r: [_Any!]!, $first: Int!, $offset: Int!, $op: String) {
  _entities(representations: $r) {
    ... on Gemeente { code jeugdToewijzingen(first: $first, offset: $offset, actiefOp: $op) {
      items { gemeenteCode toewijzingsnummer ingangsdatum einddatum }
      pageInfo { totaal offset heeftVolgende }
    } }
  }
}`;

type GemeenteData = {
  _entities: {
    code: string;
    jeugdToewijzingen: {
      items: { gemeenteCode: string; toewijzingsnummer: string }[];
      pageInfo: { totaal: number; offset: number; heeftVolgende: boolean };
    };
  }[];
};

const representations = (codes: readonly string[]) => codes.map((code) => ({ __typename: 'Gemeente', code }));
const DATUM = '2025-06-30';

describe('_entities Gemeente', () => {
  it('pages the toewijzingen active on a date per gemeente, with totals from the demo world', async () => {
    const codes = ['0406', '0317', '0397', '9999'];
    const { data, errors } = await harness.execute<GemeenteData>(ENTITIES, { r: representations(codes), first: 25, offset: 0, op: DATUM });
    expect(errors).toBeUndefined();
    expect(data?._entities.map((g) => g.code)).toEqual(codes);
    for (const gemeente of data?._entities ?? []) {
      const own = worldToewijzingen().filter((t) => t.gemeenteCode === gemeente.code && actiefOp(t, DATUM));
      expect(gemeente.jeugdToewijzingen.pageInfo).toEqual({ totaal: own.length, offset: 0, heeftVolgende: own.length > 25 });
      expect(gemeente.jeugdToewijzingen.items).toHaveLength(Math.min(25, own.length));
      for (const item of gemeente.jeugdToewijzingen.items) expect(own.map(keyOf)).toContain(keyOf(item));
    }
  });

  it('counts every toewijzing without a date', async () => {
    const { data } = await harness.execute<GemeenteData>(ENTITIES, { r: representations(['0376']), first: 0, offset: 0 });
    const total = worldToewijzingen().filter((t) => t.gemeenteCode === '0376').length;
    expect(data?._entities[0].jeugdToewijzingen.pageInfo.totaal).toBe(total);
  });

  it('refuses a malformed date with BAD_USER_INPUT', async () => {
    const result = await harness.execute(ENTITIES, { r: representations(['0406']), first: 5, offset: 0, op: '30-06-2025' });
    expect(firstError(result)).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining('geen datum') });
  });

  it('costs the same number of SQL statements for 2 gemeenten and for all of them', async () => {
    const all = demoWorld().gemeenten.map((g) => g.code);
    expect(all.length).toBeGreaterThanOrEqual(10);
    const two = await harness.countStatements(ENTITIES, { r: representations(all.slice(0, 2)), first: 5, offset: 0, op: DATUM });
    const many = await harness.countStatements(ENTITIES, { r: representations(all), first: 5, offset: 0, op: DATUM });
    expect(many.result.errors).toBeUndefined();
    expect(two.statements).toBe(1);
    expect(many.statements).toBe(two.statements);
  });
});
