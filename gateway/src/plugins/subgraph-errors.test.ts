import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskError } from '@sociaal-graph/toolkit';
import { ANONYMOUS_CALLER } from '../auth/caller.js';
import type { GatewayContext } from '../context.js';
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
import { subgraphErrorsPlugin } from './subgraph-errors.js';

describe('subgraphErrorsPlugin on a tiny schema', () => {
  const server = new ApolloServer<GatewayContext>({
    typeDefs: 'type Query { vanSubgraph: String, vanGateway: String }',
    resolvers: {
      Query: {
        vanSubgraph: () => {
          throw new GraphQLError('Ongeldige code.', {
            extensions: {
              code: 'BAD_USER_INPUT',
              serviceName: 'wmo',
              stacktrace: ['at geheim.ts:1'],
              response: { url: 'http://10.1.2.3:4003/graphql' },
              sociaalGraph: { veld: 'code' },
            },
          });
        },
        vanGateway: () => {
          throw new GraphQLError('Niet gevonden.', { extensions: { code: 'NOT_FOUND', eigen: 'blijft' } });
        },
      },
    },
    includeStacktraceInErrorResponses: false,
    plugins: [subgraphErrorsPlugin()],
  });
  const context: GatewayContext = { traceId: '0'.repeat(32), verzoekId: '1'.repeat(32), traceresponse: '', caller: ANONYMOUS_CALLER, clientAddress: '127.0.0.1', cost: {} };

  it('keeps only code, serviceName and sociaalGraph on an error from a subgraph', async () => {
    const response = await server.executeOperation({ query: '{ vanSubgraph }' }, { contextValue: context });
    expect(response.body.kind === 'single' && response.body.singleResult.errors).toEqual([
      {
        message: 'Ongeldige code.',
        locations: [{ line: 1, column: 3 }],
        path: ['vanSubgraph'],
        extensions: { code: 'BAD_USER_INPUT', serviceName: 'wmo', sociaalGraph: { veld: 'code' } },
      },
    ]);
  });

  it('leaves errors of the gateway itself alone', async () => {
    const response = await server.executeOperation({ query: '{ vanGateway }' }, { contextValue: context });
    expect(response.body.kind === 'single' && response.body.singleResult.errors?.[0]?.extensions).toEqual({
      code: 'NOT_FOUND',
      eigen: 'blijft',
    });
  });

  it('takes a list of allowed extensions', async () => {
    const strict = new ApolloServer<GatewayContext>({
      typeDefs: 'type Query { a: String }',
      resolvers: { Query: { a: () => { throw new GraphQLError('x', { extensions: { code: 'FORBIDDEN', serviceName: 'wmo' } }); } } },
      formatError: (formatted) => maskError(formatted),
      plugins: [subgraphErrorsPlugin({ allowedExtensions: ['code'] })],
    });
    const response = await strict.executeOperation({ query: '{ a }' }, { contextValue: context });
    expect(response.body.kind === 'single' && response.body.singleResult.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN' });
  });
});

describe('subgraph errors through the gateway', () => {
  let alpha: TinySubgraph;
  let beta: TinySubgraph;
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let gateway: RunningGateway;

  beforeAll(async () => {
    [alpha, beta] = await Promise.all([
      startTinySubgraph('alpha', ALPHA_SDL, ALPHA_RESOLVERS),
      startTinySubgraph('beta', BETA_SDL, betaResolvers()),
    ]);
    dir = await tempDir();
    const supergraphPath = await dir.file('supergraph.graphql', composeSupergraph([alpha, beta]));
    gateway = await createGatewayServer(testConfig({ supergraphPath }));
  });

  afterAll(async () => {
    await gateway?.stop();
    await Promise.all([alpha?.stop(), beta?.stop()]);
    await dir?.remove();
  });

  it('masks an uncoded subgraph error and drops its stack trace', async () => {
    const { body } = await postGraphql(gateway.url, { query: '{ kapot betaVersie }' });
    expect(body.data).toEqual({ kapot: null, betaVersie: 'beta-1' });
    expect(body.errors).toEqual([
      {
        message: 'Interne fout: de aanvraag kon niet worden uitgevoerd.',
        path: ['kapot'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
  });

  it('keeps the code and message of a coded subgraph error but no internal details', async () => {
    const { body } = await postGraphql(gateway.url, { query: '{ lek }' });
    expect(body.errors).toEqual([
      { message: 'Ongeldige code.', path: ['lek'], extensions: { code: 'BAD_USER_INPUT', serviceName: 'alpha' } },
    ]);
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|SELECT|10\.0\.0\.7/);
  });
});
