import { testPrincipal, type WorldUitkering } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byteOrder, demoWorld } from '../../participatie.test-utils.js';
import { subgraph } from '../../schema.js';

// What the members of the households with support cost under the Participatiewet (issue 4 item 7), as the gateway
// asks participatie for it: _entities with the members toegang found (@requires leden). Expected amounts are
// computed here from the demo world's uitkeringen and minimaregelingen.
const QUERY = `query ($r: [_Any!]!) { _entities(representations: $r) {
  ... on StapelingKosten { gemeenteCode jaar participatiekosten { inwonerId wet bedrag } } } }`;

type Post = { inwonerId: string; wet: string; bedrag: number };
type Entities = { _entities: ({ gemeenteCode: string; jaar: number; participatiekosten: Post[] } | null)[] };

const world = demoWorld();
const representatie = (gemeenteCode: string, jaar: number, leden: readonly string[]) => ({ __typename: 'StapelingKosten', gemeenteCode, jaar, leden });
const inwonersVan = (gemeente: string) => world.inwoners.filter((i) => i.gemeenteCode === gemeente).map((i) => i.id);

const dag = (datum: string) => Date.parse(`${datum}T00:00:00Z`) / 86_400_000;

/** An uitkering's share of the year: its monthly amount × 12 × its days in the year / the year's days, half up; undefined outside the year. */
function naarRato(u: WorldUitkering, jaar: number): { bedrag: number; deelVanJaar: boolean; afgerond: boolean } | undefined {
  const begin = `${jaar}-01-01`;
  const eind = `${jaar}-12-31`;
  if (u.ingangsdatum > eind || (u.einddatum !== null && u.einddatum < begin)) return undefined;
  const dagen = dag(u.einddatum === null || u.einddatum > eind ? eind : u.einddatum) - dag(u.ingangsdatum < begin ? begin : u.ingangsdatum) + 1;
  const dagenVanJaar = dag(`${jaar + 1}-01-01`) - dag(begin);
  // In integers, so no float decides a cent: half up means twice the remainder reaches the divisor.
  const teller = u.bedragPerMaand * 12 * dagen;
  const rest = teller % dagenVanJaar;
  const bedrag = (teller - rest) / dagenVanJaar + (2 * rest >= dagenVanJaar ? 1 : 0);
  return { bedrag, deelVanJaar: dagen < dagenVanJaar, afgerond: rest !== 0 };
}

/** Per member with costs: bijstand pro rata plus the year's minimaregelingen in the gemeente, ordered by member. */
function verwacht(gemeente: string, jaar: number, leden: readonly string[]): Post[] {
  const som = new Map<string, number>();
  const add = (inwonerId: string, bedrag: number) => som.set(inwonerId, (som.get(inwonerId) ?? 0) + bedrag);
  for (const u of world.uitkeringen) {
    const deel = u.gemeenteCode === gemeente && leden.includes(u.inwonerId) ? naarRato(u, jaar) : undefined;
    if (deel) add(u.inwonerId, deel.bedrag);
  }
  for (const m of world.minimaregelingen) if (m.gemeenteCode === gemeente && m.jaar === jaar && leden.includes(m.inwonerId)) add(m.inwonerId, m.bedrag);
  return [...som].sort(([a], [b]) => byteOrder(a, b)).map(([inwonerId, bedrag]) => ({ inwonerId, wet: 'PARTICIPATIEWET', bedrag }));
}

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

