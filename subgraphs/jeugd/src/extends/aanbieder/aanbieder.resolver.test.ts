import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstError, keyOf, worldToewijzingen } from '../../jeugd.test-utils.js';
import { subgraph } from '../../schema.js';

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

const ENTITIES = `query ($r: [_Any!]!, $first: Int!, $offset: Int!) {
  _entities(representations: $r) {
    ... on Aanbieder { agbCode jeugdToewijzingen(first: $first, offset: $offset) {
      items { gemeenteCode toewijzingsnummer aanbieder { agbCode } }
      pageInfo { totaal offset heeftVolgende }
    } }
  }
}`;

type AanbiederData = {
  _entities: {
    agbCode: string;
    jeugdToewijzingen: {
      items: { gemeenteCode: string; toewijzingsnummer: string; aanbieder: { agbCode: string } }[];
      pageInfo: { totaal: number; offset: number; heeftVolgende: boolean };
    };
  }[];
};

/** AGB codes of providers with jeugdhulp toewijzingen, most toewijzingen first. */
function aanbieders(): string[] {
  const counts = new Map<string, number>();
  for (const t of worldToewijzingen()) counts.set(t.aanbiederAgb, (counts.get(t.aanbiederAgb) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([agb]) => agb);
}

const representations = (agbs: readonly string[]) => agbs.map((agbCode) => ({ __typename: 'Aanbieder', agbCode }));

describe('_entities Aanbieder', () => {
  it("pages each provider's toewijzingen with its own total from the demo world", async () => {
    const agbs = [...aanbieders().slice(0, 3), '99999999'];
    const { data, errors } = await harness.execute<AanbiederData>(ENTITIES, { r: representations(agbs), first: 4, offset: 2 });
    expect(errors).toBeUndefined();
    expect(data?._entities.map((a) => a.agbCode)).toEqual(agbs);
    for (const aanbieder of data?._entities ?? []) {
      const own = worldToewijzingen().filter((t) => t.aanbiederAgb === aanbieder.agbCode);
      const page = aanbieder.jeugdToewijzingen;
      expect(page.pageInfo).toEqual({ totaal: own.length, offset: 2, heeftVolgende: own.length > 6 });
      expect(page.items).toHaveLength(Math.max(0, Math.min(4, own.length - 2)));
      for (const item of page.items) {
        expect(item.aanbieder.agbCode).toBe(aanbieder.agbCode);
        expect(own.map(keyOf)).toContain(keyOf(item));
      }
    }
  });

  it('keeps the total on a page past the end', async () => {
    const [agb] = aanbieders();
    const total = worldToewijzingen().filter((t) => t.aanbiederAgb === agb).length;
    const { data } = await harness.execute<AanbiederData>(ENTITIES, { r: representations([agb]), first: 10, offset: total + 5 });
    expect(data?._entities[0].jeugdToewijzingen).toEqual({
      items: [],
      pageInfo: { totaal: total, offset: total + 5, heeftVolgende: false },
    });
  });

  it('refuses a negative page with BAD_USER_INPUT', async () => {
    const result = await harness.execute(ENTITIES, { r: representations(aanbieders().slice(0, 1)), first: -2, offset: 0 });
    expect(firstError(result)).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining('first') });
  });

  it('costs the same number of SQL statements for 2 and for 20 providers', async () => {
    const agbs = aanbieders();
    expect(agbs.length).toBeGreaterThanOrEqual(20);
    const two = await harness.countStatements(ENTITIES, { r: representations(agbs.slice(0, 2)), first: 5, offset: 0 });
    const twenty = await harness.countStatements(ENTITIES, { r: representations(agbs.slice(0, 20)), first: 5, offset: 0 });
    expect(two.result.errors).toBeUndefined();
    expect(twenty.statements).toBe(two.statements);
    expect(two.statements).toBe(1);
  });
});
