import { type Principal, testPrincipal } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph } from '../schema.js';
import { worldToewijzingen } from '../wmo.test-utils.js';

/** The provider with toewijzingen in the most gemeenten of the demo world, and another provider. */
function providers(): { eigen: string; ander: string } {
  const gemeenten = new Map<string, Set<string>>();
  for (const t of worldToewijzingen()) gemeenten.set(t.aanbiederAgb, (gemeenten.get(t.aanbiederAgb) ?? new Set()).add(t.gemeenteCode));
  const [eigen, ander] = [...gemeenten].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0])).map(([agb]) => agb);
  if (!eigen || !ander) throw new Error('the demo world has fewer than two Wmo providers');
  return { eigen, ander };
}

/** A provider as the gateway vouches for it: no arrangement, no row mandate, only its AGB code. */
function aanbieder(agb: string): Principal {
  return testPrincipal({ organisatie: agb, rollen: ['aanbieder'], aanbieder: agb, scope: () => ({ alle: false, gemeenten: [] }) });
}

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

describe('a provider (principal.aanbieder)', () => {
  const { eigen, ander } = providers();
  const own = worldToewijzingen().filter((t) => t.aanbiederAgb === eigen);

  it('lists only its own toewijzingen, in every gemeente, even when it filters on another provider', async () => {
    expect(new Set(own.map((t) => t.gemeenteCode)).size).toBeGreaterThan(1);
    const list = `query ($aanbieder: String) { wmoToewijzingen(aanbieder: $aanbieder, first: 500) {
      items { gemeenteCode toewijzingsnummer aanbieder { agbCode } } pageInfo { totaal } } }`;
    type List = { wmoToewijzingen: { items: { gemeenteCode: string; aanbieder: { agbCode: string } }[]; pageInfo: { totaal: number } } };
    const mine = await harness.execute<List>(list, {}, aanbieder(eigen));
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.wmoToewijzingen.pageInfo.totaal).toBe(own.length);
    expect(new Set(mine.data?.wmoToewijzingen.items.map((t) => t.aanbieder.agbCode))).toEqual(new Set([eigen]));
    expect(new Set(mine.data?.wmoToewijzingen.items.map((t) => t.gemeenteCode))).toEqual(new Set(own.map((t) => t.gemeenteCode)));
    const theirs = await harness.execute<List>(list, { aanbieder: ander }, aanbieder(eigen));
    expect(theirs.data?.wmoToewijzingen.pageInfo.totaal).toBe(0);
  });

  it("finds its own toewijzing by number and gets null for another provider's, also through _entities and Inwoner", async () => {
    const mine = own[0];
    const other = worldToewijzingen().find((t) => t.aanbiederAgb === ander);
    if (!mine || !other) throw new Error('no toewijzingen to look up');
    const lookup = `query ($g: String!, $n: String!) { wmoToewijzing(gemeenteCode: $g, toewijzingsnummer: $n) { toewijzingsnummer } }`;
    expect((await harness.execute(lookup, { g: mine.gemeenteCode, n: mine.toewijzingsnummer }, aanbieder(eigen))).data).toEqual({
      wmoToewijzing: { toewijzingsnummer: mine.toewijzingsnummer },
    });
    expect((await harness.execute(lookup, { g: other.gemeenteCode, n: other.toewijzingsnummer }, aanbieder(eigen))).data).toEqual({
      wmoToewijzing: null,
    });
    const entities = await harness.execute<{ _entities: unknown[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on WmoToewijzing { toewijzingsnummer } } }`,
      { r: [other].map((t) => ({ __typename: 'WmoToewijzing', gemeenteCode: t.gemeenteCode, toewijzingsnummer: t.toewijzingsnummer })) },
      aanbieder(eigen),
    );
    expect(entities.data?._entities).toEqual([null]);
    const inwoner = await harness.execute<{ _entities: { wmoToewijzingen: { aanbieder: { agbCode: string } }[] }[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Inwoner { wmoToewijzingen { aanbieder { agbCode } } } } }`,
      { r: [{ __typename: 'Inwoner', id: other.inwonerId }] },
      aanbieder(eigen),
    );
    const seen = inwoner.data?._entities[0]?.wmoToewijzingen.map((t) => t.aanbieder.agbCode) ?? [];
    expect(seen.every((agb) => agb === eigen)).toBe(true);
  });
});
