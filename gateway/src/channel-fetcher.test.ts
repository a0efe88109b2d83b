import { setImmediate as nextTurn } from 'node:timers/promises';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { printSubgraphSchema } from '@apollo/subgraph';
import {
  type ChannelAssertionKey,
  type CompleteAnswer,
  createLogger,
  importCallerAssertionKey,
  newInstallationSecrets,
  operationHash,
  readSubgraphConfig,
  secretsAsEnv,
  serveSubgraphCalls,
  startSubgraph,
  subgraphSchema,
  type SubgraphAnswerMessage,
  type SubgraphVastleggingMessage,
  verifyCallerAssertion,
} from '@sociaal-graph/toolkit';
import { proefSubgraph } from '@sociaal-graph/toolkit/testing/proef';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDevIssuer } from './dev-issuer/dev-issuer.js';
import { mintToken } from './dev-issuer/mint-token.js';
import { createSubgraphChannel } from './channel-fetcher.js';
import { createGatewayServer, type RunningGateway } from './create-gateway.js';
import { ResponseBudget, ResponseTooLargeError } from './response-budget.js';
import {
  ALPHA_RESOLVERS,
  ALPHA_SDL,
  BETA_SDL,
  betaResolvers,
  composeSupergraph,
  type GraphqlResponseBody,
  postGraphql,
  startTinySubgraph,
  type TinySubgraph,
  tempDir,
  testConfig,
  testSecrets,
} from './gateway.test-utils.js';

// The one-process graph (scripts/graph-in-one-process.ts): the gateway's subgraph calls go over a
// MessagePort to the subgraphs' thread. Here both ends are in the test's thread; what the gateway
// does around a call (assertion, timeout, budget, errors) must be what it does over HTTP.

const QUERY = '{ gemeente(code: "0406") { code naam inwonerAantal } }';
type AnswerPost = TinySubgraph['answerPost'];

let alpha: TinySubgraph;
let beta: TinySubgraph;
let dir: Awaited<ReturnType<typeof tempDir>>;
const gateways: RunningGateway[] = [];
/** The key of each gateway's channel, by gateway. */
const channelKeys = new Map<RunningGateway, ChannelAssertionKey>();
const ports: MessagePort[] = [];

beforeAll(async () => {
  alpha = await startTinySubgraph('alpha', ALPHA_SDL, ALPHA_RESOLVERS);
  beta = await startTinySubgraph('beta', BETA_SDL, betaResolvers());
  dir = await tempDir();
});

afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.stop()));
  for (const port of ports) port.close();
  await alpha?.stop();
  await beta?.stop();
  await dir?.remove();
});

/** A gateway whose calls to alpha and beta go over a channel, answered by alpha and by `betaAnswer`. */
async function gatewayOverChannel(betaAnswer: AnswerPost, config: { subgraphTimeoutMs?: number; maxResponseBytes?: number } = {}): Promise<RunningGateway> {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  const assertionKey = serveSubgraphCalls(port1, { alpha: alpha.answerPost, beta: betaAnswer }, createLogger('test'));
  const sdl = composeSupergraph([alpha, beta]);
  const gateway = await createGatewayServer(testConfig({ supergraphPath: await dir.file(`supergraph-${gateways.length}.graphql`, sdl), ...config }), {
    subgraphChannel: { port: port2, subgraphs: ['alpha', 'beta'], assertionKey },
  });
  gateways.push(gateway);
  channelKeys.set(gateway, assertionKey);
  return gateway;
}

function expectBetaFailed(body: GraphqlResponseBody, code: string, message: RegExp): void {
  expect(body.data).toEqual({ gemeente: { code: '0406', naam: 'Huizen', inwonerAantal: null } });
  expect(body.errors).toHaveLength(1);
  expect(body.errors?.[0].message).toMatch(message);
  expect(body.errors?.[0].extensions).toEqual({ code, serviceName: 'beta' });
}

