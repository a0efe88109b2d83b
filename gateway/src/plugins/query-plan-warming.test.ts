import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayServer, type RunningGateway } from '../create-gateway.js';
import type { GatewayConfig } from '../config.js';
import { ALPHA_RESOLVERS, ALPHA_SDL, BETA_SDL, betaResolvers, composeSupergraph, postGraphql, startTinySubgraph, type TinySubgraph, tempDir, testConfig } from '../gateway.test-utils.js';
import { keepable, PLANNED_OPERATIONS_KEY_PREFIX, type PlannedOperation } from './query-plan-warming.js';

// The code as a variable: a text the gateway keeps. The other has a string literal: planned, never kept.
const KEPT = 'query Inwonertal($code: String!) { gemeente(code: $code) { code naam inwonerAantal } }';
const LITERAL = 'query Blaricum { gemeente(code: "0376") { naam } }';
const ALPHA_ONLY = 'query Naam($code: String!) { gemeente(code: $code) { naam } }';

let alpha: TinySubgraph;
let beta: TinySubgraph;
let dir: Awaited<ReturnType<typeof tempDir>>;
let supergraphPath: string;
let alphaOnlyPath: string;

beforeAll(async () => {
  [alpha, beta] = await Promise.all([startTinySubgraph('alpha', ALPHA_SDL, ALPHA_RESOLVERS), startTinySubgraph('beta', BETA_SDL, betaResolvers())]);
  dir = await tempDir();
  supergraphPath = await dir.file('supergraph.graphql', composeSupergraph([alpha, beta]));
  alphaOnlyPath = await dir.file('alpha.graphql', composeSupergraph([alpha]));
});

afterAll(async () => {
  await Promise.all([alpha?.stop(), beta?.stop()]);
  await dir?.remove();
});

/** The value of one series of a gateway counter (0 when it was never counted). */
async function counted(gateway: RunningGateway, metric: 'cacheLookups' | 'queryPlansWarmed', labels: Record<string, string>): Promise<number> {
  const { values } = await gateway.metrics[metric].get();
  const series = values.find((value) => Object.entries(labels).every(([name, wanted]) => (value.labels as Record<string, unknown>)[name] === wanted));
  return series?.value ?? 0;
}

const planLookups = async (gateway: RunningGateway) => ({
  hit: await counted(gateway, 'cacheLookups', { cache: 'query_plan', result: 'hit' }),
  miss: await counted(gateway, 'cacheLookups', { cache: 'query_plan', result: 'miss' }),
});

async function ask(gateway: RunningGateway, query: string, operationName: string, variables?: Record<string, unknown>): Promise<unknown> {
  const { status, body } = await postGraphql(gateway.url, { query, operationName, ...(variables ? { variables } : {}) });
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  return body.data;
}

describe('keepable', () => {
  it('keeps a text with variables only, not one with a string literal, a default string or a comment', () => {
    const check = (text: string) => keepable(text, parse(text));
    expect(check(KEPT)).toBe(true);
    expect(check('query Q($code: String!, $alle: Boolean = true) { gemeente(code: $code) @include(if: $alle) { naam } }')).toBe(true);
    expect(check(LITERAL)).toBe(false);
    expect(check('query Q($code: String = "Jansen") { gemeente(code: $code) { naam } }')).toBe(false);
    expect(check('query Q($code: String!) { gemeente(code: $code) { naam } } # mevrouw Jansen')).toBe(false);
  });
});

