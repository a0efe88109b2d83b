import type { Onderdrukkingsreden, Published } from './disclosure/policy.js';

/**
 * Small-cell suppression of published aggregates (issue 3 item 8; docs/security.md;
 * anchors-domain §2.5 and §5.3): counts under 10 are withheld, the rest rounded to the nearest 5, and
 * further cells are withheld where a published total minus the visible cells would give one back.
 */

/** Counts below this are never published. */
export const SUPPRESSION_THRESHOLD = 10;

/** Published counts are multiples of this, as in CBS StatLine (anchors-domain §2.5). */
export const ROUNDING_BASE = 5;

/** A published count or amount (the policy's `Published`), during the move to disclosure/ (issue 10). */
export type Onderdrukt = Omit<Published, 'bewerking'> & { bewerking?: Published['bewerking'] };

/** A count as published: null with reason KLEIN_AANTAL under the threshold, else rounded to 5. */
export function suppressCount(raw: number): Onderdrukt {
  if (!Number.isInteger(raw) || raw < 0) throw new Error(`Een aantal is een natuurlijk getal, niet ${raw}.`);
  if (raw < SUPPRESSION_THRESHOLD) return { waarde: null, onderdrukt: 'KLEIN_AANTAL' };
  return { waarde: Math.round(raw / ROUNDING_BASE) * ROUNDING_BASE, onderdrukt: null };
}

/**
 * An amount (eurocent) as published: withheld (KLEIN_AANTAL) when it describes fewer than 10 people,
 * else exact (eurocent are not counts of people; rounding them hides nothing).
 */
export function suppressAmount({ amount, persons }: { amount: number; persons: number }): Onderdrukt {
  if (persons < SUPPRESSION_THRESHOLD) return { waarde: null, onderdrukt: 'KLEIN_AANTAL' };
  return { waarde: amount, onderdrukt: null };
}

/**
 * A table of raw counts. `cells[row][column]`: `null` where the table has no cell (a combination that
 * does not occur; its absence already says zero, so it hides nothing). `rowTotals`/`columnTotals`:
 * `true` publishes the sum of the raw cells, an array publishes the given raw totals (e.g. distinct
 * persons, which is not a sum), absent publishes none.
 */
export interface CountTable {
  cells: readonly (readonly (number | null)[])[];
  rowTotals?: true | readonly number[];
  columnTotals?: true | readonly number[];
}

/** The published table: same shape as the input; totals null where the input asked for none. */
export interface SuppressedTable {
  cells: (Onderdrukt | null)[][];
  rowTotals: Onderdrukt[] | null;
  columnTotals: Onderdrukt[] | null;
}

const withheld = (onderdrukt: Onderdrukkingsreden): Onderdrukt => ({ waarde: null, onderdrukt });

/**
 * Suppresses a table: primary (under 10, KLEIN_AANTAL), rounding to 5, then secondary (AFLEIDBAAR): in
 * every row and column with a published total, exactly one withheld cell would follow from the total
 * minus the visible cells, so the smallest other visible cell is withheld too (or, if none is left, the
 * total); repeated until nothing changes. Afterwards each row and column with a published total has
 * zero or at least two withheld cells. Totals come from the raw counts, rounded and checked like cells.
 */
export function suppressTable(table: CountTable): SuppressedTable {
  const raw = table.cells;
  const width = Math.max(0, ...raw.map((row) => row.length));
  const cells = raw.map((row) => row.map((count) => (count === null ? null : suppressCount(count))));
  const rawAt = (r: number, c: number): number | null => raw[r]?.[c] ?? null;

  const rowTotals = totalsOf(table.rowTotals, raw.length, (r) => (raw[r] ?? []).map((_, c) => rawAt(r, c)));
  const columnTotals = totalsOf(table.columnTotals, width, (c) => raw.map((_, r) => rawAt(r, c)));
  const groups: { members: [number, number][]; totals: Onderdrukt[]; index: number }[] = [];
  if (rowTotals) raw.forEach((row, r) => groups.push({ members: row.map((_, c) => [r, c]), totals: rowTotals, index: r }));
  if (columnTotals) {
    for (let c = 0; c < width; c += 1) groups.push({ members: raw.map((_, r) => [r, c]), totals: columnTotals, index: c });
  }

  let changed = true;
  while (changed) {
    changed = false;
    for (const group of groups) {
      if (group.totals[group.index]?.onderdrukt) continue; // a withheld total reveals nothing
      const present = group.members.filter(([r, c]) => cells[r]?.[c]);
      const hidden = present.filter(([r, c]) => cells[r]?.[c]?.onderdrukt);
      if (hidden.length !== 1) continue;
      const visible = present.filter(([r, c]) => !cells[r]?.[c]?.onderdrukt);
      if (visible.length === 0) {
        group.totals[group.index] = withheld('AFLEIDBAAR');
      } else {
        const [r, c] = visible.reduce((min, cell) => ((rawAt(...cell) ?? 0) < (rawAt(...min) ?? 0) ? cell : min));
        (cells[r] ?? [])[c] = withheld('AFLEIDBAAR');
      }
      changed = true;
    }
  }
  return { cells, rowTotals, columnTotals };
}

/** The published totals of one direction, from the raw cells or the given raw totals. */
function totalsOf(
  spec: true | readonly number[] | undefined,
  length: number,
  line: (index: number) => (number | null)[],
): Onderdrukt[] | null {
  if (spec === undefined) return null;
  if (spec !== true && spec.length !== length) {
    throw new Error(`Er zijn ${length} totalen nodig, niet ${spec.length}.`);
  }
  return Array.from({ length }, (_, i) =>
    suppressCount(spec === true ? line(i).reduce<number>((sum, count) => sum + (count ?? 0), 0) : (spec[i] ?? 0)),
  );
}

