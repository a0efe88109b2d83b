import { mkdir, rename, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createGatewayServer, type RunningGateway } from './create-gateway.js';
import {
  ALPHA_RESOLVERS,
  ALPHA_SDL,
  BETA_SDL,
  betaResolvers,
  composeSupergraph,
  postGraphql,
  startTinySubgraph,
  type TinySubgraph,
  tempDir,
  testConfig,
} from './gateway.test-utils.js';

// Issue 12, item 3: a changed supergraph file switches the gateway without dropping a request in
// flight; one that does not load is refused, logged, and the old one stays. Under load on
// loopback, bounded in count: each client sends at most MAX_PER_CLIENT requests and stops when
// the test is done.
const QUERY = '{ gemeente(code: "0406") { code naam inwonerAantal } }';
const CLIENTS = 4;
const MAX_PER_CLIENT = 3_000;
/** beta, version 2: one root field more. */
const BETA_V2_SDL = BETA_SDL.replace('type Query { betaVersie: String }', 'type Query { betaVersie: String betaNieuw: String }');

let alpha: TinySubgraph;
let beta: TinySubgraph;
let betaV2: TinySubgraph;
let dir: Awaited<ReturnType<typeof tempDir>>;

beforeAll(async () => {
  [alpha, beta, betaV2] = await Promise.all([
    startTinySubgraph('alpha', ALPHA_SDL, ALPHA_RESOLVERS),
    // A little slow, so that requests are in flight when the supergraph changes.
    startTinySubgraph('beta', BETA_SDL, betaResolvers(5)),
    startTinySubgraph('beta', BETA_V2_SDL, { ...betaResolvers(5), Query: { betaVersie: () => 'beta-2', betaNieuw: () => 'nieuw' } }),
  ]);
  dir = await tempDir();
});

afterAll(async () => {
  await Promise.all([alpha?.stop(), beta?.stop(), betaV2?.stop()]);
  await dir?.remove();
});

/** Writes `content` to `path` as Kubernetes and editors do: a new file renamed over the old one. */
async function replaceFile(path: string, content: string): Promise<void> {
  await writeFile(`${path}.nieuw`, content);
  await rename(`${path}.nieuw`, path);
}

/** Clients sending QUERY until `stop()`; every answer that is not 200 without errors is kept. */
function load(gateway: RunningGateway) {
  let running = true;
  let sent = 0;
  const failures: unknown[] = [];
  const clients = Array.from({ length: CLIENTS }, async () => {
    for (let i = 0; running && i < MAX_PER_CLIENT; i += 1) {
      sent += 1;
      try {
        const { status, body } = await postGraphql(gateway.url, { query: QUERY });
        if (status !== 200 || body.errors || (body.data?.gemeente as { inwonerAantal?: number })?.inwonerAantal !== 41_000) failures.push({ status, body });
      } catch (error) {
        failures.push(String(error));
      }
    }
  });
  return {
    get sent() {
      return sent;
    },
    failures,
    /** Waits until `more` further requests went out (bounded: the clients stop by themselves). */
    async after(more: number) {
      const target = sent + more;
      await vi.waitFor(() => expect(sent).toBeGreaterThanOrEqual(target), { timeout: 60_000, interval: 10 });
    },
    async stop() {
      running = false;
      await Promise.all(clients);
    },
  };
}

async function loads(gateway: RunningGateway, result: 'loaded' | 'refused'): Promise<number> {
  const metric = await gateway.metrics.supergraphLoads.get();
  return metric.values.find((value) => value.labels.result === result)?.value ?? 0;
}

async function asks(gateway: RunningGateway, query: string) {
  return (await postGraphql(gateway.url, { query })).body;
}

