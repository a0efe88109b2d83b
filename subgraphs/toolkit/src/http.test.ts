import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, maskError } from './errors.js';
import { graphqlEndpoint, graphqlRequestListener, resultBody, UNSUPPORTED_MEDIA_TYPE_MESSAGE } from './http.js';
import { createLogger } from './observability/logger.js';

let server: ApolloServer;
let httpServer: Server;
let url: string;

beforeAll(async () => {
  server = new ApolloServer({
    typeDefs: 'type Query { groet(naam: String!): String! }',
    resolvers: { Query: { groet: (_: unknown, { naam }: { naam: string }) => `Dag ${naam}` } },
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => maskError(formatted, undefined, error),
  });
  await server.start();
  httpServer = createServer(graphqlRequestListener(server, { context: async () => ({}) }));
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  await server.stop();
  await new Promise<void>((resolve) => httpServer.close(() => resolve()));
});

async function post(body: string, contentType?: string): Promise<{ status: number; code: unknown; message: unknown }> {
  const response = await fetch(url, { method: 'POST', headers: contentType ? { 'content-type': contentType } : {}, body });
  const parsed = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
  return { status: response.status, code: parsed.errors?.[0]?.extensions?.code, message: parsed.errors?.[0]?.message };
}

const QUERY = 'query Groet($naam: String!) { groet(naam: $naam) }';
const silent = createLogger('http-test');

/** Every client mistake is a 4xx with an `extensions.code`, never a 5xx (issue 11, item 4). */
describe('graphqlRequestListener: client mistakes', () => {
  it('answers a POST that is not JSON with 415 and says what to send', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/graphql', undefined]) {
      expect(await post(JSON.stringify({ query: QUERY, variables: { naam: 'Anna' } }), contentType)).toEqual({
        status: 415,
        code: 'BAD_REQUEST',
        message: UNSUPPORTED_MEDIA_TYPE_MESSAGE,
      });
    }
    expect(UNSUPPORTED_MEDIA_TYPE_MESSAGE).toMatch(/Content-Type: application\/json/);
  });

  it('accepts application/json with a charset', async () => {
    expect((await post(JSON.stringify({ query: QUERY, variables: { naam: 'Anna' } }), 'application/json; charset=utf-8')).status).toBe(200);
  });

  it('answers a body that is not valid JSON with 400 BAD_REQUEST', async () => {
    expect(await post('{"query": ', 'application/json')).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
  });

  it('answers malformed variables with 400 and a code', async () => {
    const cases: [unknown, string][] = [
      ['{"naam":"Anna"}', 'BAD_REQUEST'], // JSON encoded twice
      [['Anna'], 'BAD_REQUEST'],
      [{ naam: 5 }, 'BAD_USER_INPUT'],
      [{}, 'BAD_USER_INPUT'], // a required variable missing
    ];
    for (const [variables, code] of cases) {
      expect(await post(JSON.stringify({ query: QUERY, variables }), 'application/json')).toMatchObject({ status: 400, code });
    }
  });

  it('answers a body without a query, or with a query that is not text, with 400 BAD_REQUEST', async () => {
    for (const body of [{}, { query: 5 }, { query: QUERY, operationName: 5 }]) {
      expect(await post(JSON.stringify(body), 'application/json')).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    }
  });
});

/**
 * A server given its `stringifyResult` runs a plain JSON POST past Apollo's HTTP layer (issue 14): the
 * answer must be the one the whole layer gives, byte for byte, for every kind of request and failure.
 */
