import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse } from 'graphql';
import { type CompiledExecution, compiledExecution } from './compiled-execution.js';
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
 * A server given its `stringifyResult` runs a plain JSON POST past Apollo's HTTP layer (issue 14), and
 * given its `compiled` executor too, a document it validated before through its own operation pipeline
 * (operation-pipeline.ts): the answer must be the one the whole layer gives, byte for byte, for every
 * kind of request and failure, and every plugin hook called in the same order with the same arguments.
 */
describe('graphqlEndpoint: a plain POST past the HTTP layer and past Apollo\'s operation pipeline', () => {
  const SCHEMA = 'type Query { groet(naam: String!): String! fout: String boom: String }';
  let lean: ReturnType<typeof graphqlEndpoint>;
  let whole: ReturnType<typeof graphqlEndpoint>;
  let piped: ReturnType<typeof graphqlEndpoint>;
  let leanServer: ApolloServer;
  let wholeServer: ApolloServer;
  let pipedServer: ApolloServer;
  /** Every plugin hook each server called, with what it was given. */
  const hooks = new Map<ApolloServer, unknown[]>();
  /** Operations whose answer a plugin fails to send (`willSendResponse` throws), as a failing Logboek store would. */
  const failingOperation = 'Kapot';
  /** Operations a plugin refuses once resolved (`didResolveOperation` throws), and answers itself (`responseForOperation`). */
  const refusedOperation = 'Geweigerd';
  const answeredOperation = 'Beantwoord';

  beforeAll(async () => {
    const make = (compiled: CompiledExecution) => {
      const seen: unknown[] = [];
      const server = new ApolloServer({
        gateway: compiled,
        includeStacktraceInErrorResponses: false,
        formatError: (formatted, error) => maskError(formatted, () => undefined, error),
        stringifyResult: resultBody,
        plugins: [
          // As every subgraph (start-subgraph.ts): no cache hints, no inline traces.
          ApolloServerPluginInlineTraceDisabled(),
          ApolloServerPluginCacheControlDisabled(),
          {
            async requestDidStart({ request, contextValue, requestIsBatched, metrics }) {
              seen.push(['requestDidStart', request.query, request.operationName, request.variables, request.extensions, request.http?.method, contextValue, requestIsBatched, { ...metrics }]);
              return {
                async didResolveSource({ source, queryHash }) {
                  seen.push(['didResolveSource', source, queryHash]);
                },
                async parsingDidStart() {
                  seen.push(['parsingDidStart']);
                  return async (error) => void seen.push(['parsingDidEnd', error?.message]);
                },
                async validationDidStart() {
                  seen.push(['validationDidStart']);
                  return async (errors) => void seen.push(['validationDidEnd', errors?.map((error) => error.message)]);
                },
                async didResolveOperation({ operationName, operation, queryHash, document, metrics }) {
                  seen.push(['didResolveOperation', operationName, operation?.operation, queryHash, document === undefined, { ...metrics }]);
                  if (operationName === refusedOperation) throw new GraphQLError('Niet toegestaan.', { extensions: { code: 'FORBIDDEN', http: { status: 403, headers: new Map([['x-reden', 'geen']]) } } });
                },
                async responseForOperation({ operationName }) {
                  seen.push(['responseForOperation', operationName]);
                  if (operationName !== answeredOperation) return null;
                  return { http: { status: 202, headers: new HeaderMap([['x-van', 'plugin']]) }, body: { kind: 'single', singleResult: { data: { groet: 'al klaar' } } } };
                },
                async executionDidStart({ operationName }) {
                  seen.push(['executionDidStart', operationName]);
                  return { async executionDidEnd(error) {
                    seen.push(['executionDidEnd', error?.message]);
                  } };
                },
                async didEncounterErrors({ errors }) {
                  seen.push(['didEncounterErrors', errors.map((error) => [error.name, error.message, error.extensions, error.path])]);
                },
                async willSendResponse({ operationName, response, errors, contextValue }) {
                  seen.push(['willSendResponse', operationName, response.http.status, [...response.http.headers], response.body, errors?.length, contextValue]);
                  if (operationName === failingOperation) throw new Error('plugin failed');
                  response.http.headers.set('x-geteld', 'ja');
                },
              };
            },
            async unexpectedErrorProcessingRequest({ error }) {
              seen.push(['unexpectedErrorProcessingRequest', error.message]);
            },
          },
        ],
      });
      hooks.set(server, seen);
      return server;
    };
    const schema = () =>
      buildSubgraphSchema({
        typeDefs: parse(SCHEMA),
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
      });
    const pipedCompiled = compiledExecution(schema());
    leanServer = make(compiledExecution(schema()));
    wholeServer = make(compiledExecution(schema()));
    pipedServer = make(pipedCompiled);
    await Promise.all([leanServer.start(), wholeServer.start(), pipedServer.start()]);
    const context = async (request: { headers: Record<string, unknown> }) => {
      if (request.headers['x-geen-context']) throw new Error('no context');
      return { verzoek: 'r1' };
    };
    lean = graphqlEndpoint(leanServer, { context, stringifyResult: resultBody, logger: silent });
    whole = graphqlEndpoint(wholeServer, { context, logger: silent });
    piped = graphqlEndpoint(pipedServer, { context, stringifyResult: resultBody, compiled: pipedCompiled, logger: silent });
  });

  afterAll(async () => {
    await Promise.all([leanServer.stop(), wholeServer.stop(), pipedServer.stop()]);
  });

  it('answers as the whole HTTP layer does, with the same plugin hooks', async () => {
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
      [json, { query: `query ${refusedOperation} { groet(naam: "Dirk") }` }],
      [json, { query: `query ${answeredOperation} { groet(naam: "Eva") }` }],
      [json, { query: `query Twee { groet(naam: "Fien") } query Drie { fout }`, operationName: 'Drie' }],
      [json, { query: `query Twee { groet(naam: "Fien") } query Drie { fout }` }],
      [json, { query: QUERY, variables: { naam: 'Anna' }, extensions: { persistedQuery: { version: 1, sha256Hash: 'ab' } } }],
    ];
    const viaApollo = vi.spyOn(pipedServer, 'executeOperation');
    // What took Apollo's operation pipeline in the second round: the POSTs that pass its HTTP layer with
    // a context whose document is invalid, has no operation by that name, or is a persisted query.
    const apolloAgain: string[] = [];
    // Twice each: the first validates the document (and takes Apollo's path), the second runs it past Apollo's pipeline.
    for (const round of [1, 2]) {
      for (const [headers, body] of cases) {
        const text = JSON.stringify(body);
        const before = viaApollo.mock.calls.length;
        const [viaLean, viaWhole, viaPipe] = await Promise.all([lean.answerPost(headers, text), whole.answerPost(headers, text), piped.answerPost(headers, text)]);
        expect(viaLean, `${round} ${text}`).toEqual(viaWhole);
        expect(viaPipe, `${round} ${text}`).toEqual(viaWhole);
        if (round === 2 && viaApollo.mock.calls.length > before) apolloAgain.push(text);
      }
    }
    expect(hooks.get(leanServer)).toEqual(hooks.get(wholeServer));
    expect(hooks.get(pipedServer)).toEqual(hooks.get(wholeServer));
    expect(apolloAgain.map((text) => JSON.parse(text) as unknown)).toEqual([
      { query: QUERY, variables: { naam: 'Anna' }, operationName: 'Anders' },
      { query: '{ bestaatNiet }' },
      { query: '{ groet(' },
      { query: '' },
      { query: `query Twee { groet(naam: "Fien") } query Drie { fout }` },
      { query: QUERY, variables: { naam: 'Anna' }, extensions: { persistedQuery: { version: 1, sha256Hash: 'ab' } } },
    ]);
    viaApollo.mockRestore();
    // The cases do reach the plugin, the masking and both failure answers.
    for (const endpoint of [lean, piped]) {
      const answer = await endpoint.answerPost(json, JSON.stringify({ query: '{ boom }' }));
      expect(answer.headers).toContainEqual(['x-geteld', 'ja']);
      expect(answer.body).toContain('INTERNAL_SERVER_ERROR');
      expect(answer.body).not.toContain('geheim');
      expect((await endpoint.answerPost(json, JSON.stringify({ query: `query ${failingOperation} { groet(naam: "Cor") }` }))).status).toBe(500);
    }
  });

  it('leaves a server whose Apollo plugins hook into every field (cache hints, inline traces) to Apollo\'s pipeline', async () => {
    const schema = buildSubgraphSchema({ typeDefs: parse(SCHEMA), resolvers: { Query: { groet: (_: unknown, { naam }: { naam: string }) => `Dag ${naam}` } } });
    const compiled = compiledExecution(schema);
    // Apollo's defaults: its cache-control plugin, and inline traces for a subgraph's schema.
    const server = new ApolloServer({ gateway: compiled, stringifyResult: resultBody });
    await server.start();
    try {
      const endpoint = graphqlEndpoint(server, { context: async () => ({}), stringifyResult: resultBody, compiled, logger: silent });
      const viaApollo = vi.spyOn(server, 'executeOperation');
      const text = JSON.stringify({ query: QUERY, variables: { naam: 'Anna' } });
      for (const _ of [1, 2]) expect(await endpoint.answerPost({ 'content-type': 'application/json' }, text)).toMatchObject({ status: 200, body: '{"data":{"groet":"Dag Anna"}}\n' });
      expect(viaApollo).toHaveBeenCalledTimes(2);
    } finally {
      await server.stop();
    }
  });
});
