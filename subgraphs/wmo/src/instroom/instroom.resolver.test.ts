import { type Principal, testPrincipal } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, expectCount, type PublishedValue, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph } from '../schema.js';
import { firstError, worldToewijzingen } from '../wmo.test-utils.js';

// The intake lives on the gemeenten subgraph's Maatregel; here the gateway's representation is sent by hand.
const QUERY = `query ($r: [_Any!]!, $p: String) {
  _entities(representations: $r) {
    ... on Maatregel {
      wmoInstroom(productcategorie: $p) {
        maanden
        verantwoording { berekendOver uitgesloten { gemeenteCode wet reden } gegevensTot }
        rijen { gemeente { code } ingangsdatum periode van tot aantalToewijzingen { waarde onderdrukt bewerking }
                aantalClienten { waarde onderdrukt bewerking } gemiddeldeUrenPerWeek { waarde onderdrukt bewerking } }
      }
    }
  }
}`;

interface Rij {
  gemeente: { code: string };
  ingangsdatum: string;
  periode: string;
  van: string;
  tot: string;
  aantalToewijzingen: PublishedValue;
  aantalClienten: PublishedValue;
  gemiddeldeUrenPerWeek: PublishedValue;
}
type Antwoord = { _entities: { wmoInstroom: { maanden: number; verantwoording: { berekendOver: string[]; uitgesloten: unknown[] }; rijen: Rij[] } }[] };

const maatregel = (statussen: { gemeenteCode: string; status: string; datum: string | null }[]) => ({ __typename: 'Maatregel', id: 'm-test', statussen });

const beleidVan = (code: string): Principal =>
  testPrincipal({ organisatie: code, rollen: ['beleid'], scope: () => ({ alle: false, gemeenten: [] }), statistiek: () => ({ alle: false, gemeenten: [code] }) });

/** Hours per week of a toewijzing's omvang, written out here without the SQL. */
function urenPerWeek(t: { volume: number; eenheid: string; frequentie: string }): number {
  const uren = t.eenheid === '01' ? t.volume / 60 : t.volume;
  return t.frequentie === '1' ? uren * 7 : t.frequentie === '2' ? uren : (uren * 12) / 52;
}

/** Intake of huishoudelijke hulp of one gemeente between two dates (inclusive), from the demo world. */
function waarheid(gemeenteCode: string, van: string, tot: string) {
  const instroom = worldToewijzingen().filter(
    (t) =>
      t.gemeenteCode === gemeenteCode && t.productcategorie === '01' && t.ingangsdatum >= van && t.ingangsdatum <= tot &&
      ['01', '04'].includes(t.eenheid) && ['1', '2', '4'].includes(t.frequentie),
  );
  const perClient = new Map<string, number>();
  for (const t of instroom) perClient.set(t.inwonerId, (perClient.get(t.inwonerId) ?? 0) + urenPerWeek(t));
  return { toewijzingen: instroom.length, clienten: perClient.size, uren: [...perClient.values()].reduce((a, b) => a + b, 0), grootste: Math.max(0, ...perClient.values()) };
}

const eindeGegevens = () => worldToewijzingen().map((t) => t.ingangsdatum).sort().at(-1) ?? '';

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

