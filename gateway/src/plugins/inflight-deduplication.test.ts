import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayServer, type RunningGateway } from '../create-gateway.js';
import { loadDevIssuer } from '../dev-issuer/dev-issuer.js';
import { mintToken } from '../dev-issuer/mint-token.js';
import { composeSupergraph, postGraphql, startTinySubgraph, type TinySubgraph, tempDir, testConfig } from '../gateway.test-utils.js';

const SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
type Query { gemeente(code: String!): Gemeente  kapot: String }
type Mutation { registreer(code: String!): Gemeente }
type Gemeente @key(fields: "code") { code: String! naam: String }`;

/**
 * The subgraph answers only when the test opens the gate, so that every request of a test is in
 * flight at the gateway before the first execution ends: no timing decides what is shared.
 */
let gate: { open: () => void; opened: Promise<void> };
const closeGate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  gate = { open, opened };
};
const RESOLVERS = {
  Query: {
    gemeente: async (_: unknown, args: { code: string }) => (await gate.opened, { code: args.code, naam: 'Huizen' }),
    kapot: async () => {
      await gate.opened;
      throw new Error('kapot');
    },
  },
  Mutation: {
    registreer: async (_: unknown, args: { code: string }) => (await gate.opened, { code: args.code, naam: 'Huizen' }),
  },
};

const QUERY = '{ gemeente(code: "0406") { code naam } }';

let subgraph: TinySubgraph;
let dir: Awaited<ReturnType<typeof tempDir>>;
let gateway: RunningGateway;
const bearer = async (org: string, subject: string) =>
  `Bearer ${await mintToken(await loadDevIssuer('memory'), { role: 'subsidiepartner', org, subject })}`;

beforeAll(async () => {
  subgraph = await startTinySubgraph('alpha', SDL, RESOLVERS);
  dir = await tempDir();
  const supergraphPath = await dir.file('supergraph.graphql', composeSupergraph([subgraph]));
  gateway = await createGatewayServer(testConfig({ supergraphPath, subgraphUrls: { alpha: subgraph.url } }));
}, 60_000);

afterAll(async () => {
  await gateway?.stop();
  await subgraph?.stop();
  await dir?.remove();
});

async function stage(name: string): Promise<number> {
  const metric = await gateway.metrics.inflightDeduplication.get();
  return metric.values.find((value) => value.labels.stage === name)?.value ?? 0;
}

/** Waits (bounded) until `condition` holds; the test fails if it never does. */
async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`never: ${what}`);
}

/** Callers waiting for another's execution: for its whole answer (a byte-identical request) or its result. */
const waiting = async () => (await stage('answer_joined')) + (await stage('joined'));

/** Sends the requests at once with the gate closed, waits until `ready`, opens the gate, returns the answers. */
async function concurrently(requests: { query: string; variables?: object; authorization?: string }[], ready: () => Promise<boolean>, on = () => gateway) {
  closeGate();
  const before = subgraph.received.length;
  const answers = Promise.all(
    requests.map(({ query, variables, authorization }) => postGraphql(on().url, { query, variables }, authorization ? { authorization } : {})),
  );
  await until(ready, 'the requests are in flight');
  gate.open();
  return { answers: await answers, subgraphCalls: () => subgraph.received.length - before };
}

describe('in-flight deduplication', () => {
  it('runs identical requests of different people with the same rights once, and gives each the same answer', async () => {
    const waitingBefore = await waiting();
    const sharedBefore = await stage('answer_shared');
    const people = await Promise.all(['a', 'b', 'c', 'd'].map((subject) => bearer('sp-1', subject)));
    const { answers, subgraphCalls } = await concurrently(
      people.map((authorization) => ({ query: QUERY, authorization })),
      async () => subgraph.received.length > 0 && (await waiting()) - waitingBefore === 3,
    );
    expect(subgraphCalls()).toBe(1);
    for (const { status, body } of answers) {
      expect(status).toBe(200);
      expect(body).toEqual({ data: { gemeente: { code: '0406', naam: 'Huizen' } } });
    }
    // Byte-identical bodies: the three waited for the whole answer, not only for the result.
    expect((await stage('answer_shared')) - sharedBefore).toBe(3);
  });

  it('gives each caller of a shared answer its own request id and trace, and the same bytes', async () => {
    const people = await Promise.all(['a', 'b', 'c'].map((subject) => bearer('sp-1', subject)));
    const waitingBefore = await waiting();
    closeGate();
    const raw = Promise.all(
      people.map(async (authorization) => {
        const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query: QUERY }) });
        return { requestId: response.headers.get('x-request-id'), trace: response.headers.get('traceresponse'), text: await response.text() };
      }),
    );
    await until(async () => (await waiting()) - waitingBefore === 2, 'two callers wait');
    gate.open();
    const answers = await raw;
    expect(new Set(answers.map((answer) => answer.requestId)).size).toBe(3);
    expect(new Set(answers.map((answer) => answer.trace)).size).toBe(3);
    expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
    expect(JSON.parse(answers[0].text)).toEqual({ data: { gemeente: { code: '0406', naam: 'Huizen' } } });
  });

  it('shares the result, not the answer, between requests that differ in their bytes but not in their query', async () => {
    const people = await Promise.all(['a', 'b'].map((subject) => bearer('sp-1', subject)));
    const joinedBefore = await stage('joined');
    const answerJoinedBefore = await stage('answer_joined');
    const { answers, subgraphCalls } = await concurrently(
      [
        { query: QUERY, authorization: people[0] },
        // The same query and variables, other bytes.
        { query: QUERY, variables: {}, authorization: people[1] },
      ],
      async () => subgraph.received.length > 0 && (await stage('joined')) - joinedBefore === 1,
    );
    expect(subgraphCalls()).toBe(1);
    expect((await stage('answer_joined')) - answerJoinedBefore).toBe(0);
    for (const { body } of answers) expect(body).toEqual({ data: { gemeente: { code: '0406', naam: 'Huizen' } } });
  });

  it('shares no answer between byte-identical requests that ask for another media type: each gets its own content-type', async () => {
    const people = await Promise.all(['a', 'b'].map((subject) => bearer('sp-1', subject)));
    const joinedBefore = await stage('joined');
    const answerJoinedBefore = await stage('answer_joined');
    closeGate();
    const before = subgraph.received.length;
    const raw = Promise.all(
      (['application/json', 'application/graphql-response+json'] as const).map(async (accept, index) => {
        const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', accept, authorization: people[index] }, body: JSON.stringify({ query: QUERY }) });
        return { type: response.headers.get('content-type'), body: await response.json() };
      }),
    );
    await until(async () => subgraph.received.length > before && (await stage('joined')) - joinedBefore === 1, 'the second caller waits for the result');
    gate.open();
    const answers = await raw;
    expect(subgraph.received.length - before).toBe(1);
    expect((await stage('answer_joined')) - answerJoinedBefore).toBe(0);
    expect(answers.map((answer) => answer.type?.split(';')[0])).toEqual(['application/json', 'application/graphql-response+json']);
    for (const { body } of answers) expect(body).toEqual({ data: { gemeente: { code: '0406', naam: 'Huizen' } } });
  });

  it('counts every caller of a shared answer against its own rate limit', async () => {
    // Two operations a minute for this gateway's callers: of three identical requests of one person, one is refused.
    const limited = await createGatewayServer(
      testConfig({
        supergraphPath: await dir.file('supergraph-limited.graphql', composeSupergraph([subgraph])),
        subgraphUrls: { alpha: subgraph.url },
        rateLimit: { requestsPerMinute: 2, costPerMinute: Number.MAX_SAFE_INTEGER, concurrent: 1_000 },
      }),
    );
    try {
      const authorization = await bearer('sp-1', 'beperkt');
      const metric = async () => (await limited.metrics.inflightDeduplication.get()).values.find((value) => value.labels.stage === 'answer_joined')?.value ?? 0;
      const { answers, subgraphCalls } = await concurrently(
        [1, 2, 3].map(() => ({ query: QUERY, authorization })),
        async () => subgraph.received.length > 0 && (await metric()) === 2,
        () => limited,
      );
      expect(subgraphCalls()).toBe(1);
      expect(answers.map(({ status }) => status).sort()).toEqual([200, 200, 429]);
      const refused = answers.find(({ status }) => status === 429);
      expect(refused?.body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    } finally {
      await limited.stop();
    }
  });

  it('never shares a mutation: identical ones of callers with the same rights each reach the subgraph (issue 15)', async () => {
    const people = await Promise.all(['a', 'b', 'c'].map((subject) => bearer('sp-1', subject)));
    const before = subgraph.received.length;
    const { answers, subgraphCalls } = await concurrently(
      people.map((authorization) => ({ query: 'mutation { registreer(code: "0406") { code } }', authorization })),
      async () => subgraph.received.length - before === 3,
    );
    expect(subgraphCalls()).toBe(3);
    for (const { body } of answers) expect(body).toEqual({ data: { registreer: { code: '0406' } } });
  });

  it('never shares between callers whose rights differ: another organisation, or anonymous', async () => {
    const callers = [await bearer('sp-1', 'a'), await bearer('sp-2', 'a'), undefined];
    const before = subgraph.received.length;
    const joinedBefore = await waiting();
    const { answers, subgraphCalls } = await concurrently(
      callers.map((authorization) => ({ query: QUERY, authorization })),
      // Each caller's own execution reaches the subgraph while the gate is closed.
      async () => subgraph.received.length - before === 3,
    );
    expect(subgraphCalls()).toBe(3);
    expect((await waiting()) - joinedBefore).toBe(0);
    for (const { body } of answers) expect(body).toEqual({ data: { gemeente: { code: '0406', naam: 'Huizen' } } });
  });

  it('does not share a result with errors: each waiting caller executes itself and gets its own error', async () => {
    const people = await Promise.all(['a', 'b', 'c'].map((subject) => bearer('sp-1', subject)));
    const joinedBefore = await stage('answer_joined');
    const notSharedBefore = await stage('answer_not_shared');
    const { answers, subgraphCalls } = await concurrently(
      people.map((authorization) => ({ query: '{ kapot }', authorization })),
      async () => subgraph.received.length > 0 && (await stage('answer_joined')) - joinedBefore === 2,
    );
    expect(subgraphCalls()).toBe(3);
    expect((await stage('answer_not_shared')) - notSharedBefore).toBe(2);
    for (const { status, body } of answers) {
      expect(status).toBe(200);
      expect(body.data).toEqual({ kapot: null });
      expect(body.errors).toHaveLength(1);
    }
  });

  it('lets those waiting for a request go ahead once a subgraph reports it logged: they need not wait for its end', async () => {
    // alpha logs each call (the Logboek's extension); beta, asked after it, answers only when the gate opens.
    let alphaCalls = 0;
    const alpha = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        alphaCalls++;
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ data: { gemeente: { __typename: 'Gemeente', code: '0406', naam: 'Huizen' } }, extensions: { sociaalGraphVerwerkt: true } }));
      });
    });
    await new Promise<void>((resolve) => alpha.listen(0, '127.0.0.1', resolve));
    const beta = await startTinySubgraph(
      'beta',
      `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
