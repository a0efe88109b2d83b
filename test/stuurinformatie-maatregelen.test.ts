import { describe, expect, it } from 'vitest';
import { useGraph, demoWorld } from './graph.test-utils.js';

// Issue 4 item 8 (measures: status per gemeente with its exceptions, and the indicator of their effect, the
// omvang of huishoudelijke hulp at intake before and after) with item 10 (verantwoording), through the gateway.
// Expected values come from the demo world with plain date and hour arithmetic, not from the subgraphs' SQL.
const world = demoWorld();
const graph = useGraph();

const QUERY = `query ($i: [MaatregelInvoering!]!, $m: Int) {
  maatregelen(wet: WMO) { id statussen { gemeenteCode status datum uitzondering } }
  wmoInstroomRondMaatregel(invoeringen: $i, maanden: $m) {
    verantwoording { berekendOver uitgesloten { gemeenteCode wet reden } gegevensTot laatsteDeclaratie }
    rijen { gemeente { code naam } ingangsdatum periode van tot aantalToewijzingen { waarde onderdrukt } aantalClienten { waarde onderdrukt }
            gemiddeldeUrenPerWeek onderdrukt }
  }
}`;

interface Antwoord {
  maatregelen: { id: string; statussen: { gemeenteCode: string; status: string; datum: string | null; uitzondering: string | null }[] }[];
  wmoInstroomRondMaatregel: {
    verantwoording: { berekendOver: string[]; uitgesloten: unknown[]; gegevensTot: string | null; laatsteDeclaratie: string | null };
    rijen: Record<string, unknown>[];
  } | null;
}

/** Hours per week of an omvang: minutes /60; per day x7, per week, per month x12/52. */
function urenPerWeek(t: { volume: number; eenheid: string; frequentie: string }): number {
  const uren = t.eenheid === '01' ? t.volume / 60 : t.volume;
  return t.frequentie === '1' ? uren * 7 : t.frequentie === '2' ? uren : (uren * 12) / 52;
}
const gepubliceerd = (n: number) => (n < 10 ? { waarde: null, onderdrukt: 'KLEIN_AANTAL' } : { waarde: Math.round(n / 5) * 5, onderdrukt: null });
const naam = (code: string) => world.gemeenten.find((g) => g.code === code)?.naam;

/** Huishoudelijke hulp (categorie 01, omvang in time) that started between two dates, inclusive. */
function instroom(gemeenteCode: string, van: string, tot: string) {
  return world.wmoToewijzingen.filter(
    (t) =>
      t.wet === 'WMO' && t.gemeenteCode === gemeenteCode && t.productcategorie === '01' && t.ingangsdatum >= van && t.ingangsdatum <= tot &&
      ['01', '04'].includes(t.eenheid) && ['1', '2', '4'].includes(t.frequentie),
  );
}

function rij(gemeenteCode: string, ingangsdatum: string, periode: string, van: string, tot: string) {
  const rows = instroom(gemeenteCode, van, tot);
  const clienten = new Set(rows.map((t) => t.inwonerId)).size;
  return {
    gemeente: { code: gemeenteCode, naam: naam(gemeenteCode) },
    ingangsdatum,
    periode,
    van,
    tot,
    aantalToewijzingen: gepubliceerd(rows.length),
    aantalClienten: gepubliceerd(clienten),
    gemiddeldeUrenPerWeek: clienten < 10 ? null : Math.round((100 * rows.reduce((s, t) => s + urenPerWeek(t), 0)) / rows.length) / 100,
    onderdrukt: clienten < 10 ? 'KLEIN_AANTAL' : null,
  };
}

