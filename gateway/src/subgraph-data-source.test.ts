import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayServer, type RunningGateway } from './create-gateway.js';
import {
  ALPHA_RESOLVERS,
  ALPHA_SDL,
  BETA_SDL,
  closedPort,
  composeSupergraph,
  type GraphqlResponseBody,
  postGraphql,
  startTinySubgraph,
  type TinySubgraph,
  tempDir,
  testConfig,
} from './gateway.test-utils.js';

const QUERY = '{ gemeente(code: "0406") { code naam inwonerAantal } }';

let alpha: TinySubgraph;
let broken: Server;
let brokenUrl: string;
/** Bytes the endless subgraph wrote before the gateway hung up, per answer. */
const endlessWritten: number[] = [];
const ENDLESS_BYTES = 64 * 1024 * 1024;
let dir: Awaited<ReturnType<typeof tempDir>>;
const gateways: RunningGateway[] = [];

beforeAll(async () => {
  alpha = await startTinySubgraph('alpha', ALPHA_SDL, ALPHA_RESOLVERS);
  // Answers every call with a 500 and a body full of internals, or with a 200 that is not JSON, or
  // never (`/hang`: the gateway's timeout is the only way such a call ends).
  broken = createServer((request, response) => {
    request.resume();
    if (request.url?.includes('hang')) return;
    if (request.url?.includes('garbage')) response.writeHead(200, { 'content-type': 'application/json' }).end('{not json');
    else if (request.url?.includes('endless')) void answerEndlessly(response);
    else response.writeHead(500, { 'content-type': 'text/plain' }).end('Error at /srv/beta/secret.ts:12');
  });
  await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
  brokenUrl = `http://127.0.0.1:${(broken.address() as AddressInfo).port}`;
  dir = await tempDir();
});

afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.stop()));
  await alpha?.stop();
  broken?.closeAllConnections();
  await new Promise<void>((resolve) => (broken ? broken.close(() => resolve()) : resolve()));
  await dir?.remove();
});

/**
 * An answer that begins as JSON and goes on up to ENDLESS_BYTES, as fast as the gateway reads it;
 * records how much was written when the connection closed or the end was reached.
 */
async function answerEndlessly(response: ServerResponse): Promise<void> {
  response.writeHead(200, { 'content-type': 'application/json' });
  let written = 0;
  let closed = false;
  response.once('close', () => (closed = true));
  const chunk = Buffer.alloc(64 * 1024, 'a');
  response.write('{"data":{"_entities":[{"__typename":"Gemeente","inwonerAantal":1,"opvulling":"');
  while (!closed && written < ENDLESS_BYTES) {
    written += chunk.length;
    if (!response.write(chunk)) await new Promise((resolve) => (response.once('drain', resolve), response.once('close', resolve)));
  }
  endlessWritten.push(written);
  if (!closed) response.end('"}]}}');
}

/** A gateway whose `beta` lives at `betaUrl`. */
async function gatewayWithBetaAt(betaUrl: string, subgraphTimeoutMs = 2_000, maxResponseBytes?: number): Promise<RunningGateway> {
  const sdl = composeSupergraph([alpha, { name: 'beta', url: betaUrl, typeDefs: parse(BETA_SDL) }]);
  const gateway = await createGatewayServer(
    testConfig({ supergraphPath: await dir.file(`supergraph-${gateways.length}.graphql`, sdl), subgraphTimeoutMs, ...(maxResponseBytes ? { maxResponseBytes } : {}) }),
  );
  gateways.push(gateway);
  return gateway;
}

/** alpha's data stands, beta's field is null, and one SUBGRAPH_UNAVAILABLE error names beta. */
function expectBetaUnavailable(body: GraphqlResponseBody, message: RegExp, hidden: readonly string[]): void {
  expect(body.data).toEqual({ gemeente: { code: '0406', naam: 'Huizen', inwonerAantal: null } });
  expect(body.errors).toHaveLength(1);
  const [error] = body.errors ?? [];
  expect(error.message).toMatch(message);
  expect(error.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'beta' });
  const text = JSON.stringify(body);
  for (const secret of ['stacktrace', '127.0.0.1', ...hidden]) expect(text).not.toContain(secret);
}

describe('SubgraphDataSource', () => {
  it('turns a subgraph that is down into SUBGRAPH_UNAVAILABLE while the rest stands', async () => {
    const port = await closedPort();
    const gateway = await gatewayWithBetaAt(`http://127.0.0.1:${port}/graphql`);
    const { status, body } = await postGraphql(gateway.url, { query: QUERY });
    expect(status).toBe(200);
    expectBetaUnavailable(body, /^Subgraph beta is niet bereikbaar/, [String(port)]);
  });

  it('gives up on a subgraph slower than the timeout', async () => {
    // beta never answers, so the answer can only come from the gateway giving up: no clock in the test.
    const gateway = await gatewayWithBetaAt(`${brokenUrl}/hang`, 200);
    const { body } = await postGraphql(gateway.url, { query: QUERY });
    expectBetaUnavailable(body, /^Subgraph beta antwoordde niet binnen 200 ms/, []);
  });

  it('turns an HTTP error of a subgraph into SUBGRAPH_UNAVAILABLE without its body', async () => {
    const gateway = await gatewayWithBetaAt(`${brokenUrl}/graphql`);
    const { body } = await postGraphql(gateway.url, { query: QUERY });
    expectBetaUnavailable(body, /^Subgraph beta gaf HTTP-status 500/, ['/srv/beta', 'secret']);
  });

  it('turns an unreadable answer into SUBGRAPH_UNAVAILABLE', async () => {
    const gateway = await gatewayWithBetaAt(`${brokenUrl}/garbage`);
    const { body } = await postGraphql(gateway.url, { query: QUERY });
    expectBetaUnavailable(body, /^Subgraph beta gaf een onleesbaar antwoord/, ['not json', 'JSON']);
  });

  it('cuts a subgraph answer off past MAX_RESPONSE_BYTES while it arrives: RESPONSE_TOO_LARGE, HTTP 400', async () => {
    // A timeout far beyond the test's: only the byte count can end this fetch.
    const gateway = await gatewayWithBetaAt(`${brokenUrl}/endless`, 600_000, 1024 * 1024);
    const { status, body } = await postGraphql(gateway.url, { query: QUERY });
    expect(status).toBe(400);
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('groter dan 1048576 bytes'),
        extensions: { code: 'RESPONSE_TOO_LARGE', sociaalGraph: { limiet: 1024 * 1024, waarde: expect.any(Number) } },
      }),
    ]);
    // The gateway hung up: the subgraph wrote a small part of its 64 MB (what sockets buffer), not all.
    await expect.poll(() => endlessWritten.length, { timeout: 10_000 }).toBe(1);
    expect(endlessWritten[0]).toBeLessThan(ENDLESS_BYTES / 4);
    // The same gateway answers the next operation.
    const next = await postGraphql(gateway.url, { query: '{ gemeente(code: "0376") { naam } }' });
    expect(next.body).toEqual({ data: { gemeente: { naam: 'Blaricum' } } });
  });

  it('keeps serving after subgraph failures', async () => {
    const gateway = await gatewayWithBetaAt(`http://127.0.0.1:${await closedPort()}/graphql`);
    for (let i = 0; i < 3; i++) await postGraphql(gateway.url, { query: QUERY });
    const { body } = await postGraphql(gateway.url, { query: '{ gemeente(code: "0376") { naam } }' });
    expect(body).toEqual({ data: { gemeente: { naam: 'Blaricum' } } });
  });
});
