import type { Queryable } from '@sociaal-graph/toolkit';
import type { Aanbieder } from './aanbieder.type.js';

export const AANBIEDER_COLUMNS = `agb_code AS "agbCode", naam, kvk_nummer AS "kvkNummer", vestigingsplaats, soort`;

/** Batch function: the aanbieders with these AGB codes, in any order, misses left out. */
export function fetchAanbieders(db: Queryable, agbCodes: readonly string[]): Promise<Aanbieder[]> {
  return db.query<Aanbieder>(`SELECT ${AANBIEDER_COLUMNS} FROM aanbieder WHERE agb_code = ANY($1)`, [agbCodes]);
}

/** Filter of the `aanbieders` query. */
export interface AanbiederFilter {
  /** Part of the name, case-insensitive; undefined for all. */
  readonly naam?: string;
}

/** One page of aanbieders by name (then AGB code), with the total that match the filter. */
export async function findAanbieders(
  db: Queryable,
  filter: AanbiederFilter,
  page: { first: number; offset: number },
): Promise<{ items: Aanbieder[]; totaal: number }> {
  const pattern = filter.naam === undefined ? null : `%${escapeLike(filter.naam)}%`;
  const where = `($1::text IS NULL OR naam ILIKE $1)`;
  const [counted] = await db.query<{ totaal: number }>(`SELECT count(*) AS totaal FROM aanbieder WHERE ${where}`, [pattern]);
  const items = await db.query<Aanbieder>(
    `SELECT ${AANBIEDER_COLUMNS} FROM aanbieder WHERE ${where} ORDER BY naam, agb_code LIMIT $2 OFFSET $3`,
    [pattern, page.first, page.offset],
  );
  return { items, totaal: counted.totaal };
}

/** A caller's text is matched literally: `%` and `_` are not wildcards for them. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
