import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { buildSubgraph } from './build-subgraph.js';
import { compiledExecution } from './compiled-execution.js';
import {
  CALLER_ASSERTION_HEADER, type CallerAssertionKey, type ChannelAssertionKey, documentRememberingOperationHash, importCallerAssertionKey, operationHash,
  principalFromClaims, type VerifiedAssertion, verifyCallerAssertion,
} from './caller-assertion.js';
import { readSubgraphConfig, type SubgraphConfig } from './config.js';
import { createRequestContext, type SubgraphContext } from './context.js';
import { type Database, openDatabase, withDeadline } from './database.js';
import { loadDemoWorldIfEmpty, type ProgressReport } from './demo-loading.js';
import { createCellBudget } from './disclosure/budget.js';
import { disclosureBudgetPlugin } from './disclosure/budget-plugin.js';
import { errorTracePlugin, maskError } from './errors.js';
import { type CompleteAnswer, graphqlEndpoint, type GraphqlRequest, type Refusal, resultBody, sendJson } from './http.js';
import { logboekPlugin } from './logboek/logboek-plugin.js';
import { createLogger, type Logger, traceFields } from './observability/logger.js';
import { stopOnSignals } from './observability/shutdown.js';
import { startTelemetry, type TraceIds } from './observability/tracing.js';
import { createGraphqlMetrics, graphqlMetricsPlugin, type MetricsServer, registerDatabaseMetrics, startMetricsServer } from './observability/metrics.js';
import { runSubgraphMigrations } from './migrations.js';
import { createReplayGuard, type ReplayGuard } from './replay-guard.js';
import type { SubgraphDefinition } from './subgraph-definition.js';

/** A subgraph listening on its port. */
export interface RunningSubgraph {
  readonly name: string;
  readonly url: string;
  readonly port: number;
  readonly db: Database;
  /** `http://host:port/metrics` (Prometheus), or undefined when `metricsPort` is null. */
  readonly metricsUrl?: string;
  /**
   * Answers a GraphQL POST (headers and JSON body text) without HTTP, by the same path as one to `url`:
   * the one-process graph's channel from the gateway's thread (`serveSubgraphCalls`), whose assertions
   * are MACed with `channelAssertionKey` (without it, checked against the gateway's public key as over HTTP).
   */
  answerPost(headers: IncomingHttpHeaders, body: string, channelAssertionKey?: ChannelAssertionKey): Promise<CompleteAnswer>;
  stop(): Promise<void>;
}

const schemas = new WeakMap<SubgraphDefinition<never>, Promise<GraphQLSchema>>();

/** The subgraph's schema, built once per process. */
export function subgraphSchema<L>(definition: SubgraphDefinition<L>): Promise<GraphQLSchema> {
  const key = definition as SubgraphDefinition<never>;
  let schema = schemas.get(key);
  if (!schema) {
    schema = buildSubgraph(definition);
    schemas.set(key, schema);
  }
  return schema;
}

/**
 * Starts one subgraph: opens its database (PostgreSQL or PGlite), runs its migrations, loads the
 * demo world into an empty database, and serves `/graphql` and `/health` over plain node:http.
 */
/** How long a subgraph keeps an idle connection of the gateway open (Node's default: 5 s). */
export const SUBGRAPH_KEEP_ALIVE_MS = 65_000;

