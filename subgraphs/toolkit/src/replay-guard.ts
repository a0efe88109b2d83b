import { Redis } from 'ioredis';
import { createLogger } from './observability/logger.js';

/**
 * Remembers the id (`jti`) of every caller assertion a subgraph accepted until it expires, so that
 * each is used once (issue 9 item 2). With several replicas of a subgraph they share Redis;
 * otherwise this process remembers.
 */
export interface ReplayGuard {
  /**
   * True the first time `jti` is presented, false every later time. Throws when it cannot tell
   * (Redis unreachable): the caller then refuses, as accepting could admit a replay.
   */
  firstUse(jti: string, expiresAt: number): Promise<boolean>;
  close(): Promise<void>;
}

export interface ReplayGuardOptions {
  /** `REDIS_URL`; unset: in this process. */
  readonly redisUrl?: string;
  /** `REDIS_KEY_PREFIX`. */
  readonly keyPrefix?: string;
  /** Name of the subgraph: its ids are kept apart from another subgraph's (`aud` differs anyway). */
  readonly subgraph: string;
}

/** A replay guard in Redis when `redisUrl` is set, else in process. */
export async function createReplayGuard(options: ReplayGuardOptions): Promise<ReplayGuard> {
  return options.redisUrl ? redisGuard(options.redisUrl, `${options.keyPrefix ?? 'sociaal-graph:'}assertie:${options.subgraph}:`) : memoryGuard();
}

/** Answers of the in-process guard, settled once: it knows at once, and a call needs no promise of its own. */
const FIRST = Promise.resolve(true);
const REPEATED = Promise.resolve(false);

/**
 * In process: a map of id to expiry, swept of expired ids as it grows. The expiry is kept in whole
 * seconds, rounded up (remembered a little longer, never shorter): a number of seconds is a small
 * integer to V8, where one of milliseconds is a heap object per id kept (about 200,000 at 500 views/s).
 */
function memoryGuard(): ReplayGuard {
  const seen = new Map<string, number>();
  let sweepAt = 1024;
  return {
    firstUse: (jti, expiresAt) => {
      const now = Date.now();
      const until = seen.get(jti);
      if (until !== undefined && until * 1000 > now) return REPEATED;
      seen.set(jti, Math.ceil(expiresAt / 1000));
      if (seen.size >= sweepAt) {
        for (const [id, expiry] of seen) if (expiry * 1000 <= now) seen.delete(id);
        sweepAt = Math.max(1024, seen.size * 2);
      }
      return FIRST;
    },
    close: async () => seen.clear(),
  };
}

/**
 * In Redis: `SET key 1 PXAT exp NX` answers OK only to the first. No fallback to the process: a
 * replica that remembered alone could accept what another already accepted, so while Redis is
 * unreachable this throws and the subgraph refuses (HTTP 503).
 */
async function redisGuard(url: string, prefix: string): Promise<ReplayGuard> {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 1000,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 250, 5000),
  });
  const logger = createLogger('replay-guard');
  let warned = false;
  redis.on('error', (error: Error) => {
    if (!warned) logger.warn({ err: error }, 'Redis unavailable: caller assertions are refused until it is back');
    warned = true;
  });
  redis.on('ready', () => {
    warned = false;
  });
  await redis.connect().catch(() => undefined);
  return {
    firstUse: async (jti, expiresAt) => {
      if (redis.status !== 'ready') throw new Error('Redis is not connected');
      // At least one millisecond ahead, else Redis refuses an expiry in the past.
      const answer = await redis.set(`${prefix}${jti}`, '1', 'PXAT', Math.max(expiresAt, Date.now() + 1), 'NX');
      return answer === 'OK';
    },
    close: async () => {
      redis.disconnect();
    },
  };
}
