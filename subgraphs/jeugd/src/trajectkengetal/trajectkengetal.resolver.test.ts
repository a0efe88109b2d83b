import { type Principal, testPrincipal } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, expectCount, type PublishedValue, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actiefIn, demoWorld, firstError } from '../jeugd.test-utils.js';
import { subgraph } from '../schema.js';

// Issue 4 item 5 against the demo world: the expected figures are computed here from the world's trajecten and
// toewijzingen, day by day in JavaScript, not with the resolver's SQL.
const QUERY = `query ($g: [String!]!, $j: Int!, $i: JeugdTrajectIndeling) {
  jeugdTrajectkengetallen(gemeenten: $g, jaar: $j, indeling: $i) {
    verantwoording { berekendOver uitgesloten { gemeenteCode wet reden } gegevensTot }
    rijen {
      gemeenteCode jaar indeling groepCode aanbieder { agbCode } productcategorie { code }
      aantalClienten { waarde onderdrukt bewerking } aantalTrajecten { waarde onderdrukt bewerking }
      aandeelLangerDanEenJaar { waarde onderdrukt bewerking } aandeelHerhaaldBeroep { waarde onderdrukt bewerking }
      gemiddeldeDuurInDagen { waarde onderdrukt bewerking }
    }
  }
}`;

type Aantal = PublishedValue;
interface Rij {
  gemeenteCode: string;
  jaar: number;
  indeling: string;
  groepCode: string;
  aanbieder: { agbCode: string } | null;
  productcategorie: { code: string } | null;
  aantalClienten: Aantal;
  aantalTrajecten: Aantal;
  aandeelLangerDanEenJaar: Aantal;
  aandeelHerhaaldBeroep: Aantal;
  gemiddeldeDuurInDagen: Aantal;
}
interface Antwoord {
  verantwoording: { berekendOver: string[]; uitgesloten: { gemeenteCode: string; wet: string; reden: string }[]; gegevensTot: string | null };
  rijen: Rij[];
}

const DAG = 86_400_000;
const dag = (datum: string) => Date.parse(`${datum}T00:00:00Z`) / DAG;

/**
 * A share as the policy derives it: withheld where numerator or complement is under 10; otherwise from
 * counts each within 4 of the truth, to two decimals (never the three that pinned the raw counts, issue 10).
 */
function expectShare(published: Aantal, teller: number, noemer: number, label: string): void {
  if (teller < 10 || noemer - teller < 10) {
    expect(published, label).toMatchObject({ waarde: null, onderdrukt: 'AFGELEID_VAN_ONDERDRUKT' });
    return;
  }
  const waarde = published.waarde ?? Number.NaN;
  expect(Math.round(waarde * 100) / 100, label).toBe(waarde);
  expect(Math.abs(waarde - teller / noemer), label).toBeLessThanOrEqual((4 / noemer) * (1 + teller / noemer) / (1 - 4 / noemer) + 0.005 + 1e-9);
}

/** The figures of one gemeente in one year per group, from the world. */
function verwacht(gemeente: string, jaar: number, indeling: 'AANBIEDER' | 'PRODUCTCATEGORIE') {
  const world = demoWorld();
  const trajecten = new Map(world.jeugdTrajecten.map((tr) => [tr.id, tr]));
  const groepen = new Map<string, Set<string>>();
  for (const t of world.jeugdToewijzingen) {
    if (t.gemeenteCode !== gemeente || t.trajectId === null || !actiefIn(t, jaar)) continue;
    const groep = indeling === 'AANBIEDER' ? t.aanbiederAgb : t.productcategorie;
    groepen.set(groep, (groepen.get(groep) ?? new Set()).add(t.trajectId));
  }
  const peil = dag(world.peildatum);
  return [...groepen.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([groepCode, ids]) => {
    const lijst = [...ids].map((id) => trajecten.get(id)).filter((tr) => tr !== undefined);
    const duur = lijst.map((tr) => Math.max(Math.min(tr.einddatum === null ? peil : dag(tr.einddatum), peil) - dag(tr.startdatum) + 1, 0));
    const herhaald = lijst.filter((tr) =>
      world.jeugdTrajecten.some(
        (vorig) => vorig.inwonerId === tr.inwonerId && vorig.gemeenteCode === tr.gemeenteCode && vorig.id !== tr.id && vorig.einddatum !== null &&
          vorig.einddatum < tr.startdatum && dag(tr.startdatum) - dag(vorig.einddatum) <= 365,
      ),
    );
    const perClient = new Map<string, number>();
    lijst.forEach((tr, i) => perClient.set(tr.inwonerId, (perClient.get(tr.inwonerId) ?? 0) + (duur[i] ?? 0)));
    return {
      groepCode,
      clienten: perClient.size,
      trajecten: lijst.length,
      lang: duur.filter((d) => d > 365).length,
      herhaald: herhaald.length,
      duur: duur.reduce((a, b) => a + b, 0),
      grootsteDuur: Math.max(...perClient.values()),
    };
  });
}