describe('graphqlEndpoint: a plain POST past the HTTP layer', () => {
  const SCHEMA = 'type Query { groet(naam: String!): String! fout: String boom: String }';
  let lean: ReturnType<typeof graphqlEndpoint>;
  let whole: ReturnType<typeof graphqlEndpoint>;
  let leanServer: ApolloServer;
  let wholeServer: ApolloServer;
  /** Operations whose answer a plugin fails to send (`willSendResponse` throws), as a failing Logboek store would. */
  const failingOperation = 'Kapot';

  beforeAll(async () => {
    const make = () =>
      new ApolloServer({
        typeDefs: SCHEMA,
        resolvers: {
          Query: {
            groet: (_: unknown, { naam }: { naam: string }) => `Dag ${naam}`,
            fout: () => {
              throw new DomainError('Niet gevonden.', { code: 'NOT_FOUND' });
            },
            boom: () => {
              throw new Error('relation "geheim" does not exist');
            },
          },
        },
        includeStacktraceInErrorResponses: false,
        formatError: (formatted, error) => maskError(formatted, () => undefined, error),
        stringifyResult: resultBody,
        plugins: [
          {
            async requestDidStart() {
              return {
                async willSendResponse({ operationName, response }) {
                  if (operationName === failingOperation) throw new Error('plugin failed');
                  response.http.headers.set('x-geteld', 'ja');
                },
              };
            },
          },
        ],
      });
    leanServer = make();
    wholeServer = make();
    await Promise.all([leanServer.start(), wholeServer.start()]);
    const context = async (request: { headers: Record<string, unknown> }) => {
      if (request.headers['x-geen-context']) throw new Error('no context');
      return {};
    };
    lean = graphqlEndpoint(leanServer, { context, stringifyResult: resultBody, logger: silent });
    whole = graphqlEndpoint(wholeServer, { context, logger: silent });
  });

  afterAll(async () => {
    await Promise.all([leanServer.stop(), wholeServer.stop()]);
  });

  it('answers as the whole HTTP layer does', async () => {
    const json = { 'content-type': 'application/json' };
    const cases: [Record<string, string>, unknown][] = [
      [json, { query: QUERY, variables: { naam: 'Anna' } }],
      [json, { query: QUERY, variables: { naam: 'Anna' }, operationName: 'Groet', extensions: { iets: 1 } }],
      [json, { query: QUERY, variables: { naam: 'Anna' }, operationName: null, extensions: null }],
      [json, { query: '{ fout groet(naam: "Bo") }', variables: null }],
      [json, { query: '{ boom }' }],
      [json, { query: QUERY, variables: { naam: 5 } }],
      [json, { query: QUERY }],
      [json, { query: QUERY, variables: { naam: 'Anna' }, operationName: 'Anders' }],
      [json, { query: '{ bestaatNiet }' }],
      [json, { query: '{ groet(' }],
      [json, { query: '' }],
      [json, { query: `query ${failingOperation} { groet(naam: "Cor") }` }],
      [json, { query: QUERY, variables: '{"naam":"Anna"}' }],
      [json, { query: QUERY, extensions: [1] }],
      [json, [{ query: QUERY, variables: { naam: 'Anna' } }]],
      [json, { variables: { naam: 'Anna' } }],
      [{ ...json, accept: 'application/graphql-response+json' }, { query: QUERY, variables: { naam: 'Anna' } }],
      [{ ...json, accept: 'text/html' }, { query: QUERY, variables: { naam: 'Anna' } }],
      [{ ...json, 'x-geen-context': '1' }, { query: QUERY, variables: { naam: 'Anna' } }],
    ];
    for (const [headers, body] of cases) {
      const text = JSON.stringify(body);
      const [viaLean, viaWhole] = await Promise.all([lean.answerPost(headers, text), whole.answerPost(headers, text)]);
      expect(viaLean, text).toEqual(viaWhole);
    }
    // The cases do reach the plugin, the masking and both failure answers.
    const answer = await lean.answerPost(json, JSON.stringify({ query: '{ boom }' }));
    expect(answer.headers).toContainEqual(['x-geteld', 'ja']);
    expect(answer.body).toContain('INTERNAL_SERVER_ERROR');
    expect(answer.body).not.toContain('geheim');
    expect((await lean.answerPost(json, JSON.stringify({ query: `query ${failingOperation} { groet(naam: "Cor") }` }))).status).toBe(500);
  });
});
