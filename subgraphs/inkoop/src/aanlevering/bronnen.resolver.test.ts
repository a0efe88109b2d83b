import { type DemoWorld, developmentPrincipal, registreerAanlevering } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, defaultWorld } from '../inkoop.test-utils.js';
import { subgraph } from '../schema.js';

// Issue 15 item 6: the steering answers show how fresh each of their sources is, per gemeente.
let harness: SubgraphHarness;
let world: DemoWorld;

beforeAll(async () => {
  world = defaultWorld();
  harness = await createSubgraphHarness(subgraph);
});

afterAll(async () => {
  await harness?.close();
});

const QUERY = `query ($g: [String!]!, $wet: Wet!) {
  verplichtingen(gemeenten: $g, wet: $wet, jaar: 2026) { bronnen { gemeenteCode bron bijgewerktTot kanaal bijgewerktOp } }
  declaratiegedrag(gemeenten: $g, wet: $wet, jaar: 2026) { bronnen { gemeenteCode bron bijgewerktTot kanaal } }
}`;

interface Bron { gemeenteCode: string; bron: string; bijgewerktTot: string | null; kanaal: string | null; bijgewerktOp?: string | null }
const ask = async (g: string[], wet = 'WMO') =>
  dataOf(await harness.execute<{ verplichtingen: { bronnen: Bron[] }; declaratiegedrag: { bronnen: Bron[] } }>(QUERY, { g, wet }, developmentPrincipal));

describe('bronnen on verplichtingen and declaratiegedrag', () => {
  it('shows the demo world as the one delivery of each source, up to its peildatum', async () => {
    const antwoord = await ask(['0406', '0402']);
    expect(antwoord.verplichtingen.bronnen.map(({ bijgewerktOp: _op, ...rest }) => rest)).toEqual(
      ['0406', '0402'].flatMap((gemeenteCode) =>
        ['TOEWIJZINGEN', 'DECLARATIES'].map((bron) => ({ gemeenteCode, bron, bijgewerktTot: world.peildatum, kanaal: 'DEMOWERELD' })),
      ),
    );
    expect(antwoord.declaratiegedrag.bronnen).toEqual(['0406', '0402'].map((gemeenteCode) => ({ gemeenteCode, bron: 'DECLARATIES', bijgewerktTot: world.peildatum, kanaal: 'DEMOWERELD' })));
  });

  it('moves to a later delivery of one source for one gemeente and law, and leaves the others as they were', async () => {
    await registreerAanlevering(harness.db, { gemeente: '0406', wet: 'WMO', bron: 'DECLARATIES', kanaal: 'CSV_IMPORT', bijgewerktTot: '2026-11-30', aantal: 12 });
    const wmo = await ask(['0406', '0402']);
    expect(wmo.declaratiegedrag.bronnen).toEqual([
      { gemeenteCode: '0406', bron: 'DECLARATIES', bijgewerktTot: '2026-11-30', kanaal: 'CSV_IMPORT' },
      { gemeenteCode: '0402', bron: 'DECLARATIES', bijgewerktTot: world.peildatum, kanaal: 'DEMOWERELD' },
    ]);
    const nu = wmo.verplichtingen.bronnen.find((b) => b.gemeenteCode === '0406' && b.bron === 'DECLARATIES');
    expect(nu).toMatchObject({ kanaal: 'CSV_IMPORT', bijgewerktTot: '2026-11-30' });
    expect(nu?.bijgewerktOp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(wmo.verplichtingen.bronnen.find((b) => b.gemeenteCode === '0406' && b.bron === 'TOEWIJZINGEN')).toMatchObject({ kanaal: 'DEMOWERELD' });
    // The Jeugdwet's declaraties of 0406 were not delivered again.
    expect((await ask(['0406'], 'JEUGDWET')).declaratiegedrag.bronnen).toEqual([{ gemeenteCode: '0406', bron: 'DECLARATIES', bijgewerktTot: world.peildatum, kanaal: 'DEMOWERELD' }]);
  });
});