describe('subgraph calls over the one-process channel', () => {
  it('carries every call, each with its own caller assertion MACed with the channel\'s key, and no GraphQL POST reaches the subgraphs over HTTP', async () => {
    const gateway = await gatewayOverChannel(beta.answerPost);
    const before = { alpha: alpha.received.length, beta: beta.received.length };
    const { status, body } = await postGraphql(gateway.url, { query: QUERY });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { gemeente: { code: '0406', naam: 'Huizen', inwonerAantal: 41_000 } } });
    const calls = [...alpha.received.slice(before.alpha).map((call) => ['alpha', call] as const), ...beta.received.slice(before.beta).map((call) => ['beta', call] as const)];
    expect(calls).toHaveLength(2);
    // Bound to its subgraph and operation as a signed one is; valid with this channel's key only, not with
    // another channel's nor with the gateway's public key (which a subgraph checks HTTP requests with).
    const otherChannel = serveSubgraphCalls(new MessageChannel().port1, {}, createLogger('test'));
    const publicKey = await importCallerAssertionKey(testSecrets.callerAssertionPublicKey);
    for (const [name, { assertion, body: sent }] of calls) {
      const binding = { audience: name, operation: operationHash(sent.query, sent.variables) };
      expect(await verifyCallerAssertion(assertion, channelKeys.get(gateway)!, binding)).toMatchObject({ ok: true });
      expect(await verifyCallerAssertion(assertion, otherChannel, binding)).toEqual({ ok: false, reason: 'signature verification failed' });
      expect(await verifyCallerAssertion(assertion, publicKey, binding)).toEqual({ ok: false, reason: 'algorithm not allowed' });
    }
    expect(alpha.httpPosts + beta.httpPosts).toBe(0);
  });

  it('gives SUBGRAPH_UNAVAILABLE for a subgraph that does not answer in time, and keeps the others\' data', async () => {
    const gateway = await gatewayOverChannel(() => new Promise<CompleteAnswer>(() => undefined), { subgraphTimeoutMs: 200 });
    const { body } = await postGraphql(gateway.url, { query: QUERY });
    expectBetaFailed(body, 'SUBGRAPH_UNAVAILABLE', /^Subgraph beta antwoordde niet binnen 200 ms/);
    // The call that timed out is forgotten: the next one through the same gateway is answered.
    const next = await postGraphql(gateway.url, { query: '{ gemeente(code: "0376") { naam } }' });
    expect(next.body).toEqual({ data: { gemeente: { naam: 'Blaricum' } } });
  });

  it('gives SUBGRAPH_UNAVAILABLE when a subgraph\'s handler throws, without its details', async () => {
    const gateway = await gatewayOverChannel(() => Promise.reject(new Error('Error at /srv/beta/secret.ts:12')));
    const { body } = await postGraphql(gateway.url, { query: QUERY });
    expectBetaFailed(body, 'SUBGRAPH_UNAVAILABLE', /^Subgraph beta gaf HTTP-status 500/);
    expect(JSON.stringify(body)).not.toContain('secret');
  });

  it('maps a refusal of the subgraph (401, 403) as over HTTP', async () => {
    const refusal = (status: number): AnswerPost => async () => ({ status, headers: [['content-type', 'application/json']], body: '{"errors":[{"message":"nee"}]}' });
    const unauthenticated = await postGraphql((await gatewayOverChannel(refusal(401))).url, { query: QUERY });
    expectBetaFailed(unauthenticated.body, 'UNAUTHENTICATED', /niet aangemeld/);
    const forbidden = await postGraphql((await gatewayOverChannel(refusal(403))).url, { query: QUERY });
    expectBetaFailed(forbidden.body, 'FORBIDDEN', /geen toegang/);
  });

  it('holds the client\'s answer until the Logboek write of a subgraph answer that came before it is stored', async () => {
    let stored = false;
    const beforeItsWrite: AnswerPost = async (headers, body) => ({
      ...(await beta.answerPost(headers, body)),
      vastlegging: new Promise<void>((resolve) => setTimeout(() => ((stored = true), resolve()), 150)),
    });
    const gateway = await gatewayOverChannel(beforeItsWrite);
    const { status, body } = await postGraphql(gateway.url, { query: QUERY });
    expect(stored).toBe(true);
    expect(status).toBe(200);
    expect(body).toEqual({ data: { gemeente: { code: '0406', naam: 'Huizen', inwonerAantal: 41_000 } } });
  });

  it('withholds the whole answer (LOGBOEK_ONBEREIKBAAR) when such a Logboek write fails, also the other subgraphs\' data', async () => {
    const writeFails: AnswerPost = async (headers, body) => ({
      ...(await beta.answerPost(headers, body)),
      vastlegging: new Promise<void>((_resolve, reject) => setTimeout(() => reject(new Error('PGlite is closed')), 50)),
    });
    const gateway = await gatewayOverChannel(writeFails);
    const { status, body } = await postGraphql(gateway.url, { query: QUERY });
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([{ message: expect.stringMatching(/logboek/), extensions: { code: 'LOGBOEK_ONBEREIKBAAR' } }]);
    expect(JSON.stringify(body)).not.toContain('Huizen');
  });

  it('counts the answers against MAX_RESPONSE_BYTES: RESPONSE_TOO_LARGE, HTTP 400', async () => {
    const padding = 'a'.repeat(2 * 1024 * 1024);
    const huge: AnswerPost = async () => ({
      status: 200,
      headers: [['content-type', 'application/json']],
      body: JSON.stringify({ data: { _entities: [{ __typename: 'Gemeente', inwonerAantal: 1, padding }] } }),
    });
    const gateway = await gatewayOverChannel(huge, { maxResponseBytes: 1024 * 1024 });
    const { status, body } = await postGraphql(gateway.url, { query: QUERY });
    expect(status).toBe(400);
    expect(body.data).toBeNull();
    expect(body.errors?.[0].extensions?.code).toBe('RESPONSE_TOO_LARGE');
  });
});

