import { type Principal, testPrincipal } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstError } from '../jeugd.test-utils.js';
import { subgraph } from '../schema.js';

const QUERY = `query ($g: [String!]!, $j: Int!) { jeugdToewijzingenPerProductcategorie(gemeenten: $g, jaar: $j) { gemeente { code } totaal } }`;

/** A caller whose row scope is HBEL's Jeugdwet (not Eemnes) and whose aggregate scope is `statistiek`. */
const caller = (statistiek: readonly string[]): Principal =>
  testPrincipal({ scope: () => ({ alle: false, gemeenten: ['0406', '0376', '0417'] }), statistiek: () => ({ alle: false, gemeenten: statistiek }) });

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

describe('Jeugdwet counts follow principal.statistiek, not the row scope', () => {
  it("gives Eemnes' counts to a caller with Eemnes in statistiek though Amersfoort executes its Jeugdwet", async () => {
    const result = await harness.execute<{ jeugdToewijzingenPerProductcategorie: { gemeente: { code: string }; totaal: boolean }[] }>(
      QUERY, { g: ['0317'], j: 2025 }, caller(['0317']),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.jeugdToewijzingenPerProductcategorie.filter((row) => row.totaal).map((row) => row.gemeente.code)).toEqual(['0317']);
  });

  it('refuses with FORBIDDEN a gemeente in the row scope but outside statistiek, never a zero', async () => {
    const error = firstError(await harness.execute(QUERY, { g: ['0406'], j: 2025 }, caller(['0317'])));
    expect(error).toEqual({ code: 'FORBIDDEN', message: expect.stringContaining('0406') });
  });
});