describe('StapelingKosten.participatiekosten', () => {
  it.each([2025, 2024])('gives each member bijstand pro rata and the minimaregelingen of %i, members without costs absent', async (jaar) => {
    // Every resident of Huizen, and a resident of Eemnes with bijstand there (not Huizen's cost).
    const eemnes = world.uitkeringen.find((u) => u.gemeenteCode === '0317' && naarRato(u, jaar))?.inwonerId ?? '';
    const leden = [...inwonersVan('0406'), eemnes];
    const result = await harness.execute<Entities>(QUERY, { r: [representatie('0406', jaar, leden)] });
    expect(result.errors).toBeUndefined();
    const expected = verwacht('0406', jaar, leden);
    expect(result.data?._entities).toEqual([{ gemeenteCode: '0406', jaar, participatiekosten: expected }]);

    // The world exercises what the rule says: part-year benefits that need rounding, members without costs,
    // members with both kinds of cost, and costs outside the year or the gemeente that must not count.
    const delen = world.uitkeringen.filter((u) => u.gemeenteCode === '0406').map((u) => naarRato(u, jaar));
    expect(delen.some((d) => d?.deelVanJaar && d.afgerond)).toBe(true);
    expect(delen.some((d) => d === undefined)).toBe(true);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(leden.length);
    expect(expected.map((p) => p.inwonerId)).not.toContain(eemnes);
    const metBijstand = new Set(world.uitkeringen.filter((u) => u.gemeenteCode === '0406' && naarRato(u, jaar)).map((u) => u.inwonerId));
    expect(world.minimaregelingen.some((m) => m.gemeenteCode === '0406' && m.jaar === jaar && metBijstand.has(m.inwonerId))).toBe(true);
    expect(world.minimaregelingen.some((m) => m.gemeenteCode === '0406' && m.jaar !== jaar)).toBe(true);
  });

  it('gives only the asked members, and [] for no members', async () => {
    const metKosten = verwacht('0406', 2025, inwonersVan('0406')).slice(0, 3).map((p) => p.inwonerId);
    const zonderKosten = inwonersVan('0406').find((id) => verwacht('0406', 2025, [id]).length === 0) ?? '';
    const leden = [zonderKosten, ...metKosten];
    const result = await harness.execute<Entities>(QUERY, { r: [representatie('0406', 2025, leden), representatie('0406', 2025, [])] });
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities.map((e) => e?.participatiekosten)).toEqual([verwacht('0406', 2025, leden), []]);
    expect(result.data?._entities[0]?.participatiekosten).toHaveLength(3);
  });

  it('costs the same number of statements for 2 members as for every resident of the gemeente', async () => {
    const alle = inwonersVan('0406');
    const twee = await harness.countStatements<Entities>(QUERY, { r: [representatie('0406', 2025, alle.slice(0, 2))] });
    const veel = await harness.countStatements<Entities>(QUERY, { r: [representatie('0406', 2025, alle)] });
    expect(veel.result.errors).toBeUndefined();
    expect(veel.result.data?._entities[0]?.participatiekosten.length).toBeGreaterThan(2);
    expect(veel.statements).toBe(twee.statements);
  });

  it('refuses (FORBIDDEN) a gemeente outside the Participatiewet statistiek mandate', async () => {
    const geen = { alle: false, gemeenten: [] } as const;
    const huizen = { alle: false, gemeenten: ['0406'] } as const;
    const leden = inwonersVan('0406');
    // Rows everywhere, statistiek of Huizen for every law but the Participatiewet.
    const zonderParticipatiewet = testPrincipal({ scope: () => ({ alle: true }), statistiek: (wet) => (wet === 'PARTICIPATIEWET' ? geen : huizen) });
    const geweigerd = await harness.execute<Entities>(QUERY, { r: [representatie('0406', 2025, leden)] }, zonderParticipatiewet);
    expect(geweigerd.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(geweigerd.data?._entities ?? [null]).toEqual([null]);

    // An analist of Huizen (aggregates only, no rows): Huizen yes, Eemnes no.
    const analist = testPrincipal({ organisatie: '0406', rollen: ['analist'], scope: () => geen, statistiek: () => huizen });
    const huizenAntwoord = await harness.execute<Entities>(QUERY, { r: [representatie('0406', 2025, leden)] }, analist);
    expect(huizenAntwoord.errors).toBeUndefined();
    expect(huizenAntwoord.data?._entities[0]?.participatiekosten).toEqual(verwacht('0406', 2025, leden));
    const eemnes = await harness.execute(QUERY, { r: [representatie('0317', 2025, inwonersVan('0317'))] }, analist);
    expect(eemnes.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
