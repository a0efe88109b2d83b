import { type Principal, testPrincipal } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph } from '../schema.js';
import { demoWorld, firstError } from '../wmo.test-utils.js';

type Aantal = { waarde: number | null; onderdrukt: string | null };
type Telling = { gemeente: { code: string }; totaal: boolean; aantalToewijzingen: Aantal; aantalClienten: Aantal };
const QUERY = `query ($g: [String!]!, $j: Int!) { wmoToewijzingenPerProductcategorie(gemeenten: $g, jaar: $j) {
  gemeente { code } totaal aantalToewijzingen { waarde onderdrukt } aantalClienten { waarde onderdrukt } } }`;

/** Beleid of a gemeente as the gateway vouches for it: no row mandate, aggregates of its own gemeente. */
const beleidVan = (code: string): Principal =>
  testPrincipal({ organisatie: code, rollen: ['beleid'], scope: () => ({ alle: false, gemeenten: [] }), statistiek: () => ({ alle: false, gemeenten: [code] }) });

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

describe('Wmo counts follow principal.statistiek, not the row scope', () => {
  it("gives Eemnes' beleid Eemnes' counts without any row mandate, and refuses Huizen's with FORBIDDEN", async () => {
    const own = await harness.execute<{ wmoToewijzingenPerProductcategorie: Telling[] }>(QUERY, { g: ['0317'], j: 2025 }, beleidVan('0317'));
    expect(own.errors).toBeUndefined();
    expect(own.data?.wmoToewijzingenPerProductcategorie.filter((row) => row.totaal).map((row) => row.gemeente.code)).toEqual(['0317']);
    const other = await harness.execute(QUERY, { g: ['0317', '0406'], j: 2025 }, beleidVan('0317'));
    expect(firstError(other)).toEqual({ code: 'FORBIDDEN', message: expect.stringContaining('0406') });
    const field = await harness.execute<{ _entities: unknown[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Gemeente { wmoToewijzingenPerProductcategorie(jaar: 2025) { totaal } } } }`,
      { r: [{ __typename: 'Gemeente', code: '0406' }] },
      beleidVan('0317'),
    );
    expect(firstError(field)?.code).toBe('FORBIDDEN');
  });

  it('gives a caller without aggregate rights (a provider) no counts at all', async () => {
    const aanbieder = testPrincipal({ aanbieder: '12345678', scope: () => ({ alle: false, gemeenten: [] }), statistiek: () => ({ alle: false, gemeenten: [] }) });
    expect(firstError(await harness.execute(QUERY, { g: ['0406'], j: 2025 }, aanbieder))?.code).toBe('FORBIDDEN');
  });
});

describe('suppression of a real demo-world query with small cells', () => {
  it('withholds every small cell, and no combination of the returned total and cells gives one back', async () => {
    const gemeenten = demoWorld().gemeenten.map((g) => g.code);
    let small = 0;
    for (const jaar of [2023, 2024, 2025]) {
      const result = await harness.execute<{ wmoToewijzingenPerProductcategorie: Telling[] }>(QUERY, { g: gemeenten, j: jaar });
      expect(result.errors).toBeUndefined();
      const rows = result.data?.wmoToewijzingenPerProductcategorie ?? [];
      for (const code of gemeenten) {
        const own = rows.filter((row) => row.gemeente.code === code);
        const total = own.find((row) => row.totaal);
        const cells = own.filter((row) => !row.totaal);
        for (const measure of ['aantalToewijzingen', 'aantalClienten'] as const) {
          small += cells.filter((cell) => cell[measure].onderdrukt === 'KLEIN_AANTAL').length;
          if (!total || total[measure].waarde === null) continue; // a withheld total gives nothing back
          // Every combination: the total minus any subset of the visible cells. It recovers a
          // withheld cell exactly when what remains of the table is that one cell alone.
          const visible = cells.filter((cell) => cell[measure].waarde !== null);
          const hidden = cells.length - visible.length;
          for (let subset = 0; subset < 2 ** visible.length; subset += 1) {
            const leftVisible = visible.filter((_, i) => (subset & (1 << i)) === 0).length;
            expect(leftVisible + hidden === 1 && hidden === 1, `${code} ${jaar} ${measure}: total minus cells ${subset} gives a withheld cell back`).toBe(false);
          }
        }
      }
    }
    expect(small).toBeGreaterThan(0);
  });
});