describe('supergraph hot reload', () => {
  it('switches under load without a failed request, refuses a broken supergraph and keeps the one serving', async () => {
    const path = await dir.file('supergraph.graphql', composeSupergraph([alpha, beta]));
    const gateway = await createGatewayServer(testConfig({ supergraphPath: path }), { supergraphPollIntervalMs: 100 });
    const traffic = load(gateway);
    try {
      expect((await asks(gateway, '{ betaNieuw }')).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      await traffic.after(50);

      // Version 2: beta at another address with a new field.
      await replaceFile(path, composeSupergraph([alpha, betaV2]));
      await vi.waitFor(async () => expect((await asks(gateway, '{ betaNieuw }')).data).toEqual({ betaNieuw: 'nieuw' }), { timeout: 30_000, interval: 50 });
      expect(await loads(gateway, 'loaded')).toBe(2);
      await traffic.after(50);

      // A broken one: refused, and version 2 keeps serving.
      await replaceFile(path, 'dit is geen supergraph {');
      await vi.waitFor(async () => expect(await loads(gateway, 'refused')).toBe(1), { timeout: 30_000, interval: 50 });
      await traffic.after(50);
      // One that parses but does not validate as a supergraph (no join directives).
      await replaceFile(path, 'type Query { gemeente(code: String!): String }');
      await vi.waitFor(async () => expect(await loads(gateway, 'refused')).toBe(2), { timeout: 30_000, interval: 50 });
      await traffic.after(50);
      expect((await asks(gateway, '{ betaNieuw betaVersie }')).data).toEqual({ betaNieuw: 'nieuw', betaVersie: 'beta-2' });
      expect(await loads(gateway, 'loaded')).toBe(2);
    } finally {
      await traffic.stop();
      await gateway.stop();
    }
    expect(traffic.failures).toEqual([]);
    expect(traffic.sent).toBeGreaterThanOrEqual(200);
  });

  it('follows a Kubernetes ConfigMap: the file is a symlink through ..data, swapped to a new folder', async () => {
    // <mount>/supergraph.graphql -> ..data/supergraph.graphql, ..data -> ..<version>/ (what the kubelet does).
    const mount = join(dir.path, 'configmap');
    await mkdir(join(mount, '..v1'), { recursive: true });
    await writeFile(join(mount, '..v1', 'supergraph.graphql'), composeSupergraph([alpha, beta]));
    await symlink('..v1', join(mount, '..data'));
    await symlink(join('..data', 'supergraph.graphql'), join(mount, 'supergraph.graphql'));
    const gateway = await createGatewayServer(testConfig({ supergraphPath: join(mount, 'supergraph.graphql') }), { supergraphPollIntervalMs: 100 });
    try {
      expect((await asks(gateway, '{ betaVersie }')).data).toEqual({ betaVersie: 'beta-1' });
      await mkdir(join(mount, '..v2'));
      await writeFile(join(mount, '..v2', 'supergraph.graphql'), composeSupergraph([alpha, betaV2]));
      await symlink('..v2', join(mount, '..data_tmp'));
      await rename(join(mount, '..data_tmp'), join(mount, '..data'));
      await vi.waitFor(async () => expect((await asks(gateway, '{ betaVersie }')).data).toEqual({ betaVersie: 'beta-2' }), { timeout: 30_000, interval: 50 });
    } finally {
      await gateway.stop();
    }
  });
});

describe('graceful shutdown', () => {
  it('finishes a request in flight, then stops accepting', async () => {
    const slow = await startTinySubgraph('beta', BETA_SDL, betaResolvers(400));
    const path = await dir.file('traag.graphql', composeSupergraph([alpha, slow]));
    const gateway = await createGatewayServer(testConfig({ supergraphPath: path }));
    try {
      const inFlight = postGraphql(gateway.url, { query: QUERY });
      // The request has reached the slow subgraph before the stop begins.
      await vi.waitFor(() => expect(slow.traceparents.length).toBeGreaterThan(0), { timeout: 10_000, interval: 5 });
      const stopped = gateway.stop();
      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ data: { gemeente: { code: '0406', naam: 'Huizen', inwonerAantal: 41_000 } } });
      await stopped;
      await expect(fetch(gateway.url, { method: 'POST', body: '{}' })).rejects.toThrow();
    } finally {
      await slow.stop();
    }
  });
});
