import { readFile } from 'node:fs/promises';
import { createServer, type RequestListener } from 'node:http';
import type { MessagePort } from 'node:worker_threads';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import type { QueryPlan } from '@apollo/query-planner';
import { Agent } from 'undici';
import { type ChannelAssertionKey, createLogger, errorTracePlugin, graphqlRequestListener, importCallerAssertionKey, maskError, type MetricsServer, type RouteHandler, sendJson, startMetricsServer, startTelemetry, traceFields } from '@sociaal-graph/toolkit/gateway';
import { type AuthenticatedCaller, createAuthenticate } from './auth/authenticate.js';
import type { Caller } from './auth/caller.js';
import { createArrangementSource } from './auth/arrangement-source.js';
import { createMandateCache } from './auth/mandate-cache.js';
import { subscribeMandateInvalidations } from './auth/mandate-invalidation.js';
import { planInternalFields } from './auth/plan-internal-fields.js';
import { createTokenVerifier } from './auth/token-verifier.js';
import { createGatewayCache, type GatewayCache } from './cache/create-cache.js';
import { createManifestStore, registerManifestsIn } from './cache/manifest-store.js';
import type { GatewayConfig } from './config.js';
import { createGatewayContext, type GatewayContext } from './context.js';
import { countingQueryPlanCache, createGatewayMetrics, type GatewayMetrics } from './metrics.js';
import { devTokenOptions, GRAPHIQL_ASSET_PREFIX, graphiqlAssetRoute } from './plugins/graphiql.js';
import { metVastlegging } from './logboek-vastlegging.js';
import { createPlugins, createValidationRules, resultSerialiser } from './plugins/index.js';
import { readinessRoute } from './readiness.js';
import { useLeanResultShaping } from './result-shaping.js';
import { createSharedAnswers } from './answer-sharing.js';
import { createSubgraphChannel } from './channel-fetcher.js';
import { createKeepAliveFetcher } from './keep-alive-fetcher.js';
import { SubgraphDataSource } from './subgraph-data-source.js';
import { watchedSupergraph } from './supergraph-watch.js';

/** A gateway listening on its port. */
export interface RunningGateway {
  /** `http://host:port/graphql`. */
  readonly url: string;
  readonly port: number;
  /** Resolves once the supergraph is loaded and `/graphql` serves; rejects if loading failed. */
  readonly ready: Promise<void>;
  /** Lets requests in flight finish, then closes the listener, subgraph connections and cache. */
  stop(): Promise<void>;
  /** The cache Apollo Server shares across requests (APQ), so that tests can read what it keeps. */
  readonly cache: GatewayCache;
  /** Forgets one organisation's arrangements (every organisation's without `org`) in this gateway. */
  invalidateMandates(org?: string): void;
  /** With Redis: resolves once this gateway listens for invalidations of mandates. */
  readonly mandateInvalidations?: Promise<void>;
  /** The Prometheus metrics of this gateway. */
  readonly metrics: GatewayMetrics;
  /** `http://host:port/metrics`, or undefined when `metricsPort` is null. */
  readonly metricsUrl?: string;
}

export interface CreateGatewayOptions {
  /**
   * Resolve only once the supergraph is loaded. Default true. With false the promise resolves
   * as soon as the port listens (`/health` answers 503) and `ready` tells when it serves.
   */
  waitUntilReady?: boolean;
  /** How often the supergraph file is also polled for changes, in ms. Default 1000 (tests: shorter). */
  supergraphPollIntervalMs?: number;
  /**
   * The one-process graph (scripts/graph-in-one-process.ts): the port to the thread that runs these
   * subgraphs, over which their calls go instead of HTTP (toolkit subgraph-channel.ts). Their URLs still
   * serve readiness and the mandates. Other subgraphs are called over HTTP. `assertionKey`: the channel's
   * key (`serveSubgraphCalls`), with which the assertions of these calls are MACed instead of signed.
   */
  subgraphChannel?: { port: MessagePort; subgraphs: readonly string[]; assertionKey: ChannelAssertionKey };
}

/**
 * Starts the gateway. It listens at once (`/health` 503, GraphiQL files served), then reads
 * the supergraph file, builds the query planner and starts Apollo Server; from then on
 * `/health` answers 200 and `/graphql` serves. Subgraphs are called at the routing URLs of the
 * supergraph unless `config.subgraphUrls` names another.
 */
