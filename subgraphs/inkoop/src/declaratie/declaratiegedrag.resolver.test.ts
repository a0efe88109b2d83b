import { type DemoWorld, developmentPrincipal, testPrincipal, Wet } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, defaultWorld, firstError } from '../inkoop.test-utils.js';
import { subgraph } from '../schema.js';

let harness: SubgraphHarness;
let world: DemoWorld;

beforeAll(async () => {
  world = defaultWorld();
  harness = await createSubgraphHarness(subgraph);
});

afterAll(async () => {
  await harness?.close();
});

const QUERY = `query ($g: [String!]!, $aanbieder: String) {
  declaratiegedrag(gemeenten: $g, wet: WMO, jaar: 2025, aanbieder: $aanbieder) {
    verantwoording { berekendOver uitgesloten { gemeenteCode reden } laatsteDeclaratie }
    rijen { aanbieder { agbCode naam } gemeente { code } aantalDeclaratieregels { waarde onderdrukt } }
  }
}`;

type Antwoord = {
  declaratiegedrag: {
    verantwoording: { berekendOver: string[]; uitgesloten: { gemeenteCode: string; reden: string }[]; laatsteDeclaratie: string | null };
    rijen: { aanbieder: { agbCode: string; naam: string }; gemeente: { code: string } }[];
  };
};

/** A caller whose aggregate scope for every law is only Huizen. */
const alleenHuizen = testPrincipal({ scope: () => ({ alle: false, gemeenten: ['0406'] }) });

describe('declaratiegedrag', () => {
  it('computes over the gemeenten within the aggregate scope and lists the others, with the last dagtekening', async () => {
    const antwoord = dataOf(await harness.execute<Antwoord>(QUERY, { g: ['0406', '0402'] }, alleenHuizen)).declaratiegedrag;
    expect(antwoord.verantwoording.berekendOver).toEqual(['0406']);
    expect(antwoord.verantwoording.uitgesloten).toEqual([{ gemeenteCode: '0402', reden: 'BUITEN_MANDAAT' }]);
    const huizen = world.declaraties.filter((d) => d.gemeenteCode === '0406' && d.wet === Wet.WMO && d.ingediendOp.startsWith('2025-'));
    expect(antwoord.verantwoording.laatsteDeclaratie).toBe(huizen.map((d) => d.ingediendOp).sort().at(-1));
    expect(new Set(antwoord.rijen.map((r) => r.aanbieder.agbCode))).toEqual(new Set(huizen.map((d) => d.aanbiederAgb)));
    expect(antwoord.rijen.every((r) => r.gemeente.code === '0406' && r.aanbieder.naam.length > 0)).toBe(true);
  });

  it('answers with no rows and everything excluded for a caller without any aggregate scope, never zero rows as a count', async () => {
    const niemand = testPrincipal({ scope: () => ({ alle: false, gemeenten: [] }), statistiek: () => ({ alle: false, gemeenten: [] }) });
    const antwoord = dataOf(await harness.execute<Antwoord>(QUERY, { g: ['0406'] }, niemand)).declaratiegedrag;
    expect(antwoord).toEqual({
      verantwoording: { berekendOver: [], uitgesloten: [{ gemeenteCode: '0406', reden: 'BUITEN_MANDAAT' }], laatsteDeclaratie: null },
      rijen: [],
    });
  });

  it('costs the same number of statements for 1 as for 7 gemeenten', async () => {
    const one = await harness.countStatements(QUERY, { g: ['0406'] });
    const seven = await harness.countStatements(QUERY, { g: ['0406', '0376', '0317', '0417', '0402', '1942', '1696'] });
    expect(seven.result.errors).toBeUndefined();
    expect(seven.statements).toBe(one.statements);
  });

  it.each([
    [{ g: ['406'] }, 'gemeenten'],
    [{ g: ['0406'], aanbieder: '123' }, 'aanbieder'],
  ])('refuses %o with BAD_USER_INPUT', async (variables, argument) => {
    const error = firstError(await harness.execute(QUERY, variables, developmentPrincipal));
    expect(error?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toMatch(argument === 'gemeenten' ? /CBS-gemeentecode/ : /AGB-code/);
  });
});
