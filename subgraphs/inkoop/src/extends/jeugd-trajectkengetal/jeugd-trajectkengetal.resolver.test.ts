import { testPrincipal } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, defaultWorld, firstError } from '../../inkoop.test-utils.js';
import { subgraph } from '../../schema.js';

// The cost per client inkoop adds to jeugd's trajectory figures, as the gateway asks for it (_entities with the
// @requires field). Expected amounts are summed here from the demo world's declaraties.
const world = defaultWorld();
const QUERY = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on JeugdTrajectkengetal {
  groepCode kostenPerClient { waarde onderdrukt bewerking } } } }`;

type Indeling = 'AANBIEDER' | 'PRODUCTCATEGORIE';
/** What the gateway sends: the key and the published client count (null: withheld). */
const representatie = (gemeenteCode: string, jaar: number, indeling: Indeling, groepCode: string, clienten: number | null) => ({
  __typename: 'JeugdTrajectkengetal', gemeenteCode, jaar, indeling, groepCode,
  aantalClienten: clienten === null
    ? { waarde: null, onderdrukt: 'KLEIN_AANTAL', bewerking: null }
    : { waarde: clienten, onderdrukt: null, bewerking: 'CELSLEUTEL_AFRONDING' },
});

/** Declared Jeugdwet amount of a group in a year per toewijzing: delivery starting in the year, rejected and credited lines left out. */
function gedeclareerd(gemeente: string, jaar: number, indeling: Indeling, groep: string) {
  const per = new Map<string, number>();
  for (const d of world.declaraties) {
    if (d.wet !== 'JEUGDWET' || d.gemeenteCode !== gemeente || !d.leveringVan.startsWith(`${jaar}-`)) continue;
    if ((indeling === 'AANBIEDER' ? d.aanbiederAgb : d.productcategorie) !== groep || d.status === 'AFGEWEZEN' || d.status === 'GECREDITEERD') continue;
    per.set(d.toewijzingsnummer, (per.get(d.toewijzingsnummer) ?? 0) + d.bedrag);
  }
  const bedragen = [...per.values()];
  return { value: bedragen.reduce((a, b) => a + b, 0), contributors: bedragen.length, largest: Math.max(0, ...bedragen.map(Math.abs)) };
}

/** The cost per client by the policy: the declared sum (noise at most half its largest toewijzing) over the published count, in whole euros. */
function expectPerClient(published: { waarde: number | null; onderdrukt: string | null }, truth: ReturnType<typeof gedeclareerd>, clienten: number): void {
  if (truth.contributors < 10 || truth.largest > truth.value / 2) {
    expect(published).toMatchObject({ waarde: null, onderdrukt: 'AFGELEID_VAN_ONDERDRUKT' });
    return;
  }
  expect((published.waarde ?? Number.NaN) % 100).toBe(0);
  expect(Math.abs((published.waarde ?? Number.NaN) - truth.value / clienten)).toBeLessThanOrEqual((truth.largest / 2 + 5_000) / clienten + 50);
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
  it('divides the perturbed declared amount per aanbieder or productcategorie by the published clients; withheld with either', async () => {
    expect(aanbieders.length).toBeGreaterThan(1);
    // The aanbieder with the most declared toewijzingen, so that its amount is published.
    const [agb, ander] = [...aanbieders].sort((a, b) => gedeclareerd('0406', 2025, 'AANBIEDER', b).contributors - gedeclareerd('0406', 2025, 'AANBIEDER', a).contributors) as [string, string];
    const categorie = [...categorieen].sort((a, b) => gedeclareerd('0406', 2025, 'PRODUCTCATEGORIE', b).contributors - gedeclareerd('0406', 2025, 'PRODUCTCATEGORIE', a).contributors)[0] ?? '';
    const r = [
      representatie('0406', 2025, 'AANBIEDER', agb, 35),
      representatie('0406', 2025, 'PRODUCTCATEGORIE', categorie, 10),
      representatie('0406', 2025, 'AANBIEDER', ander, null),
      representatie('0406', 2025, 'AANBIEDER', '00000000', 20),
    ];
    const data = dataOf(await harness.execute<{ _entities: { groepCode: string; kostenPerClient: { waarde: number | null; onderdrukt: string | null } }[] }>(QUERY, { r }));
    expect(data._entities.map((e) => e.groepCode)).toEqual([agb, categorie, ander, '00000000']);
    expect(gedeclareerd('0406', 2025, 'AANBIEDER', agb).contributors).toBeGreaterThanOrEqual(10);
    expectPerClient(data._entities[0]!.kostenPerClient, gedeclareerd('0406', 2025, 'AANBIEDER', agb), 35);
    expectPerClient(data._entities[1]!.kostenPerClient, gedeclareerd('0406', 2025, 'PRODUCTCATEGORIE', categorie), 10);
    // A withheld client count withholds the cost per client; so does an amount over no toewijzing at all (a zero is a cell too).
    expect(data._entities[2]!.kostenPerClient).toMatchObject({ waarde: null, onderdrukt: 'AFGELEID_VAN_ONDERDRUKT' });
    expect(data._entities[3]!.kostenPerClient).toMatchObject({ waarde: null, onderdrukt: 'AFGELEID_VAN_ONDERDRUKT' });
    expect(data._entities[0]?.kostenPerClient.waarde).toBeGreaterThan(0);
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
