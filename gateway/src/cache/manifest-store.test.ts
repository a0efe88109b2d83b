import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { closedPort, tempDir } from '../gateway.test-utils.js';
import { createManifestStore, registerManifestsIn } from './manifest-store.js';

const MANIFEST = { a1: 'query A { a }', b2: 'query B { b }' };

describe('createManifestStore', () => {
  it('in process: answers a registered document per client and nothing across clients', async () => {
    const store = createManifestStore({ redisUrl: undefined, redisKeyPrefix: 'x:' });
    expect(await store.register('voordeur', MANIFEST)).toBe(2);
    expect(await store.document('voordeur', 'a1')).toBe('query A { a }');
    expect(await store.document('verkenner', 'a1')).toBeUndefined();
    expect(await store.document('voordeur', 'c3')).toBeUndefined();
    await store.close();
  });

  it('with Redis down: serves what this process registered', async () => {
    const store = createManifestStore({ redisUrl: `redis://127.0.0.1:${await closedPort()}`, redisKeyPrefix: 'x:' });
    await store.register('voordeur', MANIFEST);
    expect(await store.document('voordeur', 'b2')).toBe('query B { b }');
    await store.close();
  });

  it('registers every manifest under a clients folder and refuses a malformed one', async () => {
    const dir = await tempDir();
    try {
      for (const [client, content] of [['voordeur', JSON.stringify(MANIFEST)], ['leeg', '{}']]) {
        await mkdir(join(dir.path, client, 'generated'), { recursive: true });
        await writeFile(join(dir.path, client, 'generated', 'persisted-documents.json'), content);
      }
      await mkdir(join(dir.path, 'zonder-manifest'));
      const store = createManifestStore({ redisUrl: undefined, redisKeyPrefix: 'x:' });
      expect(await registerManifestsIn(dir.path, store)).toEqual(['leeg', 'voordeur']);
      expect(await store.document('voordeur', 'a1')).toBe('query A { a }');
      await writeFile(join(dir.path, 'leeg', 'generated', 'persisted-documents.json'), '{"x": 1}');
      await expect(registerManifestsIn(dir.path, store)).rejects.toThrow(/not a persisted-operation manifest/);
      await store.close();
    } finally {
      await dir.remove();
    }
  });
});

describe.runIf(process.env.REDIS_URL)('createManifestStore with the real Redis (REDIS_URL)', () => {
  const url = process.env.REDIS_URL ?? '';
  const prefix = `sociaal-graph-test-${randomUUID()}:`;
  const inspector = new Redis(url, { lazyConnect: true });

  afterAll(async () => {
    const keys = await inspector.keys(`${prefix}*`);
    if (keys.length > 0) await inspector.del(...keys);
    inspector.disconnect();
  });

  it('keeps a manifest in Redis, where another replica finds it without registering it', async () => {
    await inspector.connect();
    const first = createManifestStore({ redisUrl: url, redisKeyPrefix: prefix });
    const second = createManifestStore({ redisUrl: url, redisKeyPrefix: prefix });
    try {
      // The connection is made in the background; register until the documents are in Redis.
      const deadline = Date.now() + 3_000;
      while ((await inspector.get(`${prefix}trusted-documents:voordeur:a1`)) === null) {
        if (Date.now() > deadline) throw new Error('Redis did not become ready');
        await first.register('voordeur', MANIFEST);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await inspector.get(`${prefix}trusted-documents:voordeur:b2`)).toBe('query B { b }');
      const until = Date.now() + 3_000;
      while ((await second.document('voordeur', 'a1')) === undefined && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await second.document('voordeur', 'a1')).toBe('query A { a }');
      expect(await second.document('verkenner', 'a1')).toBeUndefined();
    } finally {
      await first.close();
      await second.close();
    }
  });
});
