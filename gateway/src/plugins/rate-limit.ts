import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { ANONYMOUS_CALLER, type Caller } from '../auth/caller.js';
import type { GatewayContext } from '../context.js';
import type { SharedAnswers } from '../answer-sharing.js';

/** What one caller may do. */
export interface CallerLimits {
  /** Operations per minute. */
  requestsPerMinute: number;
  /** Sum of estimated operation cost per minute (`operationLimitsPlugin`'s estimate). */
  costPerMinute: number;
  /** Operations running at the same time. */
  concurrent: number;
}

export interface RateLimitPluginOptions {
  /** A caller with a token, counted per organisation and actor (the hash of the token's `sub`). */
  authenticated: CallerLimits;
  /** Callers without a token, counted together per client address: stricter. */
  anonymous: CallerLimits;
  /** Redis, so that every gateway replica counts the same; unset: counted in this process. */
  redisUrl?: string;
  /** Put before every Redis key. Default `sociaal-graph:`. */
  redisKeyPrefix?: string;
  /** Shared answers (`createSharedAnswers`): a caller that gets one is counted here too. */
  sharedAnswers?: Pick<SharedAnswers, 'admitWith'>;
}

/** How long a concurrency slot lives at most, in seconds, should its release be lost (a crashed replica). */
const SLOT_LIFETIME_SECONDS = 120;

/** The three counters of one kind of caller. */
interface Limiters {
  requests: RateLimiterAbstract;
  cost: RateLimiterAbstract;
  concurrent: RateLimiterAbstract;
}

/**
 * Per-caller limits (issue 11, item 2): operations and estimated cost per minute, and operations at
 * once, per caller, stricter for anonymous callers (per client address). A caller over a limit gets
 * HTTP 429 with `Retry-After` (seconds) and `extensions.code` `RATE_LIMITED`, and
 * `extensions.sociaalGraph` `{ limiet, maximum }`; nothing is sent to a subgraph.
 *
 * Counts live in Redis (rate-limiter-flexible: atomic, well kept, the same on every replica); while
 * Redis is down or slow, an in-process counter with the same limits takes over (its insurance
 * limiter), so a Redis outage neither stops the graph nor lifts the limits.
 *
 * Runs in `responseForOperation`, a later hook than `didResolveOperation`, so only an operation
 * that passed validation, the static limits and authorization counts, and its estimated cost is
 * known (`contextValue.cost.estimated`); the slot is given back in `willSendResponse`.
 */
