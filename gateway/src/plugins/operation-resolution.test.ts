import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayServer, type RunningGateway } from '../create-gateway.js';
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
} from '../gateway.test-utils.js';

let subgraphs: TinySubgraph[] = [];
let dir: Awaited<ReturnType<typeof tempDir>>;
let gateway: RunningGateway;
const logged: unknown[] = [];
const originalError = console.error;

beforeAll(async () => {
  subgraphs = await Promise.all([startTinySubgraph('alpha', ALPHA_SDL, ALPHA_RESOLVERS), startTinySubgraph('beta', BETA_SDL, betaResolvers())]);
  dir = await tempDir();
  gateway = await createGatewayServer(testConfig({ supergraphPath: await dir.file('supergraph.graphql', composeSupergraph(subgraphs)) }));
  // An unexpected error is logged by the masking formatError; a client mistake must log nothing.
  console.error = (...args: unknown[]) => void logged.push(args);
});

afterAll(async () => {
  console.error = originalError;
  await gateway?.stop();
  await Promise.all(subgraphs.map((subgraph) => subgraph.stop()));
  await dir?.remove();
});

const TWO = 'query Eerste { betaVersie } query Tweede { gemeente(code: "0406") { naam } }';

describe('operationResolutionPlugin', () => {
  it('answers an operationName the document does not hold with 400 OPERATION_RESOLUTION_FAILURE, naming the operations it holds', async () => {
    logged.length = 0;
    const { status, body } = await postGraphql(gateway.url, { query: TWO, operationName: 'Derde' });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      {
        message: 'De operatie "Derde" staat niet in het document (operaties: Eerste, Tweede); geef in operationName de naam van een ervan.',
        extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
      },
    ]);
    expect(logged).toEqual([]);
  });

  it('answers several operations without operationName with 400 OPERATION_RESOLUTION_FAILURE', async () => {
    logged.length = 0;
    for (const operationName of [undefined, null]) {
      const { status, body } = await postGraphql(gateway.url, { query: TWO, operationName });
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE');
      expect(body.errors?.[0]?.message).toMatch(/2 operaties \(Eerste, Tweede\); geef in operationName/);
    }
    expect(logged).toEqual([]);
  });

  it('runs the named one of several operations', async () => {
    const { status, body } = await postGraphql(gateway.url, { query: TWO, operationName: 'Tweede' });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { gemeente: { naam: 'Huizen' } } });
  });

  it('answers an unknown operationName in a GET with 400 too', async () => {
    const search = new URLSearchParams({ query: 'query Eerste { betaVersie }', operationName: 'Tweede' });
    const response = await fetch(`${gateway.url}?${search}`, { headers: { 'apollo-require-preflight': '1' } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('OPERATION_RESOLUTION_FAILURE');
  });
});
