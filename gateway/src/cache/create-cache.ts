import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { GatewayConfig } from '../config.js';
import { RedisFallbackCache } from './redis-fallback-cache.js';

/** The gateway's shared cache (APQ today; DESIGN.md "Redis") with a way to let go of it. */
export interface GatewayCache extends KeyValueCache<string> {
  close(): Promise<void>;
}

/**
 * Redis when `config.redisUrl` is set (degrading to in-process while Redis is down), an
 * in-process LRU cache of about 30 MiB otherwise. Built once at start.
 */
export function createGatewayCache(config: Pick<GatewayConfig, 'redisUrl' | 'redisKeyPrefix'>): GatewayCache {
  if (config.redisUrl) return new RedisFallbackCache({ url: config.redisUrl, keyPrefix: config.redisKeyPrefix });
  const memory = new InMemoryLRUCache<string>();
  return {
    get: (key) => memory.get(key),
    set: (key, value, options) => memory.set(key, value, options),
    delete: (key) => memory.delete(key),
    close: async () => memory.clear(),
  };
}
