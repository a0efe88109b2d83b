import { describe, expect, it } from 'vitest';
import { useGraph, demoWorld } from './graph.test-utils.js';

// Issue 4 item 4 (referral flows jeugdhulp against the benchmark) with item 10 (verantwoording), through the
// gateway. Expected values are counted here from the demo world's verwijzingen.
const world = demoWorld();
const graph = useGraph();

const QUERY = `query ($g: [String!]!, $van: Int!, $tot: Int!) {
  jeugdVerwijsstromen(gemeenten: $g, vanafJaar: $van, totEnMetJaar: $tot) {
    verantwoording { berekendOver uitgesloten { gemeenteCode wet reden } gegevensTot laatsteDeclaratie }
    gemeenten {
      gemeente { code } vanafJaar totEnMetJaar aantalVerwijzingen { waarde onderdrukt }
      perVerwijzer { verwijzerType { code } aantalVerwijzingen { waarde onderdrukt } aandeel aandeelAlleGemeenten landelijkAandeelCbs }
    }
  }
}`;

type Aantal = { waarde: number | null; onderdrukt: string | null };
interface Antwoord {
  verantwoording: {
    berekendOver: string[];
    uitgesloten: { gemeenteCode: string; wet: string; reden: string }[];
    gegevensTot: string | null;
    laatsteDeclaratie: string | null;
  };
  gemeenten: {
    gemeente: { code: string };
    vanafJaar: number;
    totEnMetJaar: number;
    aantalVerwijzingen: Aantal;
    perVerwijzer: { verwijzerType: { code: string }; aantalVerwijzingen: Aantal; aandeel: number | null; aandeelAlleGemeenten: number | null; landelijkAandeelCbs: number | null }[];
  }[];
}

/** COD327 without 07 (anchors-domain: "There is no 07"). */
const TYPES = ['01', '02', '03', '04', '05', '06', '08'];
const rounded5 = (n: number) => Math.round(n / 5) * 5;

function inPeriode(datum: string, van: number, tot: number): boolean {
  const jaar = Number(datum.slice(0, 4));
  return jaar >= van && jaar <= tot;
}

async function ask(token: string, gemeenten: string[], van: number, tot: number): Promise<Antwoord> {
  const response = await graph.query<{ jeugdVerwijsstromen: Antwoord }>(QUERY, { g: gemeenten, van, tot }, token);
  expect(response.errors).toBeUndefined();
  const antwoord = response.data?.jeugdVerwijsstromen;
  if (!antwoord) throw new Error('no jeugdVerwijsstromen');
  return antwoord;
}

/** Checks each gemeente's published counts and shares against the world's verwijzingen. */
function check(antwoord: Antwoord, gemeenten: string[], van: number, tot: number): void {
  const periode = world.verwijzingen.filter((v) => inPeriode(v.datum, van, tot));
  expect(antwoord.gemeenten.map((g) => g.gemeente.code)).toEqual(gemeenten);
  for (const entry of antwoord.gemeenten) {
    const own = periode.filter((v) => v.gemeenteCode === entry.gemeente.code);
    expect([entry.vanafJaar, entry.totEnMetJaar]).toEqual([van, tot]);
    expect(entry.aantalVerwijzingen).toEqual(own.length < 10 ? { waarde: null, onderdrukt: 'KLEIN_AANTAL' } : { waarde: rounded5(own.length), onderdrukt: null });
    expect(entry.perVerwijzer.map((p) => p.verwijzerType.code)).toEqual(TYPES);
    const hidden = entry.perVerwijzer.filter((p) => p.aantalVerwijzingen.onderdrukt !== null);
    for (const p of entry.perVerwijzer) {
      const raw = own.filter((v) => v.verwijzerType === p.verwijzerType.code).length;
      const alle = periode.filter((v) => v.verwijzerType === p.verwijzerType.code).length;
      expect(p.aandeelAlleGemeenten, p.verwijzerType.code).toBeCloseTo(alle / periode.length, 2);
      expect(p.landelijkAandeelCbs).toBe(p.verwijzerType.code === '02' ? 0.36 : null);
      if (raw === 0) expect(p.aantalVerwijzingen).toEqual({ waarde: 0, onderdrukt: null });
      else if (raw < 10) expect(p.aantalVerwijzingen).toEqual({ waarde: null, onderdrukt: 'KLEIN_AANTAL' });
      else if (p.aantalVerwijzingen.onderdrukt === 'AFLEIDBAAR') expect(hidden.length).toBeGreaterThan(1);
      else expect(p.aantalVerwijzingen.waarde).toBe(rounded5(raw));
      const total = entry.aantalVerwijzingen.waarde;
      const cel = p.aantalVerwijzingen.waarde;
      expect(p.aandeel).toBe(cel === null || !total ? null : Math.round((cel / total) * 1000) / 1000);
    }
    // A single withheld cell could be read back from the total: never published so.
    if (entry.aantalVerwijzingen.waarde !== null) expect(hidden.length).not.toBe(1);
  }
  const dates = periode.filter((v) => gemeenten.includes(v.gemeenteCode)).map((v) => v.datum).sort();
  expect(antwoord.verantwoording.gegevensTot).toBe(dates.at(-1) ?? null);
  expect(antwoord.verantwoording.laatsteDeclaratie).toBeNull();
}

describe('jeugdVerwijsstromen (issue 4 item 4)', () => {
  it("gives the HBEL analist its gemeenten and leaves Eemnes' Jeugdwet out with the reason, never as zero", async () => {
    const token = await graph.token({ role: 'analist', org: 'uo-hbel' });
    expect(world.verwijzingen.filter((v) => v.gemeenteCode === '0317').length).toBeGreaterThan(0);
    const antwoord = await ask(token, ['0406', '0317', '0376', '0417'], 2022, 2025);
    expect(antwoord.verantwoording.berekendOver).toEqual(['0406', '0376', '0417']);
    expect(antwoord.verantwoording.uitgesloten).toEqual([{ gemeenteCode: '0317', wet: 'JEUGDWET', reden: 'BUITEN_MANDAAT' }]);
    check(antwoord, ['0406', '0376', '0417'], 2022, 2025);
    const huizen = antwoord.gemeenten[0];
    expect(huizen?.aantalVerwijzingen.waarde).toBeGreaterThan(50);
  });

  it('gives the regional analist the large gemeenten, with the huisarts share visible against the benchmarks', async () => {
    const token = await graph.token({ role: 'analist', org: 'regio-gv' });
    const antwoord = await ask(token, ['0402', '1942', '0307'], 2024, 2025);
    expect(antwoord.verantwoording.berekendOver).toEqual(['0402', '1942']);
    expect(antwoord.verantwoording.uitgesloten).toEqual([{ gemeenteCode: '0307', wet: 'JEUGDWET', reden: 'BUITEN_MANDAAT' }]);
    check(antwoord, ['0402', '1942'], 2024, 2025);
    const huisarts = antwoord.gemeenten[0]?.perVerwijzer.find((p) => p.verwijzerType.code === '02');
    expect(huisarts?.aandeel).not.toBeNull();
  });

  it('refuses a reversed span of years', async () => {
    const token = await graph.token({ role: 'analist', org: 'uo-hbel' });
    const response = await graph.query(QUERY, { g: ['0406'], van: 2025, tot: 2024 }, token);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
