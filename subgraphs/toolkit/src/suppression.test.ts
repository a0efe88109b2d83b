import { describe, expect, it } from 'vitest';
import { Random } from './demo-world/random.js';
import { type Onderdrukt, suppressAmount, suppressCount, suppressTable } from './suppression.js';

const hidden = (value: Onderdrukt | null | undefined): boolean => Boolean(value?.onderdrukt);

/** A random table: mostly small counts (so suppression has work), some large ones, some absent cells. */
function randomTable(random: Random): (number | null)[][] {
  const rows = random.int(1, 6);
  const columns = random.int(1, 7);
  return Array.from({ length: rows }, () =>
    Array.from({ length: columns }, () =>
      random.chance(0.15) ? null : random.chance(0.5) ? random.int(0, 12) : random.int(10, 400),
    ),
  );
}

describe('suppressCount', () => {
  it.each([
    [0, null, 'KLEIN_AANTAL'],
    [9, null, 'KLEIN_AANTAL'],
    [10, 10, null],
    [12, 10, null],
    [13, 15, null],
    [1817, 1815, null],
  ])('publishes %i as %o (%s)', (raw, waarde, onderdrukt) => {
    expect(suppressCount(raw)).toEqual({ waarde, onderdrukt });
  });

  it('refuses a count that is no natural number', () => {
    expect(() => suppressCount(-1)).toThrow(/natuurlijk getal/);
    expect(() => suppressCount(2.5)).toThrow(/natuurlijk getal/);
  });
});

describe('suppressAmount', () => {
  it('withholds an amount over fewer than 10 people and keeps the rest exact', () => {
    expect(suppressAmount({ amount: 123_456, persons: 9 })).toEqual({ waarde: null, onderdrukt: 'KLEIN_AANTAL' });
    expect(suppressAmount({ amount: 123_456, persons: 10 })).toEqual({ waarde: 123_456, onderdrukt: null });
  });
});

describe('suppressTable', () => {
  it('withholds the smallest other cell of a row whose total would give a small cell back', () => {
    const { cells, rowTotals } = suppressTable({ cells: [[40, 3, 12, 25]], rowTotals: true });
    expect(cells[0]).toEqual([
      { waarde: 40, onderdrukt: null },
      { waarde: null, onderdrukt: 'KLEIN_AANTAL' },
      { waarde: null, onderdrukt: 'AFLEIDBAAR' },
      { waarde: 25, onderdrukt: null },
    ]);
    expect(rowTotals).toEqual([{ waarde: 80, onderdrukt: null }]);
  });

  it('follows a secondary suppression into the column it lands in, until stable', () => {
    const { cells, columnTotals } = suppressTable({
      cells: [
        [4, 20, 30],
        [50, 60, 70],
      ],
      rowTotals: true,
      columnTotals: true,
    });
    // Row 0 hides 4 and then 20; column 1 then hides 60, row 1 then 50, which also covers column 0.
    expect(cells.map((row) => row.map((cell) => cell?.onderdrukt ?? null))).toEqual([
      ['KLEIN_AANTAL', 'AFLEIDBAAR', null],
      ['AFLEIDBAAR', 'AFLEIDBAAR', null],
    ]);
    expect(columnTotals).toEqual([{ waarde: 55, onderdrukt: null }, { waarde: 80, onderdrukt: null }, { waarde: 100, onderdrukt: null }]);
  });

  it('withholds the total when no other cell is left to hide, and leaves absent cells out', () => {
    const { cells, rowTotals } = suppressTable({ cells: [[null, 12, null]], rowTotals: [8] });
    expect(cells[0]).toEqual([null, { waarde: 10, onderdrukt: null }, null]);
    expect(rowTotals).toEqual([{ waarde: null, onderdrukt: 'KLEIN_AANTAL' }]);
    const pair = suppressTable({ cells: [[5], [30]], columnTotals: [11] });
    expect(pair.cells).toEqual([[{ waarde: null, onderdrukt: 'KLEIN_AANTAL' }], [{ waarde: null, onderdrukt: 'AFLEIDBAAR' }]]);
    expect(pair.columnTotals).toEqual([{ waarde: 10, onderdrukt: null }]);
  });

  it('takes given raw totals (distinct persons) instead of sums, and checks their number', () => {
    const { rowTotals } = suppressTable({ cells: [[30, 40]], rowTotals: [52] });
    expect(rowTotals).toEqual([{ waarde: 50, onderdrukt: null }]);
    expect(() => suppressTable({ cells: [[30, 40]], rowTotals: [52, 1] })).toThrow(/1 totalen/);
  });

  it('holds the rule on 2000 random tables (seeded)', () => {
    const random = new Random(20250603);
    let secondary = 0;
    for (let n = 0; n < 2000; n += 1) {
      const raw = randomTable(random);
      const withRows = random.chance(0.8);
      const withColumns = random.chance(0.5);
      const table = suppressTable({ cells: raw, rowTotals: withRows || undefined, columnTotals: withColumns || undefined });
      raw.forEach((row, r) =>
        row.forEach((count, c) => {
          const cell = table.cells[r]?.[c];
          if (count === null) return expect(cell).toBeNull();
          if (count < 10) expect(cell).toEqual({ waarde: null, onderdrukt: 'KLEIN_AANTAL' });
          if (cell?.waarde === null) {
            expect(cell.onderdrukt).toMatch(/^(KLEIN_AANTAL|AFLEIDBAAR)$/);
            if (cell.onderdrukt === 'AFLEIDBAAR') secondary += 1;
          } else {
            expect(cell?.onderdrukt).toBeNull();
            expect((cell?.waarde ?? NaN) % 5).toBe(0);
            expect(Math.abs((cell?.waarde ?? NaN) - count)).toBeLessThanOrEqual(2);
          }
        }),
      );
      // No published total minus its visible cells determines a withheld cell: 0 or at least 2 withheld.
      const lines: [Onderdrukt | undefined, (Onderdrukt | null | undefined)[]][] = [
        ...(table.rowTotals ?? []).map((total, r) => [total, table.cells[r] ?? []] as [Onderdrukt, (Onderdrukt | null)[]]),
        ...(table.columnTotals ?? []).map((total, c) => [total, table.cells.map((row) => row[c])] as [Onderdrukt, (Onderdrukt | null | undefined)[]]),
      ];
      for (const [total, line] of lines) {
        if (hidden(total)) continue;
        const count = line.filter(hidden).length;
        expect(count === 0 || count >= 2, JSON.stringify({ raw, total, line })).toBe(true);
      }
      // Totals are the rounded raw sums, withheld under 10.
      (table.rowTotals ?? []).forEach((total, r) => {
        const sum = (raw[r] ?? []).reduce<number>((s, count) => s + (count ?? 0), 0);
        if (total.onderdrukt === 'KLEIN_AANTAL') expect(sum).toBeLessThan(10);
        if (total.waarde !== null) expect(Math.abs(total.waarde - sum)).toBeLessThanOrEqual(2);
      });
    }
    expect(secondary).toBeGreaterThan(100);
  });
});
