import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { cellKeyOf, cellKeySql, combineCellKeys, type DisclosureKey, readDisclosureKey } from './cell-key.js';
import { publishAverage, publishShare } from './derived.js';
import { createDisclosure } from './disclosure.js';
import { type AmountCell, type CountCell, DISCLOSURE_THRESHOLD, perturb, primaryReason } from './policy.js';
import { publishTable } from './secondary.js';

const key: DisclosureKey = { secret: Buffer.from('a test key of at least thirty-two characters') };
const count = (value: number, cellKey = value * 7919, contributors = value): CountCell => ({ kind: 'count', measure: 't', value, contributors, key: cellKey });
const amount = (value: number, largest: number, contributors = 20, cellKey = 1): AmountCell => ({
  kind: 'amount', measure: 'a', value, largest, contributors, key: cellKey,
});

describe('primary rules', () => {
  it('withholds a cell about fewer than 10 contributors, an exact zero included', () => {
    expect(primaryReason(count(0))).toBe('KLEIN_AANTAL');
    expect(primaryReason(count(9))).toBe('KLEIN_AANTAL');
    expect(primaryReason(count(10))).toBeNull();
    // 40 toewijzingen held by 9 clients describe 9 persons.
    expect(primaryReason(count(40, 1, 9))).toBe('KLEIN_AANTAL');
    expect(primaryReason(amount(1_000_000, 400_000, 9))).toBe('KLEIN_AANTAL');
  });

  it('withholds an amount one contributor makes more than half of (the (1,50) rule)', () => {
    expect(primaryReason(amount(1_000_000, 500_001))).toBe('DOMINANTIE');
    expect(primaryReason(amount(1_000_000, 500_000))).toBeNull();
    expect(primaryReason(amount(-1_000_000, -600_000))).toBe('DOMINANTIE');
  });
});

describe('cell-key perturbation', () => {
  it('rounds a count to a neighbouring multiple of 5, the same for the same cell every time', () => {
    for (let raw = 10; raw < 200; raw += 1) {
      const published = perturb(count(raw), key).waarde ?? NaN;
      expect(published % 5).toBe(0);
      expect(Math.abs(published - raw)).toBeLessThan(5);
      expect(perturb(count(raw), key).waarde).toBe(published);
    }
  });

  it('is unbiased over cells, so averaging many different cells does not drift, and the secret decides', () => {
    const published = Array.from({ length: 2000 }, (_, i) => perturb(count(12, i), key).waarde ?? NaN);
    const mean = published.reduce((a, b) => a + b, 0) / published.length;
    expect(new Set(published)).toEqual(new Set([10, 15]));
    expect(Math.abs(mean - 12)).toBeLessThan(0.4);
    const other: DisclosureKey = { secret: Buffer.from('another key of at least thirty-two characters') };
    const differs = Array.from({ length: 50 }, (_, i) => perturb(count(12, i), key).waarde !== perturb(count(12, i), other).waarde);
    expect(differs.some(Boolean)).toBe(true);
  });

  it('adds 25-50% of the largest contribution to an amount and rounds it to 100 euro', () => {
    for (let cellKey = 0; cellKey < 200; cellKey += 1) {
      const waarde = perturb(amount(10_000_000, 1_000_000, 20, cellKey), key).waarde ?? NaN;
      expect(waarde % 10_000).toBe(0);
      const noise = Math.abs(waarde - 10_000_000);
      expect(noise).toBeGreaterThanOrEqual(250_000 - 5_000);
      expect(noise).toBeLessThanOrEqual(500_000 + 5_000);
    }
  });
});

