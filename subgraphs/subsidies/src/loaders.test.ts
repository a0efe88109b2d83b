import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoaders } from './loaders.js';
import { subgraph } from './schema.js';
import { demoWorld } from './subsidies.test-utils.js';

const world = demoWorld();
let harness: SubgraphHarness;

beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

describe('keyed loaders', () => {
  it.each([
    ['subsidiepartner', world.subsidiepartners],
    ['subsidie', world.subsidies],
    ['prestatieafspraak', world.prestatieafspraken],
    ['voorveldrapportage', world.voorveldrapportages],
  ] as const)('%s: one statement, rows in the order of the keys, null for a miss', async (name, rows) => {
    const loaders = createLoaders(harness.db);
    // Keys in an order the SQL would not give back (last first), with a miss in between.
    const keys = [rows[rows.length - 1].id, 'bestaat-niet', rows[0].id, rows[Math.floor(rows.length / 2)].id];
    const before = harness.db.statementCount;
    const found = await loaders[name].loadMany(keys);
    expect(harness.db.statementCount - before).toBe(1);
    expect(found.map((row) => (row === null || row instanceof Error ? row : row.id))).toEqual([keys[0], null, keys[2], keys[3]]);
  });
});

describe('grouped loaders', () => {
  it('groups subsidies under each partner for one year, [] for a partner without', async () => {
    const partner = world.subsidiepartners[0].id;
    const loaders = createLoaders(harness.db);
    const [rows, none, otherYear] = await Promise.all([
      loaders.subsidiesByPartner(2024).load(partner),
      loaders.subsidiesByPartner(2024).load('sp-niets'),
      loaders.subsidiesByPartner(2023).load(partner),
    ]);
    expect(rows.map((s) => s.id)).toEqual(world.subsidies.filter((s) => s.partnerId === partner && s.jaar === 2024).map((s) => s.id));
    expect(none).toEqual([]);
    expect(otherYear.map((s) => s.jaar)).toEqual(otherYear.map(() => 2023));
  });
});