type Gemeente @key(fields: "code") { code: String! inwoners: Int }`,
      { Gemeente: { __resolveReference: async (reference: { code: string }) => (await gate.opened, { code: reference.code, inwoners: 42 }) } },
    );
    const alphaUrl = `http://127.0.0.1:${(alpha.address() as AddressInfo).port}/graphql`;
    const supergraphPath = await dir.file('supergraph-logt.graphql', composeSupergraph([{ name: 'alpha', url: alphaUrl, typeDefs: parse(SDL) }, beta]));
    // beta's timeout past the wait below: without the early release the others wait for the gate, not for a timeout.
    const logging = await createGatewayServer(testConfig({ supergraphPath, subgraphUrls: { alpha: alphaUrl, beta: beta.url }, subgraphTimeoutMs: 30_000 }));
    try {
      const people = await Promise.all(['a', 'b', 'c'].map((subject) => bearer('sp-1', subject)));
      closeGate();
      const answers = Promise.all(people.map((authorization) => postGraphql(logging.url, { query: '{ gemeente(code: "0406") { code naam inwoners } }' }, { authorization })));
      // With the gate still closed, the leader's execution waits at beta: each of the others has run its own up to there.
      await until(() => alphaCalls === 3 && beta.received.length === 3, 'each caller runs its own execution while the first is still in flight');
      gate.open();
      for (const { status, body } of await answers) {
        expect(status).toBe(200);
        expect(body).toEqual({ data: { gemeente: { code: '0406', naam: 'Huizen', inwoners: 42 } } });
      }
    } finally {
      gate.open();
      await logging.stop();
      await beta.stop();
      await new Promise<void>((resolve) => alpha.close(() => resolve()));
    }
  });

  it('answers the same query again after the first execution ended (nothing is cached beyond the flight)', async () => {
    const authorization = await bearer('sp-1', 'a');
    closeGate();
    gate.open();
    const before = subgraph.received.length;
    await postGraphql(gateway.url, { query: QUERY }, { authorization });
    await postGraphql(gateway.url, { query: QUERY }, { authorization });
    expect(subgraph.received.length - before).toBe(2);
  });
});
