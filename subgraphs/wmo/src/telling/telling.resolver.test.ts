import { createSubgraphHarness, expectCount, expectRelationProtected, type PublishedValue, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph } from '../schema.js';
import { actiefIn, demoWorld, firstError, worldToewijzingen } from '../wmo.test-utils.js';

const HBEL = ['0406', '0376', '0317', '0417'];

type Aantal = PublishedValue;

interface Telling {
  gemeente: { code: string };
  jaar: number;
  productcategorie: { code: string } | null;
  totaal: boolean;
  aantalToewijzingen: Aantal;
  aantalClienten: Aantal;
  onderdrukkingsregel: string;
}

/** Raw counts from the demo world in plain TypeScript, per `gemeente|categorie` and `gemeente|TOTAAL`. */
function rawTellingen(gemeenten: readonly string[], jaar: number): Map<string, { toewijzingen: number; clienten: number }> {
  const groups = new Map<string, { toewijzingen: number; clienten: Set<string> }>();
  for (const t of worldToewijzingen()) {
    if (!gemeenten.includes(t.gemeenteCode) || !actiefIn(t, jaar)) continue;
    for (const key of [`${t.gemeenteCode}|${t.productcategorie}`, `${t.gemeenteCode}|TOTAAL`]) {
      const group = groups.get(key) ?? { toewijzingen: 0, clienten: new Set<string>() };
      group.toewijzingen += 1;
      group.clienten.add(t.inwonerId);
      groups.set(key, group);
    }
  }
  return new Map([...groups].map(([key, g]) => [key, { toewijzingen: g.toewijzingen, clienten: g.clienten.size }]));
}

const keyOf = (row: Telling): string => `${row.gemeente.code}|${row.totaal ? 'TOTAAL' : row.productcategorie?.code}`;

/**
 * Checks published tellingen against the raw counts by the policy's rules (expectCount: withheld under 10
 * contributors, else a multiple of 5 less than 5 from the truth or withheld as AFLEIDBAAR) and every
 * gemeente's total over its categories a protected relation. Returns how many cells were withheld per reason.
 */
function expectSuppressed(rows: readonly Telling[], gemeenten: readonly string[], jaar: number): Record<string, number> {
  const raw = rawTellingen(gemeenten, jaar);
  expect(rows.map(keyOf).sort()).toEqual([...raw.keys()].sort());
  const reasons: Record<string, number> = {};
  for (const row of rows) {
    const counts = raw.get(keyOf(row));
    expect(row.productcategorie === null).toBe(row.totaal);
    expect(row.onderdrukkingsregel).toMatch(/onder 10/);
    if (!counts) throw new Error(`geen ruwe telling voor ${keyOf(row)}`);
    for (const aantal of [row.aantalToewijzingen, row.aantalClienten]) if (aantal.onderdrukt) reasons[aantal.onderdrukt] = (reasons[aantal.onderdrukt] ?? 0) + 1;
    // Toewijzingen are a cell of the clients holding them (issue 10).
    expectCount(row.aantalToewijzingen, { value: counts.toewijzingen, contributors: counts.clienten }, keyOf(row));
    expectCount(row.aantalClienten, { value: counts.clienten }, keyOf(row));
  }
  for (const gemeente of gemeenten) {
    const own = rows.filter((row) => row.gemeente.code === gemeente);
    const totaal = own.find((row) => row.totaal);
    if (!totaal) continue;
    for (const measure of ['aantalToewijzingen', 'aantalClienten'] as const) {
      const delen = own.filter((row) => !row.totaal).map((row) => ({ published: row[measure], contributors: raw.get(keyOf(row))?.clienten ?? 0 }));
      expectRelationProtected(totaal[measure], delen, `${gemeente} ${measure}`);
    }
  }
  return reasons;
}

const FIELDS = 'gemeente { code } jaar productcategorie { code } totaal aantalToewijzingen { waarde onderdrukt bewerking } aantalClienten { waarde onderdrukt bewerking } onderdrukkingsregel';

const QUERY = `query ($g: [String!]!, $j: Int!) {
  wmoToewijzingenPerProductcategorie(gemeenten: $g, jaar: $j) { ${FIELDS} }
}`;

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

describe('wmoToewijzingenPerProductcategorie', () => {
  it('counts toewijzingen and clients of the HBEL gemeenten in 2025, small cells suppressed, with a total per gemeente', async () => {
    const { result, statements } = await harness.countStatements<{ wmoToewijzingenPerProductcategorie: Telling[] }>(QUERY, {
      g: HBEL,
      j: 2025,
    });
    expect(result.errors).toBeUndefined();
    const rows = result.data?.wmoToewijzingenPerProductcategorie ?? [];
    expect(rows.filter((row) => row.totaal).map((row) => row.gemeente.code)).toEqual([...HBEL].sort());
    expect(expectSuppressed(rows, HBEL, 2025).KLEIN_AANTAL).toBeGreaterThan(0);
    expect(statements).toBe(1);
  });

  it('hides a second cell where a total would give a small one back (all gemeenten, 2024)', async () => {
    // In 2024 Heemstede (0397) has one small Wmo cell of four; its total would reveal it.
    const gemeenten = demoWorld().gemeenten.map((g) => g.code);
    const result = await harness.execute<{ wmoToewijzingenPerProductcategorie: Telling[] }>(QUERY, { g: gemeenten, j: 2024 });
    expect(result.errors).toBeUndefined();
    const reasons = expectSuppressed(result.data?.wmoToewijzingenPerProductcategorie ?? [], gemeenten, 2024);
    expect(reasons.AFLEIDBAAR).toBeGreaterThan(0);
  });

  it('returns no rows for a gemeente without toewijzingen', async () => {
    const result = await harness.execute(QUERY, { g: ['9999'], j: 2025 });
    expect(result.data?.wmoToewijzingenPerProductcategorie).toEqual([]);
  });

  it.each([
    [{ g: ['GM0406'], j: 2025 }, 'CBS-gemeentecode'],
    [{ g: ['0406'], j: 1999 }, 'jaar'],
  ])('refuses %o with BAD_USER_INPUT', async (variables, fragment) => {
    const error = firstError(await harness.execute(QUERY, variables));
    expect(error?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toContain(fragment);
  });
});

describe('Gemeente.wmoToewijzingenPerProductcategorie', () => {
  it('gives each gemeente its own suppressed counts, the same as the top-level query, in one statement for all of them', async () => {
    const { result, statements } = await harness.countStatements<{ _entities: { code: string; wmoToewijzingenPerProductcategorie: Telling[] }[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Gemeente { code
          wmoToewijzingenPerProductcategorie(jaar: 2025) { ${FIELDS} } } } }`,
      { r: HBEL.map((code) => ({ __typename: 'Gemeente', code })) },
    );
    expect(result.errors).toBeUndefined();
    expect(statements).toBe(1);
    const top = await harness.execute<{ wmoToewijzingenPerProductcategorie: Telling[] }>(QUERY, { g: HBEL, j: 2025 });
    for (const entity of result.data?._entities ?? []) {
      expectSuppressed(entity.wmoToewijzingenPerProductcategorie, [entity.code], 2025);
      // Suppression is per gemeente, so asking for other gemeenten alongside changes nothing.
      expect(entity.wmoToewijzingenPerProductcategorie).toEqual(
        top.data?.wmoToewijzingenPerProductcategorie.filter((row) => row.gemeente.code === entity.code),
      );
    }
  });
});