export async function startSubgraph<L>(
  definition: SubgraphDefinition<L>,
  config: SubgraphConfig,
  // Progress of the first start's demo load, logged unless the caller (a test) wants silence.
  // `database`: one opened for it (a schema of the one-process graph's shared PGlite) instead of the config's.
  options: { report?: ProgressReport; database?: Database } = {},
): Promise<RunningSubgraph> {
  // Tracing as the environment says (an entry point that set it up first keeps its own); with it off,
  // the listener gives each request its trace ids (Logboek, log lines) without a tracer.
  startTelemetry({ serviceName: definition.name });
  const logger = createLogger(definition.name);
  const metrics = createGraphqlMetrics(definition.name);
  const report = options.report ?? ((line: string) => logger.info(line));
  const where = options.database
    ? `schema ${definition.name} of the shared ${options.database.kind === 'pglite' ? 'PGlite' : 'database'}`
    : config.databaseUrl ? `PostgreSQL (schema ${definition.name})` : config.dataDir ? `PGlite in ${config.dataDir}` : 'PGlite in memory';
  report(`opening ${where} and running its migrations`);
  const db =
    options.database ??
    (await openDatabase(
      config.databaseUrl
        ? { url: config.databaseUrl, schema: definition.name, statementTimeoutMs: config.statementTimeoutMs }
        : { schema: definition.name, dataDir: config.dataDir },
    ));
  await runSubgraphMigrations(db, definition);
  if (config.demo.load) await loadDemoWorldIfEmpty(db, definition, config.demo, report);

  // Idle keep-alive connections stay open far longer than the gateway keeps them (its Agent closes
  // them after 4 s, create-gateway.ts): the client must be the one to close. With Node's default of
  // 5 s, a gateway whose event loop was busy past the margin sent its next request on a connection
  // the subgraph had just closed, and got ECONNRESET (SUBGRAPH_UNAVAILABLE) under load.
  const httpServer: Server = createServer();
  httpServer.keepAliveTimeout = SUBGRAPH_KEEP_ALIVE_MS;
  // One count of distinct cells per caller and day over every subgraph (Redis) or this process.
  const cellBudget = await createCellBudget({ max: config.disclosureCellsPerDay, redisUrl: config.redisUrl, keyPrefix: config.redisKeyPrefix });
  // Compiled per document (graphql-jit) instead of graphql-js' execute: a third of the CPU on large answers.
  const compiled = compiledExecution(await subgraphSchema(definition));
  const server = new ApolloServer<SubgraphContext<L>>({
    gateway: compiled,
    includeStacktraceInErrorResponses: false,
    // The process stops on signals itself (stopOnSignals: drain, then exit 0). Apollo's own handler would
    // stop this server and send the signal again, which the process reads as a second Ctrl-C and exits 1.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => maskError(formatted, undefined, error),
    // Apollo's own default, named so that the endpoint writes the answers it runs past the HTTP layer alike.
    stringifyResult: resultBody,
    // Inline traces are for Apollo's hosted reporting, which we never use (nothing leaves loopback). No
    // field has a cache hint and no response is cached, so the cache-control plugin's hook on every field
    // is pure cost (about half the execution time of a large aggregate).
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      // The caller's daily bound of distinct cells of aggregates (issue 10), before anything leaves.
      disclosureBudgetPlugin(cellBudget),
      // Every read of personal data is logged before its response leaves, or the data is withheld.
      logboekPlugin(),
      // Result, error codes and duration per operation (Prometheus, README "Operating it").
      graphqlMetricsPlugin(metrics, logger),
      // maskError's line about an unexpected error names its request's trace.
      errorTracePlugin(),
    ],
  });
  await server.start();
  const publicKey = await importCallerAssertionKey(config.callerAssertionPublicKey);
  const replayGuard = await createReplayGuard({ redisUrl: config.redisUrl, keyPrefix: config.redisKeyPrefix, subgraph: definition.name });
  // The verified assertion of each admitted request, for its context; gone with the request.
  const callers = new WeakMap<GraphqlRequest, VerifiedAssertion>();
  // Over the one-process graph's channel only the gateway's thread sends, and its documents are its query
  // planner's: their hash goes on from a state kept per document, as in the gateway (about 4 of 5 µs per call).
  const channelOperationHash = documentRememberingOperationHash(500);
  const graphql = graphqlEndpoint(server, {
    admit: (request, body, trace) => admitCaller(request, body, trace, { audience: definition.name, publicKey, replayGuard, callers, logger, channelOperationHash }),
    service: definition.name,
    logger,
    metrics,
    stringifyResult: resultBody,
    // A validated document's operation through Apollo's pipeline redone without its per-call costs (operation-pipeline.ts).
    compiled,
    context: async (request, trace) => {
      const verified = callers.get(request);
      // admitCaller lets no GraphQL request through without a verified assertion; this is a second lock.
      if (!verified) throw new Error('request without a verified caller assertion');
      const headers = {
        get(name: string) {
          return headerValue(request.headers[name]);
        },
      };
      const { claims } = verified;
      const ids = { traceId: claims.traceId, verzoekId: claims.verzoekId, spanId: trace.spanId };
      // Each request gets its deadline: no statement of it starts later (issue 11, item 2).
      const requestDb = withDeadline(db, Date.now() + config.requestTimeoutMs, config.requestTimeoutMs);
      const context = createRequestContext(requestDb, definition.createLoaders, headers, principalFromClaims(claims, verified.intern), config.disclosureKey, ids, config.demo.pseudonymSecret);
      // Over the channel the gateway waits for the Logboek write itself (SubgraphContext.vastleggingAchteraf).
      if (request.channelAssertionKey) context.vastleggingAchteraf = (vastlegging) => (request.vastlegging = vastlegging);
      return context;
    },
    routes: {
      '/health': async (_request, response) => {
        try {
          await db.query('SELECT 1');
          sendJson(response, 200, { status: 'ok', subgraph: definition.name });
        } catch {
          sendJson(response, 503, { status: 'database unavailable', subgraph: definition.name });
        }
      },
    },
  });
  httpServer.on('request', graphql.listener);
  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const { port } = httpServer.address() as AddressInfo;
  registerDatabaseMetrics(metrics.registry, db);
  let metricsServer: MetricsServer | undefined;
  if (config.metricsPort !== null) metricsServer = await startMetricsServer(metrics.registry, { host: config.host, port: config.metricsPort, logger });
  return {
    name: definition.name,
    url: `http://${config.host}:${port}/graphql`,
    port,
    db,
    metricsUrl: metricsServer?.url,
    answerPost: graphql.answerPost,
    stop: async () => {
      await server.stop();
      await replayGuard.close();
      await metricsServer?.close();
      await db.close();
    },
  };
}

