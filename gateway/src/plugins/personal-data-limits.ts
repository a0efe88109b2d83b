import type { ApolloServerPlugin } from '@apollo/server';
import { type Leesbudget, leeslimietError } from '@sociaal-graph/toolkit/gateway';
import { Redis } from 'ioredis';
import type { GatewayContext } from '../context.js';

/**
 * What one request read: the residents (hashed per trace, see `GELEZEN_INWONERS_EXTENSION`) the
 * subgraphs reported, and the bound they were given. Filled per request; the subgraph calls read
 * `budget` for their assertion and add what they read to `gelezen`.
 */
export interface PersonalReads {
  budget?: Leesbudget;
  readonly gelezen: Set<string>;
  /**
   * Set when a subgraph recorded any processing for this request in its Logboek
   * (`VERWERKT_EXTENSION`), residents or not: such a result is this caller's, never shared
   * (`inflightDeduplicationPlugin`).
   */
  verwerkt?: boolean;
  /**
   * The Logboek writes of subgraph answers that came before them (over the one-process graph's channel,
   * `LogboekResponse`): the client's answer waits for all of them, and is withheld when one fails
   * (gateway/src/logboek-vastlegging.ts).
   */
  vastleggingen?: Promise<void>[];
  /**
   * Called once a subgraph reports that it read or logged personal data for this request (set by
   * `inflightDeduplicationPlugin`): from then on none of its answer will be shared, so the callers
   * waiting for it go ahead with their own execution at once instead of after its end.
   */
  nietDeelbaar?: () => void;
}

export interface PersonalDataLimitsOptions {
  /** `MAX_RESIDENTS_PER_REQUEST`: distinct residents one request may read personal data of. */
  readonly perRequest: number;
  /** `MAX_RESIDENTS_PER_HOUR`: residents one actor may read in a clock hour (each request counts its own). */
  readonly perHour: number;
  /** `REDIS_URL`: where the actors' hourly counts are kept, shared by every replica; unset: in process. */
  readonly redisUrl?: string;
  readonly redisKeyPrefix: string;
}

/**
 * Bounds bulk reads of personal data (issue 9, item 10). The bound is enforced where the subjects
 * are known: each subgraph's logboek refuses a call that read more distinct residents than the
 * `leesbudget` in its caller assertion (`PERSONAL_DATA_LIMIT`, and records the refusal for the
 * fg). This plugin sets that budget per request: the per-request bound, or what is left of the
 * actor's hourly budget when that is less. After the request it adds the distinct residents the
 * subgraphs reported to the actor's hour; when the calls of one request together read more
 * residents than the bound (each call stayed within it), it withholds the whole answer with the
 * same code. A refusal of the hourly budget is HTTP 429 with `Retry-After` (the end of the hour).
 */
export function personalDataLimitsPlugin(options: PersonalDataLimitsOptions): ApolloServerPlugin<GatewayContext> {
  const store = createReadCountStore({ redisUrl: options.redisUrl, keyPrefix: options.redisKeyPrefix });
  return {
    async serverWillStart() {
      return { serverWillStop: () => store.close() };
    },
    async requestDidStart({ contextValue }) {
      const { caller, personalReads } = contextValue;
      // Without a token nothing personal can be read; the gateway's own calls are not a person's.
      if (caller.actor === 'anoniem' || !personalReads) return undefined;
      const used = await store.used(caller.actor);
      const left = Math.max(0, options.perHour - used);
      personalReads.budget = left < options.perRequest ? { max: left, grens: 'uur' } : { max: options.perRequest, grens: 'aanvraag' };
      return {
        async willSendResponse({ response }) {
          const budget = personalReads.budget as Leesbudget;
          const gelezen = personalReads.gelezen.size;
          if (gelezen > 0) await store.add(caller.actor, gelezen);
          if (response.body.kind !== 'single') return;
          if (gelezen > budget.max) {
            response.body.singleResult = { data: null, errors: [leeslimietError(budget, gelezen)] };
          }
          const hourly = response.body.singleResult.errors?.some(
            (error) => error.extensions?.code === 'PERSONAL_DATA_LIMIT' && (error.extensions.sociaalGraph as { grens?: string } | undefined)?.grens === 'uur',
          );
          if (hourly) {
            response.http.status = 429;
            response.http.headers.set('retry-after', String(store.secondsLeftInHour()));
          }
        },
      };
    },
  };
}

/** Residents read per actor in the current clock hour. */
export interface ReadCountStore {
  used(actor: string): Promise<number>;
  add(actor: string, count: number): Promise<void>;
  secondsLeftInHour(): number;
  close(): Promise<void>;
}

const HOUR_MS = 3_600_000;

/**
 * Counts per actor and clock hour: in Redis (`<prefix>leesbudget:<actor>:<hour>`, an integer that
 * expires after two hours; the actor is the pseudonym of the person asking, no resident is kept)
 * when `redisUrl` is set, shared by every replica; in process otherwise, and while Redis is
 * unreachable (then each replica counts for itself).
 */
export function createReadCountStore(options: { redisUrl?: string; keyPrefix: string; now?: () => number }): ReadCountStore {
  const now = options.now ?? Date.now;
  const hour = () => Math.floor(now() / HOUR_MS);
  const memory = new Map<string, number>();
  const key = (actor: string) => `leesbudget:${actor}:${hour()}`;
  const inProcess = {
    used: (actor: string) => memory.get(key(actor)) ?? 0,
    add: (actor: string, count: number) => {
      // Only this hour's counts are needed.
      for (const old of memory.keys()) if (!old.endsWith(`:${hour()}`)) memory.delete(old);
      memory.set(key(actor), (memory.get(key(actor)) ?? 0) + count);
    },
  };
  const redis = options.redisUrl
    ? new Redis(options.redisUrl, {
        keyPrefix: options.keyPrefix,
        lazyConnect: true,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        commandTimeout: 250,
        connectTimeout: 1000,
        retryStrategy: (attempt) => Math.min(attempt * 250, 5000),
      })
    : undefined;
  redis?.on('error', () => undefined);
  redis?.connect().catch(() => undefined);
  return {
    async used(actor) {
      if (redis?.status === 'ready') {
        try {
          return Math.max(Number((await redis.get(key(actor))) ?? 0), inProcess.used(actor));
        } catch {
          // Redis slow or gone: the count of this process.
        }
      }
      return inProcess.used(actor);
    },
    async add(actor, count) {
      if (redis?.status === 'ready') {
        try {
          await redis.multi().incrby(key(actor), count).expire(key(actor), 7200).exec();
          return;
        } catch {
          // Counted in process below.
        }
      }
      inProcess.add(actor, count);
    },
    secondsLeftInHour: () => Math.ceil((HOUR_MS - (now() % HOUR_MS)) / 1000),
    close: async () => {
      redis?.disconnect();
    },
  };
}
