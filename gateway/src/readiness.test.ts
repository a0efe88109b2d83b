import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayServer, type RunningGateway } from './create-gateway.js';
import {
  ALPHA_RESOLVERS,
  ALPHA_SDL,
  BETA_SDL,
  betaResolvers,
  composeSupergraph,
  startTinySubgraph,
  type TinySubgraph,
  tempDir,
  testConfig,
} from './gateway.test-utils.js';

let alpha: TinySubgraph;
let beta: TinySubgraph;
let dir: Awaited<ReturnType<typeof tempDir>>;
let supergraphPath: string;
let gateway: RunningGateway;

beforeAll(async () => {
  [alpha, beta] = await Promise.all([startTinySubgraph('alpha', ALPHA_SDL, ALPHA_RESOLVERS), startTinySubgraph('beta', BETA_SDL, betaResolvers())]);
  dir = await tempDir();
  supergraphPath = await dir.file('supergraph.graphql', composeSupergraph([alpha, beta]));
  gateway = await createGatewayServer(testConfig({ supergraphPath }));
});

afterAll(async () => {
  await gateway?.stop();
  await alpha?.stop();
  await dir?.remove();
});

async function ready(): Promise<{ status: number; body: unknown }> {
  const response = await fetch(gateway.url.replace('/graphql', '/ready'));
  return { status: response.status, body: await response.json() };
}

describe('/ready', () => {
  it('answers 200 with every subgraph ok and the supergraph in use', async () => {
    const sha256 = createHash('sha256').update(await readFile(supergraphPath, 'utf8')).digest('hex');
    expect(await ready()).toEqual({
      status: 200,
      body: { status: 'ready', supergraph: { path: supergraphPath, sha256 }, subgraphs: { alpha: 'ok', beta: 'ok' } },
    });
  });

  it('answers 503 naming the subgraph that is down, while /health stays 200 (liveness)', async () => {
    await beta.stop();
    // Checks are reused for a second; wait for a fresh one.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const { status, body } = await ready();
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: 'not ready', subgraphs: { alpha: 'ok', beta: 'unreachable' } });
    expect((await fetch(gateway.url.replace('/graphql', '/health'))).status).toBe(200);
  });
});
