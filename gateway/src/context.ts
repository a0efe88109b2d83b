import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { activeSpanIds, type TraceIds, traceparentOf } from '@sociaal-graph/toolkit/gateway';
import { ANONYMOUS_CALLER, type Caller } from './auth/caller.js';
import type { PersonalReads } from './plugins/personal-data-limits.js';
import type { ResponseBudget } from './response-budget.js';
import type { AnswerSharing } from './answer-sharing.js';

/** What every plugin and every subgraph call of one request sees. */
export interface GatewayContext {
  /** W3C trace id of the request (OpenTelemetry): the caller's when it sent a `traceparent`, else a new one. */
  readonly traceId: string;
  /** W3C span id of the gateway's server span of the request (log lines, `traceFields`). */
  readonly spanId?: string;
  /** Id this gateway generated for the request (32 hex): the audit log's key, which no client chooses. */
  readonly verzoekId: string;
  /** `traceresponse` for the client: the trace id with the gateway's server span id and whether it is recorded. */
  readonly traceresponse: string;
  /** Who asks: established from the bearer token by `Authenticate`; anonymous without one. */
  readonly caller: Caller;
  /** The client application of the token (`client_id`/`azp`), which decides its trusted documents. */
  readonly client?: string;
  /** The residents this request read and its bound (`personalDataLimitsPlugin`); set for every client request. */
  readonly personalReads?: PersonalReads;
  /**
   * The address the request came from (the TCP peer; no forwarding header is trusted). Anonymous
   * callers are limited per address (`rateLimitPlugin`).
   */
  readonly clientAddress: string;
  /**
   * What the operation costs, filled in as the request runs: `estimated` by `operationLimitsPlugin`
   * before execution, `actual` after it by `operationCostPlugin`, which also observes both in
   * `sociaal_graph_gateway_operation_cost` and gives the caller `extensions.kosten`.
   */
  readonly cost: OperationCost;
  /**
   * Whether other callers with the same rights may get this request's whole answer
   * (`createSharedAnswers`, which sets it on a request others wait for); `inflightDeduplicationPlugin`
   * decides. An object: Apollo Server copies the context, not what it refers to.
   */
  sharing?: AnswerSharing;
}

/** The estimated and measured cost of one operation (issue 11, item 1). */
export interface OperationCost {
  estimated?: number;
  actual?: number;
  /** Bytes of subgraph answers received against MAX_RESPONSE_BYTES, counted as they arrive (`operationCostPlugin`). */
  responseBudget?: ResponseBudget;
}

/**
 * Builds the context of one request with the ids of its server span (toolkit http.ts: the caller's
 * trace from its `traceparent`, or a new one; recorded or not). Without them (a test calling it
 * directly) the active span's, else ids of its own.
 */
export function createGatewayContext(
  request: { socket?: Pick<IncomingMessage['socket'], 'remoteAddress'> } = {},
  caller: Caller = ANONYMOUS_CALLER,
  trace?: TraceIds,
): GatewayContext {
  const ids = trace ?? activeSpanIds() ?? { traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex'), sampled: false };
  const clientAddress = request.socket?.remoteAddress ?? 'onbekend';
  return {
    traceId: ids.traceId,
    spanId: ids.spanId,
    // A random UUID without its dashes: 32 hex, 122 random bits. Node draws those from a pool of
    // random bytes it keeps, where randomBytes asks OpenSSL on every request (2 % of the gateway's CPU).
    verzoekId: randomUUID().replaceAll('-', ''),
    traceresponse: traceparentOf(ids),
    caller,
    clientAddress,
    cost: {},
  };
}