describe.runIf(process.env.REDIS_URL)('query plans kept warm in Redis (REDIS_URL)', () => {
  const redisUrl = process.env.REDIS_URL ?? '';
  const redisKeyPrefix = `sociaal-graph-test-${randomUUID()}:`;
  const inspector = new Redis(redisUrl, { lazyConnect: true });
  const config = (overrides: Partial<GatewayConfig> = {}) => testConfig({ supergraphPath, redisUrl, redisKeyPrefix, ...overrides });
  const kept = async (): Promise<Record<string, string>> => {
    const keys = await inspector.keys(`${redisKeyPrefix}${PLANNED_OPERATIONS_KEY_PREFIX}*`);
    const all: Record<string, string> = {};
    for (const key of keys) Object.assign(all, await inspector.hgetall(key));
    return all;
  };

  beforeAll(async () => {
    await inspector.connect();
  });

  afterAll(async () => {
    const keys = await inspector.keys(`${redisKeyPrefix}*`);
    if (keys.length > 0) await inspector.del(...keys);
    inspector.disconnect();
  });

  it('plans, at the next start against the same Redis and supergraph, the operations planned before: the first request finds its plan', async () => {
    const first = await createGatewayServer(config());
    try {
      expect(await counted(first, 'queryPlansWarmed', { result: 'planned' })).toBe(0);
      const data = await ask(first, KEPT, 'Inwonertal', { code: '0406' });
      expect(data).toEqual({ gemeente: { code: '0406', naam: 'Huizen', inwonerAantal: 41_000 } });
      await ask(first, LITERAL, 'Blaricum');
      expect(await planLookups(first)).toEqual({ hit: 0, miss: 2 });
      // Noted after the response, without holding it back: wait for Redis to have it.
      await expect.poll(async () => Object.keys(await kept()).length).toBe(1);
    } finally {
      await first.stop();
    }
    // What Redis holds: the text with variables and its operationName, not the variables' values, and
    // not the text with a literal.
    const entries = Object.values(await kept()).map((value) => JSON.parse(value) as PlannedOperation);
    expect(entries).toEqual([{ tekst: KEPT, operationName: 'Inwonertal' }]);
    const hash = (await inspector.keys(`${redisKeyPrefix}${PLANNED_OPERATIONS_KEY_PREFIX}*`))[0]!;
    expect(await inspector.pttl(hash)).toBeGreaterThan(0);

    const second = await createGatewayServer(config());
    try {
      // Planned while starting, before the first request.
      expect(await counted(second, 'queryPlansWarmed', { result: 'planned' })).toBe(1);
      expect(await ask(second, KEPT, 'Inwonertal', { code: '0376' })).toEqual({ gemeente: { code: '0376', naam: 'Blaricum', inwonerAantal: 11_000 } });
      expect(await planLookups(second)).toEqual({ hit: 1, miss: 0 });
      // The literal was not kept: planned again.
      await ask(second, LITERAL, 'Blaricum');
      expect(await planLookups(second)).toEqual({ hit: 1, miss: 1 });
    } finally {
      await second.stop();
    }
  });

  it('plans a kept entry only when it is valid and keepable: an entry written into Redis with a literal, or broken, is refused', async () => {
    const hash = (await inspector.keys(`${redisKeyPrefix}${PLANNED_OPERATIONS_KEY_PREFIX}*`))[0]!;
    expect(hash).toBeDefined();
    await inspector.hset(hash, 'a', JSON.stringify({ tekst: LITERAL, operationName: 'Blaricum' }));
    await inspector.hset(hash, 'b', JSON.stringify({ tekst: 'query Fout { gemeente(code: $code) { bestaatNiet } }', operationName: null }));
    await inspector.hset(hash, 'c', 'geen json');
    const gateway = await createGatewayServer(config());
    try {
      expect(await counted(gateway, 'queryPlansWarmed', { result: 'planned' })).toBe(1);
      expect(await counted(gateway, 'queryPlansWarmed', { result: 'refused' })).toBe(3);
      await ask(gateway, LITERAL, 'Blaricum');
      expect(await planLookups(gateway)).toEqual({ hit: 0, miss: 1 });
    } finally {
      await gateway.stop();
      await inspector.hdel(hash, 'a', 'b', 'c');
    }
  });

  it('does not reuse the operations of another supergraph', async () => {
    const before = Object.keys(await kept()).length;
    const other = await createGatewayServer(config({ supergraphPath: alphaOnlyPath }));
    try {
      expect(await counted(other, 'queryPlansWarmed', { result: 'planned' })).toBe(0);
      await ask(other, ALPHA_ONLY, 'Naam', { code: '0406' });
      expect(await planLookups(other)).toEqual({ hit: 0, miss: 1 });
      await expect.poll(async () => Object.keys(await kept()).length).toBe(before + 1);
    } finally {
      await other.stop();
    }
    // Each supergraph has its own list.
    expect(await inspector.keys(`${redisKeyPrefix}${PLANNED_OPERATIONS_KEY_PREFIX}*`)).toHaveLength(2);
    const again = await createGatewayServer(config());
    try {
      expect(await counted(again, 'queryPlansWarmed', { result: 'planned' })).toBe(1);
    } finally {
      await again.stop();
    }
  });

  it('keeps at most QUERY_PLAN_WARM_MAX operations per supergraph', async () => {
    const capped = `sociaal-graph-test-${randomUUID()}:`;
    const gateway = await createGatewayServer(config({ redisKeyPrefix: capped, queryPlanWarmMax: 1 }));
    try {
      await ask(gateway, KEPT, 'Inwonertal', { code: '0406' });
      await ask(gateway, ALPHA_ONLY, 'Naam', { code: '0406' });
      await ask(gateway, 'query Code($code: String!) { gemeente(code: $code) { code } }', 'Code', { code: '0376' });
    } finally {
      // Stopping waits for the notes sent to Redis.
      await gateway.stop();
    }
    try {
      const keys = await inspector.keys(`${capped}${PLANNED_OPERATIONS_KEY_PREFIX}*`);
      expect(keys).toHaveLength(1);
      expect(await inspector.hlen(keys[0]!)).toBe(1);
    } finally {
      const keys = await inspector.keys(`${capped}*`);
      if (keys.length > 0) await inspector.del(...keys);
    }
  });
});

describe('without Redis (the default)', () => {
  it('caches plans in process while it runs, and a restarted gateway plans again: nothing is kept', async () => {
    const first = await createGatewayServer(testConfig({ supergraphPath }));
    try {
      await ask(first, KEPT, 'Inwonertal', { code: '0406' });
      await ask(first, KEPT, 'Inwonertal', { code: '0376' });
      expect(await planLookups(first)).toEqual({ hit: 1, miss: 1 });
    } finally {
      await first.stop();
    }
    const second = await createGatewayServer(testConfig({ supergraphPath }));
    try {
      expect(await counted(second, 'queryPlansWarmed', { result: 'planned' })).toBe(0);
      await ask(second, KEPT, 'Inwonertal', { code: '0406' });
      expect(await planLookups(second)).toEqual({ hit: 0, miss: 1 });
    } finally {
      await second.stop();
    }
  });
});
