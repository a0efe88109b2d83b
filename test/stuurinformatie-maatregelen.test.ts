import { expectCount, type PublishedValue } from '@sociaal-graph/toolkit/testing';
import { describe, expect, it } from 'vitest';
import { useGraph, demoWorld } from './graph.test-utils.js';

// Issue 4 item 8 (measures: status per gemeente with its exceptions, and the indicator of their effect, the
// omvang of huishoudelijke hulp at intake before and after) with item 10 (verantwoording), through the gateway.
// Expected values come from the demo world with plain date and hour arithmetic, not from the subgraphs' SQL.
const world = demoWorld();
const graph = useGraph();

// Two questions, as a client asks them: the statuses, and the intake around the registered dates (together they
// exceed the gateway's cost estimate, MAX_QUERY_COST).
const STATUSSEN = `query { maatregelen(wet: WMO) { id statussen { gemeenteCode status datum uitzondering } } }`;
const QUERY = `query {
  maatregelen(wet: WMO) {
    id
    wmoInstroom {
      maanden
      verantwoording { berekendOver uitgesloten { gemeenteCode wet reden } gegevensTot laatsteDeclaratie }
      rijen { gemeente { code naam } ingangsdatum periode van tot aantalToewijzingen { waarde onderdrukt bewerking }
              aantalClienten { waarde onderdrukt bewerking } gemiddeldeUrenPerWeek { waarde onderdrukt bewerking } }
    }
  }
}`;

interface Rij {
  gemeente: { code: string; naam: string };
  ingangsdatum: string;
  periode: string;
  van: string;
  tot: string;
  aantalToewijzingen: PublishedValue;
  aantalClienten: PublishedValue;
  gemiddeldeUrenPerWeek: PublishedValue;
}
interface Antwoord {
  maatregelen: {
    id: string;
    statussen?: { gemeenteCode: string; status: string; datum: string | null; uitzondering: string | null }[];
    wmoInstroom: {
      maanden: number;
      verantwoording: { berekendOver: string[]; uitgesloten: unknown[]; gegevensTot: string | null; laatsteDeclaratie: string | null };
      rijen: Rij[];
    } | null;
  }[];
}

