import { createHash } from 'node:crypto';
import type { ApolloGateway } from '@apollo/gateway';
import type { ApolloServerPlugin } from '@apollo/server';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { operationFromDocument } from '@apollo/federation-internals';
import type { QueryPlan } from '@apollo/query-planner';
import { createRequire } from 'node:module';
import { BREAK, type DocumentNode, type GraphQLSchema, Kind, print, type ValidationRule, visit } from 'graphql';
import { Redis } from 'ioredis';
import type { Logger } from '@sociaal-graph/toolkit/gateway';
import type { GatewayContext } from '../context.js';
import type { GatewayMetrics } from '../metrics.js';

// The schema comes from @apollo/gateway, built with graphql's CommonJS build (what Node loads for
// `graphql`); validate() refuses a schema of another build, and vite gives tests the ES build.
const { parse, specifiedRules, validate } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

/** What comes after `REDIS_KEY_PREFIX`: one Redis hash per supergraph, `queryplannen:<sha256 of the supergraph>`. */
export const PLANNED_OPERATIONS_KEY_PREFIX = 'queryplannen:';

/** The longest operation text kept (a text is sent at most `MAX_BODY_BYTES`; a plan cache entry needs no more). */
const MAX_TEXT_LENGTH = 64 * 1024;

/** One operation the gateway planned: what a caller could send again, never its variables. */
export interface PlannedOperation {
  /** The operation text as planned (after the authorization filter, when it took fields out). */
  readonly tekst: string;
  /** The `operationName` the request carried; null when it carried none. */
  readonly operationName: string | null;
}

export interface QueryPlanWarmingOptions {
  /** The gateway whose planner plans and whose plan store (`planCache`) keeps the plans. */
  readonly gateway: Pick<ApolloGateway, '__testing'>;
  /** The `queryPlannerConfig.cache` given to that gateway. */
  readonly planCache: KeyValueCache<QueryPlan>;
  readonly redisUrl: string;
  readonly redisKeyPrefix: string;
  /** `QUERY_PLAN_WARM_MAX`: operations kept per supergraph. */
  readonly maxOperations: number;
  /** `QUERY_PLAN_WARM_TTL_SECONDS`. */
  readonly ttlSeconds: number;
  /** The gateway's validation rules beside graphql-js's own (the BSN rule): a kept text passes them again. */
  readonly validationRules: readonly ValidationRule[];
  readonly metrics: Pick<GatewayMetrics, 'queryPlansWarmed'>;
  readonly logger: Logger;
}

/**
 * Query plans kept warm across restarts (issue 14, item 2). @apollo/gateway keeps its plans in
 * process (`countingQueryPlanCache`); a restarted gateway would plan every operation again while
 * its first callers wait. So the gateway notes in Redis which operations it planned, per
 * supergraph, and at its next start, after the supergraph is loaded and before `/health` says
 * ready, plans them again into its plan store.
 *
 * The plans themselves are not put in Redis, although `queryPlannerConfig.cache` would allow it:
 * a plan read back is executed as it is, without parsing, validation or the authorization filter,
 * so whoever can write to Redis could make the gateway send any operation to a subgraph. An
 * operation text read back is parsed, validated (with the BSN rule) and planned as a request's
 * would be, and planned under the key of its own text, so a changed entry can at most plan
 * another valid operation; nothing is executed.
 *
 * What is kept, and why that is acceptable: the operation text and operationName, as APQ keeps
 * texts already (README "Caches, limits, GraphiQL"), and no variables. Only texts without a string
 * literal and without a comment (no `"` value, no `#`), so no name, address or note a caller
 * wrote into the text is stored (nine digits were refused in validation already); an operation
 * with one is still planned and cached in process, just not kept. Only operations that were
 * executed, so they passed validation, the limits and the authorization filter. At most
 * `maxOperations` per supergraph, for `ttlSeconds` after the last new one, under the supergraph's
 * SHA-256, so a new supergraph starts from its own list and never replays another's.
 *
 * Without Redis the plans live as long as the process does; there is nothing to keep warm, and
 * the plugin is not installed.
 */
