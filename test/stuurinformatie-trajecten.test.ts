import { describe, expect, it } from 'vitest';
import { useGraph, demoWorld } from './graph.test-utils.js';

// Issue 4 item 5 (trajectories of jeugdhulp: long trajecten, herhaald beroep, duration and cost per client,
// per aanbieder and per productcategorie) with item 10 (verantwoording), through the gateway: the figures come
// from jeugd, the cost per client from inkoop's declaraties (federated). Expected values are computed here
// from the demo world's trajecten, toewijzingen and declaraties.
const world = demoWorld();
const graph = useGraph();

const QUERY = `query ($g: [String!]!, $j: Int!, $i: JeugdTrajectIndeling) {
  jeugdTrajectkengetallen(gemeenten: $g, jaar: $j, indeling: $i) {
    verantwoording { berekendOver uitgesloten { gemeenteCode wet reden } gegevensTot }
    rijen {
      gemeente { code } jaar indeling groepCode aanbieder { agbCode naam } productcategorie { code }
      aantalClienten { waarde onderdrukt } aantalTrajecten { waarde onderdrukt }
      aandeelLangerDanEenJaar aandeelHerhaaldBeroep gemiddeldeDuurInDagen kostenPerClient
    }
  }
}`;

type Indeling = 'AANBIEDER' | 'PRODUCTCATEGORIE';
type Aantal = { waarde: number | null; onderdrukt: string | null };
interface Rij {
  gemeente: { code: string };
  jaar: number;
  indeling: Indeling;
  groepCode: string;
  aanbieder: { agbCode: string; naam: string } | null;
  productcategorie: { code: string } | null;
  aantalClienten: Aantal;
  aantalTrajecten: Aantal;
  aandeelLangerDanEenJaar: number | null;
  aandeelHerhaaldBeroep: number | null;
  gemiddeldeDuurInDagen: number | null;
  kostenPerClient: number | null;
}
interface Antwoord {
  verantwoording: { berekendOver: string[]; uitgesloten: { gemeenteCode: string; wet: string; reden: string }[]; gegevensTot: string | null };
  rijen: Rij[];
}

const dag = (datum: string) => Date.parse(`${datum}T00:00:00Z`) / 86_400_000;
const gepubliceerd = (n: number): Aantal => (n < 10 ? { waarde: null, onderdrukt: 'KLEIN_AANTAL' } : { waarde: Math.round(n / 5) * 5, onderdrukt: null });
const aandeel = (deel: number, geheel: number) => Math.round((deel / geheel) * 1000) / 1000;

/** Per group (aanbieder or productcategorie) of one gemeente and year: the trajecten, their clients and the declared amount, from the world. */
function verwacht(gemeente: string, jaar: number, indeling: Indeling) {
  const trajecten = new Map(world.jeugdTrajecten.map((tr) => [tr.id, tr]));
  const groepen = new Map<string, Set<string>>();
  for (const t of world.jeugdToewijzingen) {
    const actief = t.ingangsdatum <= `${jaar}-12-31` && (t.einddatum === null || t.einddatum >= `${jaar}-01-01`);
    if (t.gemeenteCode !== gemeente || t.trajectId === null || !actief) continue;
    const groep = indeling === 'AANBIEDER' ? t.aanbiederAgb : t.productcategorie;
    groepen.set(groep, (groepen.get(groep) ?? new Set()).add(t.trajectId));
  }
  const peil = dag(world.peildatum);
  return new Map(
    [...groepen.entries()].map(([groep, ids]) => {
      const lijst = [...ids].map((id) => trajecten.get(id)).filter((tr) => tr !== undefined);
      const duur = lijst.map((tr) => Math.min(tr.einddatum === null ? peil : dag(tr.einddatum), peil) - dag(tr.startdatum) + 1);
      // Herhaald beroep: started at most 365 days after an earlier traject of the same young person ended.
      const herhaald = lijst.filter((tr) =>
        world.jeugdTrajecten.some((vorig) => vorig.inwonerId === tr.inwonerId && vorig.gemeenteCode === gemeente && vorig.einddatum !== null &&
          vorig.einddatum < tr.startdatum && dag(tr.startdatum) - dag(vorig.einddatum) <= 365),
      );
      const bedrag = world.declaraties
        .filter((d) => d.wet === 'JEUGDWET' && d.gemeenteCode === gemeente && d.leveringVan.startsWith(`${jaar}-`))
        .filter((d) => (indeling === 'AANBIEDER' ? d.aanbiederAgb : d.productcategorie) === groep)
        .filter((d) => d.status !== 'AFGEWEZEN' && d.status !== 'GECREDITEERD')
        .reduce((som, d) => som + d.bedrag, 0);
      const clienten = new Set(lijst.map((tr) => tr.inwonerId)).size;
      return [groep, { clienten, trajecten: lijst.length, lang: duur.filter((d) => d > 365).length, herhaald: herhaald.length, duur, bedrag }] as const;
    }),
  );
}

