import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApolloServer } from '@apollo/server';
import { inspect } from 'node:util';
import { CALLER_ASSERTION_HEADER, type CallerClaims, type ChannelAssertionKey, newChannelAssertionKey, operationHash, signCallerAssertion } from './caller-assertion.js';
import { readSubgraphConfig } from './config.js';
import { createLogger, setLogLevel, tapLogLines } from './observability/logger.js';
import { newInstallationSecrets, secretsAsEnv } from './secrets.js';
import { type RunningSubgraph, startSubgraph } from './start-subgraph.js';
import { type SubgraphAnswerMessage, type SubgraphVastleggingMessage, serveSubgraphCalls } from './subgraph-channel.js';
import { proefSubgraph } from './testing/proef-subgraph.js';
import { testAssertionSigner } from './testing/secrets.js';

// The one-process graph's channel (scripts/graph-in-one-process.ts): a call over it takes the same path
// in the subgraph as a POST to its port, so it is admitted, refused and logged exactly as one; only its
// assertion is MACed with the channel's own key (HS256) instead of signed with the gateway's private key
// (ES256), and each transport takes only its own.

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
let channelKey: ChannelAssertionKey;
/** Every log line written while the tests ran. */
const logLines: string[] = [];
const untap = tapLogLines((line) => logLines.push(line));

/** An assertion MACed as the gateway's thread does over the channel (`SubgraphDataSource`), `at` a given time. */
function mac(key: ChannelAssertionKey, claims: CallerClaims, { subgraph, query, variables }: { subgraph: string; query: string; variables?: Record<string, unknown> }, at?: number): string {
  return signCallerAssertion(claims, { audience: subgraph, operation: operationHash(query, variables) }, key, at);
}

beforeAll(async () => {
  setLogLevel('debug');
  const env = { DATA_DIR: 'memory', DEMO_WORLD: 'off', METRICS_PORT: 'off', PROEF_METRICS_PORT: 'off', ...secretsAsEnv({ callerAssertionPublicKey: installation.callerAssertionPublicKey, pseudonymSecret: installation.pseudonymSecret }) };
  running = await startSubgraph(proef, { ...readSubgraphConfig('proef', 0, env), port: 0 }, { report: () => undefined });
  ({ port1: subgraphEnd, port2: gatewayEnd } = new MessageChannel());
  channelKey = serveSubgraphCalls(
    subgraphEnd,
    {
      proef: running.answerPost,
      kapot: () => Promise.reject(new Error('handler failed')),
    },
    createLogger('test'),
  );
}, 120_000);

afterAll(async () => {
  untap();
  setLogLevel('info');
  gatewayEnd?.close();
  await running?.stop();
});

/**
 * A call as the gateway's thread posts it; its answer as the subgraph's thread posts it back, and, for an
 * answer that left before its Logboek write (`vastlegging`), whether that write was stored (`vastgelegd`).
 */