/** Hours per week of an omvang: minutes /60; per day x7, per week, per month x12/52. */
function urenPerWeek(t: { volume: number; eenheid: string; frequentie: string }): number {
  const uren = t.eenheid === '01' ? t.volume / 60 : t.volume;
  return t.frequentie === '1' ? uren * 7 : t.frequentie === '2' ? uren : (uren * 12) / 52;
}
const naam = (code: string) => world.gemeenten.find((g) => g.code === code)?.naam;
const plusMaanden = (datum: string, maanden: number) => {
  const d = new Date(`${datum}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + maanden);
  return d.toISOString().slice(0, 10);
};
const dagErvoor = (datum: string) => new Date(Date.parse(`${datum}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Huishoudelijke hulp (categorie 01, omvang in time) that started between two dates, inclusive. */
function instroom(gemeenteCode: string, van: string, tot: string) {
  return world.wmoToewijzingen.filter(
    (t) =>
      t.wet === 'WMO' && t.gemeenteCode === gemeenteCode && t.productcategorie === '01' && t.ingangsdatum >= van && t.ingangsdatum <= tot &&
      ['01', '04'].includes(t.eenheid) && ['1', '2', '4'].includes(t.frequentie),
  );
}
const eindeGegevens = world.wmoToewijzingen.map((t) => t.ingangsdatum).sort().at(-1) ?? '';

/** The rows expected around a registered date, with the policy's rules applied to the demo world's truth. */
function expectRijen(rijen: Rij[], gemeenteCode: string, datum: string): void {
  const mijn = rijen.filter((r) => r.gemeente.code === gemeenteCode);
  const perioden = [
    { periode: 'VOOR', van: plusMaanden(datum, -12), tot: dagErvoor(datum) },
    { periode: 'NA', van: datum, tot: dagErvoor(plusMaanden(datum, 12)) },
  ];
  expect(mijn.map(({ gemeente, ingangsdatum, periode, van, tot }) => ({ gemeente, ingangsdatum, periode, van, tot }))).toEqual(
    perioden.map((p) => ({ gemeente: { code: gemeenteCode, naam: naam(gemeenteCode) }, ingangsdatum: datum, ...p })),
  );
  for (const rij of mijn) {
    if (rij.tot > eindeGegevens) {
      expect(rij.aantalClienten.onderdrukt).toBe('ONVOLLEDIGE_PERIODE');
      continue;
    }
    const rows = instroom(gemeenteCode, rij.van, rij.tot);
    const clienten = new Set(rows.map((t) => t.inwonerId)).size;
    expectCount(rij.aantalToewijzingen, { value: rows.length, contributors: clienten }, `${gemeenteCode} ${rij.periode}`);
    expectCount(rij.aantalClienten, { value: clienten }, `${gemeenteCode} ${rij.periode}`);
    const count = rij.aantalToewijzingen.waarde;
    if (count === null) {
      expect(rij.gemiddeldeUrenPerWeek.waarde).toBeNull();
    } else if (rij.gemiddeldeUrenPerWeek.waarde !== null) {
      const perClient = new Map<string, number>();
      for (const t of rows) perClient.set(t.inwonerId, (perClient.get(t.inwonerId) ?? 0) + urenPerWeek(t));
      const som = [...perClient.values()].reduce((a, b) => a + b, 0);
      expect(Math.abs(rij.gemiddeldeUrenPerWeek.waarde - som / count)).toBeLessThanOrEqual(Math.max(...perClient.values()) / 2 / count + 0.11);
    }
  }
}

describe('measures and their effect on the Wmo intake, through the gateway', () => {
  it("gives HBEL's analist the status with Eemnes' 90+ exception and the intake around each registered date, by the policy", async () => {
    const token = await graph.token({ role: 'analist', org: 'uo-hbel' });
    const statussen = await graph.query<Antwoord>(STATUSSEN, {}, token);
    expect(statussen.errors).toBeUndefined();
    const { data, errors } = await graph.query<Antwoord>(QUERY, {}, token);
    expect(errors).toBeUndefined();

    const hhm = { ...statussen.data!.maatregelen.find((m) => m.id === 'm-hhm-normenkader'), ...data!.maatregelen.find((m) => m.id === 'm-hhm-normenkader') };
    const verwachteStatussen = world.maatregelStatussen
      .filter((s) => s.maatregelId === 'm-hhm-normenkader')
      .map(({ gemeenteCode, status, datum, uitzondering }) => ({ gemeenteCode, status, datum, uitzondering }))
      .sort((a, b) => a.gemeenteCode.localeCompare(b.gemeenteCode));
    expect(hhm?.statussen).toEqual(verwachteStatussen);
    expect(hhm?.statussen?.find((s) => s.gemeenteCode === '0317')?.uitzondering).toContain('90 jaar');

    // Every implemented status with a date gives its two periods; nothing else (no caller-chosen dates).
    const ingevoerd = verwachteStatussen.filter((s) => s.status === 'GEIMPLEMENTEERD' && s.datum !== null);
    const effect = hhm!.wmoInstroom!;
    expect(effect.maanden).toBe(12);
    expect(effect.verantwoording.berekendOver).toEqual(ingevoerd.map((s) => s.gemeenteCode));
    expect(effect.verantwoording.uitgesloten).toEqual([]);
    expect(effect.rijen).toHaveLength(2 * ingevoerd.length);
    for (const s of ingevoerd) expectRijen(effect.rijen, s.gemeenteCode, s.datum!);
    // A measure still in preparation has no dates, so no intake rows.
    expect(data!.maatregelen.find((m) => m.id === 'm-versobering-hh')?.wmoInstroom?.rijen).toEqual([]);

    // The same question again gives the same numbers: averaging repeats gains nothing.
    expect((await graph.query<Antwoord>(QUERY, {}, token)).data).toEqual(data);
  });

  it("gives Eemnes' beleid only Eemnes and lists the other HBEL gemeenten as excluded; a provider gets no aggregate", async () => {
    const beleid = await graph.token({ role: 'beleid', org: '0317' });
    const { data, errors } = await graph.query<Antwoord>(QUERY, {}, beleid);
    expect(errors).toBeUndefined();
    const effect = data!.maatregelen.find((m) => m.id === 'm-hhm-normenkader')!.wmoInstroom!;
    expect(effect.verantwoording.berekendOver).toEqual(['0317']);
    expect(effect.verantwoording.uitgesloten).toEqual(
      ['0376', '0406', '0417'].map((gemeenteCode) => ({ gemeenteCode, wet: 'WMO', reden: 'BUITEN_MANDAAT' })),
    );
    expectRijen(effect.rijen, '0317', '2024-07-01');

    const aanbieder = await graph.token({ role: 'aanbieder', org: world.aanbieders[0]!.agbCode });
    const refused = await graph.query<Antwoord>(QUERY, {}, aanbieder);
    expect(refused.data?.maatregelen.every((m) => m.wmoInstroom === null)).toBe(true);
    expect(refused.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
  });
});