describe('secondary suppression over additive relations', () => {
  it('withholds a second cell where one is withheld beside a published total', () => {
    // total = 30 + 25 + 4
    const published = publishTable({ cells: [count(59), count(30), count(25), count(4)], relations: [{ total: 0, parts: [1, 2, 3] }] }, key);
    expect(published.map((p) => p.onderdrukt)).toEqual([null, null, 'AFLEIDBAAR', 'KLEIN_AANTAL']);
  });

  it('withholds more until the withheld parts together describe at least 10', () => {
    // 3 + 2 hidden is only 5 contributors: their sum would follow from the total.
    const published = publishTable({ cells: [count(65), count(30), count(30), count(3), count(2)], relations: [{ total: 0, parts: [1, 2, 3, 4] }] }, key);
    expect(published.map((p) => p.onderdrukt)).toEqual([null, 'AFLEIDBAAR', null, 'KLEIN_AANTAL', 'KLEIN_AANTAL']);
  });

  it('treats a zero as a cell: an exact zero beside a total would make the other small cell exact', () => {
    // Published, the 0 would give the 5 as total minus 40; withheld, only 40 + 5 + 0 = 45 is known.
    const published = publishTable({ cells: [count(45), count(40), count(5), count(0)], relations: [{ total: 0, parts: [1, 2, 3] }] }, key);
    expect(published.map((p) => p.onderdrukt)).toEqual([null, 'AFLEIDBAAR', 'KLEIN_AANTAL', 'KLEIN_AANTAL']);
  });

  it('never leaves a withheld total equal to the sum of published parts', () => {
    // Two relations: months to the year and the year as one part of a two-year total.
    const cells = [count(30), count(15), count(15), count(12), count(18), count(100)];
    const relations = [{ total: 0, parts: [1, 2] }, { total: 5, parts: [0, 3, 4] }];
    const published = publishTable({ cells: [...cells.slice(0, 3), count(12), count(18), count(60)], relations }, key);
    expect(published.every((p) => p.onderdrukt === null)).toBe(true);
    const small = publishTable({ cells: [count(10), count(7), count(3), count(25), count(25), count(60)], relations }, key);
    for (const { total, parts } of relations) {
      const hidden = [total, ...parts].filter((i) => small[i]?.onderdrukt !== null);
      expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
    }
  });

  it('refuses a relation that names a cell the table does not have', () => {
    expect(() => publishTable({ cells: [count(10)], relations: [{ total: 0, parts: [1] }] }, key)).toThrow(/cel 1/);
  });
});

describe('derived values', () => {
  const pub = (waarde: number | null) => ({ waarde, onderdrukt: waarde === null ? ('KLEIN_AANTAL' as const) : null, bewerking: null });

  it('computes a share from published values and withholds it where numerator or complement is small', () => {
    expect(publishShare(pub(20), pub(60), { numerator: 21, denominator: 58 })).toEqual({ waarde: 0.33, onderdrukt: null, bewerking: 'AFGELEID' });
    expect(publishShare(pub(10), pub(60), { numerator: 9, denominator: 58 }).onderdrukt).toBe('AFGELEID_VAN_ONDERDRUKT');
    expect(publishShare(pub(55), pub(60), { numerator: 52, denominator: 58 }).onderdrukt).toBe('AFGELEID_VAN_ONDERDRUKT');
    expect(publishShare(pub(null), pub(60), { numerator: 20, denominator: 58 }).waarde).toBeNull();
  });

  it('computes an average from a published sum and count', () => {
    expect(publishAverage(pub(1234), pub(20), 1).waarde).toBe(61.7);
    expect(publishAverage(pub(1234), pub(null), 1).onderdrukt).toBe('AFGELEID_VAN_ONDERDRUKT');
  });
});

