import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ANONYMOUS_CALLER, type Caller } from './auth/caller.js';
import type { PersonalReads } from './plugins/personal-data-limits.js';

/** What every plugin and every subgraph call of one request sees. */
export interface GatewayContext {
  /** W3C trace id of the request: the caller's when it sent a `traceparent`, else a new one. */
  readonly traceId: string;
  /** `traceparent` for the subgraph calls: the trace id with this gateway's own span id. */
  readonly traceparent: string;
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
}

/** The estimated and measured cost of one operation (issue 11, item 1). */
export interface OperationCost {
  estimated?: number;
  actual?: number;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const INVALID_TRACE_ID = '0'.repeat(32);

/**
 * Builds the context of one request from its headers and its authenticated caller. Runs once
 * per GraphQL request, so it does no more than read one header and draw eight random bytes.
 */
export function createGatewayContext(
  request: Pick<IncomingMessage, 'headers'> & { socket?: Pick<IncomingMessage['socket'], 'remoteAddress'> },
  caller: Caller = ANONYMOUS_CALLER,
): GatewayContext {
  const header = request.headers.traceparent;
  const match = typeof header === 'string' ? TRACEPARENT.exec(header) : null;
  // W3C Trace Context §3.2.2.3: an all-zero trace id is invalid; start a new trace.
  const incoming = match && match[2] !== INVALID_TRACE_ID ? match : null;
  const traceId = incoming ? incoming[2] : randomBytes(16).toString('hex');
  const flags = incoming ? incoming[4] : '01';
  const clientAddress = request.socket?.remoteAddress ?? 'onbekend';
  return { traceId, traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-${flags}`, caller, clientAddress, cost: {} };
}