export async function createGatewayServer(config: GatewayConfig, options: CreateGatewayOptions = {}): Promise<RunningGateway> {
  const { waitUntilReady = true, supergraphPollIntervalMs, subgraphChannel } = options;
  // Tracing as the environment says (an entry point that set it up first keeps its own); with it off,
  // the listener gives each request its trace ids (Logboek, traceresponse) without a tracer.
  startTelemetry({ serviceName: 'gateway' });
  const logger = createLogger('gateway');
  const metrics = createGatewayMetrics();
  const httpServer = createServer();
  const assets = graphiqlAssetRoute(devTokenOptions(config));
  let serving: RequestListener = startingListener(assets);
  httpServer.on('request', (request, response) => serving(request, response));
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  let metricsServer: MetricsServer | undefined;
  if (config.metricsPort !== null) {
    try {
      metricsServer = await startMetricsServer(metrics.registry, { host: config.host, port: config.metricsPort, logger });
    } catch (error) {
      httpServer.close();
      throw error;
    }
  }

  // One keep-alive pool per subgraph origin, shared by every request (docs/architecture.md "Performance").
  // Idle connections are closed after 4 s, whatever the subgraph's Keep-Alive header offers
  // (undici would otherwise take its timeout less 2 s): the subgraph keeps them 65 s
  // (SUBGRAPH_KEEP_ALIVE_MS), so the gateway closes first and never sends on a connection the
  // subgraph has just closed, even when its event loop was busy for seconds.
  const dispatcher = new Agent({ keepAliveTimeout: 4_000, keepAliveMaxTimeout: 4_000 });
  const overHttp = createKeepAliveFetcher(dispatcher);
  const channel = subgraphChannel && createSubgraphChannel(subgraphChannel.port);
  const cache = createGatewayCache(config);
  const manifests = createManifestStore(config);
  let server: ApolloServer<GatewayContext> | undefined;
  let stopped = false;
  // Filled by buildService: the mandates are fetched from the gemeenten subgraph the gateway routes to.
  const serviceUrls = new Map<string, string>();
  const callerAssertionKey = await importCallerAssertionKey(config.callerAssertionPrivateKey);
  const mandates = createMandateCache({
    fetch: createArrangementSource({
      gemeentenUrl: () => serviceUrls.get('gemeenten'),
      callerAssertionKey,
      timeoutMs: config.subgraphTimeoutMs,
    }),
    freshMs: config.mandateCacheSeconds * 1000,
    staleMs: config.mandateStaleSeconds * 1000,
  });
  // With Redis every replica hears an operator's `npm run mandaten -- --vernieuw` at once.
  const invalidations = config.redisUrl
    ? subscribeMandateInvalidations({ redisUrl: config.redisUrl, keyPrefix: config.redisKeyPrefix, invalidate: mandates.invalidate })
    : undefined;
  const authenticate = createAuthenticate(createTokenVerifier(config.auth, config.dataDir), mandates.arrangementsOf, config.actorPseudonymSecret);

  // Identical requests of callers with the same rights in flight get one answer (issue 14).
  const sharedAnswers = createSharedAnswers(metrics);

  const ready = (async () => {
    const supergraphSdl = await readFile(config.supergraphPath, 'utf8');
    // The assertion of each fetch names the @inaccessible fields the planner put into it.
    const internFields = planInternalFields(supergraphSdl);
    // The repository's client manifests, before the first request (issue 13).
    await registerManifestsIn(config.trustedDocumentsDir, manifests);
    // @apollo/gateway reports usage to an outside host unless this is set; nothing may leave
    // loopback (docs/architecture.md "Known pitfalls"). It is read in the ApolloGateway constructor.
    process.env.APOLLO_TELEMETRY_DISABLED = '1';
    // The default plan store, with its hits and misses counted; kept warm across restarts with Redis.
    const planCache = countingQueryPlanCache<QueryPlan>(metrics);
    // The gateway's own result shaping in the place of @apollo/gateway's (gateway/src/result-shaping.ts).
    useLeanResultShaping();
    const gateway = new ApolloGateway({
      // Reloaded when the file changes; one that does not load is refused and the old one stays.
      // The gateway refuses `for: SECURITY` links; the authorization plugin enforces them.
      supergraphSdl: watchedSupergraph({ path: config.supergraphPath, initial: supergraphSdl, logger, metrics, pollIntervalMs: supergraphPollIntervalMs }),
      // Validate every supergraph, also under NODE_ENV=production (its default there is off).
      validateSupergraph: true,
      buildService: ({ name, url }) => {
        const subgraphUrl = config.subgraphUrls[name] ?? url;
        if (!subgraphUrl) throw new Error(`subgraph ${name} has no routing URL in the supergraph; set ${name.toUpperCase()}_URL`);
        serviceUrls.set(name, subgraphUrl);
        const onChannel = channel && subgraphChannel.subgraphs.includes(name);
        return new SubgraphDataSource({
          name,
          url: subgraphUrl,
          transport: onChannel ? channel.fetcherFor(name) : overHttp,
          timeoutMs: config.subgraphTimeoutMs,
          callerAssertionKey: onChannel ? subgraphChannel.assertionKey : callerAssertionKey,
          internFields,
          metrics,
        });
      },
      queryPlannerConfig: { cache: planCache },
    });
    server = new ApolloServer<GatewayContext>({
      // Its results wait for the subgraphs' Logboek writes still on their way (over the channel).
      gateway: metVastlegging(gateway, (message, error, context) => logger.error({ err: error, ...traceFields(context) }, message)),
      csrfPrevention: true,
      introspection: config.introspection,
      hideSchemaDetailsFromClientErrors: !config.introspection,
      includeStacktraceInErrorResponses: false,
      formatError: (formatted, error) => maskError(formatted, undefined, error),
      cache,
      persistedQueries: { ttl: config.apqTtlSeconds },
      // main.ts owns SIGINT/SIGTERM; a server built inside a test or another program must not.
      stopOnTerminationSignals: false,
      plugins: [errorTracePlugin(), ...createPlugins(config, { httpServer, supergraphSdl, metrics, logger, manifests, sharedAnswers, queryPlans: { gateway, planCache } })],
      validationRules: [...createValidationRules()],
      stringifyResult: resultSerialiser,
    });
    await server.start();
    metrics.supergraphLoads.inc({ result: 'loaded' });
    if (stopped) return void (await server.stop());
    serving = graphqlRequestListener(server, {
      service: 'gateway',
      logger,
      metrics,
      // Authentication runs here, before any GraphQL: a refused token is one HTTP 401 (AS5 takes
      // the status of a GraphQLError thrown by the context function).
      context: async (request, ids) => {
        const trace = createGatewayContext(request, undefined, ids);
        const { caller, client } = callerAndClient(await authenticate(headerValue(request.headers.authorization), trace.traceId));
        return { ...trace, caller, ...(client ? { client } : {}), personalReads: { gelezen: new Set<string>() } };
      },
      routes: {
        // Liveness: the process serves. Readiness (each subgraph's state) is /ready.
        '/health': (_request, response) => sendJson(response, 200, { status: 'ok' }),
        '/ready': readinessRoute({ subgraphUrls: () => serviceUrls, supergraph: { path: config.supergraphPath, sdl: supergraphSdl } }),
      },
      prefixRoutes: { [GRAPHIQL_ASSET_PREFIX]: assets },
      maxBodyBytes: config.maxBodyBytes,
      share: sharedAnswers.share,
    });
  })();

  const stop = async (): Promise<void> => {
    stopped = true;
    // Without a started Apollo Server there is no drain plugin to close the listener.
    if (server) await server.stop().catch(() => undefined);
    if (httpServer.listening) {
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    }
    await dispatcher.close();
    channel?.close();
    await cache.close();
    await invalidations?.close();
    await manifests.close();
    await metricsServer?.close();
  };

  if (waitUntilReady) {
    try {
      await ready;
    } catch (error) {
      await stop();
      throw error;
    }
  } else {
    ready.catch((error: unknown) => logger.error({ err: error }, 'the supergraph could not be loaded'));
  }
  return {
    url: `http://${config.host}:${port}/graphql`,
    port,
    ready,
    stop,
    cache,
    metrics,
    metricsUrl: metricsServer?.url,
    invalidateMandates: mandates.invalidate,
    mandateInvalidations: invalidations?.subscribed,
  };
}

/**
 * The caller without its client, once per authenticated caller (`createAuthenticate` hands back the
 * same one while nothing changed), so that what is derived from it (its rights key) is derived once.
 */
const withoutClient = new WeakMap<AuthenticatedCaller, { readonly caller: Caller; readonly client?: string }>();

function callerAndClient(authenticated: AuthenticatedCaller): { readonly caller: Caller; readonly client?: string } {
  let split = withoutClient.get(authenticated);
  if (!split) {
    const { client, ...caller } = authenticated;
    withoutClient.set(authenticated, (split = { caller, client }));
  }
  return split;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Answers while the supergraph loads: GraphiQL files are served, everything else is 503. */
function startingListener(assets: RouteHandler): RequestListener {
  return (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith(GRAPHIQL_ASSET_PREFIX)) {
      void Promise.resolve(assets(request, response)).catch(() => response.destroy());
      return;
    }
    // Drain the body so that the client reads the answer instead of a reset.
    request.resume();
    sendJson(response, 503, {
      status: 'starting',
      errors: [{ message: 'De gateway start nog; probeer het zo opnieuw.', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
    });
  };
}
