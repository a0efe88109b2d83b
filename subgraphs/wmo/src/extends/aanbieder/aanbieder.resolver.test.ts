import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph } from '../../schema.js';
import { worldToewijzingen } from '../../wmo.test-utils.js';

const QUERY = `query ($r: [_Any!]!, $first: Int!, $offset: Int!) { _entities(representations: $r) {
  ... on Aanbieder { agbCode wmoToewijzingen(first: $first, offset: $offset) {
    items { gemeenteCode toewijzingsnummer aanbieder { agbCode } } pageInfo { totaal offset heeftVolgende } } } } }`;

type Entities = {
  _entities: {
    agbCode: string;
    wmoToewijzingen: { items: { gemeenteCode: string; toewijzingsnummer: string; aanbieder: { agbCode: string } }[]; pageInfo: { totaal: number } };
  }[];
};

const aanbieders = () => [...new Set(worldToewijzingen().map((t) => t.aanbiederAgb))];
const representations = (codes: readonly string[]) => codes.map((agbCode) => ({ __typename: 'Aanbieder', agbCode }));

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

describe('Aanbieder.wmoToewijzingen', () => {
  it('pages the toewijzingen to each aanbieder, totals from the demo world', async () => {
    const codes = aanbieders().slice(0, 3);
    const result = await harness.execute<Entities>(QUERY, { r: representations(codes), first: 500, offset: 0 });
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities.map((e) => e.agbCode)).toEqual(codes);
    for (const entity of result.data?._entities ?? []) {
      const expected = worldToewijzingen().filter((t) => t.aanbiederAgb === entity.agbCode);
      expect(entity.wmoToewijzingen.pageInfo.totaal).toBe(expected.length);
      expect(entity.wmoToewijzingen.items).toHaveLength(Math.min(500, expected.length));
      expect(entity.wmoToewijzingen.items.every((t) => t.aanbieder.agbCode === entity.agbCode)).toBe(true);
    }
  });

  it('costs the same number of statements for 2 as for all aanbieders', async () => {
    const codes = aanbieders();
    expect(codes.length).toBeGreaterThan(2);
    const two = await harness.countStatements(QUERY, { r: representations(codes.slice(0, 2)), first: 3, offset: 1 });
    const all = await harness.countStatements(QUERY, { r: representations(codes), first: 3, offset: 1 });
    expect(all.result.errors).toBeUndefined();
    expect(all.statements).toBe(two.statements);
  });
});
