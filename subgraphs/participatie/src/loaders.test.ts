import { developmentPrincipal, type Principal, testPrincipal } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchKengetallen } from './kengetallen/participatie-kengetallen.sql.js';
import { createLoaders } from './loaders.js';
import { fetchMinimaregelingPage } from './minimaregeling/minimaregeling.sql.js';
import { demoWorld, mostFrequent } from './participatie.test-utils.js';
import { fetchReintegratietrajectPage } from './reintegratietraject/reintegratietraject.sql.js';
import { subgraph } from './schema.js';
import { fetchSchuldhulptrajectPage } from './schuldhulptraject/schuldhulptraject.sql.js';
import { fetchUitkeringPage } from './uitkering/uitkering.sql.js';

const world = demoWorld();
let harness: SubgraphHarness;

/** A caller that executes the Participatiewet for these gemeenten only. */
const callerFor = (gemeenten: string[]): Principal => testPrincipal({ scope: () => ({ alle: false, gemeenten }) });

beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

describe('keyed loaders', () => {
  it.each([
    ['uitkering', world.uitkeringen],
    ['reintegratietraject', world.reintegratietrajecten],
    ['schuldhulptraject', world.schuldhulptrajecten],
    ['minimaregeling', world.minimaregelingen],
  ] as const)('%s: one statement, rows in the order of the keys, null for a miss', async (name, rows) => {
    const loaders = createLoaders(harness.db, developmentPrincipal);
    // Keys in an order the SQL would not give back (last first), with a miss in between.
    const keys = [rows[rows.length - 1].id, 'bestaat-niet', rows[0].id, rows[Math.floor(rows.length / 2)].id];
    const before = harness.db.statementCount;
    const found = await loaders[name].loadMany(keys);
    expect(harness.db.statementCount - before).toBe(1);
    expect(found.map((row) => (row === null || row instanceof Error ? row : row.id))).toEqual([keys[0], null, keys[2], keys[3]]);
  });

  it('applies the scope in SQL: a key outside the scope is a miss', async () => {
    const uitkering = world.uitkeringen[0];
    const other = world.gemeenten.find((g) => g.code !== uitkering.gemeenteCode)?.code ?? '9999';
    expect(await createLoaders(harness.db, callerFor([other])).uitkering.load(uitkering.id)).toBeNull();
    expect(await createLoaders(harness.db, callerFor([uitkering.gemeenteCode])).uitkering.load(uitkering.id)).toMatchObject({ id: uitkering.id });
  });

  it('applies the scope to the pages under a gemeente', async () => {
    const page = { actiefOp: null, first: 5, offset: 0 };
    const loaders = createLoaders(harness.db, callerFor(['0406']));
    const [huizen, blaricum] = await loaders.uitkeringPageByGemeente(page).loadMany(['0406', '0376']);
    const count = (code: string) => world.uitkeringen.filter((u) => u.gemeenteCode === code).length;
    expect(count('0376')).toBeGreaterThan(0);
    expect(huizen).toMatchObject({ totaal: count('0406') });
    expect(blaricum).toEqual({ totaal: 0, items: [] });
  });
});

describe('grouped loaders', () => {
  it('groups rows under each resident, [] for a resident without rows, within the scope', async () => {
    const inwoner = mostFrequent(world.minimaregelingen, (m) => m.inwonerId);
    const own = world.minimaregelingen.filter((m) => m.inwonerId === inwoner);
    const loaders = createLoaders(harness.db, developmentPrincipal);
    const [rows, none] = await Promise.all([
      loaders.minimaregelingenByInwoner.load(inwoner),
      loaders.minimaregelingenByInwoner.load('f'.repeat(32)),
    ]);
    expect(rows.map((m) => m.id).sort()).toEqual(own.map((m) => m.id).sort());
    expect(none).toEqual([]);
    expect(await createLoaders(harness.db, callerFor(['9999'])).minimaregelingenByInwoner.load(inwoner)).toEqual([]);
  });
});

describe('row filter in SQL', () => {
  const page = { first: 500, offset: 0 };
  const scope = ['0406'];
  const inScope = (rows: readonly { gemeenteCode: string }[]) => rows.filter((row) => row.gemeenteCode === '0406').length;

  it('limits every top-level list to the scope', async () => {
    const filter = { scope, gemeente: null };
    const lists = await Promise.all([
      fetchUitkeringPage(harness.db, { ...filter, actiefOp: null }, page),
      fetchReintegratietrajectPage(harness.db, { ...filter, instrument: null }, page),
      fetchSchuldhulptrajectPage(harness.db, filter, page),
      fetchMinimaregelingPage(harness.db, { ...filter, jaar: null }, page),
    ]);
    const expected = [world.uitkeringen, world.reintegratietrajecten, world.schuldhulptrajecten, world.minimaregelingen].map(inScope);
    expect(lists.map((list) => list.totaal)).toEqual(expected);
    expect(expected.every((n) => n > 0)).toBe(true);
    for (const list of lists) expect(list.items.every((row) => row.gemeenteCode === '0406')).toBe(true);
  });

  it('leaves gemeenten outside the scope out of the kengetallen', async () => {
    const rows = await fetchKengetallen(harness.db, ['0406', '0376'], 2025, scope);
    expect(rows.map((row) => row.gemeenteCode)).toEqual(['0406']);
  });
});