export function queryPlanWarmingPlugin(options: QueryPlanWarmingOptions): ApolloServerPlugin<GatewayContext> {
  const store = plannedOperationStore(options);
  // The plan keys this process has noted (or found not to be kept) for the current supergraph.
  const noted = new Set<string>();
  let supergraph: string | undefined;
  let warned = false;
  const warnOnce = (error: unknown, message: string) => {
    if (warned) return;
    warned = true;
    options.logger.warn({ err: error, cache: 'redis' }, message);
  };

  // Set once Redis answers that the supergraph's list is full: no more writes until the next supergraph.
  let full = false;
  const note = (key: string, operation: PlannedOperation) => {
    if (!supergraph) return;
    noted.add(key);
    store
      .add(supergraph, key, operation)
      .then((added) => {
        if (added === 'full') full = true;
      })
      .catch((error: unknown) => warnOnce(error, 'Redis unavailable: planned operations are not kept for the next start'));
  };

  return {
    async serverWillStart({ schema }) {
      // Apollo Server has loaded the gateway by now (schemaManager.start() comes first).
      const { supergraphSdl, queryPlanner } = options.gateway.__testing();
      if (supergraphSdl && queryPlanner) {
        supergraph = sha256(supergraphSdl);
        const kept = await store.list(supergraph, options.maxOperations).catch((error: unknown) => {
          warnOnce(error, 'Redis unavailable: the gateway starts without the planned operations it kept');
          return [];
        });
        for (const operation of kept) {
          const key = await plan(operation, schema, queryPlanner);
          if (key === undefined) {
            options.metrics.queryPlansWarmed.inc({ result: 'refused' });
            continue;
          }
          noted.add(key);
          options.metrics.queryPlansWarmed.inc({ result: 'planned' });
        }
        if (kept.length > 0) options.logger.info({ supergraph, planned: noted.size, kept: kept.length }, 'query plans warmed from Redis');
      }
      return {
        schemaDidLoadOrUpdate({ coreSupergraphSdl }) {
          if (coreSupergraphSdl === undefined) return;
          const next = sha256(coreSupergraphSdl);
          if (next === supergraph) return;
          // @apollo/gateway emptied its plan store: the new supergraph's list starts afresh.
          supergraph = next;
          noted.clear();
          full = false;
        },
        async serverWillStop() {
          await store.close();
        },
      };
    },
    async requestDidStart() {
      return {
        async executionDidStart({ request, queryHash, source, document, operation }) {
          if (!operation || operation.operation === 'subscription') return;
          // Bounded in process too: the keys not kept (a string literal) are remembered as well.
          if (full || noted.size >= 2 * options.maxOperations) return;
          const key = planKey(queryHash, request.operationName);
          if (noted.has(key)) return;
          return {
            async executionDidEnd(error) {
              if (error || noted.has(key)) return;
              // The executor planned `document` under `queryHash`: the text sent, or the text of
              // the document the authorization filter left (its queryHash is of that text).
              const tekst = sha256(source) === queryHash ? source : print(document);
              if (!keepable(tekst, document)) {
                noted.add(key);
                return;
              }
              note(key, { tekst, operationName: request.operationName ?? null });
            },
          };
        },
      };
    },
  };

  /** Plans one kept operation into the plan store; its plan key, or undefined when it is refused. */
  async function plan(operation: PlannedOperation, schema: GraphQLSchema, queryPlanner: NonNullable<ReturnType<ApolloGateway['__testing']>['queryPlanner']>): Promise<string | undefined> {
    if (typeof operation?.tekst !== 'string' || operation.tekst.length > MAX_TEXT_LENGTH) return undefined;
    const operationName = typeof operation.operationName === 'string' ? operation.operationName : undefined;
    let document: DocumentNode;
    try {
      document = parse(operation.tekst);
    } catch {
      return undefined;
    }
    if (!keepable(operation.tekst, document)) return undefined;
    if (validate(schema, document, [...specifiedRules, ...options.validationRules]).length > 0) return undefined;
    const key = planKey(sha256(operation.tekst), operationName);
    let planned: QueryPlan;
    try {
      // The gateway's own planner and API schema (the one Supergraph it plans with), so no second
      // copy of the supergraph is built. The planner's safety limits stay on even where an operator
      // switched them off for requests: at worst such an operation is not planned ahead.
      planned = queryPlanner.buildQueryPlan(operationFromDocument(queryPlanner.supergraph.apiSchema(), document, { operationName }));
    } catch {
      return undefined;
    }
    await options.planCache.set(key, planned);
    return key;
  }
}

