import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLER_ASSERTION_HEADER, type CallerClaims } from './caller-assertion.js';
import { readSubgraphConfig } from './config.js';
import { createLogger } from './observability/logger.js';
import { newInstallationSecrets, secretsAsEnv } from './secrets.js';
import { type RunningSubgraph, startSubgraph } from './start-subgraph.js';
import { type SubgraphAnswerMessage, serveSubgraphCalls } from './subgraph-channel.js';
import { proefSubgraph } from './testing/proef-subgraph.js';
import { testAssertionSigner } from './testing/secrets.js';

// The one-process graph's channel (scripts/graph-in-one-process.ts): a call over it takes the same path
// in the subgraph as a POST to its port, so it is admitted, refused and logged exactly as one.

const proef = proefSubgraph();

const installation = newInstallationSecrets();
const sign = testAssertionSigner(installation.callerAssertionPrivateKey);
const forge = testAssertionSigner(newInstallationSecrets().callerAssertionPrivateKey);
const QUERY = 'query Lees($ids: [String!]!) { inwoners(ids: $ids) }';
const CLAIMS: CallerClaims = { org: 'uo-hbel', roles: ['consulent'], actor: 'a1', mandates: {}, traceId: 'cd'.repeat(16), verzoekId: 'ab'.repeat(16) };
let running: RunningSubgraph;
let gatewayEnd: MessagePort;
let subgraphEnd: MessagePort;
let lastId = 0;

beforeAll(async () => {
  const env = { DATA_DIR: 'memory', DEMO_WORLD: 'off', METRICS_PORT: 'off', PROEF_METRICS_PORT: 'off', ...secretsAsEnv({ callerAssertionPublicKey: installation.callerAssertionPublicKey, pseudonymSecret: installation.pseudonymSecret }) };
  running = await startSubgraph(proef, { ...readSubgraphConfig('proef', 0, env), port: 0 }, { report: () => undefined });
  ({ port1: subgraphEnd, port2: gatewayEnd } = new MessageChannel());
  serveSubgraphCalls(
    subgraphEnd,
    {
      proef: running.answerPost,
      kapot: () => Promise.reject(new Error('handler failed')),
    },
    createLogger('test'),
  );
}, 120_000);

afterAll(async () => {
  gatewayEnd?.close();
  await running?.stop();
});

/** A call as the gateway's thread posts it; its answer as the subgraph's thread posts it back. */
function overChannel(subgraph: string, headers: Record<string, string>, body: string): Promise<SubgraphAnswerMessage> {
  const id = ++lastId;
  return new Promise((resolve) => {
    const answered = (answer: SubgraphAnswerMessage) => {
      if (answer.id !== id) return;
      gatewayEnd.off('message', answered);
      resolve(answer);
    };
    gatewayEnd.on('message', answered);
    gatewayEnd.postMessage({ id, subgraph, headers, body });
  });
}

async function overHttp(headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  const response = await fetch(running.url, { method: 'POST', headers, body });
  return { status: response.status, body: await response.text() };
}

const JSON_HEADERS = { 'content-type': 'application/json' };

describe('subgraph calls over the one-process channel', () => {
  it('answers a call with an assertion signed for it, logs the read, and refuses the same assertion a second time', async () => {
    const variables = { ids: ['i-channel'] };
    const body = JSON.stringify({ query: QUERY, variables });
    const assertion = await sign(CLAIMS, { subgraph: 'proef', query: QUERY, variables });
    const headers = { ...JSON_HEADERS, [CALLER_ASSERTION_HEADER]: assertion };
    const answer = await overChannel('proef', headers, body);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ data: { inwoners: ['i-channel'] } });
    const rows = await running.db.query<{ trace_id: string }>(`SELECT trace_id FROM verwerking WHERE betrokkene = 'i-channel'`);
    expect(rows.map((row) => row.trace_id)).toEqual([CLAIMS.traceId]);

    const replayed = await overChannel('proef', headers, body);
    expect(replayed.status).toBe(401);
    expect(JSON.parse(replayed.body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an absent, forged or misbound assertion exactly as a POST to the port', async () => {
    const variables = { ids: ['i-geweigerd'] };
    const body = JSON.stringify({ query: QUERY, variables });
    const cases: [string, () => Promise<Record<string, string>>][] = [
      ['absent', async () => JSON_HEADERS],
      ['forged', async () => ({ ...JSON_HEADERS, [CALLER_ASSERTION_HEADER]: await forge(CLAIMS, { subgraph: 'proef', query: QUERY, variables }) })],
      ['for another subgraph', async () => ({ ...JSON_HEADERS, [CALLER_ASSERTION_HEADER]: await sign(CLAIMS, { subgraph: 'wmo', query: QUERY, variables }) })],
      ['for other variables', async () => ({ ...JSON_HEADERS, [CALLER_ASSERTION_HEADER]: await sign(CLAIMS, { subgraph: 'proef', query: QUERY, variables: { ids: ['i-ander'] } }) })],
    ];
    for (const [, headersOf] of cases) {
      const channel = await overChannel('proef', await headersOf(), body);
      const http = await overHttp(await headersOf(), body);
      expect(channel.status).toBe(401);
      expect({ status: channel.status, body: channel.body }).toEqual(http);
    }
    expect(await running.db.query(`SELECT 1 FROM verwerking WHERE betrokkene = 'i-geweigerd'`)).toEqual([]);
  });

  it('answers a body that is not JSON with 415 or 400, as the port does', async () => {
    const plain = await overChannel('proef', { 'content-type': 'text/plain' }, '{}');
    expect(plain.status).toBe(415);
    const broken = await overChannel('proef', JSON_HEADERS, '{niet json');
    expect(broken.status).toBe(400);
  });

  it('answers 404 for a subgraph it does not run and 500 when a subgraph fails outright', async () => {
    expect((await overChannel('onbekend', JSON_HEADERS, '{}')).status).toBe(404);
    const failed = await overChannel('kapot', JSON_HEADERS, '{}');
    expect(failed.status).toBe(500);
    expect(failed.body).not.toContain('handler failed');
  });
});
