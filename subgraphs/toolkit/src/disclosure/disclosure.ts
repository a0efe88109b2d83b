import { DomainError } from '../errors.js';
import { cellId } from './budget.js';
import type { DisclosureKey } from './cell-key.js';
import type { Published, Table } from './policy.js';
import { publishTable } from './secondary.js';

/**
 * At most this many cells per request, over all aggregates in it (query-set restriction, issue 10): a
 * national table of every gemeente fits, a sweep of every slice a caller can think of does not. Over
 * requests, the distinct cells a caller may see per day are bounded too (budget.ts).
 */
export const MAX_CELLS_PER_REQUEST = 20_000;

/** The policy as a request sees it: the installation's key and the request's budget of cells. */
export interface Disclosure {
  /**
   * Publishes a table (`publishTable`) and counts its cells against the request's bound and the caller's
   * day. `shown`: the indexes of the cells the answer returns, where a table holds more to protect them
   * (a year with its months when only the year is asked); default all. Only those count.
   */
  publish(table: Table, shown?: readonly number[]): Published[];
  readonly key: DisclosureKey;
  /** The ids (`cellId`) of every cell this request published or withheld, for the caller's daily budget (budget.ts). */
  cellIds(): readonly string[];
}

/** One request's disclosure control; `createRequestContext` makes a fresh one per request. */
export function createDisclosure(key: DisclosureKey, maxCells = MAX_CELLS_PER_REQUEST): Disclosure {
  let cells = 0;
  const ids = new Set<string>();
  return {
    key,
    cellIds: () => [...ids],
    publish(table, shown) {
      const returned = shown ? shown.map((index) => table.cells[index]).filter((cell) => cell !== undefined) : table.cells;
      cells += returned.length;
      for (const cell of returned) ids.add(cellId(cell.measure, cell.key));
      if (cells > maxCells) {
        throw new DomainError(
          `Deze vraag raakt meer dan ${maxCells} cellen van stuurinformatie; vraag minder gemeenten, jaren of indelingen tegelijk.`,
          { code: 'QUERY_TOO_COSTLY', details: { maxCellen: maxCells } },
        );
      }
      return publishTable(table, key);
    },
  };
}
