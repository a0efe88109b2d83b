import { InMemoryLRUCache, type KeyValueCache, type KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import { createGraphqlMetrics, type GraphqlMetrics, LATENCY_BUCKETS } from '@sociaal-graph/toolkit/gateway';
import { Counter, Histogram } from 'prom-client';

/**
 * The gateway's Prometheus registry and every metric in it, in one place (served on
 * `METRICS_PORT`, see README "Operating it"). Besides the request metrics every server has
 * (`createGraphqlMetrics`): subgraph calls, cache lookups, refused limits, operation cost and
 * supergraph loads. A plugin that counts something gets this object through `PluginRuntime`.
 */
export interface GatewayMetrics extends GraphqlMetrics {
  /** One call to a subgraph: its time and outcome (`ok`, `http_error`, `timeout`, `unreachable`). */
  readonly subgraphDuration: Histogram<'subgraph' | 'outcome'>;
  /** Cache lookups: `cache` is `apq`, `document` (parsed and validated operations) or `query_plan`; `result` `hit` or `miss`. */
  readonly cacheLookups: Counter<'cache' | 'result'>;
  /** Operations refused by a limit, by the refusal's `extensions.code` (see `LIMIT_ERROR_CODES`). */
  readonly limitsRefused: Counter<'limit'>;
  /** Cost of operations: `kind` `estimated` (before execution) or `actual` (measured after). */
  readonly operationCost: Histogram<'kind'>;
  /** Supergraph loads and reloads by result (`loaded`, `refused`). */
  readonly supergraphLoads: Counter<'result'>;
  /**
   * In-flight deduplication (`inflightDeduplicationPlugin`): `executed` a query that others could
   * join, `joined` one waited for such an execution, then `shared` got its result or `not_shared`
   * executed itself (the result had errors or logged reads). The same for whole answers
   * (`createSharedAnswers`, a byte-identical request): `answer_joined`, then `answer_shared` or
   * `answer_not_shared`.
   */
  readonly inflightDeduplication: Counter<'stage'>;
  /**
   * Operations planned again at start from the list in Redis (`queryPlanWarmingPlugin`), by
   * `result`: `planned`, or `refused` (no longer valid, or not an entry this gateway writes).
   */
  readonly queryPlansWarmed: Counter<'result'>;
}

/**
 * Error codes that mean "refused by a limit": a response carrying one counts once in
 * `sociaal_graph_gateway_limits_refused_total{limit=<code>}` (plugins/metrics.ts). A new limit
 * adds its code here.
 */
export const LIMIT_ERROR_CODES: ReadonlySet<string> = new Set(['QUERY_TOO_DEEP', 'TOO_MANY_ALIASES', 'TOO_MANY_ROOT_FIELDS', 'QUERY_TOO_COSTLY', 'RATE_LIMITED', 'OVERLOADED', 'RESPONSE_TOO_LARGE', 'DISCLOSURE_BUDGET_EXCEEDED']);

export function createGatewayMetrics(): GatewayMetrics {
  const base = createGraphqlMetrics('gateway');
  const registers = [base.registry];
  return {
    ...base,
    subgraphDuration: new Histogram({
      name: 'sociaal_graph_gateway_subgraph_request_duration_seconds',
      help: 'Time of one call from the gateway to a subgraph, by subgraph and outcome',
      labelNames: ['subgraph', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    cacheLookups: new Counter({
      name: 'sociaal_graph_gateway_cache_lookups_total',
      help: 'Lookups in the gateway caches (apq, document, query_plan) by result (hit, miss)',
      labelNames: ['cache', 'result'],
      registers,
    }),
    limitsRefused: new Counter({
      name: 'sociaal_graph_gateway_limits_refused_total',
      help: 'Operations refused by a limit, by the error code of the refusal',
      labelNames: ['limit'],
      registers,
    }),
    operationCost: new Histogram({
      name: 'sociaal_graph_gateway_operation_cost',
      help: 'Cost of operations: estimated before execution, actual after',
      labelNames: ['kind'],
      buckets: [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000],
      registers,
    }),
    supergraphLoads: new Counter({
      name: 'sociaal_graph_gateway_supergraph_loads_total',
      help: 'Supergraph loads and reloads by result (loaded, refused)',
      labelNames: ['result'],
      registers,
    }),
    inflightDeduplication: new Counter({
      name: 'sociaal_graph_gateway_inflight_deduplication_total',
      help: 'Queries deduplicated in flight by stage (executed, joined, shared, not_shared; whole answers: answer_joined, answer_shared, answer_not_shared)',
      labelNames: ['stage'],
      registers,
    }),
    queryPlansWarmed: new Counter({
      name: 'sociaal_graph_gateway_query_plans_warmed_total',
      help: 'Operations planned at start from the operations kept in Redis for this supergraph, by result (planned, refused)',
      labelNames: ['result'],
      registers,
    }),
  };
}

/** The query planner's default store size (@apollo/gateway: 30 MiB). */
const QUERY_PLAN_CACHE_BYTES = 30 * 2 ** 20;

/**
 * The query-plan cache of @apollo/gateway (its default: an LRU of about 30 MiB, sized by the
 * JSON length of a plan) with its hits and misses counted; the gateway has no other way to say
 * whether a plan came from its cache.
 */
export function countingQueryPlanCache<V extends object>(metrics: Pick<GatewayMetrics, 'cacheLookups'>): KeyValueCache<V> & { clear(): void } {
  const store = new InMemoryLRUCache<V>({
    maxSize: QUERY_PLAN_CACHE_BYTES,
    sizeCalculation: (value) => JSON.stringify(value)?.length ?? 1,
  });
  return {
    async get(key: string) {
      const value = await store.get(key);
      metrics.cacheLookups.inc({ cache: 'query_plan', result: value === undefined ? 'miss' : 'hit' });
      return value;
    },
    set: (key: string, value: V, options?: KeyValueCacheSetOptions) => store.set(key, value, options),
    delete: (key: string) => store.delete(key),
    // @apollo/gateway empties its plan store when the supergraph changes.
    clear: () => store.clear(),
  };
}
