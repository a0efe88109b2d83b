import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, roundHalfAwayFromZero, world } from '../gemeenten.test-utils.js';
import { subgraph } from '../schema.js';
import { taakveldWet } from './iv3-taakvelden.js';

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(() => harness.close());

const REFERENTIE = `groep aantalGemeenten begrotingPerInwoner realisatiePerInwoner tekortPerInwoner`;
const QUERY = `query ($gemeenten: [String!]!, $jaar: Int, $wet: Wet, $indeling: TaakveldIndeling) {
  financienVergelijking(gemeenten: $gemeenten, jaar: $jaar, wet: $wet, indeling: $indeling) {
    verantwoording { berekendOver uitgesloten { gemeenteCode } gegevensTot laatsteDeclaratie }
    rijen { gemeenteCode jaar taakveld { code } wet begroting realisatie realisatiePerInwoner
            grootteklasse { ${REFERENTIE} } nederland { ${REFERENTIE} } }
  }
}`;

type Rij = {
  gemeenteCode: string;
  jaar: number;
  taakveld: { code: string } | null;
  wet: string | null;
  begroting: number;
  realisatie: number | null;
  realisatiePerInwoner: number | null;
  grootteklasse: Record<string, unknown>;
  nederland: Record<string, unknown>;
};

/** Sum over sum of inhabitants of the gemeenten in `codes` whose rows `inGroep` selects (independent of the SQL). */
function referentie(codes: readonly string[], jaar: number, inGroep: (taakveld: string) => boolean, groep: string) {
  const gemeenten = world.gemeenten.filter((g) => codes.includes(g.code));
  const rows = world.financien.filter((f) => f.jaar === jaar && inGroep(f.taakveld) && codes.includes(f.gemeenteCode));
  const inwoners = gemeenten.reduce((sum, g) => sum + g.inwoners, 0);
  const som = (waarde: (f: (typeof rows)[number]) => number) => rows.reduce((sum, f) => sum + waarde(f), 0);
  const gerealiseerd = rows.every((f) => f.realisatie !== null);
  return {
    groep,
    aantalGemeenten: gemeenten.length,
    begrotingPerInwoner: roundHalfAwayFromZero(som((f) => f.begroting) / inwoners),
    realisatiePerInwoner: gerealiseerd ? roundHalfAwayFromZero(som((f) => f.realisatie ?? 0) / inwoners) : null,
    tekortPerInwoner: roundHalfAwayFromZero(som((f) => (f.realisatie ?? f.prognose) - f.begroting) / inwoners),
  };
}

