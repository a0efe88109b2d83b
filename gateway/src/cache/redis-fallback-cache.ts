import { InMemoryLRUCache, type KeyValueCache, type KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import { Redis } from 'ioredis';
import { createLogger } from '@sociaal-graph/toolkit/gateway';

export interface RedisFallbackCacheOptions {
  /** `redis://host:port/db`. */
  url: string;
  /** Put before every key, so several graphs can share one Redis. Default `sociaal-graph:`. */
  keyPrefix?: string;
  /** Longest wait for one Redis command before the in-process store answers. Default 250 ms. */
  commandTimeoutMs?: number;
  /** Longest wait for a connection. Default 1000 ms. */
  connectTimeoutMs?: number;
  /** The in-process store used while Redis is down. Default an `InMemoryLRUCache` of about 30 MiB. */
  fallback?: KeyValueCache<string>;
  /** Where changes of state (degraded, recovered) are logged. Default the gateway's logger. */
  log?: (message: string) => void;
}

/**
 * A `KeyValueCache` in Redis that never fails a request because Redis is down (docs/storage.md
 * "Redis"): while Redis is not connected, or a command fails or is slow, the in-process
 * fallback answers, and ioredis reconnects in the background.
 *
 * Commands are never queued while disconnected (`enableOfflineQueue: false`) and never retried,
 * so a request waits at most `commandTimeoutMs` for Redis. A miss in Redis also asks the
 * fallback, so entries written during an outage stay readable after it.
 */
export class RedisFallbackCache implements KeyValueCache<string> {
  private readonly redis: Redis;
  private readonly fallback: KeyValueCache<string>;
  private readonly log: (message: string) => void;
  private degraded = false;

  constructor(options: RedisFallbackCacheOptions) {
    this.fallback = options.fallback ?? new InMemoryLRUCache<string>();
    const logger = createLogger('gateway');
    this.log = options.log ?? ((message) => logger.warn({ cache: 'redis' }, message));
    this.redis = new Redis(options.url, {
      keyPrefix: options.keyPrefix ?? 'sociaal-graph:',
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.commandTimeoutMs ?? 250,
      connectTimeout: options.connectTimeoutMs ?? 1000,
      // Keep trying in the background, at most every 5 s; requests do not wait for it.
      retryStrategy: (attempt) => Math.min(attempt * 250, 5000),
    });
    this.redis.on('error', (error: Error) => this.degrade(error));
    this.redis.on('ready', () => this.recover());
    this.redis.connect().catch((error: Error) => this.degrade(error));
  }

  async get(key: string): Promise<string | undefined> {
    if (this.redis.status !== 'ready') return this.fallback.get(key);
    try {
      return (await this.redis.get(key)) ?? (await this.fallback.get(key));
    } catch (error) {
      this.degrade(error);
      return this.fallback.get(key);
    }
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (this.redis.status === 'ready') {
      try {
        if (options?.ttl) await this.redis.set(key, value, 'PX', Math.ceil(options.ttl * 1000));
        else await this.redis.set(key, value);
        return;
      } catch (error) {
        this.degrade(error);
      }
    }
    await this.fallback.set(key, value, options);
  }

  async delete(key: string): Promise<boolean> {
    const inFallback = await this.fallback.delete(key);
    if (this.redis.status !== 'ready') return inFallback === true;
    try {
      return (await this.redis.del(key)) > 0 || inFallback === true;
    } catch (error) {
      this.degrade(error);
      return inFallback === true;
    }
  }

  /** Closes the connection; later calls use the fallback only. */
  async close(): Promise<void> {
    this.redis.disconnect();
  }

  private degrade(error: unknown): void {
    if (this.degraded) return;
    this.degraded = true;
    this.log(`Redis unavailable, using the in-process cache: ${error instanceof Error ? error.message : String(error)}`);
  }

  private recover(): void {
    if (!this.degraded) return;
    this.degraded = false;
    this.log('Redis available again');
  }
}
