import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { GatewayConfig } from '../config.js';
import { RedisFallbackCache } from './redis-fallback-cache.js';

/** The gateway's shared cache (APQ today; docs/storage.md "Redis") with a way to let go of it. */
export interface GatewayCache extends KeyValueCache<string> {
  close(): Promise<void>;
  /**
   * Every entry held in this process: the whole cache without Redis; with Redis, what its fallback
   * kept while Redis was down (Redis itself is read with a Redis client). For tests that check what
   * the gateway keeps (issue 3: no cache stores a response with personal data).
   */
  entriesInProcess(): Promise<[key: string, value: string][]>;
}

/**
 * Redis when `config.redisUrl` is set (degrading to in-process while Redis is down), an
 * in-process LRU cache of about 30 MiB otherwise. Built once at start.
 */
export function createGatewayCache(config: Pick<GatewayConfig, 'redisUrl' | 'redisKeyPrefix'>): GatewayCache {
  const memory = new InMemoryLRUCache<string>();
  const entriesInProcess = async () => {
    const entries = await Promise.all(memory.keys().map(async (key) => [key, await memory.get(key)] as const));
    // An entry whose ttl ran out between keys() and get() is gone.
    return entries.filter((entry): entry is [string, string] => entry[1] !== undefined);
  };
  if (config.redisUrl) {
    const redis = new RedisFallbackCache({ url: config.redisUrl, keyPrefix: config.redisKeyPrefix, fallback: memory });
    return {
      get: (key) => redis.get(key),
      set: (key, value, options) => redis.set(key, value, options),
      delete: (key) => redis.delete(key),
      close: () => redis.close(),
      entriesInProcess,
    };
  }
  return {
    get: (key) => memory.get(key),
    set: (key, value, options) => memory.set(key, value, options),
    delete: (key) => memory.delete(key),
    close: async () => memory.clear(),
    entriesInProcess,
  };
}
