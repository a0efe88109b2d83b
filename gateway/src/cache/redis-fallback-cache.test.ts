import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { closedPort } from '../gateway.test-utils.js';
import { createGatewayCache } from './create-cache.js';
import { RedisFallbackCache } from './redis-fallback-cache.js';

const quiet = () => undefined;

describe('RedisFallbackCache with Redis down', () => {
  it('answers from the in-process store, without waiting for Redis, and never throws', async () => {
    // Each command must settle before the event loop's next turn: one that went to Redis would wait for its
    // socket (I/O, a later turn) or for its 30 s timeout, so the race below tells waiting from not waiting
    // however busy the machine is, with no clock in it.
    const cache = new RedisFallbackCache({ url: `redis://127.0.0.1:${await closedPort()}`, log: quiet, commandTimeoutMs: 30_000, connectTimeoutMs: 30_000 });
    const atOnce = <T>(command: Promise<T>) => Promise.race([command, nextTurn('waited for Redis' as const)]);
    try {
      expect(await atOnce(cache.get('a'))).toBeUndefined();
      await expect(atOnce(cache.set('a', 'één'))).resolves.toBeUndefined();
      expect(await atOnce(cache.get('a'))).toBe('één');
      expect(await atOnce(cache.delete('a'))).toBe(true);
      expect(await atOnce(cache.get('a'))).toBeUndefined();
    } finally {
      await cache.close();
    }
  });

  it('logs the change of state once, not per command', async () => {
    const lines: string[] = [];
    const cache = new RedisFallbackCache({ url: `redis://127.0.0.1:${await closedPort()}`, log: (line) => lines.push(line) });
    try {
      await new Promise((resolve) => setTimeout(resolve, 600));
      for (let i = 0; i < 5; i++) await cache.get(`k${i}`);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/Redis unavailable, using the in-process cache/);
    } finally {
      await cache.close();
    }
  });
});

describe('createGatewayCache', () => {
  it('is in-process without REDIS_URL', async () => {
    const cache = createGatewayCache({ redisUrl: undefined, redisKeyPrefix: 'x:' });
    expect(cache).not.toBeInstanceOf(RedisFallbackCache);
    await cache.set('k', 'v', { ttl: 60 });
    expect(await cache.get('k')).toBe('v');
    await cache.close();
  });

  it('lists what it holds in process, and with Redis down what its fallback holds', async () => {
    const memory = createGatewayCache({ redisUrl: undefined, redisKeyPrefix: 'x:' });
    await memory.set('a', '1');
    await memory.set('b', '2');
    expect(await memory.entriesInProcess()).toEqual(expect.arrayContaining([['a', '1'], ['b', '2']]));
    expect(await memory.entriesInProcess()).toHaveLength(2);
    await memory.close();
    const degraded = createGatewayCache({ redisUrl: `redis://127.0.0.1:${await closedPort()}`, redisKeyPrefix: 'x:' });
    await degraded.set('c', '3');
    expect(await degraded.entriesInProcess()).toEqual([['c', '3']]);
    await degraded.close();
  });
});

describe.runIf(process.env.REDIS_URL)('RedisFallbackCache with the real Redis (REDIS_URL)', () => {
  const url = process.env.REDIS_URL ?? '';
  const keyPrefix = `sociaal-graph-test-${randomUUID()}:`;
  const inspector = new Redis(url, { lazyConnect: true });

  afterAll(async () => {
    const keys = await inspector.keys(`${keyPrefix}*`);
    if (keys.length > 0) await inspector.del(...keys);
    inspector.disconnect();
  });

  it('stores under the prefix, honours the ttl, and deletes', async () => {
    const cache = new RedisFallbackCache({ url, keyPrefix, log: quiet });
    try {
      await inspector.connect();
      await waitForReady(cache);
      await cache.set('blijvend', 'a');
      await cache.set('kort', 'b', { ttl: 30 });
      expect(await inspector.get(`${keyPrefix}blijvend`)).toBe('a');
      expect(await inspector.pttl(`${keyPrefix}blijvend`)).toBe(-1);
      const ttl = await inspector.pttl(`${keyPrefix}kort`);
      expect(ttl).toBeGreaterThan(25_000);
      expect(ttl).toBeLessThanOrEqual(30_000);
      expect(await cache.get('kort')).toBe('b');
      expect(await cache.delete('kort')).toBe(true);
      expect(await inspector.exists(`${keyPrefix}kort`)).toBe(0);
    } finally {
      await cache.close();
    }
  });
});

/** Sets a probe key until it reaches Redis (the connection is made in the background). */
async function waitForReady(cache: RedisFallbackCache): Promise<void> {
  const probe = new Redis(process.env.REDIS_URL ?? '', { lazyConnect: true });
  await probe.connect();
  try {
    const deadline = Date.now() + 3_000;
    const key = `probe-${randomUUID()}`;
    for (;;) {
      await cache.set(key, '1', { ttl: 5 });
      if ((await probe.keys(`*${key}`)).length > 0) break;
      if (Date.now() > deadline) throw new Error('Redis did not become ready');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    probe.disconnect();
  }
}
