import { JW_PRODUCTCATEGORIE } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actiefIn, firstError, worldToewijzingen } from '../jeugd.test-utils.js';
import { subgraph } from '../schema.js';

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

const QUERY = `query ($gemeenten: [String!]!, $jaar: Int!) {
  jeugdToewijzingenPerProductcategorie(gemeenten: $gemeenten, jaar: $jaar) {
    gemeente { code } jaar productcategorie { code omschrijving } aantalToewijzingen aantalJeugdigen
  }
}`;

type TellingData = {
  jeugdToewijzingenPerProductcategorie: {
    gemeente: { code: string };
    jaar: number;
    productcategorie: { code: string; omschrijving: string };
    aantalToewijzingen: number;
    aantalJeugdigen: number;
  }[];
};

describe('jeugdToewijzingenPerProductcategorie', () => {
  it('counts toewijzingen and young people per gemeente and categorie as the demo world does', async () => {
    const gemeenten = ['0406', '0317', '0397'];
    const jaar = 2024;
    const expected = new Map<string, { toewijzingen: number; jeugdigen: Set<string> }>();
    for (const t of worldToewijzingen()) {
      if (!gemeenten.includes(t.gemeenteCode) || !actiefIn(t, jaar)) continue;
      const key = `${t.gemeenteCode}/${t.productcategorie}`;
      const cell = expected.get(key) ?? { toewijzingen: 0, jeugdigen: new Set<string>() };
      cell.toewijzingen += 1;
      cell.jeugdigen.add(t.inwonerId);
      expected.set(key, cell);
    }
    const { data, errors } = await harness.execute<TellingData>(QUERY, { gemeenten: [...gemeenten, '0406'], jaar });
    expect(errors).toBeUndefined();
    const rows = data?.jeugdToewijzingenPerProductcategorie ?? [];
    expect(rows.map((r) => `${r.gemeente.code}/${r.productcategorie.code}`).sort()).toEqual([...expected.keys()].sort());
    for (const row of rows) {
      const cell = expected.get(`${row.gemeente.code}/${row.productcategorie.code}`);
      expect(row).toEqual({
        gemeente: row.gemeente,
        jaar,
        productcategorie: { code: row.productcategorie.code, omschrijving: JW_PRODUCTCATEGORIE.get(row.productcategorie.code) },
        aantalToewijzingen: cell?.toewijzingen,
        aantalJeugdigen: cell?.jeugdigen.size,
      });
    }
  });

  it('costs one statement for any number of gemeenten', async () => {
    const { statements } = await harness.countStatements(QUERY, { gemeenten: ['0406', '0376', '0317', '0417', '0397'], jaar: 2023 });
    expect(statements).toBe(1);
  });

  it.each([
    [{ gemeenten: ['406'], jaar: 2024 }, 'CBS-gemeentecode'],
    [{ gemeenten: ['0406'], jaar: 1999 }, 'geen geldig jaar'],
    [{ gemeenten: Array.from({ length: 401 }, () => '0406'), jaar: 2024 }, 'hoogstens 400'],
  ])('refuses bad arguments with BAD_USER_INPUT (%#)', async (variables, message) => {
    const result = await harness.execute(QUERY, variables);
    expect(firstError(result)).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining(message) });
  });
});
