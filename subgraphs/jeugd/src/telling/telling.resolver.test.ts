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
    gemeente { code } jaar productcategorie { code omschrijving } totaal
    aantalToewijzingen { waarde onderdrukt } aantalJeugdigen { waarde onderdrukt } onderdrukkingsregel
  }
}`;

interface Aantal {
  waarde: number | null;
  onderdrukt: string | null;
}

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
      for (const [aantal, rawCount] of [[row.aantalToewijzingen, counts?.toewijzingen], [row.aantalJeugdigen, counts?.jeugdigen]] as const) {
        if (rawCount === undefined) throw new Error(`geen ruwe telling voor ${keyOf(row)}`);
        if (rawCount < 10) {
          expect(aantal).toEqual({ waarde: null, onderdrukt: 'KLEIN_AANTAL' });
          small += 1;
        } else if (aantal.waarde === null) expect(aantal.onderdrukt).toBe('AFLEIDBAAR');
        else {
          expect(aantal.onderdrukt).toBeNull();
          expect(aantal.waarde % 5).toBe(0);
          expect(Math.abs(aantal.waarde - rawCount)).toBeLessThanOrEqual(2);
        }
      }
    }
    expect(small).toBeGreaterThan(0);
    // No visible total minus the visible cells of its gemeente singles out one suppressed cell.
    for (const gemeente of gemeenten) {
      const own = rows.filter((row) => row.gemeente.code === gemeente);
      const totaal = own.find((row) => row.totaal);
      expect(totaal).toBeDefined();
      for (const measure of ['aantalToewijzingen', 'aantalJeugdigen'] as const) {
        if (totaal?.[measure].onderdrukt) continue;
        const hidden = own.filter((row) => !row.totaal && row[measure].onderdrukt).length;
        expect(hidden === 0 || hidden >= 2, `${gemeente} ${measure}: ${hidden} onderdrukt`).toBe(true);
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
