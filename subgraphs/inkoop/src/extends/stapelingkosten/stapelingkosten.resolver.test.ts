import { testPrincipal, type WorldDeclaratie, type WorldToewijzing } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byText, dataOf, defaultWorld, firstError } from '../../inkoop.test-utils.js';
import { subgraph } from '../../schema.js';

// The declared Wmo and Jeugdwet amounts inkoop adds to the cost of stacking (issue 4 item 7), as the gateway asks
// for them: _entities with the toewijzingen wmo and jeugd found (@requires). Expected amounts are summed here from
// the demo world's declaraties.
const world = defaultWorld();
const QUERY = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on StapelingKosten { zorgkosten { inwonerId wet bedrag } } } }`;
const JAAR = 2025;

type Post = { inwonerId: string; wet: string; bedrag: number };
type Entities = { _entities: ({ zorgkosten: Post[] } | null)[] };
type Verwijzing = { inwonerId: string; toewijzingsnummer: string };

const actiefIn = (t: WorldToewijzing) => t.ingangsdatum <= `${JAAR}-12-31` && (t.einddatum === null || t.einddatum >= `${JAAR}-01-01`);
const verwijzing = ({ inwonerId, toewijzingsnummer }: WorldToewijzing): Verwijzing => ({ inwonerId, toewijzingsnummer });
const representatie = (gemeenteCode: string, wmo: readonly WorldToewijzing[], jeugd: readonly WorldToewijzing[]) => ({
  __typename: 'StapelingKosten', gemeenteCode, jaar: JAAR, wmoToewijzingen: wmo.map(verwijzing), jeugdToewijzingen: jeugd.map(verwijzing),
});

/** The declaratieregels of each toewijzing, by gemeente, wet and number. */
const regelsVan = new Map<string, WorldDeclaratie[]>();
for (const d of world.declaraties) {
  const key = `${d.gemeenteCode}:${d.wet}:${d.toewijzingsnummer}`;
  const lijst = regelsVan.get(key);
  if (lijst) lijst.push(d);
  else regelsVan.set(key, [d]);
}
const regels = (gemeente: string, t: WorldToewijzing) => regelsVan.get(`${gemeente}:${t.wet}:${t.toewijzingsnummer}`) ?? [];

/** Per resident and law: declaraties of the toewijzingen with delivery starting in the year, rejected and credited lines left out. */
function verwacht(gemeente: string, toewijzingen: readonly WorldToewijzing[]): Post[] {
  const som = new Map<string, Post>();
  for (const t of toewijzingen) {
    const bedragen = regels(gemeente, t)
      .filter((d) => d.leveringVan.startsWith(`${JAAR}-`) && d.status !== 'AFGEWEZEN' && d.status !== 'GECREDITEERD')
      .map((d) => d.bedrag);
    if (bedragen.length === 0) continue;
    const key = `${t.inwonerId}:${t.wet}`;
    const post = som.get(key) ?? { inwonerId: t.inwonerId, wet: t.wet, bedrag: 0 };
    som.set(key, { ...post, bedrag: post.bedrag + bedragen.reduce((a, b) => a + b, 0) });
  }
  return [...som.values()].sort(byText((p) => `${p.inwonerId}:${p.wet}`));
}
const ongeordend = (posten: readonly Post[] | undefined) => [...(posten ?? [])].sort(byText((p) => `${p.inwonerId}:${p.wet}`));

// What wmo and jeugd hand over for Huizen: the toewijzingen in force in the year.
const wmo = world.wmoToewijzingen.filter((t) => t.wet === 'WMO' && t.gemeenteCode === '0406' && actiefIn(t));
const jeugd = world.jeugdToewijzingen.filter((t) => t.gemeenteCode === '0406' && actiefIn(t));
const heeftDeclaraties = (t: WorldToewijzing) => regels(t.gemeenteCode, t).length > 0;

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

describe('StapelingKosten.zorgkosten', () => {
  it('sums the declared amounts of the year per resident and law, without rejected and credited lines', async () => {
    const data = dataOf(await harness.execute<Entities>(QUERY, { r: [representatie('0406', wmo, jeugd)] }));
    const expected = verwacht('0406', [...wmo, ...jeugd]);
    expect(ongeordend(data._entities[0]?.zorgkosten)).toEqual(expected);

    // The world exercises what the rule leaves out, and residents under both laws get a row per law.
    const alleRegels = [...wmo, ...jeugd].flatMap((t) => regels('0406', t));
    expect(alleRegels.some((d) => d.status === 'AFGEWEZEN' && d.leveringVan.startsWith(`${JAAR}-`))).toBe(true);
    expect(alleRegels.some((d) => d.status === 'GECREDITEERD' && d.leveringVan.startsWith(`${JAAR}-`))).toBe(true);
    expect(alleRegels.some((d) => !d.leveringVan.startsWith(`${JAAR}-`))).toBe(true);
    expect(expected.some((p) => p.wet === 'WMO')).toBe(true);
    expect(expected.some((p) => p.wet === 'JEUGDWET')).toBe(true);
  });

  it('gives no row for a toewijzing without declaraties', async () => {
    const ongedeclareerd = wmo.filter((t) => !heeftDeclaraties(t));
    expect(ongedeclareerd.length).toBeGreaterThan(0);
    const anderen = jeugd.filter(heeftDeclaraties).slice(0, 2);
    const data = dataOf(await harness.execute<Entities>(QUERY, { r: [representatie('0406', ongedeclareerd, []), representatie('0406', ongedeclareerd, anderen)] }));
    expect(data._entities[0]?.zorgkosten).toEqual([]);
    expect(ongeordend(data._entities[1]?.zorgkosten)).toEqual(verwacht('0406', anderen));
    expect(data._entities[1]?.zorgkosten.length).toBeGreaterThan(0);
  });

  it('gives [] for no toewijzingen', async () => {
    const data = dataOf(await harness.execute<Entities>(QUERY, { r: [representatie('0406', [], [])] }));
    expect(data._entities).toEqual([{ zorgkosten: [] }]);
  });

  it('costs the same number of statements for 2 toewijzingen as for all of the gemeente', async () => {
    const twee = await harness.countStatements<Entities>(QUERY, { r: [representatie('0406', wmo.slice(0, 1), jeugd.slice(0, 1))] });
    const alle = await harness.countStatements<Entities>(QUERY, { r: [representatie('0406', wmo, jeugd)] });
    dataOf(twee.result);
    dataOf(alle.result);
    expect(alle.statements).toBe(twee.statements);
  });

  it.each(['WMO', 'JEUGDWET'])('refuses (FORBIDDEN) a caller without %s statistiek rights in the gemeente', async (wet) => {
    const huizen = { alle: false, gemeenten: ['0406'] } as const;
    // Rows everywhere; aggregates of Huizen for every law but one.
    const caller = testPrincipal({ scope: () => ({ alle: true }), statistiek: (w) => (w === wet ? { alle: false, gemeenten: ['0317'] } : huizen) });
    const result = await harness.execute<Entities>(QUERY, { r: [representatie('0406', wmo, jeugd)] }, caller);
    expect(firstError(result)?.code).toBe('FORBIDDEN');
    expect(result.data?._entities ?? [null]).toEqual([null]);

    const analist = testPrincipal({ organisatie: '0406', rollen: ['analist'], scope: () => ({ alle: false, gemeenten: [] }), statistiek: () => huizen });
    const toegestaan = dataOf(await harness.execute<Entities>(QUERY, { r: [representatie('0406', wmo, jeugd)] }, analist));
    expect(ongeordend(toegestaan._entities[0]?.zorgkosten)).toEqual(verwacht('0406', [...wmo, ...jeugd]));
  });
});
