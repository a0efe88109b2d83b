import { expectCount, expectRelationProtected, expectShare, type PublishedValue } from '@sociaal-graph/toolkit/testing';
import { describe, expect, it } from 'vitest';
import { useGraph, demoWorld } from './graph.test-utils.js';

// Issue 4 item 4 (referral flows jeugdhulp against the benchmark) with item 10 (verantwoording), through the
// gateway. Expected values are counted here from the demo world's verwijzingen.
const world = demoWorld();
const graph = useGraph();

const W = '{ waarde onderdrukt bewerking }';
const QUERY = `query ($g: [String!]!, $jaar: Int!) {
  jeugdVerwijsstromen(gemeenten: $g, jaar: $jaar) {
    verantwoording { berekendOver uitgesloten { gemeenteCode wet reden } gegevensTot laatsteDeclaratie }
    gemeenten {
      gemeente { code } jaar aantalVerwijzingen ${W}
      perVerwijzer { verwijzerType { code } aantalVerwijzingen ${W} aandeel ${W} aandeelAlleGemeenten ${W} landelijkAandeelCbs }
    }
  }
}`;

type Aantal = PublishedValue;
interface Antwoord {
  verantwoording: {
    berekendOver: string[];
    uitgesloten: { gemeenteCode: string; wet: string; reden: string }[];
    gegevensTot: string | null;
    laatsteDeclaratie: string | null;
  };
  gemeenten: {
    gemeente: { code: string };
    jaar: number;
    aantalVerwijzingen: Aantal;
    perVerwijzer: { verwijzerType: { code: string }; aantalVerwijzingen: Aantal; aandeel: Aantal; aandeelAlleGemeenten: Aantal; landelijkAandeelCbs: number | null }[];
  }[];
}

/** COD327 without 07 (anchors-domain: "There is no 07"). */
const TYPES = ['01', '02', '03', '04', '05', '06', '08'];

async function ask(token: string, gemeenten: string[], jaar: number): Promise<Antwoord> {
  const response = await graph.query<{ jeugdVerwijsstromen: Antwoord }>(QUERY, { g: gemeenten, jaar }, token);
  expect(response.errors).toBeUndefined();
  const antwoord = response.data?.jeugdVerwijsstromen;
  if (!antwoord) throw new Error('no jeugdVerwijsstromen');
  return antwoord;
}

/** Verwijzingen and the distinct young people referred. */
const telling = (rows: readonly { inwonerId: string }[]) => ({ value: rows.length, contributors: new Set(rows.map((v) => v.inwonerId)).size });

/** Checks each gemeente's published counts and shares against the world's verwijzingen, by the disclosure policy's rules (issue 10). */
function check(antwoord: Antwoord, gemeenten: string[], jaar: number): void {
  const periode = world.verwijzingen.filter((v) => v.datum.startsWith(`${jaar}-`));
  expect(antwoord.gemeenten.map((g) => g.gemeente.code)).toEqual(gemeenten);
  for (const entry of antwoord.gemeenten) {
    const own = periode.filter((v) => v.gemeenteCode === entry.gemeente.code);
    const label = `${entry.gemeente.code} ${jaar}`;
    expect(entry.jaar).toBe(jaar);
    expectCount(entry.aantalVerwijzingen, telling(own), label);
    expect(entry.perVerwijzer.map((p) => p.verwijzerType.code)).toEqual(TYPES);
    const parts = entry.perVerwijzer.map((p) => {
      const raw = telling(own.filter((v) => v.verwijzerType === p.verwijzerType.code));
      const alle = periode.filter((v) => v.verwijzerType === p.verwijzerType.code);
      // Zeros are cells under 10 like any other: never published as an exact 0.
      expectCount(p.aantalVerwijzingen, raw, `${label} ${p.verwijzerType.code}`);
      expect(p.landelijkAandeelCbs).toBe(p.verwijzerType.code === '02' ? 0.36 : null);
      const shareOf = (published: Aantal, teller: { value: number; contributors: number }, noemer: number, what: string) =>
        teller.contributors < 10 ? expect(published.waarde, what).toBeNull() : expectShare(published, teller.value, noemer, what);
      shareOf(p.aandeel, raw, own.length, `${label} ${p.verwijzerType.code} aandeel`);
      shareOf(p.aandeelAlleGemeenten, telling(alle), periode.length, `${label} ${p.verwijzerType.code} alle gemeenten`);
      return { published: p.aantalVerwijzingen, contributors: raw.contributors };
    });
    expectRelationProtected(entry.aantalVerwijzingen, parts, label);
  }
  const dates = periode.filter((v) => gemeenten.includes(v.gemeenteCode)).map((v) => v.datum).sort();
  expect(antwoord.verantwoording.gegevensTot).toBe(dates.at(-1) ?? null);
  expect(antwoord.verantwoording.laatsteDeclaratie).toBeNull();
}

describe('jeugdVerwijsstromen (issue 4 item 4)', () => {
  it("gives the HBEL analist its gemeenten and leaves Eemnes' Jeugdwet out with the reason, never as zero", async () => {
    const token = await graph.token({ role: 'analist', org: 'uo-hbel' });
    expect(world.verwijzingen.filter((v) => v.gemeenteCode === '0317').length).toBeGreaterThan(0);
    const antwoord = await ask(token, ['0406', '0317', '0376', '0417'], 2025);
    expect(antwoord.verantwoording.berekendOver).toEqual(['0406', '0376', '0417']);
    expect(antwoord.verantwoording.uitgesloten).toEqual([{ gemeenteCode: '0317', wet: 'JEUGDWET', reden: 'BUITEN_MANDAAT' }]);
    check(antwoord, ['0406', '0376', '0417'], 2025);
    const huizen = antwoord.gemeenten[0];
    expect(huizen?.aantalVerwijzingen.waarde).toBeGreaterThan(20);
  });

  it("gives the regional analist the region's gemeenten, with Huizen's huisarts share visible against the benchmarks", async () => {
    const token = await graph.token({ role: 'analist', org: 'regio-gv' });
    // Huizen: the demo world is dense in HBEL and sparse elsewhere (Hilversum's cells may be withheld; check() knows).
    const antwoord = await ask(token, ['0406', '0402', '0307'], 2024);
    expect(antwoord.verantwoording.berekendOver).toEqual(['0406', '0402']);
    expect(antwoord.verantwoording.uitgesloten).toEqual([{ gemeenteCode: '0307', wet: 'JEUGDWET', reden: 'BUITEN_MANDAAT' }]);
    check(antwoord, ['0406', '0402'], 2024);
    const huisarts = antwoord.gemeenten[0]?.perVerwijzer.find((p) => p.verwijzerType.code === '02');
    expect(huisarts?.aandeel.waarde).not.toBeNull();
    expect(huisarts?.aandeelAlleGemeenten.waarde).not.toBeNull();
  });

  it('takes one calendar year, never a span the caller chooses (query-set restriction, issue 10)', async () => {
    const token = await graph.token({ role: 'analist', org: 'uo-hbel' });
    const span = await graph.query('{ jeugdVerwijsstromen(gemeenten: ["0406"], vanafJaar: 2023, totEnMetJaar: 2025) { gemeenten { jaar } } }', {}, token);
    expect(span.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const response = await graph.query(QUERY, { g: ['0406'], jaar: 2014 }, token);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
