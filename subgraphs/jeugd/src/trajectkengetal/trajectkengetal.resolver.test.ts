import { type Principal, testPrincipal } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
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
      aantalClienten { waarde onderdrukt } aantalTrajecten { waarde onderdrukt }
      aandeelLangerDanEenJaar aandeelHerhaaldBeroep gemiddeldeDuurInDagen aantalClientenOnafgerond
    }
  }
}`;

type Aantal = { waarde: number | null; onderdrukt: string | null };
interface Rij {
  gemeenteCode: string;
  jaar: number;
  indeling: string;
  groepCode: string;
  aanbieder: { agbCode: string } | null;
  productcategorie: { code: string } | null;
  aantalClienten: Aantal;
  aantalTrajecten: Aantal;
  aandeelLangerDanEenJaar: number | null;
  aandeelHerhaaldBeroep: number | null;
  gemiddeldeDuurInDagen: number | null;
  aantalClientenOnafgerond: number;
}
interface Antwoord {
  verantwoording: { berekendOver: string[]; uitgesloten: { gemeenteCode: string; wet: string; reden: string }[]; gegevensTot: string | null };
  rijen: Rij[];
}

const DAG = 86_400_000;
const dag = (datum: string) => Date.parse(`${datum}T00:00:00Z`) / DAG;
const gepubliceerd = (n: number): Aantal => (n < 10 ? { waarde: null, onderdrukt: 'KLEIN_AANTAL' } : { waarde: Math.round(n / 5) * 5, onderdrukt: null });

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
    return {
      groepCode,
      clienten: new Set(lijst.map((tr) => tr.inwonerId)).size,
      trajecten: lijst.length,
      lang: duur.filter((d) => d > 365).length,
      herhaald: herhaald.length,
      gemiddeldeDuur: duur.reduce((a, b) => a + b, 0) / duur.length,
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
    const genoeg = e.clienten >= 10;
    expect([rij.jaar, rij.indeling], rij.groepCode).toEqual([jaar, indeling]);
    expect(indeling === 'AANBIEDER' ? rij.aanbieder?.agbCode : rij.productcategorie?.code).toBe(rij.groepCode);
    expect(rij.aantalClientenOnafgerond, rij.groepCode).toBe(e.clienten);
    expect(rij.aantalClienten, rij.groepCode).toEqual(gepubliceerd(e.clienten));
    expect(rij.aantalTrajecten, rij.groepCode).toEqual(genoeg ? gepubliceerd(e.trajecten) : { waarde: null, onderdrukt: 'KLEIN_AANTAL' });
    expect(rij.aandeelLangerDanEenJaar, rij.groepCode).toBe(genoeg ? Math.round((e.lang / e.trajecten) * 1000) / 1000 : null);
    expect(rij.aandeelHerhaaldBeroep, rij.groepCode).toBe(genoeg ? Math.round((e.herhaald / e.trajecten) * 1000) / 1000 : null);
    // Published with one decimal.
    if (genoeg) expect(Math.abs((rij.gemiddeldeDuurInDagen ?? Number.NaN) - e.gemiddeldeDuur), rij.groepCode).toBeLessThanOrEqual(0.050001);
    else expect(rij.gemiddeldeDuurInDagen).toBeNull();
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
    expect(antwoord.rijen.some((rij) => (rij.aandeelHerhaaldBeroep ?? 0) > 0)).toBe(true);
    expect(antwoord.rijen.some((rij) => (rij.aandeelLangerDanEenJaar ?? 0) > 0)).toBe(true);
    expect(antwoord.rijen.some((rij) => rij.aantalClienten.onderdrukt === 'KLEIN_AANTAL' && rij.aandeelHerhaaldBeroep === null)).toBe(true);
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