const NOT_ADMITTED = 'Geen geldige verklaring van de gateway voor deze aanvraag: deze subgraph antwoordt alleen via de gateway.';

/**
 * Lets a GraphQL request through only with an assertion the gateway signed for this subgraph, for
 * exactly the document and variables in the body, used for the first time (only the gateway holds
 * the private key, so nothing reaches resident data around it); `/health` stays open. Anything
 * else gets HTTP 401 before any GraphQL runs; HTTP 503 when the replay check cannot be made.
 * A call over the one-process graph's channel is checked with the channel's key instead (HS256, and
 * only that: an ES256 assertion there is refused, as an HS256 one over HTTP is): one key per transport.
 */
async function admitCaller(
  request: GraphqlRequest,
  body: unknown,
  trace: TraceIds,
  options: {
    audience: string;
    publicKey: CallerAssertionKey;
    replayGuard: ReplayGuard;
    callers: WeakMap<GraphqlRequest, VerifiedAssertion>;
    logger: Logger;
    /** `operationHash` for calls over the channel (whose sender is the gateway's thread). */
    channelOperationHash: typeof operationHash;
  },
): Promise<Refusal | undefined> {
  const refused: Refusal = { status: 401, message: NOT_ADMITTED, code: 'UNAUTHENTICATED' };
  // The gateway sends every operation as a JSON POST; the binding is computed from that body.
  if (request.method !== 'POST' || typeof body !== 'object' || body === null || Array.isArray(body)) return refused;
  const { query, variables } = body as { query?: unknown; variables?: unknown };
  if (typeof query !== 'string') return refused;
  const check = await verifyCallerAssertion(headerValue(request.headers[CALLER_ASSERTION_HEADER]), request.channelAssertionKey ?? options.publicKey, {
    audience: options.audience,
    operation: (request.channelAssertionKey ? options.channelOperationHash : operationHash)(query, variables),
  });
  if (!check.ok) return refused;
  try {
    if (!(await options.replayGuard.firstUse(check.jti, check.expiresAt))) return refused;
  } catch (error) {
    options.logger.error({ err: error, ...traceFields(trace) }, 'replay check of the caller assertion failed; request refused');
    return { status: 503, message: 'De verklaring van de gateway kan nu niet worden gecontroleerd; probeer het zo opnieuw.', code: 'SERVICE_UNAVAILABLE' };
  }
  options.callers.set(request, check);
  return undefined;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The entry point of a subgraph process (`subgraphs/<name>/src/index.ts`): reads its
 * configuration from the environment, starts it, and stops it gracefully on SIGTERM or SIGINT
 * (requests in flight finish first).
 */
export async function runSubgraph<L>(definition: SubgraphDefinition<L>): Promise<RunningSubgraph> {
  const telemetry = startTelemetry({ serviceName: definition.name });
  const logger = createLogger(definition.name);
  try {
    const running = await startSubgraph(definition, readSubgraphConfig(definition.name, definition.defaultPort));
    logger.info({ url: running.url, metrics: running.metricsUrl ?? 'off', tracing: telemetry.recording ? 'otlp' : 'off' }, 'subgraph listening');
    stopOnSignals(logger, async () => {
      await running.stop();
      await telemetry.shutdown();
    });
    return running;
  } catch (error) {
    logger.fatal({ err: error }, 'subgraph could not start');
    process.exit(1);
  }
}
