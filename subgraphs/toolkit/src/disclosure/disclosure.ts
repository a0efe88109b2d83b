import { DomainError } from '../errors.js';
import type { DisclosureKey } from './cell-key.js';
import type { Published, Table } from './policy.js';
import { publishTable } from './secondary.js';

/**
 * At most this many cells per request, over all aggregates in it (query-set restriction, issue 10): a
 * national table of every gemeente fits, a sweep of every slice a caller can think of does not. A bound
 * per caller per period would need state shared by the subgraphs (Redis is only in the gateway); the
 * gateway's rate limit bounds the requests.
 */
export const MAX_CELLS_PER_REQUEST = 20_000;

/** The policy as a request sees it: the installation's key and the request's budget of cells. */
export interface Disclosure {
  /** Publishes a table (`publishTable`) and counts its cells against the request's bound. */
  publish(table: Table): Published[];
  readonly key: DisclosureKey;
}

/** One request's disclosure control; `createRequestContext` makes a fresh one per request. */
export function createDisclosure(key: DisclosureKey, maxCells = MAX_CELLS_PER_REQUEST): Disclosure {
  let cells = 0;
  return {
    key,
    publish(table) {
      cells += table.cells.length;
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
