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
  /**
   * `publish` of a whole table that is the same for every request holding the same `vast` object (e.g. the
   * frozen rows of a count kept per data version, gegevensversie/) and the same `soort` (what the table is,
   * e.g. `bereik.WMO`): the policy runs once per such table and its frozen result is reused. The cells still
   * count against this request's bound and the caller's day (budget.ts), as with `publish`.
   */
  publishVast(vast: object, soort: string, table: () => Table): readonly Published[];
  readonly key: DisclosureKey;
  /** The ids (`cellId`) of every cell this request published or withheld, for the caller's daily budget (budget.ts). */
  cellIds(): readonly string[];
}

interface VastGepubliceerd {
  readonly published: readonly Published[];
  readonly ids: readonly string[];
}

/**
 * Tables published by `publishVast`, per key and per `vast` object (gone with it) and kind. The policy's
 * result depends on the cells and the key alone, so reusing it publishes nothing another request would
 * not be published itself: every request still counts the cells (issue 14: the HMAC and hash of every
 * cell were a good part of an analyst aggregate's CPU once the counts themselves were kept).
 */
const vastGepubliceerd = new WeakMap<DisclosureKey, WeakMap<object, Map<string, VastGepubliceerd>>>();

/** One request's disclosure control; `createRequestContext` makes a fresh one per request. */
export function createDisclosure(key: DisclosureKey, maxCells = MAX_CELLS_PER_REQUEST): Disclosure {
  let cells = 0;
  const ids = new Set<string>();
  const count = (n: number, cellIds: Iterable<string>) => {
    cells += n;
    for (const id of cellIds) ids.add(id);
    if (cells > maxCells) {
      throw new DomainError(
        `Deze vraag raakt meer dan ${maxCells} cellen van stuurinformatie; vraag minder gemeenten, jaren of indelingen tegelijk.`,
        { code: 'QUERY_TOO_COSTLY', details: { maxCellen: maxCells } },
      );
    }
  };
  return {
    key,
    cellIds: () => [...ids],
    publish(table, shown) {
      const returned = shown ? shown.map((index) => table.cells[index]).filter((cell) => cell !== undefined) : table.cells;
      count(returned.length, returned.map((cell) => cellId(cell.measure, cell.key)));
      return publishTable(table, key);
    },
    publishVast(vast, soort, table) {
      let perVast = vastGepubliceerd.get(key);
      if (!perVast) vastGepubliceerd.set(key, (perVast = new WeakMap()));
      let perSoort = perVast.get(vast);
      if (!perSoort) perVast.set(vast, (perSoort = new Map()));
      let entry = perSoort.get(soort);
      if (!entry) {
        const { cells: tableCells, relations } = table();
        entry = Object.freeze({
          published: Object.freeze(publishTable({ cells: tableCells, relations }, key).map((value) => Object.freeze(value))),
          ids: Object.freeze(tableCells.map((cell) => cellId(cell.measure, cell.key))),
        });
        perSoort.set(soort, entry);
      }
      count(entry.ids.length, entry.ids);
      return entry.published;
    },
  };
}