describe('measures and their effect on the Wmo intake, through the gateway', () => {
  it("gives HBEL's analist the status with Eemnes' 90+ exception, the intake of Huizen before and after, and excludes Hilversum", async () => {
    const token = await graph.token({ role: 'analist', org: 'uo-hbel' });
    const eemnes = world.maatregelStatussen.find((s) => s.maatregelId === 'm-hhm-normenkader' && s.gemeenteCode === '0317')!;
    const invoeringen = [
      { gemeenteCode: '0406', ingangsdatum: '2024-01-01' },
      { gemeenteCode: '0402', ingangsdatum: '2024-01-01' },
      { gemeenteCode: '0317', ingangsdatum: eemnes.datum! },
    ];
    const { data, errors } = await graph.query<Antwoord>(QUERY, { i: invoeringen, m: 24 }, token);
    expect(errors).toBeUndefined();

    const hhm = data!.maatregelen.find((m) => m.id === 'm-hhm-normenkader');
    const verwachteStatussen = world.maatregelStatussen
      .filter((s) => s.maatregelId === 'm-hhm-normenkader')
      .map(({ gemeenteCode, status, datum, uitzondering }) => ({ gemeenteCode, status, datum, uitzondering }))
      .sort((a, b) => a.gemeenteCode.localeCompare(b.gemeenteCode));
    expect(hhm?.statussen).toEqual(verwachteStatussen);
    expect(hhm?.statussen.find((s) => s.gemeenteCode === '0317')?.uitzondering).toContain('90 jaar');

    const effect = data!.wmoInstroomRondMaatregel!;
    expect(effect.rijen).toEqual([
      rij('0406', '2024-01-01', 'VOOR', '2022-01-01', '2023-12-31'),
      rij('0406', '2024-01-01', 'NA', '2024-01-01', '2025-12-31'),
      rij('0317', eemnes.datum!, 'VOOR', '2018-07-01', '2020-06-30'),
      rij('0317', eemnes.datum!, 'NA', '2020-07-01', '2022-06-30'),
    ]);
    expect(effect.rijen[0]?.gemiddeldeUrenPerWeek).not.toBeNull();
    const meegeteld = [...instroom('0406', '2022-01-01', '2025-12-31'), ...instroom('0317', '2018-07-01', '2022-06-30')];
    expect(effect.verantwoording).toEqual({
      berekendOver: ['0406', '0317'],
      uitgesloten: [{ gemeenteCode: '0402', wet: 'WMO', reden: 'BUITEN_MANDAAT' }],
      gegevensTot: meegeteld.map((t) => t.ingangsdatum).sort().at(-1),
      laatsteDeclaratie: null,
    });
  });

  it("gives Eemnes' beleid only Eemnes and lists Huizen as excluded; a provider gets no aggregate", async () => {
    const beleid = await graph.token({ role: 'beleid', org: '0317' });
    const invoeringen = [{ gemeenteCode: '0317', ingangsdatum: '2024-01-01' }, { gemeenteCode: '0406', ingangsdatum: '2024-01-01' }];
    const { data, errors } = await graph.query<Antwoord>(QUERY, { i: invoeringen }, beleid);
    expect(errors).toBeUndefined();
    expect(data!.wmoInstroomRondMaatregel!.verantwoording.berekendOver).toEqual(['0317']);
    expect(data!.wmoInstroomRondMaatregel!.verantwoording.uitgesloten).toEqual([{ gemeenteCode: '0406', wet: 'WMO', reden: 'BUITEN_MANDAAT' }]);
    expect(data!.wmoInstroomRondMaatregel!.rijen).toEqual([
      rij('0317', '2024-01-01', 'VOOR', '2023-01-01', '2023-12-31'),
      rij('0317', '2024-01-01', 'NA', '2024-01-01', '2024-12-31'),
    ]);

    const aanbieder = await graph.token({ role: 'aanbieder', org: world.aanbieders[0]!.agbCode });
    const refused = await graph.query<Antwoord>(QUERY, { i: invoeringen }, aanbieder);
    expect(refused.data?.wmoInstroomRondMaatregel ?? null).toBeNull();
    expect(refused.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
  });
});