describe('a real subgraph whose Logboek write fails, over the channel', () => {
  it('gives the client data: null and LOGBOEK_ONBEREIKBAAR though the subgraph\'s answer with the data went ahead of its write', async () => {
    // The proef subgraph (toolkit) as npm start runs it: its own PGlite, its answers over the channel
    // (serveSubgraphCalls), which post each answer before its Logboek write is stored.
    const proef = proefSubgraph();
    const env = { DATA_DIR: 'memory', DEMO_WORLD: 'off', METRICS_PORT: 'off', PROEF_METRICS_PORT: 'off', ...secretsAsEnv({ callerAssertionPublicKey: testSecrets.callerAssertionPublicKey, pseudonymSecret: newInstallationSecrets().pseudonymSecret }) };
    const running = await startSubgraph(proef, { ...readSubgraphConfig('proef', 0, env), port: 0 }, { report: () => undefined });
    try {
      const { port1, port2 } = new MessageChannel();
      ports.push(port1, port2);
      const assertionKey = serveSubgraphCalls(port1, { proef: running.answerPost }, createLogger('test'));
      // What the subgraphs' end posted back, as the gateway's end received it.
      const posted: (SubgraphAnswerMessage | SubgraphVastleggingMessage)[] = [];
      port2.on('message', (message: (SubgraphAnswerMessage | SubgraphVastleggingMessage) | (SubgraphAnswerMessage | SubgraphVastleggingMessage)[]) => posted.push(...(Array.isArray(message) ? message : [message])));
      const sdl = composeSupergraph([{ name: 'proef', url: running.url, typeDefs: parse(printSubgraphSchema(await subgraphSchema(proef))) }]);
      const gateway = await createGatewayServer(testConfig({ supergraphPath: await dir.file('supergraph-proef.graphql', sdl) }), {
        subgraphChannel: { port: port2, subgraphs: ['proef'], assertionKey },
      });
      gateways.push(gateway);
      const authorization = `Bearer ${await mintToken(await loadDevIssuer('memory'), { role: 'subsidiepartner', org: 'uo-hbel' })}`;
      const read = (id: string) => postGraphql(gateway.url, { query: 'query ($ids: [String!]!) { inwoners(ids: $ids) }', variables: { ids: [id] } }, { authorization });

      // The log table gone (a database that refuses every write to it) for the length of this read, as
      // the Logboek's own tests make its write fail.
      await running.db.exec('ALTER TABLE verwerking RENAME TO verwerking_weg');
      let withheld;
      try {
        withheld = await read('geheim-kanaal');
      } finally {
        await running.db.exec('ALTER TABLE verwerking_weg RENAME TO verwerking');
      }
      // The whole body: no data, no extensions (the subgraph's answer carried the read resident's pseudonym).
      expect(withheld).toEqual({ status: 200, body: { data: null, errors: [{ message: expect.stringMatching(/logboek/), extensions: { code: 'LOGBOEK_ONBEREIKBAAR' } }] } });
      // The subgraph did send its data ahead of the write, then said the write failed: the gateway withheld it.
      const answer = posted.find((message): message is SubgraphAnswerMessage => 'body' in message && message.body.includes('geheim-kanaal'));
      expect(answer).toMatchObject({ status: 200, vastlegging: true });
      expect(posted.filter((message) => message.id === answer!.id).slice(1)).toEqual([{ id: answer!.id, vastgelegd: false }]);
      expect(await running.db.query(`SELECT 1 FROM verwerking WHERE betrokkene = 'geheim-kanaal'`)).toEqual([]);

      // With the table back, the same read reaches its client, logged.
      const answered = await read('na-herstel');
      expect(answered.body).toEqual({ data: { inwoners: ['na-herstel'] } });
      expect(await running.db.query(`SELECT 1 FROM verwerking WHERE betrokkene = 'na-herstel'`)).toHaveLength(1);
    } finally {
      await running.stop();
    }
  }, 120_000);
});

