import { type Principal, testPrincipal } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { worldToewijzingen } from '../jeugd.test-utils.js';
import { subgraph } from '../schema.js';

/** A provider as the gateway vouches for it: no arrangement, no row mandate, only its AGB code. */
function aanbieder(agb: string): Principal {
  return testPrincipal({ organisatie: agb, rollen: ['aanbieder'], aanbieder: agb, scope: () => ({ alle: false, gemeenten: [] }) });
}

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

describe('a provider (principal.aanbieder)', () => {
  // The provider with toewijzingen in the most gemeenten, and one other.
  const perAanbieder = new Map<string, Set<string>>();
  for (const t of worldToewijzingen()) perAanbieder.set(t.aanbiederAgb, (perAanbieder.get(t.aanbiederAgb) ?? new Set()).add(t.gemeenteCode));
  const [eigen = '', ander = ''] = [...perAanbieder].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0])).map(([agb]) => agb);
  const own = worldToewijzingen().filter((t) => t.aanbiederAgb === eigen);

  it('lists only its own jeugdhulp toewijzingen, in every gemeente', async () => {
    expect(new Set(own.map((t) => t.gemeenteCode)).size).toBeGreaterThan(1);
    const result = await harness.execute<{ jeugdToewijzingen: { items: { gemeenteCode: string }[]; pageInfo: { totaal: number } } }>(
      `query ($a: String) { jeugdToewijzingen(aanbieder: $a, first: 500) { items { gemeenteCode } pageInfo { totaal } } }`,
      {},
      aanbieder(eigen),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.jeugdToewijzingen.pageInfo.totaal).toBe(own.length);
    expect(new Set(result.data?.jeugdToewijzingen.items.map((t) => t.gemeenteCode))).toEqual(new Set(own.map((t) => t.gemeenteCode)));
    const theirs = await harness.execute<{ jeugdToewijzingen: { pageInfo: { totaal: number } } }>(
      `query ($a: String) { jeugdToewijzingen(aanbieder: $a, first: 1) { pageInfo { totaal } } }`,
      { a: ander },
      aanbieder(eigen),
    );
    expect(theirs.data?.jeugdToewijzingen.pageInfo.totaal).toBe(0);
  });

  it("gets null for another provider's toewijzingsnummer and its own by number", async () => {
    const other = worldToewijzingen().find((t) => t.aanbiederAgb === ander);
    const mine = own[0];
    if (!other || !mine) throw new Error('no toewijzingen to look up');
    const lookup = `query ($g: String!, $n: String!) { jeugdToewijzing(gemeenteCode: $g, toewijzingsnummer: $n) { toewijzingsnummer } }`;
    expect((await harness.execute(lookup, { g: other.gemeenteCode, n: other.toewijzingsnummer }, aanbieder(eigen))).data).toEqual({
      jeugdToewijzing: null,
    });
    expect((await harness.execute(lookup, { g: mine.gemeenteCode, n: mine.toewijzingsnummer }, aanbieder(eigen))).data).toEqual({
      jeugdToewijzing: { toewijzingsnummer: mine.toewijzingsnummer },
    });
  });
});
