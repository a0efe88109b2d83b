import type { Server } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GatewayConfig } from '../config.js';
import type { GatewayContext } from '../context.js';
import type { GatewayMetrics } from '../metrics.js';
import type { Logger } from '@sociaal-graph/toolkit/gateway';
import type { ValidationRule } from 'graphql';
import { admissionControlPlugin } from './admission-control.js';
import { authorizationPlugin } from './authorization.js';
import { bsnAsVariableRule } from './bsn-as-variable.js';
import { disclosureBudgetPlugin } from './disclosure-budget.js';
import { graphiqlPlugin } from './graphiql.js';
import { inflightDeduplicationPlugin, stringifyResult } from './inflight-deduplication.js';
import { metricsPlugin } from './metrics.js';
import { costWeightsOf, listSizesOf } from './list-sizes.js';
import { operationCostPlugin } from './operation-cost.js';
import { operationLimitsPlugin } from './operation-limits.js';
import { operationResolutionPlugin } from './operation-resolution.js';
import { personalDataLimitsPlugin } from './personal-data-limits.js';
import { personalDataPostOnlyPlugin } from './personal-data-post-only.js';
import { queryPlanWarmingPlugin, type QueryPlanWarmingOptions } from './query-plan-warming.js';
import { rateLimitPlugin } from './rate-limit.js';
import { subgraphErrorsPlugin } from './subgraph-errors.js';
import { traceResponsePlugin } from './trace-response.js';
import { trustedDocumentsPlugin } from './trusted-documents.js';
import type { ManifestStore } from '../cache/manifest-store.js';
import type { SharedAnswers } from '../answer-sharing.js';

/** What the plugins need besides the configuration: the server they run in. */
export interface PluginRuntime {
  readonly httpServer: Server;
  /** The supergraph SDL as composed, with its authorization directives. */
  readonly supergraphSdl: string;
  /** The clients' persisted-operation manifests. */
  readonly manifests: ManifestStore;
  /** The gateway's Prometheus metrics (`gateway/src/metrics.ts`), for plugins that count. */
  readonly metrics: GatewayMetrics;
  /** The gateway's structured log (pino). */
  readonly logger: Logger;
  /** Answers shared between callers with the same rights (`createSharedAnswers`), which the rate limits count. */
  readonly sharedAnswers?: Pick<SharedAnswers, 'admitWith'>;
  /** The gateway and its plan store, whose plans are kept warm across restarts (with Redis). */
  readonly queryPlans?: Pick<QueryPlanWarmingOptions, 'gateway' | 'planCache'>;
}

/**
 * Every plugin of the gateway, in one list (docs/style.md 3). Apollo runs most hooks of
 * all plugins at once and end callbacks in reverse order (docs/style.md 2), so an entry's position
 * says nothing about when it runs; each comment says why the entry is here.
 */
