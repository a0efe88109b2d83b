import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actiefOp, demoWorld, keyOf, principalFor, worldToewijzingen } from '../jeugd.test-utils.js';
import { createLoaders } from '../loaders.js';
import { subgraph } from '../schema.js';
import { fetchToewijzingPagesBy, findToewijzingen } from './jeugd-toewijzing.sql.js';

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

const MISS = '0406:999';
const isRow = <T>(value: T | Error | null): value is T => value !== null && !(value instanceof Error);

describe('toewijzing loader', () => {
  it('answers keys in the order asked, null for misses, in one statement', async () => {
    const sample = worldToewijzingen().slice(0, 40);
    // Reverse and interleave misses so that the SQL order cannot match the key order by chance.
    const keys = [...sample].reverse().flatMap((t, i) => (i % 7 === 0 ? [keyOf(t), MISS] : [keyOf(t)]));
    const before = harness.db.statementCount;
    const rows = await createLoaders(harness.db, principalFor(null)).toewijzing.loadMany(keys);
    expect(harness.db.statementCount - before).toBe(1);
    expect(rows.map((row) => (isRow(row) ? keyOf(row) : null))).toEqual(keys.map((key) => (key === MISS ? null : key)));
  });

  it("applies the scope in SQL: Eemnes' toewijzing is a miss for a caller without Eemnes", async () => {
    const eemnes = worldToewijzingen().find((t) => t.gemeenteCode === '0317');
    expect(eemnes).toBeDefined();
    if (!eemnes) return;
    const hbel = createLoaders(harness.db, principalFor(['0406', '0376', '0417']));
    expect(await hbel.toewijzing.load(keyOf(eemnes))).toBeNull();
    const amersfoort = createLoaders(harness.db, principalFor(['0307', '0317']));
    expect(await amersfoort.toewijzing.load(keyOf(eemnes))).toMatchObject({ inwonerId: eemnes.inwonerId });
    // The same holds for every list: the young person's jeugdhulp, verwijzingen and trajecten.
    expect(await hbel.toewijzingenVanInwoner.load(eemnes.inwonerId)).toEqual([]);
    expect(await hbel.verwijzingenVanInwoner.load(eemnes.inwonerId)).toEqual([]);
    expect(await hbel.trajectenVanInwoner.load(eemnes.inwonerId)).toEqual([]);
    expect((await amersfoort.toewijzingenVanInwoner.load(eemnes.inwonerId)).length).toBeGreaterThan(0);
  });
});

describe('grouped loaders', () => {
  it('group toewijzingen and verwijzingen per inwoner in key order, [] for an unknown inwoner', async () => {
    const ids = [...new Set(worldToewijzingen().map((t) => t.inwonerId))].slice(0, 12).reverse();
    const keys = [...ids, 'f'.repeat(32)];
    const loaders = createLoaders(harness.db, principalFor(null));
    const groups = await loaders.toewijzingenVanInwoner.loadMany(keys);
    expect(groups.map((g) => (isRow(g) ? g.map(keyOf).sort() : g))).toEqual(
      keys.map((id) => worldToewijzingen().filter((t) => t.inwonerId === id).map(keyOf).sort()),
    );
    const verwijzingen = await loaders.verwijzingenVanInwoner.loadMany(keys);
    expect(verwijzingen.map((g) => (isRow(g) ? g.map((v) => v.id).sort() : g))).toEqual(
      keys.map((id) => demoWorld().verwijzingen.filter((v) => v.inwonerId === id).map((v) => v.id).sort()),
    );
  });

  it('answer traject and verwijzing ids in order, null for misses', async () => {
    const trajecten = demoWorld().jeugdTrajecten.slice(0, 15).map((t) => t.id).reverse();
    const keys = [trajecten[0], 'tr-onbekend', ...trajecten.slice(1)];
    const rows = await createLoaders(harness.db, principalFor(null)).traject.loadMany(keys);
    expect(rows.map((row) => (isRow(row) ? row.id : null))).toEqual(keys.map((key) => (key === 'tr-onbekend' ? null : key)));
  });
});

describe('fetchToewijzingPagesBy', () => {
  it('pages each gemeente separately with its own total, within the scope', async () => {
    const datum = '2025-01-01';
    const rows = await fetchToewijzingPagesBy(harness.db, 'gemeente_code', ['0406', '0376', '0317'], { gemeenten: ['0406', '0376'], aanbieder: null }, { first: 3, offset: 1 }, datum);
    const expected = (code: string) => worldToewijzingen().filter((t) => t.gemeenteCode === code && actiefOp(t, datum)).length;
    for (const code of ['0406', '0376']) {
      const own = rows.filter((row) => row.parentKey === code);
      expect(own.every((row) => row.totaal === expected(code))).toBe(true);
      expect(own.filter((row) => row.opPagina)).toHaveLength(3);
    }
    // Eemnes lies outside the scope: no rows at all, so no total either.
    expect(rows.filter((row) => row.parentKey === '0317')).toEqual([]);
  });
});

describe('findToewijzingen', () => {
  it('counts only the gemeenten of the scope', async () => {
    const { total, rows } = await findToewijzingen(
      harness.db,
      { gemeente: null, productcategorie: null, actiefOp: null, aanbieder: null },
      { gemeenten: ['0376', '0417'], aanbieder: null },
      { first: 500, offset: 0 },
    );
    expect(total).toBe(worldToewijzingen().filter((t) => ['0376', '0417'].includes(t.gemeenteCode)).length);
    expect(new Set(rows.map((row) => row.gemeenteCode))).toEqual(new Set(['0376', '0417']));
  });
});
