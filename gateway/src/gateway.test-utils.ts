import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { type DocumentNode, GraphQLError, parse } from 'graphql';
import { CALLER_ASSERTION_HEADER, type CompleteAnswer, createLogger, graphqlEndpoint, newInstallationSecrets, secretsAsEnv, sendJson } from '@sociaal-graph/toolkit';
import type { IncomingHttpHeaders } from 'node:http';
import { DEFAULT_TRUSTED_DOCUMENTS_DIR, type GatewayConfig } from './config.js';

/** Test helpers for the gateway: tiny subgraphs on loopback and their composed supergraph. */

export interface TinySubgraph {
  readonly name: string;
  readonly url: string;
  readonly typeDefs: DocumentNode;
  /** `traceparent` headers of the requests this subgraph received, in order. */
  readonly traceparents: string[];
  /** The caller assertion and the body of every request this subgraph received, in order. */
  readonly received: { assertion: string | undefined; body: { query?: string; variables?: unknown } }[];
  /** Its GraphQL without HTTP, for the one-process channel (`serveSubgraphCalls`). */
  answerPost(headers: IncomingHttpHeaders, body: string): Promise<CompleteAnswer>;
  /** The GraphQL POSTs that reached it over HTTP. */
  readonly httpPosts: number;
  stop(): Promise<void>;
}

export const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

/**
 * `alpha` owns `Gemeente @key(code)` and has fields that fail on purpose: `kapot` throws a plain
 * Error, `lek` a coded error with an internal detail; the subgraph includes stack traces, as a
 * careless subgraph would.
 */
export const ALPHA_SDL = `${LINK}
type Query {
  gemeente(code: String!): Gemeente
  kapot: String
  lek: String
}
type Gemeente @key(fields: "code") {
  code: String!
  naam: String!
}`;

/** `beta` adds `inwonerAantal` to `Gemeente` and has a root field of its own. */
export const BETA_SDL = `${LINK}
type Query { betaVersie: String }
type Gemeente @key(fields: "code") {
  code: String!
  inwonerAantal: Int
}`;

const NAMEN: Record<string, string> = { '0406': 'Huizen', '0376': 'Blaricum' };

export const ALPHA_RESOLVERS: GraphQLResolverMap<unknown> = {
  Query: {
    gemeente: (_source: unknown, args: { code: string }) => (NAMEN[args.code] ? { code: args.code } : null),
    kapot: () => {
      throw new Error('relation "alpha.geheim" does not exist');
    },
    lek: () => {
      throw new GraphQLError('Ongeldige code.', {
        extensions: { code: 'BAD_USER_INPUT', sql: 'SELECT * FROM alpha.geheim', response: { url: 'http://10.0.0.7/x' } },
      });
    },
  },
  Gemeente: {
    __resolveReference: (reference: { code: string }) => ({ code: reference.code }),
    naam: (gemeente: { code: string }) => NAMEN[gemeente.code],
  },
};

/** beta's resolvers; `delayMs` slows every `inwonerAantal`. */
export function betaResolvers(delayMs = 0): GraphQLResolverMap<unknown> {
  return {
    Query: { betaVersie: () => 'beta-1' },
    Gemeente: {
      __resolveReference: (reference: { code: string }) => ({ code: reference.code }),
      inwonerAantal: async (gemeente: { code: string }) => {
        if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
        return gemeente.code === '0406' ? 41_000 : 11_000;
      },
    },
  };
}

/** Starts a subgraph from SDL and resolvers on 127.0.0.1 and a free port. */
export async function startTinySubgraph(name: string, sdl: string, resolvers: GraphQLResolverMap<unknown>): Promise<TinySubgraph> {
  const typeDefs = parse(sdl);
  const server = new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs, resolvers }),
    // A careless subgraph: the gateway must strip what this adds.
    includeStacktraceInErrorResponses: true,
  });
  await server.start();
  const traceparents: string[] = [];
  const received: TinySubgraph['received'] = [];
  const endpoint = graphqlEndpoint(server, {
    logger: createLogger(`tiny-${name}`),
    admit: async (request, body) => {
      const assertion = request.headers[CALLER_ASSERTION_HEADER];
      received.push({ assertion: typeof assertion === 'string' ? assertion : undefined, body: body as TinySubgraph['received'][number]['body'] });
      return undefined;
    },
    context: async (request) => {
      if (typeof request.headers.traceparent === 'string') traceparents.push(request.headers.traceparent);
      return {};
    },
    routes: { '/health': (_request, response) => sendJson(response, 200, { status: 'ok' }) },
  });
  let httpPosts = 0;
  const httpServer = createServer((request, response) => {
    if (request.method === 'POST') httpPosts++;
    endpoint.listener(request, response);
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    name,
    url: `http://127.0.0.1:${port}/graphql`,
    typeDefs,
    traceparents,
    received,
    answerPost: endpoint.answerPost,
    get httpPosts() {
      return httpPosts;
    },
    stop: async () => {
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await server.stop();
    },
  };
}