export function createPlugins(config: GatewayConfig, runtime: PluginRuntime): readonly ApolloServerPlugin<GatewayContext>[] {
  const plugins: (ApolloServerPlugin<GatewayContext> | false)[] = [
    // Analysts explore in GraphiQL (docs/mandates.md "Who uses it"); without introspection it cannot
    // work, and Apollo's own default page would load scripts from Apollo's CDN, so disable it.
    config.introspection ? graphiqlPlugin() : ApolloServerPluginLandingPageDisabled(),
    // A client's token (client_id) gets its manifest's operations by id, and in safelist mode
    // nothing else; requestDidStart is the one hook before Apollo resolves a persisted query.
    trustedDocumentsPlugin({ store: runtime.manifests, safelist: config.safelistClients }),
    // An unknown operationName, or several operations without one, is the client's mistake: HTTP 400
    // with a code, not the gateway's uncoded error (HTTP 500) it would otherwise become.
    operationResolutionPlugin(),
    // Depth, alias, root-field and cost limits in didResolveOperation: an abusive operation is
    // refused before the query planner sends anything to a subgraph (issue 3, item 9).
    operationLimitsPlugin({
      maxDepth: config.maxQueryDepth,
      maxAliases: config.maxAliases,
      maxRootFields: config.maxRootFields,
      maxCost: config.maxQueryCost,
      // The @listSize of every list field, as the subgraphs annotated and composition merged them.
      listSizes: listSizesOf(runtime.supergraphSdl),
      // The @cost weights of the fields whose work is far above one field's (docs/demand-control.md).
      costWeights: costWeightsOf(runtime.supergraphSdl),
    }),
    // After execution: the actual cost against the estimate (extensions.kosten, the cost histogram),
    // and no response larger than MAX_RESPONSE_BYTES leaves (RESPONSE_TOO_LARGE).
    operationCostPlugin({ maxResponseBytes: config.maxResponseBytes, costHistogram: runtime.metrics.operationCost, costWeights: costWeightsOf(runtime.supergraphSdl) }),
    // Requests, cost and concurrency per caller (Redis, or in process): in responseForOperation,
    // after the estimate above, so a refused operation (HTTP 429) reaches no subgraph.
    rateLimitPlugin({
      authenticated: config.rateLimit,
      anonymous: config.anonymousRateLimit,
      redisUrl: config.redisUrl,
      redisKeyPrefix: config.redisKeyPrefix,
      sharedAnswers: runtime.sharedAnswers,
    }),
    // @authenticated, @requiresScopes and @policy of the supergraph, enforced in
    // didResolveOperation: a refused field is taken out of the operation before the query
    // planner runs, so no subgraph is asked for it; it comes back null with an error.
    authorizationPlugin(runtime.supergraphSdl),
    // Personal data never in a URL: an operation with a personal variable is refused over GET
    // (issue 9, item 6), before any subgraph is asked.
    personalDataPostOnlyPlugin(),
    // Bulk reads of personal data are bounded per request and per person per hour (issue 9,
    // item 10): the budget travels in the caller assertion, each subgraph's logboek enforces it.
    personalDataLimitsPlugin({
      perRequest: config.maxResidentsPerRequest,
      perHour: config.maxResidentsPerHour,
      redisUrl: config.redisUrl,
      redisKeyPrefix: config.redisKeyPrefix,
    }),
    // Identical queries of callers with the same verified rights run once while in flight (issue 14).
    // Its responseForOperation must come after the rate limit's and the authorization's: those
    // decide per caller first (Apollo asks plugins in list order until one answers).
    inflightDeduplicationPlugin(runtime.metrics),
    // Costly operations wait their turn, fairly between callers; cheap ones never wait. Also in
    // responseForOperation, which Apollo asks plugin by plugin in this order: after the rate limit's
    // and the authorization's, so a refused operation takes no place in the queue, and after the
    // deduplication's, so only the operation that executes waits, not those that share its result.
    admissionControlPlugin(config.admission),
    // A subgraph refused an aggregate past the caller's daily bound of distinct cells (issue 10, kept
    // in the toolkit's disclosure code over every subgraph): HTTP 429 with Retry-After.
    disclosureBudgetPlugin(),
    // Subgraph errors keep their code but lose stack traces, HTTP details and internal URLs.
    subgraphErrorsPlugin(),
    // The trace id goes back to the client, so the fg can find what one request read.
    traceResponsePlugin(),
    // With Redis: the operations planned are noted per supergraph and planned again at the next start,
    // in serverWillStart, before the gateway says it is ready (issue 14). Without Redis nothing outlives
    // the process, so there is nothing to keep warm.
    Boolean(config.redisUrl && config.queryPlanWarmMax > 0 && runtime.queryPlans) &&
      queryPlanWarmingPlugin({
        ...runtime.queryPlans!,
        redisUrl: config.redisUrl!,
        redisKeyPrefix: config.redisKeyPrefix,
        maxOperations: config.queryPlanWarmMax,
        ttlSeconds: config.queryPlanWarmTtlSeconds,
        validationRules: createValidationRules(),
        metrics: runtime.metrics,
        logger: runtime.logger,
      }),
    // Prometheus: result, error codes and duration per operation, cache hits, refused limits.
    metricsPlugin(runtime.metrics, runtime.logger),
    // stop() lets requests in flight finish before the listener closes (clean SIGTERM).
    ApolloServerPluginDrainHttpServer({ httpServer: runtime.httpServer }),
  ];
  return plugins.filter((plugin): plugin is ApolloServerPlugin<GatewayContext> => plugin !== false);
}

/**
 * How a result becomes the response body (Apollo Server's `stringifyResult`): a result shared by
 * `inflightDeduplicationPlugin` is serialised once for all its callers.
 */
export const resultSerialiser = stringifyResult;

/**
 * Validation rules beside graphql-js's own. They run before Apollo stores an operation's text
 * (APQ, document cache), which no plugin hook does.
 */
export function createValidationRules(): readonly ValidationRule[] {
  return [
    // A BSN only as a variable: the text of an operation is cached, its variables are not.
    bsnAsVariableRule,
  ];
}
