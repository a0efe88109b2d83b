import { testPrincipal } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, defaultWorld, firstError } from '../../inkoop.test-utils.js';
import { subgraph } from '../../schema.js';

// The cost per client inkoop adds to jeugd's trajectory figures, as the gateway asks for it (_entities with the
// @requires field). Expected amounts are summed here from the demo world's declaraties.
const world = defaultWorld();
const QUERY = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on JeugdTrajectkengetal { groepCode kostenPerClient } } }`;

type Indeling = 'AANBIEDER' | 'PRODUCTCATEGORIE';
const representatie = (gemeenteCode: string, jaar: number, indeling: Indeling, groepCode: string, aantalClientenOnafgerond: number) => ({
  __typename: 'JeugdTrajectkengetal', gemeenteCode, jaar, indeling, groepCode, aantalClientenOnafgerond,
});

/** Declared Jeugdwet amount of a group in a year: delivery starting in the year, rejected and credited lines left out. */
function gedeclareerd(gemeente: string, jaar: number, indeling: Indeling, groep: string): number {
  return world.declaraties
    .filter((d) => d.wet === 'JEUGDWET' && d.gemeenteCode === gemeente && d.leveringVan.startsWith(`${jaar}-`))
    .filter((d) => (indeling === 'AANBIEDER' ? d.aanbiederAgb : d.productcategorie) === groep && d.status !== 'AFGEWEZEN' && d.status !== 'GECREDITEERD')
    .reduce((som, d) => som + d.bedrag, 0);
}

const jeugd0406 = world.declaraties.filter((d) => d.wet === 'JEUGDWET' && d.gemeenteCode === '0406' && d.leveringVan.startsWith('2025-'));
const aanbieders = [...new Set(jeugd0406.map((d) => d.aanbiederAgb))].sort();
const categorieen = [...new Set(jeugd0406.map((d) => d.productcategorie))].sort();

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

describe('JeugdTrajectkengetal.kostenPerClient', () => {
  it('divides the declared amount per aanbieder or productcategorie by the clients, null under 10 clients', async () => {
    expect(aanbieders.length).toBeGreaterThan(1);
    const [agb, ander] = aanbieders as [string, string];
    const categorie = categorieen[0] ?? '';
    const r = [
      representatie('0406', 2025, 'AANBIEDER', agb, 37),
      representatie('0406', 2025, 'PRODUCTCATEGORIE', categorie, 12),
      representatie('0406', 2025, 'AANBIEDER', ander, 9),
      representatie('0406', 2025, 'AANBIEDER', '00000000', 20),
    ];
    const data = dataOf(await harness.execute<{ _entities: { groepCode: string; kostenPerClient: number | null }[] }>(QUERY, { r }));
    expect(data._entities).toEqual([
      { groepCode: agb, kostenPerClient: Math.round(gedeclareerd('0406', 2025, 'AANBIEDER', agb) / 37) },
      { groepCode: categorie, kostenPerClient: Math.round(gedeclareerd('0406', 2025, 'PRODUCTCATEGORIE', categorie) / 12) },
      { groepCode: ander, kostenPerClient: null },
      { groepCode: '00000000', kostenPerClient: 0 },
    ]);
    expect(data._entities[0]?.kostenPerClient).toBeGreaterThan(0);
  });

  it('sums the declaraties of 2 and of all aanbieders in the same number of statements', async () => {
    const r = (n: number) => ({ r: aanbieders.slice(0, n).map((agb) => representatie('0406', 2025, 'AANBIEDER', agb, 50)) });
    const two = await harness.countStatements(QUERY, r(2));
    const all = await harness.countStatements(QUERY, r(aanbieders.length));
    dataOf(two.result);
    dataOf(all.result);
    expect(all.statements).toBe(two.statements);
  });

  it('refuses (FORBIDDEN) a gemeente outside the statistiek mandate', async () => {
    const huizen = testPrincipal({ scope: () => ({ alle: false, gemeenten: ['0406'] }), statistiek: () => ({ alle: false, gemeenten: ['0406'] }) });
    const result = await harness.execute(QUERY, { r: [representatie('0317', 2025, 'AANBIEDER', aanbieders[0] ?? '', 40)] }, huizen);
    expect(firstError(result)?.code).toBe('FORBIDDEN');
  });
});