/** Composes subgraphs (name, routing URL, SDL) into supergraph SDL; throws on composition errors. */
export function composeSupergraph(subgraphs: readonly { name: string; url: string; typeDefs: DocumentNode }[]): string {
  const result = composeServices(subgraphs.map(({ name, url, typeDefs }) => ({ name, url, typeDefs })));
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.supergraphSdl;
}

/** A port on 127.0.0.1 where nothing listens (bound, then closed). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A temporary folder for supergraph files; `remove()` deletes it. */
export async function tempDir(): Promise<{ path: string; file(name: string, content: string): Promise<string>; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'sociaal-graph-gateway-'));
  return {
    path,
    file: async (name, content) => {
      const file = join(path, name);
      await writeFile(file, content);
      return file;
    },
    remove: () => rm(path, { recursive: true, force: true }),
  };
}

/** The gateway's secrets in these tests: random per test file, as an installation creates them. */
export const testSecrets = (({ callerAssertionPrivateKey, callerAssertionPublicKey, actorPseudonymSecret }) => ({
  callerAssertionPrivateKey,
  callerAssertionPublicKey,
  actorPseudonymSecret,
}))(newInstallationSecrets());

/** The same secrets as environment variables, for tests of `readGatewayConfig` (so it writes nothing to DATA_DIR). */
export const testSecretsEnv = secretsAsEnv({ callerAssertionPrivateKey: testSecrets.callerAssertionPrivateKey, actorPseudonymSecret: testSecrets.actorPseudonymSecret });

/** A gateway configuration for tests: port 0, in-process cache, short timeout. */
export function testConfig(overrides: Partial<GatewayConfig> & Pick<GatewayConfig, 'supergraphPath'>): GatewayConfig {
  return {
    host: '127.0.0.1',
    port: 0,
    metricsPort: null,
    subgraphUrls: {},
    subgraphTimeoutMs: 2_000,
    redisUrl: undefined,
    redisKeyPrefix: 'sociaal-graph-test:',
    introspection: true,
    maxBodyBytes: 1024 * 1024,
    apqTtlSeconds: 60,
    queryPlanWarmMax: 1_000,
    queryPlanWarmTtlSeconds: 604_800,
    maxQueryDepth: 12,
    maxAliases: 30,
    maxRootFields: 20,
    maxQueryCost: 100_000,
    maxResponseBytes: 16 * 1024 * 1024,
    dataDir: 'memory',
    auth: { algorithms: ['ES256'], clockSkewSeconds: 30 },
    callerAssertionPrivateKey: testSecrets.callerAssertionPrivateKey,
    actorPseudonymSecret: testSecrets.actorPseudonymSecret,
    production: false,
    mandateCacheSeconds: 10,
    mandateStaleSeconds: 30,
    trustedDocumentsDir: DEFAULT_TRUSTED_DOCUMENTS_DIR,
    safelistClients: '*',
    maxResidentsPerRequest: 25,
    maxResidentsPerHour: 250,
    rateLimit: { requestsPerMinute: 100_000, costPerMinute: Number.MAX_SAFE_INTEGER, concurrent: 1_000 },
    anonymousRateLimit: { requestsPerMinute: 100_000, costPerMinute: Number.MAX_SAFE_INTEGER, concurrent: 1_000 },
    admission: { capacity: 100_000, cheapCost: 1_000, maxWaitMs: 10_000, maxQueued: 100 },
    ...overrides,
  };
}

/** POSTs a GraphQL operation as JSON and returns status and parsed body. */
export async function postGraphql(
  url: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: GraphqlResponseBody }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as GraphqlResponseBody };
}

export interface GraphqlResponseBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}
