import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { importCallerAssertionKey, operationHash, verifyCallerAssertion } from '@sociaal-graph/toolkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayServer, type RunningGateway } from './create-gateway.js';
import { leanResultShapingInUse } from './result-shaping.js';
import {
  ALPHA_RESOLVERS,
  ALPHA_SDL,
  BETA_SDL,
  betaResolvers,
  closedPort,
  composeSupergraph,
  postGraphql,
  startTinySubgraph,
  type TinySubgraph,
  tempDir,
  testConfig,
  testSecrets,
} from './gateway.test-utils.js';

const QUERY = '{ gemeente(code: "0406") { code naam inwonerAantal } }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const apq = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(query) } });

let alpha: TinySubgraph;
let beta: TinySubgraph;
let dir: Awaited<ReturnType<typeof tempDir>>;
let supergraphPath: string;
let supergraphSdl: string;
let gateway: RunningGateway;

beforeAll(async () => {
  [alpha, beta] = await Promise.all([
    startTinySubgraph('alpha', ALPHA_SDL, ALPHA_RESOLVERS),
    startTinySubgraph('beta', BETA_SDL, betaResolvers()),
  ]);
  dir = await tempDir();
  supergraphSdl = composeSupergraph([alpha, beta]);
  supergraphPath = await dir.file('supergraph.graphql', supergraphSdl);
  gateway = await createGatewayServer(testConfig({ supergraphPath }));
});

afterAll(async () => {
  await gateway?.stop();
  await Promise.all([alpha?.stop(), beta?.stop()]);
  await dir?.remove();
});

