import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskError } from './errors.js';
import { graphqlRequestListener, UNSUPPORTED_MEDIA_TYPE_MESSAGE } from './http.js';

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