async function ask(token: string, gemeenten: string[], jaar: number, indeling?: Indeling): Promise<Antwoord> {
  const response = await graph.query<{ jeugdTrajectkengetallen: Antwoord }>(QUERY, { g: gemeenten, j: jaar, i: indeling }, token);
  expect(response.errors).toBeUndefined();
  const antwoord = response.data?.jeugdTrajectkengetallen;
  if (!antwoord) throw new Error('no jeugdTrajectkengetallen');
  return antwoord;
}

/** Checks every row of the gemeenten against the world: the same groups, suppression below 10 clients, shares, duration and cost. */
function check(antwoord: Antwoord, gemeenten: string[], jaar: number, indeling: Indeling): void {
  expect(antwoord.verantwoording.gegevensTot).toBe(world.peildatum);
  for (const gemeente of gemeenten) {
    const rijen = antwoord.rijen.filter((rij) => rij.gemeente.code === gemeente);
    const groepen = verwacht(gemeente, jaar, indeling);
    expect(rijen.map((rij) => rij.groepCode)).toEqual([...groepen.keys()].sort());
    for (const rij of rijen) {
      const e = groepen.get(rij.groepCode);
      if (!e) throw new Error(`unexpected ${rij.groepCode}`);
      const genoeg = e.clienten >= 10;
      const label = `${gemeente} ${rij.groepCode}`;
      expect([rij.jaar, rij.indeling], label).toEqual([jaar, indeling]);
      expect(indeling === 'AANBIEDER' ? rij.aanbieder?.agbCode : rij.productcategorie?.code, label).toBe(rij.groepCode);
      expect(rij.aantalClienten, label).toEqual(gepubliceerd(e.clienten));
      expect(rij.aantalTrajecten, label).toEqual(genoeg ? gepubliceerd(e.trajecten) : { waarde: null, onderdrukt: 'KLEIN_AANTAL' });
      expect(rij.aandeelLangerDanEenJaar, label).toBe(genoeg ? aandeel(e.lang, e.trajecten) : null);
      expect(rij.aandeelHerhaaldBeroep, label).toBe(genoeg ? aandeel(e.herhaald, e.trajecten) : null);
      const gemiddeld = e.duur.reduce((a, b) => a + b, 0) / e.duur.length;
      // Published with one decimal.
      if (genoeg) expect(Math.abs((rij.gemiddeldeDuurInDagen ?? Number.NaN) - gemiddeld), label).toBeLessThanOrEqual(0.050001);
      else expect(rij.gemiddeldeDuurInDagen, label).toBeNull();
      expect(rij.kostenPerClient, label).toBe(genoeg ? Math.round(e.bedrag / e.clienten) : null);
    }
  }
}

describe('jeugdTrajectkengetallen (issue 4 item 5)', () => {
  it("gives Huizen's analist its trajectories per aanbieder with the declared cost per client, and leaves Blaricum out", async () => {
    const token = await graph.token({ role: 'analist', org: '0406' });
    const antwoord = await ask(token, ['0406', '0376'], 2025);
    expect(antwoord.verantwoording.berekendOver).toEqual(['0406']);
    expect(antwoord.verantwoording.uitgesloten).toEqual([{ gemeenteCode: '0376', wet: 'JEUGDWET', reden: 'BUITEN_MANDAAT' }]);
    check(antwoord, ['0406'], 2025, 'AANBIEDER');
    // Not trivially empty: some aanbieder has enough clients for published shares and a cost.
    expect(antwoord.rijen.some((rij) => (rij.kostenPerClient ?? 0) > 0 && rij.aandeelHerhaaldBeroep !== null)).toBe(true);
    expect(antwoord.rijen.every((rij) => rij.aanbieder?.naam)).toBe(true);
  });

  it('splits per productcategorie on request', async () => {
    const token = await graph.token({ role: 'analist', org: '0406' });
    check(await ask(token, ['0406'], 2024, 'PRODUCTCATEGORIE'), ['0406'], 2024, 'PRODUCTCATEGORIE');
  });

  it("gives the HBEL analist its gemeenten and leaves Eemnes' Jeugdwet out with the reason, never as zero", async () => {
    const token = await graph.token({ role: 'analist', org: 'uo-hbel' });
    expect(world.jeugdTrajecten.some((tr) => tr.gemeenteCode === '0317')).toBe(true);
    const antwoord = await ask(token, ['0406', '0317', '0376', '0417'], 2025);
    expect(antwoord.verantwoording.berekendOver).toEqual(['0406', '0376', '0417']);
    expect(antwoord.verantwoording.uitgesloten).toEqual([{ gemeenteCode: '0317', wet: 'JEUGDWET', reden: 'BUITEN_MANDAAT' }]);
    expect(antwoord.rijen.some((rij) => rij.gemeente.code === '0317')).toBe(false);
    check(antwoord, ['0406', '0376', '0417'], 2025, 'AANBIEDER');
  });

  it('never lets a client read the unrounded client count that inkoop divides by', async () => {
    const token = await graph.token({ role: 'analist', org: '0406' });
    const response = await graph.query(`{ jeugdTrajectkengetallen(gemeenten: ["0406"], jaar: 2025) { rijen { aantalClientenOnafgerond } } }`, {}, token);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.data ?? null).toBeNull();
  });
});