describe('financienVergelijking', () => {
  it('compares Huizen per pre-2023 taakveld with its size class and the country, 6.72 holding 6.72-6.74', async () => {
    const result = await harness.execute<{ financienVergelijking: { verantwoording: unknown; rijen: Rij[] } }>(QUERY, {
      gemeenten: ['0406'],
      jaar: 2024,
      indeling: 'IV3_TOT_2023',
    });
    expect(result.errors).toBeUndefined();
    const { verantwoording, rijen } = result.data!.financienVergelijking;
    expect(verantwoording).toEqual({ berekendOver: ['0406'], uitgesloten: [], gegevensTot: '2024-12-31', laatsteDeclaratie: null });
    const huizen = world.gemeenten.find((g) => g.code === '0406')!;
    const klasse = world.gemeenten.filter((g) => g.grootteklasse === huizen.grootteklasse).map((g) => g.code);
    const alle = world.gemeenten.map((g) => g.code);
    expect(klasse.length).toBeGreaterThan(1);
    const jeugd = (t: string) => /^6\.7[234]/.test(t);
    const rij = rijen.find((r) => r.taakveld?.code === '6.72');
    expect(rij).toMatchObject({ gemeenteCode: '0406', jaar: 2024, wet: 'JEUGDWET' });
    expect(rij?.begroting).toBe(
      world.financien.filter((f) => f.gemeenteCode === '0406' && f.jaar === 2024 && jeugd(f.taakveld)).reduce((s, f) => s + f.begroting, 0),
    );
    expect(rij?.grootteklasse).toEqual(referentie(klasse, 2024, jeugd, huizen.grootteklasse));
    expect(rij?.nederland).toEqual(referentie(alle, 2024, jeugd, 'Nederland'));
    expect(rijen.map((r) => r.taakveld?.code)).toEqual(['6.1', '6.2', '6.3', '6.4', '6.5', '6.6', '6.71', '6.72', '6.81', '6.82']);
  });

  it('sums per wet, leaves 6.1 and 6.2 without a law, and has no realisation in the open year', async () => {
    const result = await harness.execute<{ financienVergelijking: { verantwoording: { gegevensTot: string | null }; rijen: Rij[] } }>(
      QUERY,
      { gemeenten: ['0317', '0406'], jaar: 2026, indeling: 'WET' },
    );
    expect(result.errors).toBeUndefined();
    const { verantwoording, rijen } = result.data!.financienVergelijking;
    expect(verantwoording.gegevensTot).toBeNull();
    expect(rijen.map((r) => [r.gemeenteCode, r.wet])).toEqual([
      ['0317', null], ['0317', 'JEUGDWET'], ['0317', 'PARTICIPATIEWET'], ['0317', 'WMO'],
      ['0406', null], ['0406', 'JEUGDWET'], ['0406', 'PARTICIPATIEWET'], ['0406', 'WMO'],
    ]);
    expect(rijen.every((r) => r.taakveld === null && r.realisatie === null && r.nederland.realisatiePerInwoner === null)).toBe(true);
  });

  it('answers every gemeente in the asked order with one statement, each row beside its own groups and with its texts', async () => {
    const query = `query ($gemeenten: [String!]!, $jaar: Int) { financienVergelijking(gemeenten: $gemeenten, jaar: $jaar) {
      rijen { gemeenteCode taakveld { code } begroting begrotingTekst realisatie realisatieTekst tekort tekortTekst
              grootteklasse { ${REFERENTIE} } nederland { ${REFERENTIE} } } } }`;
    type Tekst = 'begrotingTekst' | 'realisatieTekst' | 'tekortTekst';
    type Antwoord = { financienVergelijking: { rijen: (Rij & { tekort: number } & Record<Tekst, string | null>)[] } };
    const alle = world.gemeenten.map((g) => g.code);
    const gevraagd = [...alle].reverse();
    // The first request of a data version computes the comparison groups and keeps them: one statement more, once.
    const eerste = await harness.countStatements<Antwoord>(query, { gemeenten: gevraagd.slice(0, 1), jaar: 2024 });
    const een = await harness.countStatements<Antwoord>(query, { gemeenten: gevraagd.slice(0, 1), jaar: 2024 });
    expect(eerste.statements).toBeLessThanOrEqual(een.statements + 1);
    const allemaal = await harness.countStatements<Antwoord>(query, { gemeenten: gevraagd, jaar: 2024 });
    expect(allemaal.result.errors).toBeUndefined();
    expect(allemaal.statements).toBe(een.statements);
    const rijen = allemaal.result.data!.financienVergelijking.rijen;
    expect([...new Set(rijen.map((r) => r.gemeenteCode))]).toEqual(gevraagd);
    expect(rijen).toHaveLength(world.financien.filter((f) => f.jaar === 2024).length);
    for (const rij of rijen) {
      const gemeente = world.gemeenten.find((g) => g.code === rij.gemeenteCode)!;
      const klasse = world.gemeenten.filter((g) => g.grootteklasse === gemeente.grootteklasse).map((g) => g.code);
      const taakveld = (t: string) => t === rij.taakveld?.code;
      expect(rij.grootteklasse).toEqual(referentie(klasse, 2024, taakveld, gemeente.grootteklasse));
      expect(rij.nederland).toEqual(referentie(alle, 2024, taakveld, 'Nederland'));
    }
    // 2024 is closed: every amount has its text, "€ 1.234,56" with the sign before the euro sign.
    const tekst = (cent: number) =>
      `${cent < 0 ? '-' : ''}€ ${Math.floor(Math.abs(cent) / 100).toLocaleString('nl-NL')},${String(Math.abs(cent) % 100).padStart(2, '0')}`;
    expect(rijen.map((r) => [r.begrotingTekst, r.realisatieTekst, r.tekortTekst])).toEqual(
      rijen.map((r) => [tekst(r.begroting), tekst(r.realisatie!), tekst(r.tekort)]),
    );
  });

  it('filters on a wet and refuses a malformed gemeentecode', async () => {
    const result = await harness.execute<{ financienVergelijking: { rijen: Rij[] } }>(QUERY, {
      gemeenten: ['0406'],
      jaar: 2023,
      wet: 'PARTICIPATIEWET',
    });
    expect(result.data?.financienVergelijking.rijen.map((r) => r.taakveld?.code)).toEqual(['6.3', '6.4', '6.5']);
    expect(errorCodes(await harness.execute(QUERY, { gemeenten: ['406'] }))).toEqual(['BAD_USER_INPUT']);
  });

  it('compares with the figures as they are now: the kept comparison groups follow a write to financieel_cijfer or a gemeente', async () => {
    const vraag = { gemeenten: ['0406'], jaar: 2024, indeling: 'WET' };
    const nederland = async () => {
      const result = await harness.execute<{ financienVergelijking: { rijen: Rij[] } }>(QUERY, vraag);
      expect(result.errors).toBeUndefined();
      return result.data!.financienVergelijking.rijen.find((r) => r.wet === 'WMO')!.nederland;
    };
    const voor = await nederland();
    expect(await nederland()).toEqual(voor); // kept, the same
    // Another gemeente's Wmo budget doubles: the country's average moves, though 0406 itself did not change.
    const ander = world.financien.find((f) => f.gemeenteCode !== '0406' && f.jaar === 2024 && f.taakveld === '6.71a')!;
    await harness.db.query(`UPDATE financieel_cijfer SET begroting = begroting * 2 WHERE gemeente_code = $1 AND jaar = 2024 AND taakveld = '6.71a'`, [
      ander.gemeenteCode,
    ]);
    try {
      const na = await nederland();
      const wmo = world.financien.filter((f) => f.jaar === 2024 && taakveldWet(f.taakveld) === 'WMO');
      const metCijfers = new Set(wmo.map((f) => f.gemeenteCode));
      const inwoners = world.gemeenten.filter((g) => metCijfers.has(g.code)).reduce((sum, g) => sum + g.inwoners, 0);
      const begroting = wmo.reduce((sum, f) => sum + f.begroting, 0);
      expect(voor.begrotingPerInwoner).toBe(roundHalfAwayFromZero(begroting / inwoners));
      expect(na.begrotingPerInwoner).toBe(roundHalfAwayFromZero((begroting + ander.begroting) / inwoners));
      // And a gemeente's inhabitants, which weigh its figures.
      await harness.db.query(`UPDATE gemeente SET inwoners = inwoners * 2 WHERE code = $1`, [ander.gemeenteCode]);
      expect((await nederland()).begrotingPerInwoner).not.toBe(na.begrotingPerInwoner);
    } finally {
      await harness.db.query(`UPDATE financieel_cijfer SET begroting = $2 WHERE gemeente_code = $1 AND jaar = 2024 AND taakveld = '6.71a'`, [
        ander.gemeenteCode,
        ander.begroting,
      ]);
      const gemeente = world.gemeenten.find((g) => g.code === ander.gemeenteCode)!;
      await harness.db.query(`UPDATE gemeente SET inwoners = $2 WHERE code = $1`, [ander.gemeenteCode, gemeente.inwoners]);
    }
    expect(await nederland()).toEqual(voor);
  });
});