describe('the request bound and the key', () => {
  it('refuses a request past its bound of cells with QUERY_TOO_COSTLY', () => {
    const disclosure = createDisclosure(key, 5);
    disclosure.publish({ cells: [count(10), count(11), count(12)] });
    expect(() => disclosure.publish({ cells: [count(10), count(11), count(12)] })).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_COSTLY' }) }),
    );
  });

  it('counts only the cells an answer returns, each distinct cell once for the daily budget', () => {
    const disclosure = createDisclosure(key, 4);
    // A year and its months as one table, only the year returned: one cell against the bounds, all protected.
    const table = { cells: [count(30), count(20), count(10)], relations: [{ total: 0, parts: [1, 2] }] };
    expect(disclosure.publish(table, [0])).toEqual(publishTable(table, key));
    disclosure.publish(table, [0]);
    expect(disclosure.cellIds()).toHaveLength(1);
    disclosure.publish({ cells: [count(30), count(40)] });
    expect(disclosure.cellIds()).toHaveLength(2);
    expect(() => disclosure.publish(table, [1, 2])).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_COSTLY' }) }));
  });

  it('publishes a kept table as the policy does, and still counts its cells in every request that shows it', () => {
    const table = { cells: [count(30), count(20), count(10), count(3)], relations: [{ total: 0, parts: [1, 2, 3] }] };
    const vast = {};
    let built = 0;
    const maak = () => (built++, table);
    const first = createDisclosure(key, 4);
    expect(first.publishVast(vast, 'soort', maak)).toEqual(publishTable(table, key));
    expect(first.cellIds()).toHaveLength(4);
    // Another request (another caller) with the same kept rows: the same values, counted against its own bounds.
    const second = createDisclosure(key, 6);
    expect(second.publishVast(vast, 'soort', maak)).toEqual(publishTable(table, key));
    expect(second.cellIds()).toEqual(first.cellIds());
    expect(() => second.publishVast(vast, 'soort', maak)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_COSTLY' }) }));
    expect(built).toBe(1);
    // Another kind of table or another key is published on its own.
    createDisclosure(key).publishVast(vast, 'andere', maak);
    createDisclosure({ secret: Buffer.from('another test key of at least thirty-two characters') }).publishVast(vast, 'soort', maak);
    expect(built).toBe(3);
  });

  it('reads DISCLOSURE_KEY, refuses a short one, and otherwise generates one kept in DATA_DIR', () => {
    expect(readDisclosureKey({ DISCLOSURE_KEY: 'x'.repeat(32) }).secret.toString()).toBe('x'.repeat(32));
    expect(() => readDisclosureKey({ DISCLOSURE_KEY: 'kort' })).toThrow(/32/);
    // Outside development nothing is generated: the start stops, naming the variable.
    expect(() => readDisclosureKey({ NODE_ENV: 'production' })).toThrow(/DISCLOSURE_KEY not set/);
    expect(() => readDisclosureKey({ AUTH_JWKS_URL: 'https://idp.example/jwks' })).toThrow(/DISCLOSURE_KEY not set/);
    const dir = mkdtempSync(join(tmpdir(), 'disclosure-'));
    const first = readDisclosureKey({ DATA_DIR: dir });
    expect(readDisclosureKey({ DATA_DIR: dir }).secret.equals(first.secret)).toBe(true);
    expect(readFileSync(join(dir, 'disclosure-key'), 'utf8').length).toBeGreaterThanOrEqual(40);
    expect(readDisclosureKey({ DATA_DIR: 'memory' }).secret.equals(first.secret)).toBe(false);
  });
});

describe('cell keys in SQL', () => {
  it('gives a set of records one key however many rows it has, and a union the sum of the keys', async () => {
    const db = new PGlite();
    await db.exec(`CREATE TABLE r (id text, grp text); INSERT INTO r VALUES ('a','x'),('a','x'),('b','x'),('c','y'),('d','y')`);
    const { rows } = await db.query<{ grp: string | null; k: number }>(
      `SELECT grp, ${cellKeySql('id')} AS k FROM r GROUP BY GROUPING SETS ((grp), ()) ORDER BY grp NULLS LAST`,
    );
    const [x, y, all] = rows.map((row) => row.k);
    expect(combineCellKeys([x ?? 0, y ?? 0])).toBe(all);
    const { rows: once } = await db.query<{ k: number }>(`SELECT ${cellKeySql('id')} AS k FROM (VALUES ('a'),('b')) v(id)`);
    expect(once[0]?.k).toBe(x);
    // The same key in code, for records a resolver holds (e.g. households the gateway brought).
    expect(cellKeyOf(['a', 'b', 'a'])).toBe(x);
    await db.close();
    // Starting an embedded PostgreSQL took 41-65 s at load average 28: a bound on waiting, not a timed assertion.
  }, 180_000);
});

it('uses the threshold of the README', () => {
  expect(DISCLOSURE_THRESHOLD).toBe(10);
});
