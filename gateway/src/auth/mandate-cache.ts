import { createLogger, type Logger } from '@sociaal-graph/toolkit/gateway';
import { GraphQLError } from 'graphql';
import type { ArrangementsOf } from './arrangement-source.js';
import type { Arrangement } from './mandates-for-roles.js';

export interface MandateCacheOptions {
  /** Fetches an organisation's arrangements from the gemeenten subgraph (`createArrangementSource`). */
  readonly fetch: ArrangementsOf;
  /** `MANDATE_CACHE_SECONDS` in ms: arrangements younger than this are used without asking gemeenten. */
  readonly freshMs: number;
  /**
   * `MANDATE_STALE_SECONDS` in ms: the oldest arrangements ever used. Between fresh and this age
   * they are used while a new fetch runs (and while gemeenten is unreachable); older ones never.
   */
  readonly staleMs: number;
  /** The clock, a parameter for tests. */
  readonly now?: () => number;
  /** Where a failed background fetch is reported. Default the gateway's logger (warn). */
  readonly log?: (message: string) => void;
}

/** The arrangements of an organisation, cached, with a way to withdraw them at once. */
export interface MandateCache {
  readonly arrangementsOf: ArrangementsOf;
  /** Forgets one organisation's arrangements, or every organisation's without `org`. */
  invalidate(org?: string): void;
}

interface Entry {
  readonly fetchedAt: number;
  readonly arrangements: readonly Arrangement[];
}

/**
 * The gateway's mandate cache: per organisation the arrangements last fetched, and when.
 *
 * - Younger than `freshMs`: used as they are.
 * - Up to `staleMs` old: used, while one fetch in the background replaces them; when gemeenten is
 *   unreachable that fetch fails and they stay in use, until they are `staleMs` old.
 * - Older, or none: the request waits for a fetch; when it fails the caller is refused with
 *   HTTP 503 `MANDATEN_ONBEREIKBAAR` (without mandates the caller would silently see nothing,
 *   and with older ones it could see what was withdrawn).
 *
 * So arrangements older than `staleMs` (at most 30 s, the revocation bound) are never used, and
 * never more than the organisation was granted: nothing is added, only the last answer of
 * gemeenten is kept. `invalidate` drops an organisation at once, and also discards any fetch that
 * started before it (it might carry the withdrawn arrangement).
 */
export function createMandateCache(options: MandateCacheOptions): MandateCache {
  const now = options.now ?? Date.now;
  let logger: Logger | undefined;
  const log = options.log ?? ((message: string) => (logger ??= createLogger('gateway')).warn(message));
  const entries = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<readonly Arrangement[]>>();
  // Bumped by invalidate: a fetch stores its answer only if no invalidation came after its start.
  let generation = 0;

  const refresh = (org: string, traceId: string): Promise<readonly Arrangement[]> => {
    const running = inFlight.get(org);
    if (running) return running;
    const started = generation;
    const fetchedAt = now();
    const fetching = options.fetch(org, traceId).then(
      (arrangements) => {
        if (inFlight.get(org) === fetching) inFlight.delete(org);
        if (generation === started) entries.set(org, { fetchedAt, arrangements });
        return arrangements;
      },
      (error: unknown) => {
        if (inFlight.get(org) === fetching) inFlight.delete(org);
        throw error;
      },
    );
    inFlight.set(org, fetching);
    return fetching;
  };

  const arrangementsOf: ArrangementsOf = async (org, traceId) => {
    const entry = entries.get(org);
    const age = entry ? now() - entry.fetchedAt : Infinity;
    if (entry && age < options.freshMs) return entry.arrangements;
    if (entry && age < options.staleMs) {
      refresh(org, traceId).catch((error: unknown) =>
        log(`arrangements of ${org} not renewed, the last known ones (${Math.round(age / 1000)} s old) are used: ${error instanceof Error ? error.message : String(error)}`),
      );
      return entry.arrangements;
    }
    entries.delete(org);
    try {
      return await refresh(org, traceId);
    } catch {
      throw mandatesUnavailable(options.staleMs);
    }
  };

  return {
    arrangementsOf,
    invalidate(org) {
      generation++;
      if (org === undefined) {
        entries.clear();
        inFlight.clear();
      } else {
        entries.delete(org);
        inFlight.delete(org);
      }
    },
  };
}

function mandatesUnavailable(staleMs: number): GraphQLError {
  return new GraphQLError(
    `De mandaten van de organisatie konden niet worden opgehaald en de laatst bekende zijn ouder dan ${Math.round(staleMs / 1000)} seconden; probeer het zo opnieuw.`,
    { extensions: { code: 'MANDATEN_ONBEREIKBAAR', serviceName: 'gemeenten', http: { status: 503 } } },
  );
}
