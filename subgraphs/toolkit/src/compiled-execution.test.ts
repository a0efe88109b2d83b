import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { GraphQLError, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compiledExecution } from './compiled-execution.js';

// Built as every subgraph's schema is (buildSubgraph hands its SDL and resolvers to @apollo/subgraph).
const schema = buildSubgraphSchema({
  typeDefs: parse(/* GraphQL */ `
    type Query {
      gemeenten(codes: [String!]!): [Gemeente!]!
      verplicht: Gemeente!
    }
    type Gemeente {
      code: String!
      naam: String
      inwoners: Int!
      geheim: String
      buren: [Gemeente!]
    }
  `),
  resolvers: {
    Query: {
      gemeenten: async (_root: unknown, { codes }: { codes: string[] }) => codes.map((code) => ({ code, naam: `Gemeente ${code}` })),
      verplicht: () => ({ code: '0000' }),
    },
    Gemeente: {
      // Async, as a DataLoader's load is.
      inwoners: async ({ code }: { code: string }) => {
        if (code === '0000') throw new Error('geen inwoners');
        return Number(code);
      },
      geheim: () => {
        throw new GraphQLError('Niet binnen het mandaat', { extensions: { code: 'FORBIDDEN' } });
      },
      buren: ({ code }: { code: string }) => [{ code: `${code}1`, naam: null }],
    },
  } as GraphQLResolverMap<unknown>,
});

async function both(query: string, variables?: Record<string, unknown>) {
  const answers = [];
  for (const options of [{ schema }, { gateway: compiledExecution(schema) }]) {
    const server = new ApolloServer({ ...options, includeStacktraceInErrorResponses: false, plugins: [ApolloServerPluginInlineTraceDisabled()] });
    await server.start();
    const response = await server.executeOperation({ query, variables });
    await server.stop();
    if (response.body.kind !== 'single') throw new Error('single result expected');
    answers.push(response.body.singleResult);
  }
  return { graphqlJs: answers[0], compiled: answers[1] };
}

describe('compiledExecution', () => {
  it('answers as graphql-js does: data, async fields, lists, aliases and variables', async () => {
    const { graphqlJs, compiled } = await both(
      'query($codes: [String!]!) { a: gemeenten(codes: $codes) { code naam inwoners buren { code naam inwoners } } b: gemeenten(codes: ["0406"]) { naam } }',
      { codes: ['0307', '0406'] },
    );
    expect(compiled).toEqual(graphqlJs);
    expect(compiled.errors).toBeUndefined();
    expect(JSON.stringify(compiled.data)).toContain('"inwoners":3071');
  });

  it('keeps each error with its path and extensions.code, and nulls what a failing non-null field takes with it', async () => {
    const { graphqlJs, compiled } = await both('{ gemeenten(codes: ["0406"]) { code geheim } verplicht { code inwoners } }');
    expect(compiled).toEqual(graphqlJs);
    // `verplicht` is non-null: its failing non-null `inwoners` takes the whole answer.
    expect(compiled.data).toBeNull();
    expect(compiled.errors?.map((error) => [error.path, error.extensions?.code])).toEqual(
      expect.arrayContaining([[['gemeenten', 0, 'geheim'], 'FORBIDDEN'], [['verplicht', 'inwoners'], 'INTERNAL_SERVER_ERROR']]),
    );
  });

  it('refuses variables of the wrong type with BAD_USER_INPUT, as graphql-js does', async () => {
    const { graphqlJs, compiled } = await both('query($codes: [String!]!) { gemeenten(codes: $codes) { code } }', { codes: [1, null] });
    expect(compiled.errors?.map((error) => error.extensions?.code)).toEqual(graphqlJs.errors?.map((error) => error.extensions?.code));
    expect(compiled.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers the same document again from its compiled form', async () => {
    const server = new ApolloServer({ gateway: compiledExecution(schema), plugins: [ApolloServerPluginInlineTraceDisabled()] });
    await server.start();
    const query = '{ gemeenten(codes: ["0406", "0307"]) { code inwoners } }';
    const first = await server.executeOperation({ query });
    const second = await server.executeOperation({ query });
    await server.stop();
    expect(second.body).toEqual(first.body);
  });

  it('still answers each document right when more were sent than it keeps compiled', async () => {
    const server = new ApolloServer({ gateway: compiledExecution(schema), plugins: [ApolloServerPluginInlineTraceDisabled()] });
    await server.start();
    // Aliases padded to 2,000 characters: 40 documents are more than COMPILED_CHARACTERS_KEPT.
    const query = (i: number) => `{ g${i}${'x'.repeat(2_000)}: gemeenten(codes: ["${1000 + i}"]) { inwoners } }`;
    const answers = [];
    for (let round = 0; round < 2; round += 1) {
      for (let i = 0; i < 40; i += 1) answers.push(await server.executeOperation({ query: query(i) }));
    }
    await server.stop();
    expect(answers.map((answer) => (answer.body.kind === 'single' ? Object.values(answer.body.singleResult.data ?? {})[0] : undefined))).toEqual(
      [0, 1].flatMap(() => Array.from({ length: 40 }, (_, i) => [{ inwoners: 1000 + i }])),
    );
  });
});
