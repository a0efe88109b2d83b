import { JW_PRODUCTCATEGORIE } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, expectCount, expectRelationProtected, type PublishedValue, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
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
    gemeente { code } jaar productcategorie { code omschrijving } totaal
    aantalToewijzingen { waarde onderdrukt bewerking } aantalJeugdigen { waarde onderdrukt bewerking } onderdrukkingsregel
  }
}`;

type Aantal = PublishedValue;

interface Telling {
  gemeente: { code: string };
  jaar: number;
  productcategorie: { code: string; omschrijving: string } | null;
  totaal: boolean;
  aantalToewijzingen: Aantal;
  aantalJeugdigen: Aantal;
  onderdrukkingsregel: string;
}

/** Raw counts from the demo world in plain TypeScript, per `gemeente/categorie` and `gemeente/TOTAAL`. */
function rawTellingen(gemeenten: readonly string[], jaar: number): Map<string, { toewijzingen: number; jeugdigen: number }> {
  const cells = new Map<string, { toewijzingen: number; jeugdigen: Set<string> }>();
  for (const t of worldToewijzingen()) {
    if (!gemeenten.includes(t.gemeenteCode) || !actiefIn(t, jaar)) continue;
    for (const key of [`${t.gemeenteCode}/${t.productcategorie}`, `${t.gemeenteCode}/TOTAAL`]) {
      const cell = cells.get(key) ?? { toewijzingen: 0, jeugdigen: new Set<string>() };
      cell.toewijzingen += 1;
      cell.jeugdigen.add(t.inwonerId);
      cells.set(key, cell);
    }
  }
  return new Map([...cells].map(([key, c]) => [key, { toewijzingen: c.toewijzingen, jeugdigen: c.jeugdigen.size }]));
}

const keyOf = (row: Telling): string => `${row.gemeente.code}/${row.totaal ? 'TOTAAL' : row.productcategorie?.code}`;

describe('jeugdToewijzingenPerProductcategorie', () => {
  it('counts toewijzingen and young people per gemeente and categorie as the demo world does, small cells suppressed', async () => {
    const gemeenten = ['0406', '0317', '0397'];
    const jaar = 2024;
    const raw = rawTellingen(gemeenten, jaar);
    const { data, errors } = await harness.execute<{ jeugdToewijzingenPerProductcategorie: Telling[] }>(QUERY, {
      gemeenten: [...gemeenten, '0406'],
      jaar,
    });
    expect(errors).toBeUndefined();
    const rows = data?.jeugdToewijzingenPerProductcategorie ?? [];
    expect(rows.map(keyOf).sort()).toEqual([...raw.keys()].sort());
    let small = 0;
    for (const row of rows) {
      const counts = raw.get(keyOf(row));
      expect(row.productcategorie === null).toBe(row.totaal);
      if (row.productcategorie) expect(row.productcategorie.omschrijving).toBe(JW_PRODUCTCATEGORIE.get(row.productcategorie.code));
      expect(row.onderdrukkingsregel).toMatch(/onder 10/);
      if (!counts) throw new Error(`geen ruwe telling voor ${keyOf(row)}`);
      if (counts.jeugdigen < 10) small += 1;
      // Toewijzingen are a cell of the young people holding them (issue 10).
      expectCount(row.aantalToewijzingen, { value: counts.toewijzingen, contributors: counts.jeugdigen }, keyOf(row));
      expectCount(row.aantalJeugdigen, { value: counts.jeugdigen }, keyOf(row));
    }
    expect(small).toBeGreaterThan(0);
    // No published total minus the published cells of its gemeente singles out a withheld cell or a small sum of them.
    for (const gemeente of gemeenten) {
      const own = rows.filter((row) => row.gemeente.code === gemeente);
      const totaal = own.find((row) => row.totaal);
      if (!totaal) throw new Error(`geen totaal voor ${gemeente}`);
      for (const measure of ['aantalToewijzingen', 'aantalJeugdigen'] as const) {
        const delen = own.filter((row) => !row.totaal).map((row) => ({ published: row[measure], contributors: raw.get(keyOf(row))?.jeugdigen ?? 0 }));
        expectRelationProtected(totaal[measure], delen, `${gemeente} ${measure}`);
      }
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
