import { testPrincipal } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultWorld } from '../inkoop.test-utils.js';
import { subgraph } from '../schema.js';

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

/** A provider as the gateway vouches for it: no arrangement, no row mandate, only its AGB code. */
const aanbieder = (agb: string) =>
  testPrincipal({ organisatie: agb, rollen: ['aanbieder'], aanbieder: agb, scope: () => ({ alle: false, gemeenten: [] }) });

describe('declaraties of a provider (principal.aanbieder)', () => {
  it("sees only its own declaraties, in every gemeente and law, and none of another provider's", async () => {
    const world = defaultWorld();
    const eigen = world.declaraties[0]?.aanbiederAgb ?? '';
    const own = world.declaraties.filter((d) => d.aanbiederAgb === eigen);
    const ander = world.declaraties.find((d) => d.aanbiederAgb !== eigen);
    if (!ander) throw new Error('the world has one provider');
    type Page = { declaraties: { items: { id: string; aanbieder: { agbCode: string } }[]; pageInfo: { totaal: number } } };
    const query = `query ($a: String) { declaraties(aanbieder: $a, first: 100) { items { id aanbieder { agbCode } } pageInfo { totaal } } }`;
    const mine = await harness.execute<Page>(query, {}, aanbieder(eigen));
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.declaraties.pageInfo.totaal).toBe(own.length);
    expect(new Set(mine.data?.declaraties.items.map((d) => d.aanbieder.agbCode))).toEqual(new Set([eigen]));
    expect((await harness.execute<Page>(query, { a: ander.aanbiederAgb }, aanbieder(eigen))).data?.declaraties.pageInfo.totaal).toBe(0);
    const entities = await harness.execute<{ _entities: { declaraties: unknown[] }[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ${ander.wet === 'JEUGDWET' ? 'JeugdToewijzing' : 'WmoToewijzing'} { declaraties { id } } } }`,
      { r: [{ __typename: ander.wet === 'JEUGDWET' ? 'JeugdToewijzing' : 'WmoToewijzing', gemeenteCode: ander.gemeenteCode, toewijzingsnummer: ander.toewijzingsnummer }] },
      aanbieder(eigen),
    );
    expect(entities.data?._entities).toEqual([{ declaraties: [] }]);
  });
});
