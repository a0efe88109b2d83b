import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoaders } from '../loaders.js';
import { subgraph } from '../schema.js';
import { actiefOp, worldToewijzingen } from '../wmo.test-utils.js';
import { selectToewijzingPagesUnder, toewijzingKey } from './toewijzing.sql.js';

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

const keyOf = (t: { gemeenteCode: string; toewijzingsnummer: string }) => toewijzingKey(t.gemeenteCode, t.toewijzingsnummer);

describe('toewijzing loader', () => {
  it('answers keys in the order asked, null for misses, in one statement', async () => {
    const sample = worldToewijzingen().slice(0, 40);
    // Reverse and interleave misses so that the SQL order cannot match the key order by chance.
    const keys = [...sample].reverse().flatMap((t, i) => (i % 7 === 0 ? [keyOf(t), '0406:999'] : [keyOf(t)]));
    const before = harness.db.statementCount;
    const rows = await createLoaders(harness.db).toewijzing({ gemeenten: null, aanbieder: null }).loadMany(keys);
    expect(harness.db.statementCount - before).toBe(1);
    expect(rows.map((row) => (row && !(row instanceof Error) ? keyOf(row) : null))).toEqual(
      keys.map((key) => (key === '0406:999' ? null : key)),
    );
  });

  it('applies the scope in SQL: a row outside the gemeenten is a miss', async () => {
    const t = worldToewijzingen().find((w) => w.gemeenteCode === '0406');
    expect(t).toBeDefined();
    if (!t) return;
    const loaders = createLoaders(harness.db);
    expect(await loaders.toewijzing({ gemeenten: ['0376'], aanbieder: null }).load(keyOf(t))).toBeNull();
    expect(await loaders.toewijzing({ gemeenten: ['0406'], aanbieder: null }).load(keyOf(t))).toMatchObject({ inwonerId: t.inwonerId });
  });
});

describe('toewijzingenVanInwoner loader', () => {
  it('groups per inwoner in key order, [] for an unknown inwoner', async () => {
    const ids = [...new Set(worldToewijzingen().map((t) => t.inwonerId))].slice(0, 12).reverse();
    const keys = [...ids, 'f'.repeat(32)];
    const groups = await createLoaders(harness.db).toewijzingenVanInwoner({ gemeenten: null, aanbieder: null }).loadMany(keys);
    expect(groups.map((g) => (Array.isArray(g) ? g.map(keyOf).sort() : g))).toEqual(
      keys.map((id) =>
        worldToewijzingen()
          .filter((t) => t.inwonerId === id)
          .map(keyOf)
          .sort(),
      ),
    );
  });
});

describe('selectToewijzingPagesUnder', () => {
  it('pages each gemeente separately with its own total', async () => {
    const datum = '2025-01-01';
    const pages = await selectToewijzingPagesUnder(harness.db, 'gemeente', ['0406', '0376', '9999'], { first: 3, offset: 1, actiefOp: datum }, { gemeenten: null, aanbieder: null });
    for (const code of ['0406', '0376']) {
      const expected = worldToewijzingen().filter((t) => t.gemeenteCode === code && actiefOp(t, datum));
      expect(pages.get(code)?.totaal).toBe(expected.length);
      expect(pages.get(code)?.rows).toHaveLength(Math.min(3, Math.max(0, expected.length - 1)));
      expect(pages.get(code)?.rows.every((row) => row.gemeenteCode === code)).toBe(true);
    }
    expect(pages.has('9999')).toBe(false);
  });
});
