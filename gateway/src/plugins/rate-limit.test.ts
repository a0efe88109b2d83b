import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { ANONYMOUS_CALLER, type Caller } from '../auth/caller.js';
import type { GatewayContext } from '../context.js';
import { operationLimitsPlugin } from './operation-limits.js';
import { type CallerLimits, rateLimitPlugin } from './rate-limit.js';

const TYPE_DEFS = `type Query { versie: String, traag: String }`;
const LOOSE: CallerLimits = { requestsPerMinute: 1_000, costPerMinute: 1_000_000, concurrent: 100 };
const CONSULENT: Caller = { org: 'uo-hbel', roles: ['consulent'], actor: 'a1', mandates: {} };

let calls = 0;
let release: (() => void)[] = [];
const servers: ApolloServer<GatewayContext>[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

async function start(limits: { anonymous?: Partial<CallerLimits>; authenticated?: Partial<CallerLimits> }, redisUrl?: string) {
  calls = 0;
  const redisKeyPrefix = `sociaal-graph-test-${randomUUID()}:`;
  const server = new ApolloServer<GatewayContext>({
    typeDefs: TYPE_DEFS,
    resolvers: {
      Query: {
        versie: () => (calls++, 'v1'),
        traag: () => new Promise<string>((resolve) => release.push(() => resolve('klaar'))),
      },
    },
    plugins: [
      operationLimitsPlugin(),
      rateLimitPlugin({
        anonymous: { ...LOOSE, ...limits.anonymous },
        authenticated: { ...LOOSE, ...limits.authenticated },
        redisUrl,
        // Each server counts on its own keys, so runs and tests do not share counts in Redis.
        redisKeyPrefix,
      }),
    ],
  });
  await server.start();
  servers.push(server);
  const send = async (query: string, caller: Caller = ANONYMOUS_CALLER, clientAddress = '127.0.0.1') => {
    const response = await server.executeOperation(
      { query },
      { contextValue: { verzoekId: '1'.repeat(32), traceId: '0'.repeat(32), traceresponse: '', caller, clientAddress, cost: {} } },
    );
    const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
    return { status: response.http.status ?? 200, retryAfter: response.http.headers.get('retry-after'), errors: result?.errors, data: result?.data };
  };
  /** The rate-limit keys this server wrote to Redis. */
  const redisKeys = async () => {
    const redis = new Redis(redisUrl ?? '');
    try {
      return await redis.keys(`${redisKeyPrefix}*`);
    } finally {
      redis.disconnect();
    }
  };
  return { send, redisKeys };
}

for (const store of ['in process', 'Redis'] as const) {
  const redisUrl = store === 'Redis' ? process.env.REDIS_URL : undefined;
  describe.runIf(store === 'in process' || redisUrl)(`rateLimitPlugin (${store})`, () => {
    it('refuses an anonymous address past its requests per minute with 429, Retry-After and RATE_LIMITED, before any resolver runs', async () => {
      const { send, redisKeys } = await start({ anonymous: { requestsPerMinute: 2 } }, redisUrl);
      expect((await send('{ versie }')).status).toBe(200);
      expect((await send('{ versie }')).status).toBe(200);
      const refused = await send('{ versie }');
      expect(refused.status).toBe(429);
      expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
      expect(refused.errors).toEqual([
        expect.objectContaining({ extensions: { code: 'RATE_LIMITED', sociaalGraph: { limiet: 'verzoeken per minuut', maximum: 2 } } }),
      ]);
      expect(refused.data).toBeUndefined();
      expect(calls).toBe(2);
      // Another address and a caller with a token have budgets of their own.
      expect((await send('{ versie }', ANONYMOUS_CALLER, '127.0.0.2')).status).toBe(200);
      expect((await send('{ versie }', CONSULENT)).status).toBe(200);
      if (redisUrl) expect((await redisKeys()).filter((key) => key.endsWith('limiet:anoniem:verzoeken:adres:127.0.0.1'))).toHaveLength(1);
    });

    it('counts estimated cost per minute: a large list spends the budget that many small ones would', async () => {
      // Two fields: estimated cost 2.
      const { send } = await start({ authenticated: { costPerMinute: 3 } }, redisUrl);
      expect((await send('{ a: versie b: versie }', CONSULENT)).status).toBe(200);
      const refused = await send('{ a: versie b: versie }', CONSULENT);
      expect(refused.status).toBe(429);
      expect(refused.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED', sociaalGraph: { limiet: 'kosten per minuut', maximum: 3 } });
      // The same operation from another actor of the same organisation is counted apart.
      expect((await send('{ a: versie b: versie }', { ...CONSULENT, actor: 'a2' })).status).toBe(200);
    });

    it('refuses an operation that costs more than a whole minute of budget, saying so', async () => {
      const { send } = await start({ anonymous: { costPerMinute: 2 } }, redisUrl);
      const refused = await send('{ a: versie b: versie c: versie }');
      expect(refused.status).toBe(429);
      expect(refused.errors?.[0]?.message).toBe('De operatie kost 3, meer dan uw maximum van 2 kosten per minuut.');
    });

    it('holds a caller to its concurrent operations, and gives the slot back when one ends', async () => {
      release = [];
      const { send } = await start({ anonymous: { concurrent: 1 } }, redisUrl);
      const first = send('{ traag }');
      // Wait until the first operation holds its slot (its resolver runs).
      while (release.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      const second = await send('{ versie }');
      expect(second.status).toBe(429);
      expect(second.retryAfter).toBe('1');
      expect(second.errors?.[0]?.extensions?.sociaalGraph).toEqual({ limiet: 'gelijktijdige operaties', maximum: 1 });
      release[0]();
      expect((await first).data).toEqual({ traag: 'klaar' });
      expect((await send('{ versie }')).status).toBe(200);
    });
  });
}
