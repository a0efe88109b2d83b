import { type DemoWorld, developmentPrincipal, testPrincipal } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, defaultWorld, firstError } from '../inkoop.test-utils.js';
import { subgraph } from '../schema.js';
import { type GepubliceerdeRij, RIJ_VELDEN, vergelijkVerplichtingen, verwachteVerplichtingen } from './verplichtingen.test-utils.js';

let harness: SubgraphHarness;
let world: DemoWorld;

beforeAll(async () => {
  world = defaultWorld();
  harness = await createSubgraphHarness(subgraph);
});

afterAll(async () => {
  await harness?.close();
});

const QUERY = `query ($g: [String!]!, $wet: Wet!, $jaar: Int!, $aanbieder: String) {
  verplichtingen(gemeenten: $g, wet: $wet, jaar: $jaar, aanbieder: $aanbieder) {
    verantwoording { berekendOver uitgesloten { gemeenteCode reden } gegevensTot laatsteDeclaratie }
    peildatum
    rijen { ${RIJ_VELDEN} }
  }
}`;

type Antwoord = {
  verplichtingen: {
    verantwoording: { berekendOver: string[]; uitgesloten: { gemeenteCode: string; reden: string }[]; gegevensTot: string | null; laatsteDeclaratie: string | null };
    peildatum: string | null;
    rijen: GepubliceerdeRij[];
  };
};

async function ask(variables: Record<string, unknown>, principal = developmentPrincipal): Promise<Antwoord['verplichtingen']> {
  return dataOf(await harness.execute<Antwoord>(QUERY, variables, principal)).verplichtingen;
}

describe('verplichtingen', () => {
  it('matches the commitments, declarations and forecast recomputed from the world (Wmo, Huizen and Hilversum, 2026)', async () => {
    const antwoord = await ask({ g: ['0406', '0402'], wet: 'WMO', jaar: 2026 });
    const exp = verwachteVerplichtingen(world, { gemeenten: ['0406', '0402'], wet: 'WMO', jaar: 2026 });
    const rijen = [...exp.rijen.values()];
    // The world has what the answer is about: big rows, months delivered but not declared, a forecast above the declarations.
    expect(rijen.filter((r) => r.toewijzingen.size >= 10).length).toBeGreaterThan(2);
    expect(rijen.some((r) => r.toewijzingen.size >= 10 && r.nietGedeclareerd > 0 && r.prognose > r.gedeclareerd)).toBe(true);
    expect(world.peildatum).toBe('2026-11-01');
    expect(antwoord.peildatum).toBe(world.peildatum);
    expect(antwoord.verantwoording.laatsteDeclaratie).toBe(exp.laatsteDeclaratie);
    expect(antwoord.verantwoording.gegevensTot).toBe(exp.gegevensTot);
    vergelijkVerplichtingen(world, 2026, antwoord.rijen, exp.rijen);
  });

  it('leaves toewijzingen under a lumpsum contract out (Jeugdwet, IJmond) and matches the world for a past year', async () => {
    const lumpsum = world.contracten.filter((c) => c.bekostiging === 'LUMPSUM');
    const heemskerk = world.jeugdToewijzingen.filter((t) => t.gemeenteCode === '0396' && lumpsum.some((c) => c.id === t.contractId));
    expect(heemskerk.length).toBeGreaterThan(0);
    const antwoord = await ask({ g: ['0396', '0397'], wet: 'JEUGDWET', jaar: 2025 });
    expect(antwoord.rijen.some((r) => lumpsum.some((c) => c.aanbiederAgb === r.aanbieder.agbCode))).toBe(false);
    vergelijkVerplichtingen(world, 2025, antwoord.rijen, verwachteVerplichtingen(world, { gemeenten: ['0396', '0397'], wet: 'JEUGDWET', jaar: 2025 }).rijen);
  });

  it('answers for one aanbieder only', async () => {
    const agb = world.wmoToewijzingen.find((t) => t.gemeenteCode === '0406' && t.leveringsvorm === 'ZIN')?.aanbiederAgb ?? '';
    const antwoord = await ask({ g: ['0406', '0376'], wet: 'WMO', jaar: 2026, aanbieder: agb });
    expect(antwoord.rijen.length).toBeGreaterThan(0);
    expect(antwoord.rijen.every((r) => r.aanbieder.agbCode === agb)).toBe(true);
    vergelijkVerplichtingen(world, 2026, antwoord.rijen, verwachteVerplichtingen(world, { gemeenten: ['0406', '0376'], wet: 'WMO', jaar: 2026, aanbieder: agb }).rijen);
  });

  it('computes over the gemeenten within the aggregate scope and lists the others', async () => {
    const alleenHuizen = testPrincipal({ scope: () => ({ alle: false, gemeenten: ['0406'] }) });
    const antwoord = await ask({ g: ['0406', '0402'], wet: 'WMO', jaar: 2026 }, alleenHuizen);
    expect(antwoord.verantwoording.berekendOver).toEqual(['0406']);
    expect(antwoord.verantwoording.uitgesloten).toEqual([{ gemeenteCode: '0402', reden: 'BUITEN_MANDAAT' }]);
    vergelijkVerplichtingen(world, 2026, antwoord.rijen, verwachteVerplichtingen(world, { gemeenten: ['0406'], wet: 'WMO', jaar: 2026 }).rijen);
  });

  it('answers with no rows and everything excluded for a caller without any aggregate scope', async () => {
    const niemand = testPrincipal({ scope: () => ({ alle: false, gemeenten: [] }), statistiek: () => ({ alle: false, gemeenten: [] }) });
    const antwoord = await ask({ g: ['0406'], wet: 'WMO', jaar: 2026 }, niemand);
    expect(antwoord).toEqual({
      verantwoording: { berekendOver: [], uitgesloten: [{ gemeenteCode: '0406', reden: 'BUITEN_MANDAAT' }], gegevensTot: null, laatsteDeclaratie: null },
      peildatum: null,
      rijen: [],
    });
  });

  it('costs the same number of statements for 1 as for 7 gemeenten', async () => {
    const one = await harness.countStatements(QUERY, { g: ['0406'], wet: 'WMO', jaar: 2026 });
    const seven = await harness.countStatements(QUERY, { g: ['0406', '0376', '0317', '0417', '0402', '1942', '1696'], wet: 'WMO', jaar: 2026 });
    expect(seven.result.errors).toBeUndefined();
    expect(seven.statements).toBe(one.statements);
  });

  it.each([
    [{ g: ['406'], wet: 'WMO', jaar: 2026 }, /CBS-gemeentecode/],
    [{ g: ['0406'], wet: 'WMO', jaar: 2026, aanbieder: '123' }, /AGB-code/],
    [{ g: ['0406'], wet: 'WMO', jaar: 1999 }, /jaar/],
  ])('refuses %o with BAD_USER_INPUT', async (variables, message) => {
    const error = firstError(await harness.execute(QUERY, variables, developmentPrincipal));
    expect(error?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toMatch(message);
  });
});