describe('a bounded call over the channel (no AbortSignal per call)', () => {
  /** The gateway's end of a channel, and the calls that arrive at the other end, answered by the test. */
  function channelWithCalls() {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    const calls: Call[] = [];
    /** The calls of each message: the calls made in one turn come as one. */
    const messages: number[][] = [];
    const arrived: (() => void)[] = [];
    port1.on('message', (message: Call | Call[]) => {
      const inMessage = Array.isArray(message) ? message : [message];
      messages.push(inMessage.map((call) => call.id));
      for (const call of inMessage) {
        calls.push(call);
        arrived.shift()?.();
      }
    });
    const nextCall = () => new Promise<void>((resolve) => arrived.push(resolve));
    const answerOf = (id: number, body: string) => ({ id, status: 200, headers: [['content-type', 'application/json']], body });
    const answer = (id: number, body: string) => port1.postMessage(answerOf(id, body));
    /** Several answers in one message, as the subgraphs' end sends those ready in one turn. */
    const answerAll = (answers: [number, string][]) => port1.postMessage(answers.map(([id, body]) => answerOf(id, body)));
    return { channel: createSubgraphChannel(port2), calls, messages, nextCall, answer, answerAll };
  }
  interface Call { id: number; subgraph: string; body: string }
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ a }"}' };

  it('answers with the status, headers and body sent back, counted against the budget', async () => {
    const { channel, calls, nextCall, answer } = channelWithCalls();
    const budget = new ResponseBudget(1024);
    const arrived = nextCall();
    const response = channel.fetcherFor('beta').bounded('http://beta/graphql', init, budget, 10_000);
    await arrived;
    expect(calls[0]).toMatchObject({ subgraph: 'beta', body: init.body });
    answer(calls[0]!.id, '{"data":{"a":1}}');
    const answered = await response;
    expect(answered.status).toBe(200);
    expect(answered.headers.get('content-type')).toBe('application/json');
    expect(await answered.text()).toBe('{"data":{"a":1}}');
    expect(budget.bytes).toBe(16);
    channel.close();
  });

  it('rejects with a TimeoutError after the timeout, drops the late answer and serves the next call', async () => {
    const { channel, calls, nextCall, answer } = channelWithCalls();
    const fetcher = channel.fetcherFor('beta');
    const late = fetcher.bounded('http://beta/graphql', init, undefined, 50);
    await expect(late).rejects.toMatchObject({ name: 'TimeoutError', message: 'no answer within 50 ms' });
    answer(calls[0]!.id, '{"data":{"a":"te laat"}}');
    const arrived = nextCall();
    const next = fetcher.bounded('http://beta/graphql', init, undefined, 10_000);
    await arrived;
    answer(calls[1]!.id, '{"data":{"a":2}}');
    expect(await (await next).text()).toBe('{"data":{"a":2}}');
    channel.close();
  });

  it('ends the operation\'s other calls at once when one answer goes past the budget, and sends none after', async () => {
    const { channel, calls, nextCall, answer } = channelWithCalls();
    const budget = new ResponseBudget(100);
    const arrived = [nextCall(), nextCall()];
    const large = channel.fetcherFor('alpha').bounded('http://alpha/graphql', init, budget, 10_000);
    const waiting = channel.fetcherFor('beta').bounded('http://beta/graphql', init, budget, 10_000);
    await Promise.all(arrived);
    answer(calls.find((call) => call.subgraph === 'alpha')!.id, JSON.stringify({ data: { a: 'x'.repeat(200) } }));
    await expect(large).rejects.toBeInstanceOf(ResponseTooLargeError);
    // At once: the other call has failed before the event loop's next turn, not at its own 10 s timeout.
    await expect(Promise.race([waiting, nextTurn('still waiting')])).rejects.toBeInstanceOf(ResponseTooLargeError);
    expect(budget.exceeded).toBe(true);
    // Over HTTP the budget's signal ends the calls: made after the fact, it is aborted too.
    expect(budget.signal.aborted).toBe(true);
    await expect(channel.fetcherFor('beta').bounded('http://beta/graphql', init, budget, 10_000)).rejects.toBeInstanceOf(ResponseTooLargeError);
    expect(calls).toHaveLength(2);
    channel.close();
  });
  it('sends the calls made in one turn as one message and takes answers sent as one, a timed-out call\'s dropped', async () => {
    const { channel, calls, messages, nextCall, answerAll } = channelWithCalls();
    const arrived = [nextCall(), nextCall(), nextCall()];
    const call = (subgraph: string, body: string, timeoutMs: number) => channel.fetcherFor(subgraph).bounded(`http://${subgraph}/graphql`, { ...init, body }, undefined, timeoutMs);
    const wmo = call('wmo', '{"query":"{ wmo }"}', 10_000);
    const jeugd = call('jeugd', '{"query":"{ jeugd }"}', 50);
    const participatie = call('participatie', '{"query":"{ participatie }"}', 10_000);
    await Promise.all(arrived);
    expect(messages).toEqual([calls.map((arrivedCall) => arrivedCall.id)]);
    expect(calls.map(({ subgraph, body }) => [subgraph, body])).toEqual([
      ['wmo', '{"query":"{ wmo }"}'],
      ['jeugd', '{"query":"{ jeugd }"}'],
      ['participatie', '{"query":"{ participatie }"}'],
    ]);
    expect(new Set(calls.map(({ id }) => id)).size).toBe(3);
    await expect(jeugd).rejects.toMatchObject({ name: 'TimeoutError', message: 'no answer within 50 ms' });
    const idOf = (subgraph: string) => calls.find((arrivedCall) => arrivedCall.subgraph === subgraph)!.id;
    // In another order than sent, the timed-out call's late answer among them.
    answerAll([[idOf('participatie'), '{"data":{"p":3}}'], [idOf('jeugd'), '{"data":{"j":"te laat"}}'], [idOf('wmo'), '{"data":{"w":1}}']]);
    expect(await (await wmo).text()).toBe('{"data":{"w":1}}');
    expect(await (await participatie).text()).toBe('{"data":{"p":3}}');
    // A call made in a later turn goes as a message of its own.
    const later = nextCall();
    const next = call('wmo', '{"query":"{ later }"}', 10_000);
    await later;
    expect(messages).toHaveLength(2);
    answerAll([[calls[3]!.id, '{"data":{"w":4}}']]);
    expect(await (await next).text()).toBe('{"data":{"w":4}}');
    channel.close();
  });

  it('fails the calls not yet sent when the channel is closed in their turn, and sends none of them', async () => {
    const { channel, messages } = channelWithCalls();
    const fetcher = channel.fetcherFor('wmo');
    const pending = [fetcher.bounded('http://wmo/graphql', init, undefined, 10_000), fetcher.bounded('http://wmo/graphql', init, undefined, 10_000)];
    channel.close();
    for (const call of pending) await expect(call).rejects.toThrow('the channel to the subgraphs is closed');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(messages).toEqual([]);
  });
});
