import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_CALLER, type Caller } from '../auth/caller.js';
import type { GatewayContext } from '../context.js';
import { authorizationPlugin } from './authorization.js';

const SDL = `directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
type Query { inwoner: Inwoner }
type Inwoner { id: String!  bsn: String @authenticated }`;

const CONSULENT: Caller = { org: '0406', roles: ['consulent'], actor: 'c1', mandates: {} };
const OTHER_CONSULENT: Caller = { org: '0406', roles: ['consulent'], actor: 'c2', mandates: {} };

let server: ApolloServer<GatewayContext>;

beforeAll(async () => {
  server = new ApolloServer<GatewayContext>({
    typeDefs: SDL,
    resolvers: { Query: { inwoner: () => ({ id: 'i1', bsn: '999990019' }) } },
    plugins: [authorizationPlugin(SDL)],
  });
  await server.start();
});

afterAll(async () => {
  await server?.stop();
});

async function ask(caller: Caller) {
  const response = await server.executeOperation(
    { query: '{ inwoner { id bsn } }' },
    { contextValue: { verzoekId: '1'.repeat(32), traceId: '0'.repeat(32), traceresponse: '', caller, clientAddress: '127.0.0.1', cost: {} } },
  );
  return response.body.kind === 'single' ? response.body.singleResult : undefined;
}

describe('authorizationPlugin', () => {
  it('decides each request of one cached operation by its own caller, alternating between rights', async () => {
    // The operation's filtering is kept per set of rights: one caller's outcome never reaches another's.
    const refusedAnonymous = { data: { inwoner: { id: 'i1', bsn: null } }, errors: [expect.objectContaining({ path: ['inwoner', 'bsn'], extensions: { code: 'UNAUTHENTICATED' } })] };
    expect(await ask(ANONYMOUS_CALLER)).toEqual(refusedAnonymous);
    expect(await ask(CONSULENT)).toEqual({ data: { inwoner: { id: 'i1', bsn: '999990019' } } });
    expect(await ask(ANONYMOUS_CALLER)).toEqual(refusedAnonymous);
    // Another caller with the same rights sees what the first did.
    expect(await ask(OTHER_CONSULENT)).toEqual({ data: { inwoner: { id: 'i1', bsn: '999990019' } } });
    expect(await ask(ANONYMOUS_CALLER)).toEqual(refusedAnonymous);
  });
});
