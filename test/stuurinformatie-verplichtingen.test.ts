import { describe, expect, it } from 'vitest';
import {
  type GepubliceerdeRij,
  RIJ_VELDEN,
  vergelijkVerplichtingen,
  verwachteVerplichtingen,
} from '../subgraphs/inkoop/src/verplichting/verplichtingen.test-utils.js';
import { useGraph, demoWorld } from './graph.test-utils.js';

// Issue 4 item 2 (commitments against declarations, with a forecast for the year) with item 10
// (verantwoording), through the gateway. Expected values are recomputed from the demo world's
// toewijzingen, tarieven and declaraties with plain date arithmetic, not SQL.
const world = demoWorld();
const graph = useGraph();

const QUERY = `query ($g: [String!]!, $wet: Wet!, $jaar: Int!, $aanbieder: String) {
  verplichtingen(gemeenten: $g, wet: $wet, jaar: $jaar, aanbieder: $aanbieder) {
    verantwoording { berekendOver uitgesloten { gemeenteCode wet reden } gegevensTot laatsteDeclaratie onderdrukkingsregel }
    peildatum
    rijen { ${RIJ_VELDEN} aanbieder { naam } wet jaar }
  }
}`;

interface Antwoord {
  verantwoording: {
    berekendOver: string[];
    uitgesloten: { gemeenteCode: string; wet: string; reden: string }[];
    gegevensTot: string | null;
    laatsteDeclaratie: string | null;
    onderdrukkingsregel: string;
  };
  peildatum: string | null;
  rijen: (GepubliceerdeRij & { aanbieder: { agbCode: string; naam: string }; wet: string; jaar: number })[];
}

async function ask(token: string, variables: Record<string, unknown>): Promise<Antwoord> {
  const response = await graph.query<{ verplichtingen: Antwoord }>(QUERY, variables, token);
  expect(response.errors).toBeUndefined();
  const antwoord = response.data?.verplichtingen;
  if (!antwoord) throw new Error('no verplichtingen');
  return antwoord;
}

/** The rows without the fields the shared comparison does not know. */
const kern = (rijen: Antwoord['rijen']): GepubliceerdeRij[] =>
  rijen.map(({ aanbieder, wet: _wet, jaar: _jaar, ...rest }) => ({ ...rest, aanbieder: { agbCode: aanbieder.agbCode } }));

describe('verplichtingen (issue 4 item 2)', () => {
  it('gives the region inkoper commitments, declarations and a forecast per aanbieder, and excludes a gemeente it does not buy for', async () => {
    const token = await graph.token({ role: 'inkoper', org: 'regio-gv' });
    const antwoord = await ask(token, { g: ['0406', '0402', '0307'], wet: 'WMO', jaar: 2026 });
    const exp = verwachteVerplichtingen(world, { gemeenten: ['0406', '0402'], wet: 'WMO', jaar: 2026 });
    const zichtbaar = [...exp.rijen.values()].filter((r) => r.toewijzingen.size >= 10);
    expect(zichtbaar.length).toBeGreaterThan(2);
    // Before the declarations are in, the forecast lies above what was declared.
    expect(zichtbaar.some((r) => r.nietGedeclareerd > 0 && r.prognose > r.gedeclareerd)).toBe(true);
    expect(antwoord.verantwoording.berekendOver).toEqual(['0406', '0402']);
    expect(antwoord.verantwoording.uitgesloten).toEqual([{ gemeenteCode: '0307', wet: 'WMO', reden: 'BUITEN_MANDAAT' }]);
    expect(antwoord.verantwoording.laatsteDeclaratie).toBe(exp.laatsteDeclaratie);
    expect(antwoord.verantwoording.gegevensTot).toBe(exp.gegevensTot);
    expect(antwoord.verantwoording.onderdrukkingsregel).toMatch(/onder 10/);
    expect(antwoord.peildatum).toBe(world.peildatum);
    expect(antwoord.rijen.every((r) => r.wet === 'WMO' && r.jaar === 2026 && r.aanbieder.naam.length > 0)).toBe(true);
    vergelijkVerplichtingen(world, 2026, kern(antwoord.rijen), exp.rijen);
  });

  it("leaves Eemnes' Jeugdwet out for the HBEL analist, with the reason, never as zero", async () => {
    const token = await graph.token({ role: 'analist', org: 'uo-hbel' });
    const antwoord = await ask(token, { g: ['0406', '0317'], wet: 'JEUGDWET', jaar: 2026 });
    expect(world.jeugdToewijzingen.some((t) => t.gemeenteCode === '0317' && t.leveringsvorm === 'ZIN')).toBe(true);
    expect(antwoord.verantwoording.berekendOver).toEqual(['0406']);
    expect(antwoord.verantwoording.uitgesloten).toEqual([{ gemeenteCode: '0317', wet: 'JEUGDWET', reden: 'BUITEN_MANDAAT' }]);
    expect(antwoord.rijen.every((r) => r.gemeente.code === '0406')).toBe(true);
    vergelijkVerplichtingen(world, 2026, kern(antwoord.rijen), verwachteVerplichtingen(world, { gemeenten: ['0406'], wet: 'JEUGDWET', jaar: 2026 }).rijen);
  });

  it('is refused to a provider, who reads declaraties but no aggregates', async () => {
    const agb = world.declaraties[0]?.aanbiederAgb ?? '';
    const response = await graph.query(QUERY, { g: ['0406'], wet: 'WMO', jaar: 2026 }, await graph.token({ role: 'aanbieder', org: agb }));
    expect(response.data?.verplichtingen ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