function check(antwoord: Antwoord, gemeente: string, jaar: number, indeling: 'AANBIEDER' | 'PRODUCTCATEGORIE'): void {
  const rijen = antwoord.rijen.filter((rij) => rij.gemeenteCode === gemeente);
  const expected = verwacht(gemeente, jaar, indeling);
  expect(rijen.map((rij) => rij.groepCode)).toEqual(expected.map((e) => e.groepCode));
  rijen.forEach((rij, i) => {
    const e = expected[i];
    if (!e) throw new Error('no expected row');
    expect([rij.jaar, rij.indeling], rij.groepCode).toEqual([jaar, indeling]);
    expect(indeling === 'AANBIEDER' ? rij.aanbieder?.agbCode : rij.productcategorie?.code).toBe(rij.groepCode);
    expectCount(rij.aantalClienten, { value: e.clienten }, rij.groepCode);
    // Trajecten are a cell of the young people who have them: a few with many trajecten are still a few people.
    expectCount(rij.aantalTrajecten, { value: e.trajecten, contributors: e.clienten }, rij.groepCode);
    expectShare(rij.aandeelLangerDanEenJaar, e.lang, e.trajecten, `${rij.groepCode} lang`);
    expectShare(rij.aandeelHerhaaldBeroep, e.herhaald, e.trajecten, `${rij.groepCode} herhaald`);
    const count = rij.aantalTrajecten.waarde;
    if (count === null || e.grootsteDuur > e.duur / 2) {
      expect(rij.gemiddeldeDuurInDagen.waarde, rij.groepCode).toBeNull();
    } else {
      // The sum of days carries at most half the largest client's days of noise; divided by the published count, whole days.
      expect(Math.abs((rij.gemiddeldeDuurInDagen.waarde ?? Number.NaN) - e.duur / count), rij.groepCode).toBeLessThanOrEqual(e.grootsteDuur / 2 / count + 0.5 + 1e-9);
      expect(Number.isInteger(rij.gemiddeldeDuurInDagen.waarde)).toBe(true);
    }
  });
}

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

async function ask(variables: Record<string, unknown>, principal?: Principal): Promise<Antwoord> {
  const result = await harness.execute<{ jeugdTrajectkengetallen: Antwoord }>(QUERY, variables, principal);
  expect(result.errors).toBeUndefined();
  const antwoord = result.data?.jeugdTrajectkengetallen;
  if (!antwoord) throw new Error('no jeugdTrajectkengetallen');
  return antwoord;
}

describe('jeugdTrajectkengetallen (issue 4 item 5)', () => {
  it('counts clients, long trajecten, herhaald beroep and duration per aanbieder as the world has them', async () => {
    const antwoord = await ask({ g: ['0406', '0402'], j: 2025 });
    expect(antwoord.verantwoording).toMatchObject({ berekendOver: ['0406', '0402'], uitgesloten: [], gegevensTot: demoWorld().peildatum });
    expect(antwoord.rijen.map((rij) => rij.gemeenteCode).indexOf('0402')).toBeGreaterThan(0);
    check(antwoord, '0406', 2025, 'AANBIEDER');
    check(antwoord, '0402', 2025, 'AANBIEDER');
    // The world has repeat use and long trajecten: the shares are not trivially zero.
    expect(antwoord.rijen.some((rij) => (rij.aandeelLangerDanEenJaar.waarde ?? 0) > 0)).toBe(true);
    expect(antwoord.rijen.some((rij) => (rij.gemiddeldeDuurInDagen.waarde ?? 0) > 0)).toBe(true);
    expect(antwoord.rijen.some((rij) => rij.aantalClienten.onderdrukt === 'KLEIN_AANTAL' && rij.aandeelHerhaaldBeroep.waarde === null)).toBe(true);
  });

  it('splits per productcategorie on request', async () => {
    check(await ask({ g: ['0406'], j: 2024, i: 'PRODUCTCATEGORIE' }), '0406', 2024, 'PRODUCTCATEGORIE');
  });

  it('leaves gemeenten outside the statistiek mandate out and names them, never as zero', async () => {
    const caller = testPrincipal({ scope: () => ({ alle: false, gemeenten: ['0406'] }), statistiek: () => ({ alle: false, gemeenten: ['0406'] }) });
    const antwoord = await ask({ g: ['0317', '0406'], j: 2025 }, caller);
    expect(antwoord.verantwoording.berekendOver).toEqual(['0406']);
    expect(antwoord.verantwoording.uitgesloten).toEqual([{ gemeenteCode: '0317', wet: 'JEUGDWET', reden: 'BUITEN_MANDAAT' }]);
    expect(new Set(antwoord.rijen.map((rij) => rij.gemeenteCode))).toEqual(new Set(['0406']));
  });

  it('refuses a year before the Jeugdwet', async () => {
    expect(firstError(await harness.execute(QUERY, { g: ['0406'], j: 2010 }))?.code).toBe('BAD_USER_INPUT');
  });
});