/**
 * The key @apollo/gateway stores a plan under (its executor, 2.14): the queryHash, with the
 * request's operationName hashed in when it sent one.
 */
export function planKey(queryHash: string, operationName: string | null | undefined): string {
  return operationName ? createHash('sha256').update(queryHash).update(operationName).digest('hex') : queryHash;
}

/** A text the gateway may keep: no string literal (values, defaults, directive arguments) and no comment. */
export function keepable(tekst: string, document: DocumentNode): boolean {
  // Outside a string a `#` starts a comment; strings are refused below, so any `#` is a comment.
  if (tekst.includes('#')) return false;
  let literal = false;
  visit(document, {
    StringValue() {
      literal = true;
      return BREAK;
    },
  });
  return !literal && document.definitions.every((definition) => definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION);
}

interface PlannedOperationStore {
  /** Adds one operation to the supergraph's list, unless it is full; renews the list's lifetime. */
  add(supergraph: string, key: string, operation: PlannedOperation): Promise<'added' | 'present' | 'full'>;
  /** At most `max` operations of the supergraph's list. */
  list(supergraph: string, max: number): Promise<PlannedOperation[]>;
  close(): Promise<void>;
}

// Atomic, so replicas together never exceed the bound: add the field unless present or the list is full.
const ADD_SCRIPT = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 0 end
if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[3]) then return -1 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1`;

function plannedOperationStore(options: Pick<QueryPlanWarmingOptions, 'redisUrl' | 'redisKeyPrefix' | 'maxOperations' | 'ttlSeconds'>): PlannedOperationStore {
  const redis = new Redis(options.redisUrl, {
    keyPrefix: `${options.redisKeyPrefix}${PLANNED_OPERATIONS_KEY_PREFIX}`,
    // Queued until connected, so the read at start waits for the connection (at most connectTimeout).
    enableOfflineQueue: true,
    maxRetriesPerRequest: 0,
    commandTimeout: 1_000,
    connectTimeout: 1_000,
    retryStrategy: (attempt) => Math.min(attempt * 250, 5_000),
  });
  // Failures surface in the commands' promises (logged once by the plugin).
  redis.on('error', () => undefined);
  const ttlMs = options.ttlSeconds * 1000;
  return {
    async add(supergraph, key, operation) {
      const result = await redis.eval(ADD_SCRIPT, 1, supergraph, key, JSON.stringify(operation), options.maxOperations, ttlMs);
      return result === 1 ? 'added' : result === 0 ? 'present' : 'full';
    },
    async list(supergraph, max) {
      const operations: PlannedOperation[] = [];
      let cursor = '0';
      do {
        const [next, fields] = await redis.hscan(supergraph, cursor, 'COUNT', 200);
        cursor = next;
        for (let i = 1; i < fields.length && operations.length < max; i += 2) {
          try {
            operations.push(JSON.parse(fields[i]!) as PlannedOperation);
          } catch {
            // Not an entry this gateway wrote: planned as nothing (refused).
            operations.push({ tekst: '', operationName: null });
          }
        }
      } while (cursor !== '0' && operations.length < max);
      return operations;
    },
    async close() {
      // QUIT waits for the notes already sent; without a connection there is nothing to wait for.
      if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
      else redis.disconnect();
    },
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
