import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph } from '../schema.js';
import { actiefIn, firstError, worldToewijzingen } from '../wmo.test-utils.js';

const HBEL = ['0406', '0376', '0317', '0417'];

interface Telling {
  gemeente: { code: string };
  jaar: number;
  productcategorie: { code: string };
  aantalToewijzingen: number;
  aantalClienten: number;
}

/** The counts computed from the demo world in plain TypeScript, sorted like the SQL. */
function expectedTellingen(gemeenten: readonly string[], jaar: number): Telling[] {
  const groups = new Map<string, { toewijzingen: number; clienten: Set<string> }>();
  for (const t of worldToewijzingen()) {
    if (!gemeenten.includes(t.gemeenteCode) || !actiefIn(t, jaar)) continue;
    const key = `${t.gemeenteCode}|${t.productcategorie}`;
    const group = groups.get(key) ?? { toewijzingen: 0, clienten: new Set<string>() };
    group.toewijzingen += 1;
    group.clienten.add(t.inwonerId);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, group]) => {
      const [gemeente, categorie] = key.split('|');
      return {
        gemeente: { code: gemeente },
        jaar,
        productcategorie: { code: categorie },
        aantalToewijzingen: group.toewijzingen,
        aantalClienten: group.clienten.size,
      };
    });
}

const QUERY = `query ($g: [String!]!, $j: Int!) {
  wmoToewijzingenPerProductcategorie(gemeenten: $g, jaar: $j) {
    gemeente { code } jaar productcategorie { code } aantalToewijzingen aantalClienten
  }
}`;

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

describe('wmoToewijzingenPerProductcategorie', () => {
  it('counts toewijzingen and clients of the HBEL gemeenten in 2025 as the demo world holds them', async () => {
    const expected = expectedTellingen(HBEL, 2025);
    expect(expected.length).toBeGreaterThan(HBEL.length);
    const { result, statements } = await harness.countStatements(QUERY, { g: HBEL, j: 2025 });
    expect(result.errors).toBeUndefined();
    expect(result.data?.wmoToewijzingenPerProductcategorie).toEqual(expected);
    expect(statements).toBe(1);
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
  it('gives each gemeente its own counts, in one statement for all of them', async () => {
    const { result, statements } = await harness.countStatements(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Gemeente { code
          wmoToewijzingenPerProductcategorie(jaar: 2025) { gemeente { code } jaar productcategorie { code } aantalToewijzingen aantalClienten } } } }`,
      { r: HBEL.map((code) => ({ __typename: 'Gemeente', code })) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual(
      HBEL.map((code) => ({ code, wmoToewijzingenPerProductcategorie: expectedTellingen([code], 2025) })),
    );
    expect(statements).toBe(1);
  });
});