describe('createGatewayServer', () => {
  it('answers one query across two subgraphs', async () => {
    const { status, body } = await postGraphql(gateway.url, { query: QUERY });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { gemeente: { code: '0406', naam: 'Huizen', inwonerAantal: 41_000 } } });
    // Shaped by gateway/src/result-shaping.ts (its test compares it with @apollo/gateway's own).
    expect(leanResultShapingInUse()).toBe(true);
  });

  it('answers /health with 200 once the supergraph is loaded', async () => {
    const response = await fetch(gateway.url.replace('/graphql', '/health'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers /health with 503 while the supergraph is still loading', async () => {
    // A named pipe: reading it waits until the test writes, so "loading" lasts as long as we want.
    const fifo = join(dir.path, 'supergraph.fifo');
    execFileSync('mkfifo', [fifo]);
    const starting = await createGatewayServer(testConfig({ supergraphPath: fifo }), { waitUntilReady: false });
    try {
      const health = starting.url.replace('/graphql', '/health');
      expect((await fetch(health)).status).toBe(503);
      const early = await postGraphql(starting.url, { query: QUERY });
      expect(early.status).toBe(503);
      await writeFile(fifo, supergraphSdl);
      await starting.ready;
      expect((await fetch(health)).status).toBe(200);
      expect((await postGraphql(starting.url, { query: QUERY })).body.data).toBeTruthy();
    } finally {
      await starting.stop();
    }
  });

  it('refuses to start on a missing supergraph file and frees its port', async () => {
    await expect(createGatewayServer(testConfig({ supergraphPath: join(dir.path, 'missing.graphql') }))).rejects.toThrow(/ENOENT/);
  });

  it('refuses a simple GET without a preflight header (CSRF) and serves it with one', async () => {
    const url = `${gateway.url}?query=${encodeURIComponent('{ betaVersie }')}`;
    const refused = await fetch(url);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/Cross-Site Request Forgery/);
    const allowed = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ data: { betaVersie: 'beta-1' } });
  });

  it('passes the caller trace to the subgraphs with its own span id (OpenTelemetry propagation)', async () => {
    const traceId = 'aa'.repeat(16);
    const incoming = `00-${traceId}-${'bb'.repeat(8)}-01`;
    const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', traceparent: incoming }, body: JSON.stringify({ query: QUERY }) });
    const sent = beta.traceparents.at(-1) ?? '';
    // No exporter is configured here, so this gateway records nothing and says so (flags 00).
    expect(sent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-00$`));
    expect(sent).not.toBe(incoming);
    // The client learns the gateway's own span in the same trace.
    const traceresponse = response.headers.get('traceresponse') ?? '';
    expect(traceresponse).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-00$`));
    expect(traceresponse).not.toBe(sent);
  });

  it('signs every subgraph call with its own assertion, bound to that subgraph and the exact operation sent there', async () => {
    const incoming = `00-${'cc'.repeat(16)}-${'dd'.repeat(8)}-01`;
    const [alphaBefore, betaBefore] = [alpha.received.length, beta.received.length];
    await postGraphql(gateway.url, { query: QUERY }, { traceparent: incoming });
    const publicKey = await importCallerAssertionKey(testSecrets.callerAssertionPublicKey);
    const calls = [...alpha.received.slice(alphaBefore).map((call) => ['alpha', call] as const), ...beta.received.slice(betaBefore).map((call) => ['beta', call] as const)];
    expect(calls.map(([name]) => name)).toEqual(['alpha', 'beta']);
    const checks = [];
    for (const [name, { assertion, body }] of calls) {
      const binding = { audience: name, operation: operationHash(body.query, body.variables) };
      const check = await verifyCallerAssertion(assertion, publicKey, binding);
      if (!check.ok) throw new Error(`${name}: ${check.reason}`);
      checks.push(check);
      // Not valid at the other subgraph, nor for another operation.
      expect((await verifyCallerAssertion(assertion, publicKey, { ...binding, audience: name === 'alpha' ? 'beta' : 'alpha' })).ok).toBe(false);
      expect((await verifyCallerAssertion(assertion, publicKey, { ...binding, operation: operationHash(QUERY, undefined) })).ok).toBe(false);
    }
    expect(checks[0].jti).not.toBe(checks[1].jti);
    // The client's trace id is kept; the request's own id is the gateway's, the same for every call of the request.
    expect(checks.map((check) => check.claims.traceId)).toEqual(['cc'.repeat(16), 'cc'.repeat(16)]);
    expect(checks[0].claims.verzoekId).toMatch(/^[0-9a-f]{32}$/);
    expect(checks[0].claims.verzoekId).not.toBe('cc'.repeat(16));
    expect(checks[1].claims.verzoekId).toBe(checks[0].claims.verzoekId);
  });

  it('uses a <NAME>_URL override instead of the routing URL in the supergraph', async () => {
    const elsewhere = `http://127.0.0.1:${await closedPort()}/graphql`;
    const path = await dir.file('elsewhere.graphql', composeSupergraph([alpha, { ...beta, url: elsewhere }]));
    const overridden = await createGatewayServer(testConfig({ supergraphPath: path, subgraphUrls: { beta: beta.url } }));
    try {
      const { body } = await postGraphql(overridden.url, { query: QUERY });
      expect(body).toEqual({ data: { gemeente: { code: '0406', naam: 'Huizen', inwonerAantal: 41_000 } } });
    } finally {
      await overridden.stop();
    }
  });

  it('serves automatic persisted queries from the in-process cache', async () => {
    await expectApqRoundTrip(gateway.url, '{ gemeente(code: "0376") { naam } }');
  });

  it('serves queries and APQ while REDIS_URL points to a closed port', async () => {
    const redisUrl = `redis://127.0.0.1:${await closedPort()}`;
    const degraded = await createGatewayServer(testConfig({ supergraphPath, redisUrl }));
    try {
      // That no command waits for Redis is RedisFallbackCache's own test; here the gateway serves at all.
      expect((await postGraphql(degraded.url, { query: QUERY })).body.errors).toBeUndefined();
      await expectApqRoundTrip(degraded.url, '{ gemeente(code: "0406") { code } }');
    } finally {
      await degraded.stop();
    }
  });

  it.runIf(process.env.REDIS_URL)('stores automatic persisted queries in Redis (REDIS_URL)', async () => {
    const redisUrl = process.env.REDIS_URL ?? '';
    const redisKeyPrefix = `sociaal-graph-test-${randomUUID()}:`;
    const withRedis = await createGatewayServer(testConfig({ supergraphPath, redisUrl, redisKeyPrefix }));
    const inspector = new Redis(redisUrl, { lazyConnect: true });
    try {
      await inspector.connect();
      await waitFor(async () => (await fetch(withRedis.url.replace('/graphql', '/health'))).ok);
      // Unique per run, in letters: a run of nine digits anywhere in the text (a uuid has them about one run in
      // twenty) is refused as a possible BSN before APQ stores anything.
      const query = `{ gemeente(code: "0406") { naam } } # ${redisKeyPrefix.replace(/[0-9]/g, (digit) => 'ghijklmnop'[Number(digit)]!)}`;
      await expectApqRoundTrip(withRedis.url, query);
      // Apollo Server writes the APQ entry without waiting for it; give Redis a moment.
      await waitFor(async () => (await inspector.get(`${redisKeyPrefix}apq:${sha256(query)}`)) === query);
      expect(await inspector.pttl(`${redisKeyPrefix}apq:${sha256(query)}`)).toBeGreaterThan(0);
    } finally {
      await withRedis.stop();
      const keys = await inspector.keys(`${redisKeyPrefix}*`);
      if (keys.length > 0) await inspector.del(...keys);
      inspector.disconnect();
    }
  });
});

/** Hash only (miss), then query and hash (register), then hash only (hit). */
async function expectApqRoundTrip(url: string, query: string): Promise<void> {
  const miss = await postGraphql(url, { extensions: apq(query) });
  expect(miss.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  const register = await postGraphql(url, { query, extensions: apq(query) });
  expect(register.body.errors).toBeUndefined();
  await waitFor(async () => (await postGraphql(url, { extensions: apq(query) })).body.errors === undefined);
  const hit = await postGraphql(url, { extensions: apq(query) });
  expect(hit.body).toEqual(register.body);
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