describe('Maatregel.wmoInstroom', () => {
  it('gives the 12 months before and from the registered date, each figure by the policy, the average from published values', async () => {
    // Hilversum: some 25 intakes a year at the default scale.
    const r = [maatregel([{ gemeenteCode: '0402', status: 'GEIMPLEMENTEERD', datum: '2024-01-01' }, { gemeenteCode: '0406', status: 'BESLOTEN', datum: '2023-06-01' }])];
    const result = await harness.execute<Antwoord>(QUERY, { r });
    expect(result.errors).toBeUndefined();
    const { rijen, maanden, verantwoording } = result.data!._entities[0]!.wmoInstroom;
    expect(maanden).toBe(12);
    // Only an implemented status has an ingangsdatum; a decision date is not one.
    expect(verantwoording.berekendOver).toEqual(['0402']);
    expect(rijen.map(({ periode, van, tot }) => ({ periode, van, tot }))).toEqual([
      { periode: 'VOOR', van: '2023-01-01', tot: '2023-12-31' },
      { periode: 'NA', van: '2024-01-01', tot: '2024-12-31' },
    ]);
    for (const rij of rijen) {
      const w = waarheid('0402', rij.van, rij.tot);
      expectCount(rij.aantalToewijzingen, { value: w.toewijzingen, contributors: w.clienten }, rij.periode);
      expectCount(rij.aantalClienten, { value: w.clienten }, rij.periode);
      const count = rij.aantalToewijzingen.waarde;
      if (count === null || w.grootste > w.uren / 2) {
        expect(rij.gemiddeldeUrenPerWeek.waarde).toBeNull();
      } else {
        // The sum carries at most half the largest client's hours of noise; divided by the published count.
        expect(Math.abs((rij.gemiddeldeUrenPerWeek.waarde ?? NaN) - w.uren / count)).toBeLessThanOrEqual(w.grootste / 2 / count + 0.11);
        expect(rij.gemiddeldeUrenPerWeek.bewerking).toBe('AFGELEID');
      }
    }
    expect(rijen[0]?.aantalClienten.waarde).not.toBeNull();
    // Same cells, same answer: asking again gains nothing.
    expect((await harness.execute<Antwoord>(QUERY, { r })).data).toEqual(result.data);
  });

  it('withholds a period that reaches past the end of the data (ONVOLLEDIGE_PERIODE)', async () => {
    const einde = eindeGegevens();
    const datum = `${Number(einde.slice(0, 4))}-01-01`;
    // Huizen: the demo world is dense in HBEL, so the year before the date is published and only the period after is withheld.
    const result = await harness.execute<Antwoord>(QUERY, { r: [maatregel([{ gemeenteCode: '0406', status: 'GEIMPLEMENTEERD', datum }])] });
    const [voor, na] = result.data!._entities[0]!.wmoInstroom.rijen;
    expect(voor?.aantalClienten.onderdrukt).toBeNull();
    expect(na?.aantalToewijzingen).toEqual({ waarde: null, onderdrukt: 'ONVOLLEDIGE_PERIODE', bewerking: null });
    expect(na?.gemiddeldeUrenPerWeek.onderdrukt).toBe('ONVOLLEDIGE_PERIODE');
  });

  it("lists a gemeente outside the caller's Wmo statistics mandate as excluded instead of refusing", async () => {
    const r = [maatregel([{ gemeenteCode: '0317', status: 'GEIMPLEMENTEERD', datum: '2022-07-01' }, { gemeenteCode: '0406', status: 'GEIMPLEMENTEERD', datum: '2022-01-01' }])];
    const result = await harness.execute<Antwoord>(QUERY, { r }, beleidVan('0317'));
    expect(result.errors).toBeUndefined();
    const { verantwoording, rijen } = result.data!._entities[0]!.wmoInstroom;
    expect(verantwoording.berekendOver).toEqual(['0317']);
    expect(verantwoording.uitgesloten).toEqual([{ gemeenteCode: '0406', wet: 'WMO', reden: 'BUITEN_MANDAAT' }]);
    expect(rijen.map((r) => r.gemeente.code)).toEqual(['0317', '0317']);
    for (const rij of rijen) {
      const w = waarheid('0317', rij.van, rij.tot);
      expectCount(rij.aantalClienten, { value: w.clienten }, rij.periode);
      // Eemnes has a few intakes a year: no average about them.
      expect(rij.gemiddeldeUrenPerWeek).toEqual({ waarde: null, onderdrukt: 'AFGELEID_VAN_ONDERDRUKT', bewerking: null });
      expect(w.clienten).toBeLessThan(10);
    }
  });

  it('refuses an unknown productcategorie', async () => {
    const r = [maatregel([{ gemeenteCode: '0406', status: 'GEIMPLEMENTEERD', datum: '2023-01-01' }])];
    expect(firstError(await harness.execute(QUERY, { r, p: '99' }))?.code).toBe('BAD_USER_INPUT');
  });
});
