import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoWorld, WorldToewijzing } from '../demo-world/world.js';
import { testPrincipal } from '../principal.js';
import type { SubgraphDefinition } from '../subgraph-definition.js';
import { createSubgraphHarness, type HarnessResult, type SubgraphHarness } from './harness.js';

/** Which of the two subgraphs that hand inkoop the members' toewijzingen for the cost of stacking. */
export interface StapelingToewijzingenGeval {
  readonly subgraph: SubgraphDefinition;
  readonly world: DemoWorld;
  /** The law's toewijzingen in the demo world. */
  readonly toewijzingen: readonly WorldToewijzing[];
  readonly wet: 'WMO' | 'JEUGDWET';
  /** The field the subgraph adds to StapelingKosten ("wmoToewijzingen"). */
  readonly veld: string;
}

/**
 * The tests of `stapelingToewijzingenResolver` in wmo and jeugd (issue 4 item 7): _entities with the members
 * toegang found (@requires leden), as the gateway asks for them. Expected lists are filtered from the demo world.
 */
export function describeStapelingToewijzingen({ subgraph, world, toewijzingen, wet, veld }: StapelingToewijzingenGeval): void {
  const QUERY = `query ($r: [_Any!]!) { _entities(representations: $r) {
    ... on StapelingKosten { gemeenteCode jaar ${veld} { inwonerId toewijzingsnummer } } } }`;
  const actiefIn = (t: WorldToewijzing, jaar: number) => t.ingangsdatum <= `${jaar}-12-31` && (t.einddatum === null || t.einddatum >= `${jaar}-01-01`);
  const firstError = (result: HarnessResult) => result.errors?.[0]?.extensions?.code;
  const worldToewijzingen = () => toewijzingen;
  const demoWorld = () => world;
  const lijst = (entity: Record<string, unknown> | null | undefined) => entity?.[veld] as Toewijzing[] | undefined;

  type Toewijzing = { inwonerId: string; toewijzingsnummer: string };
  type Entities = { _entities: (Record<string, unknown> | null)[] };

  const JAAR = 2025;
  const representatie = (gemeenteCode: string, leden: readonly string[]) => ({ __typename: 'StapelingKosten', gemeenteCode, jaar: JAAR, leden });

  /** Code-unit order, as the table's COLLATE "C" columns sort. */
  const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

  /** The law's toewijzingen of `leden` in `gemeente` in force on a day of the year, ordered by resident and number. */
  function verwacht(gemeente: string, leden: readonly string[]): Toewijzing[] {
    return worldToewijzingen()
      .filter((t) => t.gemeenteCode === gemeente && leden.includes(t.inwonerId) && actiefIn(t, JAAR))
      .sort((a, b) => byteOrder(a.inwonerId, b.inwonerId) || byteOrder(a.toewijzingsnummer, b.toewijzingsnummer))
      .map(({ inwonerId, toewijzingsnummer }) => ({ inwonerId, toewijzingsnummer }));
  }

  const inHuizen = worldToewijzingen().filter((t) => t.gemeenteCode === '0406');
  const perInwoner = new Map<string, WorldToewijzing[]>();
  for (const t of inHuizen) perInwoner.set(t.inwonerId, [...(perInwoner.get(t.inwonerId) ?? []), t]);
  const inwonerMet = (hoort: (ts: WorldToewijzing[]) => boolean, behalve?: string): string => {
    const gevonden = [...perInwoner].find(([id, ts]) => id !== behalve && hoort(ts));
    if (!gevonden) throw new Error('the demo world has no such resident');
    return gevonden[0];
  };
  // Residents of Huizen: several toewijzingen in force in the year; one in force and one ended before it; only
  // toewijzingen outside the year; none at all. And a resident of Eemnes with toewijzingen there.
  const meerdere = inwonerMet((ts) => ts.filter((t) => actiefIn(t, JAAR)).length > 1);
  const gemengd = inwonerMet((ts) => ts.some((t) => actiefIn(t, JAAR)) && ts.some((t) => !actiefIn(t, JAAR)), meerdere);
  const buitenJaar = inwonerMet((ts) => ts.every((t) => !actiefIn(t, JAAR)));
  const zonder = demoWorld().inwoners.find((i) => i.gemeenteCode === '0406' && !perInwoner.has(i.id))?.id ?? '';
  const eemnes = worldToewijzingen().find((t) => t.gemeenteCode === '0317' && actiefIn(t, JAAR))?.inwonerId ?? '';

  let harness: SubgraphHarness;
  beforeAll(async () => {
    harness = await createSubgraphHarness(subgraph);
  });
  afterAll(async () => {
    await harness?.close();
  });

  describe(`StapelingKosten.${veld}`, () => {
    it("returns exactly the members' toewijzingen in the gemeente in force in the year, by resident and number", async () => {
      const leden = [zonder, eemnes, buitenJaar, gemengd, meerdere];
      expect(zonder).not.toBe('');
      expect(eemnes).not.toBe('');
      const result = await harness.execute<Entities>(QUERY, { r: [representatie('0406', leden)] });
      expect(result.errors).toBeUndefined();
      const expected = verwacht('0406', leden);
      expect(result.data?._entities).toEqual([{ gemeenteCode: '0406', jaar: JAAR, [veld]: expected }]);
      // Every chosen kind of resident was there to be left out or kept.
      expect(new Set(expected.map((t) => t.inwonerId))).toEqual(new Set([gemengd, meerdere]));
      expect(expected.length).toBeLessThan((perInwoner.get(gemengd)?.length ?? 0) + (perInwoner.get(meerdere)?.length ?? 0));
    });

    it('gives all toewijzingen of the year when every resident of the gemeente is a member', async () => {
      const leden = demoWorld().inwoners.filter((i) => i.gemeenteCode === '0406').map((i) => i.id);
      const result = await harness.execute<Entities>(QUERY, { r: [representatie('0406', leden)] });
      expect(result.errors).toBeUndefined();
      expect(lijst(result.data?._entities[0])).toEqual(verwacht('0406', leden));
      expect(lijst(result.data?._entities[0])?.length).toBe(inHuizen.filter((t) => actiefIn(t, JAAR)).length);
    });

    it('gives [] for no members', async () => {
      const result = await harness.execute<Entities>(QUERY, { r: [representatie('0406', [])] });
      expect(result.errors).toBeUndefined();
      expect(result.data?._entities).toEqual([{ gemeenteCode: '0406', jaar: JAAR, [veld]: [] }]);
    });

    it('costs the same number of statements for 2 members as for every resident of the gemeente', async () => {
      const alle = demoWorld().inwoners.filter((i) => i.gemeenteCode === '0406').map((i) => i.id);
      const twee = await harness.countStatements<Entities>(QUERY, { r: [representatie('0406', [gemengd, meerdere])] });
      const veel = await harness.countStatements<Entities>(QUERY, { r: [representatie('0406', alle)] });
      expect(veel.result.errors).toBeUndefined();
      expect(veel.statements).toBe(twee.statements);
    });

    it('needs statistiek rights for its law in the gemeente, not row access nor rights for another law', async () => {
      const geen = { alle: false, gemeenten: [] } as const;
      const huizen = { alle: false, gemeenten: ['0406'] } as const;
      // An analist of Huizen: aggregates of every law there, no rows.
      const analist = testPrincipal({ organisatie: '0406', rollen: ['analist'], scope: () => geen, statistiek: () => huizen });
      const leden = [gemengd, meerdere];
      const toegestaan = await harness.execute<Entities>(QUERY, { r: [representatie('0406', leden)] }, analist);
      expect(toegestaan.errors).toBeUndefined();
      expect(lijst(toegestaan.data?._entities[0])).toEqual(verwacht('0406', leden));

      // Rows of every gemeente and statistiek of every law but this one's in Huizen.
      const zonderWet = testPrincipal({ scope: () => ({ alle: true }), statistiek: (w) => (w === wet ? geen : { alle: true }) });
      const geweigerd = await harness.execute<Entities>(QUERY, { r: [representatie('0406', leden)] }, zonderWet);
      expect(firstError(geweigerd)).toBe('FORBIDDEN');
      expect(geweigerd.data?._entities ?? [null]).toEqual([null]);
      // The analist of Huizen asking about Eemnes.
      expect(firstError(await harness.execute(QUERY, { r: [representatie('0317', [eemnes])] }, analist))).toBe('FORBIDDEN');
    });
  });
}
