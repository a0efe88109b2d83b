import { type Principal, testPrincipal } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph } from '../schema.js';
import { firstError, worldToewijzingen } from '../wmo.test-utils.js';

const QUERY = `query ($i: [MaatregelInvoering!]!, $m: Int) {
  wmoInstroomRondMaatregel(invoeringen: $i, maanden: $m) {
    maanden
    verantwoording { berekendOver uitgesloten { gemeenteCode wet reden } gegevensTot }
    rijen { gemeente { code } ingangsdatum periode van tot aantalToewijzingen { waarde onderdrukt } aantalClienten { waarde onderdrukt }
            gemiddeldeUrenPerWeek onderdrukt }
  }
}`;

type Antwoord = {
  wmoInstroomRondMaatregel: {
    maanden: number;
    verantwoording: { berekendOver: string[]; uitgesloten: unknown[]; gegevensTot: string | null };
    rijen: Record<string, unknown>[];
  };
};

const beleidVan = (code: string): Principal =>
  testPrincipal({ organisatie: code, rollen: ['beleid'], scope: () => ({ alle: false, gemeenten: [] }), statistiek: () => ({ alle: false, gemeenten: [code] }) });

/** Hours per week of a toewijzing's omvang, written out here without the SQL. */
function urenPerWeek(t: { volume: number; eenheid: string; frequentie: string }): number {
  const uren = t.eenheid === '01' ? t.volume / 60 : t.volume;
  return t.frequentie === '1' ? uren * 7 : t.frequentie === '2' ? uren : (uren * 12) / 52;
}

const gepubliceerd = (n: number) => (n < 10 ? { waarde: null, onderdrukt: 'KLEIN_AANTAL' } : { waarde: Math.round(n / 5) * 5, onderdrukt: null });

/** Intake of huishoudelijke hulp of one gemeente between two dates (inclusive), from the demo world. */
function verwacht(gemeenteCode: string, van: string, tot: string) {
  const instroom = worldToewijzingen().filter(
    (t) =>
      t.gemeenteCode === gemeenteCode && t.productcategorie === '01' && t.ingangsdatum >= van && t.ingangsdatum <= tot &&
      ['01', '04'].includes(t.eenheid) && ['1', '2', '4'].includes(t.frequentie),
  );
  const clienten = new Set(instroom.map((t) => t.inwonerId)).size;
  const gemiddelde = instroom.length === 0 ? null : Math.round((100 * instroom.reduce((s, t) => s + urenPerWeek(t), 0)) / instroom.length) / 100;
  return {
    aantalToewijzingen: gepubliceerd(instroom.length),
    aantalClienten: gepubliceerd(clienten),
    gemiddeldeUrenPerWeek: clienten < 10 ? null : gemiddelde,
    onderdrukt: clienten < 10 ? 'KLEIN_AANTAL' : null,
  };
}

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

describe('wmoInstroomRondMaatregel', () => {
  it('gives the intake before and after a date with the average hours per week, as in the demo world', async () => {
    const result = await harness.execute<Antwoord>(QUERY, { i: [{ gemeenteCode: '0406', ingangsdatum: '2024-01-01' }], m: 24 });
    expect(result.errors).toBeUndefined();
    const { rijen, maanden } = result.data!.wmoInstroomRondMaatregel;
    expect(maanden).toBe(24);
    expect(rijen).toEqual([
      { gemeente: { code: '0406' }, ingangsdatum: '2024-01-01', periode: 'VOOR', van: '2022-01-01', tot: '2023-12-31', ...verwacht('0406', '2022-01-01', '2023-12-31') },
      { gemeente: { code: '0406' }, ingangsdatum: '2024-01-01', periode: 'NA', van: '2024-01-01', tot: '2025-12-31', ...verwacht('0406', '2024-01-01', '2025-12-31') },
    ]);
    expect(rijen[0]?.gemiddeldeUrenPerWeek).not.toBeNull();
  });

  it("lists a gemeente outside the caller's Wmo statistics mandate as excluded instead of refusing", async () => {
    const invoeringen = [{ gemeenteCode: '0317', ingangsdatum: '2024-07-01' }, { gemeenteCode: '0406', ingangsdatum: '2024-01-01' }];
    const result = await harness.execute<Antwoord>(QUERY, { i: invoeringen }, beleidVan('0317'));
    expect(result.errors).toBeUndefined();
    const { verantwoording, rijen } = result.data!.wmoInstroomRondMaatregel;
    expect(verantwoording.berekendOver).toEqual(['0317']);
    expect(verantwoording.uitgesloten).toEqual([{ gemeenteCode: '0406', wet: 'WMO', reden: 'BUITEN_MANDAAT' }]);
    expect(rijen.map((r) => (r.gemeente as { code: string }).code)).toEqual(['0317', '0317']);
    // Eemnes has few intakes: every figure is withheld, none reads as zero.
    expect(rijen.every((r) => r.onderdrukt === 'KLEIN_AANTAL' && r.gemiddeldeUrenPerWeek === null)).toBe(true);
  });

  it('refuses a malformed date and a period out of range', async () => {
    expect(firstError(await harness.execute(QUERY, { i: [{ gemeenteCode: '0406', ingangsdatum: '2024-02-30' }] }))?.code).toBe('BAD_USER_INPUT');
    expect(firstError(await harness.execute(QUERY, { i: [{ gemeenteCode: '0406', ingangsdatum: '2024-01-01' }], m: 0 }))?.code).toBe(
      'BAD_USER_INPUT',
    );
  });
});