export function rateLimitPlugin(options: RateLimitPluginOptions): ApolloServerPlugin<GatewayContext> {
  const redis = options.redisUrl
    ? new Redis(options.redisUrl, {
        keyPrefix: options.redisKeyPrefix ?? 'sociaal-graph:',
        lazyConnect: false,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        commandTimeout: 250,
        connectTimeout: 1_000,
        retryStrategy: (attempt) => Math.min(attempt * 250, 5_000),
      })
    : undefined;
  // The cache logs Redis' state changes already; a second log line per failure would only repeat it.
  redis?.on('error', () => undefined);
  const authenticated = limiters('ingelogd', options.authenticated, redis);
  const anonymous = limiters('anoniem', options.anonymous, redis);
  // A caller that gets another's answer ran no operation: it takes no slot, but its requests and
  // the cost of what it got count as if it had.
  options.sharedAnswers?.admitWith(async (context, estimatedCost) => {
    const isAnonymous = isAnonymousCaller(context.caller);
    const kind = isAnonymous ? anonymous : authenticated;
    const limits = isAnonymous ? options.anonymous : options.authenticated;
    const key = callerKeyOf(context);
    const refusal =
      (await take(kind.requests, key, 1, 'verzoeken per minuut', limits.requestsPerMinute)) ??
      (await take(kind.cost, key, Math.max(1, estimatedCost), 'kosten per minuut', limits.costPerMinute));
    if (!refusal || refusal.body.kind !== 'single') return undefined;
    return {
      status: refusal.http?.status ?? 429,
      headers: [...(refusal.http?.headers ?? []), ['content-type', 'application/json; charset=utf-8']],
      body: JSON.stringify(refusal.body.singleResult),
    };
  });

  return {
    async serverWillStart() {
      // Count in Redis from the first operation on when it answers within a second; else the
      // in-process counter serves until it does.
      if (redis && redis.status !== 'ready') {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 1_000);
          redis.once('ready', () => (clearTimeout(timer), resolve()));
        });
      }
      return {
        async serverWillStop() {
          redis?.disconnect();
        },
      };
    },
    async requestDidStart({ contextValue }) {
      const isAnonymous = isAnonymousCaller(contextValue.caller);
      const kind = isAnonymous ? anonymous : authenticated;
      const limits = isAnonymous ? options.anonymous : options.authenticated;
      const key = callerKeyOf(contextValue);
      let holdsSlot = false;
      return {
        async responseForOperation({ contextValue: { cost } }): Promise<GraphQLResponse | null> {
          const refusal =
            (await take(kind.requests, key, 1, 'verzoeken per minuut', limits.requestsPerMinute)) ??
            (await take(kind.cost, key, Math.max(1, cost.estimated ?? 1), 'kosten per minuut', limits.costPerMinute));
          if (refusal) return refusal;
          const slot = await take(kind.concurrent, key, 1, 'gelijktijdige operaties', limits.concurrent);
          if (slot) {
            // A refused slot was counted all the same; give it back.
            await kind.concurrent.reward(key, 1).catch(() => undefined);
            return slot;
          }
          holdsSlot = true;
          return null;
        },
        async willSendResponse() {
          if (holdsSlot) await kind.concurrent.reward(key, 1).catch(() => undefined);
        },
      };
    },
  };
}

/** Who is counted as one caller: an organisation's actor, or an anonymous client address. */
export function callerKeyOf(context: Pick<GatewayContext, 'caller' | 'clientAddress'>): string {
  return isAnonymousCaller(context.caller) ? `adres:${context.clientAddress}` : `${context.caller.org}:${context.caller.actor}`;
}

function isAnonymousCaller(caller: Caller): boolean {
  return caller === ANONYMOUS_CALLER || caller.org === ANONYMOUS_CALLER.org;
}

function limiters(name: string, limits: CallerLimits, redis: Redis | undefined): Limiters {
  const make = (what: string, points: number, duration: number): RateLimiterAbstract => {
    const keyPrefix = `limiet:${name}:${what}`;
    const memory = new RateLimiterMemory({ keyPrefix, points, duration });
    if (!redis) return memory;
    return new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration, rejectIfRedisNotReady: true, insuranceLimiter: memory });
  };
  return {
    requests: make('verzoeken', limits.requestsPerMinute, 60),
    cost: make('kosten', limits.costPerMinute, 60),
    concurrent: make('gelijktijdig', limits.concurrent, SLOT_LIFETIME_SECONDS),
  };
}

/** Consumes `points`; undefined when allowed, else the 429 response that refuses the operation. */
async function take(limiter: RateLimiterAbstract, key: string, points: number, limit: string, maximum: number): Promise<GraphQLResponse | undefined> {
  try {
    await limiter.consume(key, points);
    return undefined;
  } catch (rejection) {
    // Not a refusal but a failing store with no insurance left: let the operation through.
    if (!(rejection instanceof RateLimiterRes)) return undefined;
    // A slot frees when an operation ends, not after a time; one second is a fair next try.
    const seconds = limit === 'gelijktijdige operaties' ? 1 : Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    const message =
      points > maximum
        ? `De operatie kost ${points}, meer dan uw maximum van ${maximum} ${limit}.`
        : `Te veel aanvragen: het maximum van ${maximum} ${limit} is bereikt; probeer het over ${seconds} s opnieuw.`;
    return {
      http: { status: 429, headers: new HeaderMap([['retry-after', String(seconds)]]) },
      body: {
        kind: 'single',
        singleResult: { errors: [{ message, extensions: { code: 'RATE_LIMITED', sociaalGraph: { limiet: limit, maximum } } }] },
      },
    };
  }
}