function overChannel(subgraph: string, headers: Record<string, string>, body: string): Promise<SubgraphAnswerMessage & { vastgelegd?: boolean }> {
  const id = ++lastId;
  return new Promise((resolve) => {
    let answer: SubgraphAnswerMessage | undefined;
    const answered = (message: (SubgraphAnswerMessage | SubgraphVastleggingMessage) | (SubgraphAnswerMessage | SubgraphVastleggingMessage)[]) => {
      for (const inMessage of Array.isArray(message) ? message : [message]) {
        if (inMessage.id !== id) continue;
        if ('vastgelegd' in inMessage) {
          // Never before its answer.
          expect(answer).toBeDefined();
          gatewayEnd.off('message', answered);
          resolve({ ...answer!, vastgelegd: inMessage.vastgelegd });
          return;
        }
        answer = inMessage;
        if (!answer.vastlegging) {
          gatewayEnd.off('message', answered);
          resolve(answer);
          return;
        }
      }
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
  it('answers a call with an assertion MACed for it, logs the read, and refuses the same assertion a second time', async () => {
    const variables = { ids: ['i-channel'] };
    const body = JSON.stringify({ query: QUERY, variables });
    const assertion = mac(channelKey, CLAIMS, { subgraph: 'proef', query: QUERY, variables });
    const headers = { ...JSON_HEADERS, [CALLER_ASSERTION_HEADER]: assertion };
    const answer = await overChannel('proef', headers, body);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ data: { inwoners: ['i-channel'] } });
    // The answer went before its Logboek write; the gateway's end hears after it that the write is stored.
    expect(answer).toMatchObject({ vastlegging: true, vastgelegd: true });
    const rows = await running.db.query<{ trace_id: string }>(`SELECT trace_id FROM verwerking WHERE betrokkene = 'i-channel'`);
    expect(rows.map((row) => row.trace_id)).toEqual([CLAIMS.traceId]);

    const replayed = await overChannel('proef', headers, body);
    expect(replayed.status).toBe(401);
    expect(JSON.parse(replayed.body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an absent, forged, misbound or expired assertion exactly as a POST to the port refuses its like', async () => {
    const variables = { ids: ['i-geweigerd'] };
    const body = JSON.stringify({ query: QUERY, variables });
    const target = { subgraph: 'proef', query: QUERY, variables };
    const withAssertion = (assertion: string) => ({ ...JSON_HEADERS, [CALLER_ASSERTION_HEADER]: assertion });
    // Each case: the assertion over the channel (MAC) and its like over HTTP (signature).
    const cases: [string, () => Record<string, string>, () => Promise<Record<string, string>>][] = [
      ['absent', () => JSON_HEADERS, async () => JSON_HEADERS],
      ['forged', () => withAssertion(mac(newChannelAssertionKey(), CLAIMS, target)), async () => withAssertion(await forge(CLAIMS, target))],
      ['for another subgraph', () => withAssertion(mac(channelKey, CLAIMS, { ...target, subgraph: 'wmo' })), async () => withAssertion(await sign(CLAIMS, { ...target, subgraph: 'wmo' }))],
      [
        'for other variables',
        () => withAssertion(mac(channelKey, CLAIMS, { ...target, variables: { ids: ['i-ander'] } })),
        async () => withAssertion(await sign(CLAIMS, { ...target, variables: { ids: ['i-ander'] } })),
      ],
      ['for another document', () => withAssertion(mac(channelKey, CLAIMS, { ...target, query: `${QUERY} ` })), async () => withAssertion(await sign(CLAIMS, { ...target, query: `${QUERY} ` }))],
      ['expired', () => withAssertion(mac(channelKey, CLAIMS, target, Date.now() - 61_000)), async () => JSON_HEADERS],
    ];
    for (const [name, channelHeaders, httpHeaders] of cases) {
      const channel = await overChannel('proef', channelHeaders(), body);
      const http = await overHttp(await httpHeaders(), body);
      expect(channel.status, name).toBe(401);
      expect({ status: channel.status, body: channel.body }, name).toEqual(http);
    }
    // A MAC whose payload was changed after it was made (other mandates): refused.
    const [header, payload, tag] = mac(channelKey, CLAIMS, target).split('.');
    const widened = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), mandates: { WMO: { UITVOERING: ['0307'] } } })).toString('base64url');
    expect((await overChannel('proef', withAssertion(`${header}.${widened}.${tag}`), body)).status).toBe(401);
    expect(await running.db.query(`SELECT 1 FROM verwerking WHERE betrokkene = 'i-geweigerd'`)).toEqual([]);
  });

  it('takes only the channel\'s MAC over the channel and only the gateway\'s signature over HTTP', async () => {
    const variables = { ids: ['i-per-transport'] };
    const body = JSON.stringify({ query: QUERY, variables });
    const target = { subgraph: 'proef', query: QUERY, variables };
    const macHeaders = { ...JSON_HEADERS, [CALLER_ASSERTION_HEADER]: mac(channelKey, CLAIMS, target) };
    const signedHeaders = { ...JSON_HEADERS, [CALLER_ASSERTION_HEADER]: await sign(CLAIMS, target) };
    // Algorithm confusion: a valid MAC sent to the port, a valid signature sent over the channel.
    const macOverHttp = await overHttp(macHeaders, body);
    expect(macOverHttp.status).toBe(401);
    expect(JSON.parse(macOverHttp.body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const signatureOverChannel = await overChannel('proef', signedHeaders, body);
    expect(signatureOverChannel.status).toBe(401);
    expect(JSON.parse(signatureOverChannel.body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await running.db.query(`SELECT 1 FROM verwerking WHERE betrokkene = 'i-per-transport'`)).toEqual([]);
    // Each on its own transport: answered (neither was used up by its refusal above).
    expect((await overHttp(signedHeaders, body)).status).toBe(200);
    expect((await overChannel('proef', macHeaders, body)).status).toBe(200);
  });

  it('answers each of several calls sent as one message by its id, and sends the answers ready in one turn as one', async () => {
    const variables = { ids: ['i-samen'] };
    const body = JSON.stringify({ query: QUERY, variables });
    const calls = [
      { id: ++lastId, subgraph: 'proef', headers: { ...JSON_HEADERS, [CALLER_ASSERTION_HEADER]: mac(channelKey, CLAIMS, { subgraph: 'proef', query: QUERY, variables }) }, body },
      { id: ++lastId, subgraph: 'kapot', headers: JSON_HEADERS, body },
      { id: ++lastId, subgraph: 'nergens', headers: JSON_HEADERS, body },
    ];
    const messages: (SubgraphAnswerMessage | SubgraphVastleggingMessage)[][] = [];
    const answers = new Map<number, SubgraphAnswerMessage>();
    let vastgelegd: boolean | undefined;
    const allAnswered = new Promise<void>((resolve) => {
      const answered = (message: (SubgraphAnswerMessage | SubgraphVastleggingMessage) | (SubgraphAnswerMessage | SubgraphVastleggingMessage)[]) => {
        const inMessage = Array.isArray(message) ? message : [message];
        messages.push(inMessage);
        for (const answer of inMessage) {
          if ('vastgelegd' in answer) vastgelegd = answer.vastgelegd;
          else answers.set(answer.id, answer);
        }
        if (calls.every(({ id }) => answers.has(id)) && vastgelegd !== undefined) {
          gatewayEnd.off('message', answered);
          resolve();
        }
      };
      gatewayEnd.on('message', answered);
    });
    gatewayEnd.postMessage(calls);
    await allAnswered;
    const [read, failed, unknown] = calls.map(({ id }) => answers.get(id)!);
    expect(read!.status).toBe(200);
    expect(JSON.parse(read!.body)).toMatchObject({ data: { inwoners: ['i-samen'] } });
    expect(failed!.status).toBe(500);
    expect(unknown!.status).toBe(404);
    // The two answered at once (a throwing handler, an unknown subgraph) came back together; the read's
    // Logboek write was stored after its answer left (`vastlegging`).
    expect(messages.some((message) => [failed!.id, unknown!.id].every((id) => message.some((answer) => answer.id === id)))).toBe(true);
    expect(read).toMatchObject({ vastlegging: true });
    expect(vastgelegd).toBe(true);
    expect(await running.db.query(`SELECT 1 FROM verwerking WHERE betrokkene = 'i-samen'`)).toHaveLength(1);
  });

  it('keeps the channel\'s key inside the process: not in the environment, an answer or a log line', async () => {
    const secret = channelKey.export();
    const spellings = [secret.toString('hex'), secret.toString('base64'), secret.toString('base64url')];
    const variables = { ids: ['i-sleutel'] };
    const body = JSON.stringify({ query: QUERY, variables });
    const answers = [
      await overChannel('proef', { ...JSON_HEADERS, [CALLER_ASSERTION_HEADER]: mac(channelKey, CLAIMS, { subgraph: 'proef', query: QUERY, variables }) }, body),
      await overChannel('proef', { ...JSON_HEADERS, [CALLER_ASSERTION_HEADER]: 'e30.e30.AAAA' }, body),
      await overChannel('kapot', JSON_HEADERS, body),
    ];
    const seen = [JSON.stringify(process.env), ...answers.map((answer) => JSON.stringify(answer)), ...logLines, inspect(channelKey), JSON.stringify(channelKey)].join('\n');
    expect(logLines.length).toBeGreaterThan(0);
    for (const spelling of spellings) expect(seen).not.toContain(spelling);
  });

  it('logs every read when a document it validated before runs through its own operation pipeline', async () => {
    const query = 'query LeesViaPijplijn($ids: [String!]!) { inwoners(ids: $ids) }';
    const viaApollo = vi.spyOn(ApolloServer.prototype, 'executeOperation');
    try {
      for (const id of ['i-pijp-1', 'i-pijp-2', 'i-pijp-3']) {
        const variables = { ids: [id] };
        const answer = await overChannel('proef', { ...JSON_HEADERS, [CALLER_ASSERTION_HEADER]: mac(channelKey, CLAIMS, { subgraph: 'proef', query, variables }) }, JSON.stringify({ query, variables }));
        expect(answer.status).toBe(200);
        expect(JSON.parse(answer.body)).toEqual({ data: { inwoners: [id] }, extensions: { sociaalGraphVerwerkt: true } });
      }
      // Only the first call of the document took Apollo's pipeline.
      expect(viaApollo).toHaveBeenCalledTimes(1);
    } finally {
      viaApollo.mockRestore();
    }
    const rows = await running.db.query<{ betrokkene: string; trace_id: string }>(`SELECT betrokkene, trace_id FROM verwerking WHERE betrokkene LIKE 'i-pijp-%' ORDER BY betrokkene`);
    expect(rows).toEqual(['i-pijp-1', 'i-pijp-2', 'i-pijp-3'].map((betrokkene) => ({ betrokkene, trace_id: CLAIMS.traceId })));
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
