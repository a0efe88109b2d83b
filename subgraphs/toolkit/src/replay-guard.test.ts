import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createReplayGuard } from './replay-guard.js';


describe('replay guard', () => {
  // Redis as CI's second run gives it (REDIS_URL); the first run checks the process's own memory.
  for (const [where, redisUrl] of [['in process', undefined], ['in Redis', process.env.REDIS_URL]] as const) {
    it.skipIf(where === 'in Redis' && !redisUrl)(`admits an assertion id once, ${where}, also to another guard of the same subgraph`, async () => {
      const options = { redisUrl, keyPrefix: `sociaal-graph-test-${process.pid}:`, subgraph: 'wmo' };
      const guard = await createReplayGuard(options);
      const jti = randomUUID();
      try {
        expect(await guard.firstUse(jti, Date.now() + 60_000)).toBe(true);
        expect(await guard.firstUse(jti, Date.now() + 60_000)).toBe(false);
        expect(await guard.firstUse(randomUUID(), Date.now() + 60_000)).toBe(true);
        if (redisUrl) {
          // A second replica sharing Redis refuses it too.
          const replica = await createReplayGuard(options);
          expect(await replica.firstUse(jti, Date.now() + 60_000)).toBe(false);
          await replica.close();
        }
      } finally {
        await guard.close();
      }
    });
  }

  it('in process, remembers an id at least until its expiry and forgets it once expired', async () => {
    const guard = await createReplayGuard({ subgraph: 'wmo' });
    try {
      const jti = randomUUID();
      expect(await guard.firstUse(jti, Date.now() + 1_500)).toBe(true);
      expect(await guard.firstUse(jti, Date.now() + 1_500)).toBe(false);
      // Already expired when presented again: no longer remembered (the verifier refuses it as expired anyway).
      const old = randomUUID();
      expect(await guard.firstUse(old, Date.now() - 1_000)).toBe(true);
      expect(await guard.firstUse(old, Date.now() + 60_000)).toBe(true);
      expect(await guard.firstUse(old, Date.now() + 60_000)).toBe(false);
    } finally {
      await guard.close();
    }
  });

  it('refuses to decide (throws) while Redis is unreachable, instead of admitting a possible replay', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const guard = await createReplayGuard({ redisUrl: `redis://127.0.0.1:${port}`, subgraph: 'wmo' });
    try {
      await expect(guard.firstUse(randomUUID(), Date.now() + 60_000)).rejects.toThrow();
    } finally {
      await guard.close();
    }
  });
});
