import { randomBytes } from 'node:crypto';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { CALLER_ASSERTION_HEADER, callTraceparent, type AssertionKey, type CallerClaims, createLogger, GELEZEN_INWONERS_EXTENSION, VERWERKT_EXTENSION, injectTraceparent, isRecording, type Logger, traceFields, documentRememberingOperationHash, signCallerAssertion } from '@sociaal-graph/toolkit/gateway';
import { GraphQLError } from 'graphql';
import { SERVICE_CALLER } from './auth/caller.js';
import type { GatewayContext } from './context.js';
import { isEntityFetch, mergeEntityFetches } from './entity-fetch-merging.js';
import type { BoundedFetcher, LogboekResponse } from './channel-fetcher.js';
import type { KeepAliveFetcher } from './keep-alive-fetcher.js';
import type { GatewayMetrics } from './metrics.js';
import { type ResponseBudget, responseTooLargeMessage } from './response-budget.js';

/** An entity fetch waiting for the others of its turn (`SubgraphDataSource.process`). */
interface WaitingFetch {
  readonly options: GraphQLDataSourceProcessOptions<GatewayContext>;
  resolve(response: GatewayGraphQLResponse): void;
  reject(error: unknown): void;
}

export interface SubgraphDataSourceOptions {
  /** Subgraph name in the supergraph ("wmo"); the only thing a client learns about it. */
  name: string;
  /** Where the subgraph listens; logged on failure, never shown to a client. */
  url: string;
  /**
   * What carries the calls: the keep-alive fetcher over HTTP (`createKeepAliveFetcher`), or in the
   * one-process graph the channel to the subgraphs' thread (`createSubgraphChannel`), which bounds a
   * call by the timeout and the operation's budget itself (`BoundedFetcher`).
   */
  transport: KeepAliveFetcher | BoundedFetcher;
  /** Longest wait for one call, connection and body included, in milliseconds. */
  timeoutMs: number;
  /**
   * Signs the caller assertion every call carries (`CALLER_ASSERTION_PRIVATE_KEY`); over the one-process
   * graph's channel the channel's key, which MACs it instead.
   */
  callerAssertionKey: AssertionKey;
  /**
   * The fields no client can select (@inaccessible) that a fetch document holds: the query planner
   * put them there, and the assertion names them so that the subgraph resolves them. Default none.
   */
  internFields?: (query: string) => readonly string[];
  /** Where failures are logged with their details (URL, cause). Default the gateway's logger. */
  log?: (message: string, error: unknown, trace?: { trace_id?: string; span_id?: string }) => void;
  /** Times every call (`sociaal_graph_gateway_subgraph_request_duration_seconds`). */
  metrics?: Pick<GatewayMetrics, 'subgraphDuration'>;
}

/**
 * The one home of outgoing subgraph calls (docs/style.md 4): the transport given, the
 * per-call timeout, the `traceparent` header (OpenTelemetry propagation), and what a client
 * sees when a subgraph fails.
 *
 * A call that cannot connect, times out, or answers with an HTTP error or unreadable body
 * becomes one `SUBGRAPH_UNAVAILABLE` error naming the subgraph. @apollo/gateway then leaves
 * that subgraph's fields null and keeps the data of the others.
 *
 * Sends its calls itself rather than through `RemoteGraphQLDataSource`: that one builds a node-fetch
 * `Request`, `Headers` and copies of the request for every call, about a fifth of the gateway's CPU
 * with identical requests (issue 14); here the headers are one plain object and the body is parsed once.
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  readonly name: string;
  readonly url: string;
  readonly timeoutMs: number;
  private readonly transport: KeepAliveFetcher | BoundedFetcher;
  private readonly callerAssertionKey: AssertionKey;
  private readonly internFields: (query: string) => readonly string[];
  private readonly log: (message: string, error: unknown, trace?: { trace_id?: string; span_id?: string }) => void;
  private readonly duration: GatewayMetrics['subgraphDuration'] | undefined;

  constructor(options: SubgraphDataSourceOptions) {
    this.name = options.name;
    this.url = options.url;
    this.timeoutMs = options.timeoutMs;
    this.transport = options.transport;
    this.callerAssertionKey = options.callerAssertionKey;
    this.internFields = options.internFields ?? (() => []);
    this.log = options.log ?? defaultLog;
    this.duration = options.metrics?.subgraphDuration;
  }

  /**
   * Entity fetches of one client request that reach this subgraph in the same turn of the event loop
   * (the planner's parallel fetches, started together) go as one call (`mergeEntityFetches`); anything
   * else goes as it came.
   */
  process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    if (!('incomingRequestContext' in options) || !isEntityFetch(options.request.query)) return this.send(options);
    const request = options.incomingRequestContext;
    let waiting = this.waiting.get(request);
    if (!waiting) {
      this.waiting.set(request, (waiting = []));
      // Parallel fetches are all started before the first awaits anything: one microtask later they are all here.
      queueMicrotask(() => {
        this.waiting.delete(request);
        void this.sendTogether(waiting!);
      });
    }
    return new Promise((resolve, reject) => waiting.push({ options, resolve, reject }));
  }

  /** Entity fetches waiting to go, per client request (`process`). */
  private readonly waiting = new WeakMap<object, WaitingFetch[]>();

  private async sendTogether(fetches: readonly WaitingFetch[]): Promise<void> {
    const merge = fetches.length > 1 ? mergeEntityFetches(fetches.map(({ options }) => options.request.query!)) : undefined;
    if (!merge) {
      for (const { options, resolve, reject } of fetches) this.send(options).then(resolve, reject);
      return;
    }
    const [first] = fetches;
    try {
      const response = await this.send({
        ...first!.options,
        request: {
          ...first!.options.request,
          query: merge.query,
          operationName: merge.operationName,
          variables: merge.variables(fetches.map(({ options }) => options.request.variables ?? {})),
        },
      });
      merge.split(response).forEach((each, i) => fetches[i]!.resolve(each));
    } catch (error) {
      for (const { reject } of fetches) reject(error);
    }
  }

  /** One call: the signed headers, the body, the answer parsed once, failures turned into client errors. */
  private async send(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    // Health checks and schema loads carry an empty context, as they did through `RemoteGraphQLDataSource`.
    const context = options.context as GatewayContext;
    if (!request.query) throw new Error('Missing query');
    // The variables written once, for the body and for the hash the assertion binds.
    const variablesJson = JSON.stringify(request.variables ?? null) ?? 'null';
    const headers = this.headersOf(options, variablesJson);
    const body = bodyOf(request, variablesJson);
    const budget = 'incomingRequestContext' in options ? options.incomingRequestContext.context.cost?.responseBudget : undefined;
    let response: FetcherResponse | undefined;
    let answer: GatewayGraphQLResponse;
    try {
      response = await this.fetch({ method: 'POST', headers, body }, budget);
      const { vastlegging } = response as LogboekResponse;
      if (vastlegging) {
        // The request's answer waits for it (logboek-vastlegging.ts); without a request, this call does.
        if (context?.personalReads) (context.personalReads.vastleggingen ??= []).push(vastlegging);
        else await vastlegging;
      }
      if (!response.ok) throw new Error(`${response.status}: ${response.statusText}`);
      const contentType = response.headers.get('content-type');
      const parsed: unknown = contentType?.startsWith('application/json') || contentType?.startsWith('application/graphql-response+json') ? await response.json() : undefined;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`Expected JSON response body (content-type ${contentType})`);
      answer = parsed as GatewayGraphQLResponse;
      answer.http = response;
    } catch (error) {
      return this.didEncounterError(error as Error, response, context);
    }
    if ('incomingRequestContext' in options) {
      // Subgraphs give no cache hints (their cache control is off, `startSubgraph`): an answer built
      // from a subgraph call may be cached nowhere, as @apollo/gateway decides for an answer without one.
      const policy = options.incomingRequestContext.overallCachePolicy;
      if (policy && 'restrict' in policy) policy.restrict({ maxAge: 0 });
    }
    return this.didReceiveResponse({ response: answer, context });
  }

  /**
   * The call over the transport, within its timeout and the operation's `ResponseBudget` (the bytes of
   * the operation's answers so far, MAX_RESPONSE_BYTES): counted while they arrive, and every fetch of
   * the operation ends once one goes past it.
   */
  private async fetch(init: FetcherRequestInit, budget: ResponseBudget | undefined): Promise<FetcherResponse> {
    const start = process.hrtime.bigint();
    let outcome = 'unreachable';
    try {
      const response = 'bounded' in this.transport ? await this.transport.bounded(this.url, init, budget, this.timeoutMs) : await this.signalled(init, budget);
      outcome = response.ok ? 'ok' : 'http_error';
      return response;
    } catch (error) {
      if (budget?.exceeded) outcome = 'too_large';
      else if (error instanceof Error && error.name === 'TimeoutError') outcome = 'timeout';
      throw error;
    } finally {
      this.duration?.observe({ subgraph: this.name, outcome }, Number(process.hrtime.bigint() - start) / 1e9);
    }
  }

  /** The call over a transport that ends it through `init.signal` (undici over HTTP). */
  private async signalled(init: FetcherRequestInit, budget: ResponseBudget | undefined): Promise<FetcherResponse> {
    // One signal per call, for its timeout and its operation's budget, released as soon as the call
    // ends: AbortSignal.timeout would keep every call's timer and signal alive for the whole timeout
    // (10 s by default), and AbortSignal.any would tie each call's signal to the operation's budget
    // until garbage collection; at hundreds of calls a second both cost CPU and memory.
    const call = new AbortController();
    const timer = setTimeout(() => call.abort(new DOMException(`no answer within ${this.timeoutMs} ms`, 'TimeoutError')), this.timeoutMs).unref();
    const overBudget = () => call.abort(budget?.signal.reason);
    if (budget?.signal.aborted) overBudget();
    else budget?.signal.addEventListener('abort', overBudget, { once: true });
    try {
      init.signal = call.signal;
      return await this.transport(this.url, init, budget);
    } finally {
      clearTimeout(timer);
      budget?.signal.removeEventListener('abort', overBudget);
    }
  }

  /**
   * The headers of a call: the signed assertion of the caller (subgraphs refuse calls without one),
   * bound to this subgraph and to exactly the document and variables of this call, and the caller's
   * trace for every call made for a client request. One signature, no I/O.
   */
  private headersOf(options: GraphQLDataSourceProcessOptions<GatewayContext>, variablesJson: string): Record<string, string> {
    const headers: Record<string, string> = {};
    // What @apollo/gateway itself asks of a call (its trace header, when it traces).
    const asked = options.request.http?.headers;
    if (asked) for (const [name, value] of asked) headers[name] = value;
    headers['content-type'] = 'application/json';
    const { query, variables } = options.request;
    const binding = { audience: this.name, operation: operationHashOf(query, variables, variablesJson), intern: query ? this.internFields(query) : [] };
    // Health checks and schema loads carry no client request (@apollo/gateway does not export
    // the `kind` enum, so the shape tells them apart); they go as the gateway itself.
    if (!('incomingRequestContext' in options)) {
      const id = randomBytes(16).toString('hex');
      headers[CALLER_ASSERTION_HEADER] = signCallerAssertion({ ...SERVICE_CALLER, traceId: id, verzoekId: id }, binding, this.callerAssertionKey);
      return headers;
    }
    const { context } = options.incomingRequestContext;
    headers[CALLER_ASSERTION_HEADER] = signCallerAssertion(claimsOf(context), binding, this.callerAssertionKey);
    // W3C trace context: when tracing records, of the active span (@apollo/gateway's `gateway.fetch`
    // span for this call); when it is off there is no active span: the request's trace, with a span
    // id for this call.
    if (isRecording()) injectTraceparent((name, value) => (headers[name] = value));
    else headers.traceparent = callTraceparent(context.traceId);
    return headers;
  }

  /**
   * Takes the residents a subgraph reports to have read (`GELEZEN_INWONERS_EXTENSION`) into the
   * request's count, and whether it logged anything (`VERWERKT_EXTENSION`), off the response.
   */
  private didReceiveResponse({ response, context }: { response: GatewayGraphQLResponse; context: GatewayContext }): GatewayGraphQLResponse {
    const gelezen = response.extensions?.[GELEZEN_INWONERS_EXTENSION];
    if (Array.isArray(gelezen)) {
      for (const id of gelezen) if (typeof id === 'string') context.personalReads?.gelezen.add(id);
      delete response.extensions?.[GELEZEN_INWONERS_EXTENSION];
    }
    if (response.extensions?.[VERWERKT_EXTENSION] === true) {
      if (context.personalReads) context.personalReads.verwerkt = true;
      delete response.extensions[VERWERKT_EXTENSION];
    }
    if (context.personalReads?.verwerkt || context.personalReads?.gelezen.size) context.personalReads.nietDeelbaar?.();
    return response;
  }

  /**
   * Replaces whatever went wrong with an error fit for a client; the details (URL, status,
   * body, cause) go to the log only. Thrown errors are collected by @apollo/gateway's
   * `executeQueryPlan` into the response's `errors`, beside the data of the other fetches.
   */
  private didEncounterError(error: Error, response?: FetcherResponse, context?: GatewayContext): never {
    const budget = context?.cost?.responseBudget;
    // Not the subgraph's fault: the operation asked for more than MAX_RESPONSE_BYTES.
    if (!budget?.exceeded) this.log(`subgraph ${this.name} failed (${this.url})`, error, traceFields(context));
    throw this.clientError(error, response, budget?.exceeded ? budget.maxBytes : undefined);
  }

  private clientError(error: Error, response: FetcherResponse | undefined, tooLargeAbove?: number): GraphQLError {
    const extensions = { serviceName: this.name };
    if (tooLargeAbove !== undefined) {
      return new GraphQLError(responseTooLargeMessage(tooLargeAbove), { extensions: { code: 'RESPONSE_TOO_LARGE', ...extensions } });
    }
    if (response?.status === 401) {
      return new GraphQLError(`Subgraph ${this.name} weigerde de aanvraag: niet aangemeld.`, {
        extensions: { code: 'UNAUTHENTICATED', ...extensions },
      });
    }
    if (response?.status === 403) {
      return new GraphQLError(`Subgraph ${this.name} weigerde de aanvraag: geen toegang.`, {
        extensions: { code: 'FORBIDDEN', ...extensions },
      });
    }
    return new GraphQLError(unavailableMessage(this.name, this.timeoutMs, error, response), {
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', ...extensions },
    });
  }
}

function unavailableMessage(name: string, timeoutMs: number, error: Error, response: FetcherResponse | undefined): string {
  if (error.name === 'TimeoutError') return `Subgraph ${name} antwoordde niet binnen ${timeoutMs} ms; de velden uit ${name} ontbreken.`;
  if (response && !response.ok) return `Subgraph ${name} gaf HTTP-status ${response.status}; de velden uit ${name} ontbreken.`;
  if (response) return `Subgraph ${name} gaf een onleesbaar antwoord; de velden uit ${name} ontbreken.`;
  return `Subgraph ${name} is niet bereikbaar; de velden uit ${name} ontbreken.`;
}

/** The claims every call of one request carries, built once per request (their JSON too: `signCallerAssertion`). */
const claimsOfRequest = new WeakMap<GatewayContext, CallerClaims>();

function claimsOf(context: GatewayContext): CallerClaims {
  const { caller, traceId, verzoekId, personalReads } = context;
  // The bound on personal-data reads travels with the caller; the subgraph's logboek keeps it.
  const leesbudget = personalReads?.budget;
  let claims = claimsOfRequest.get(context);
  // The budget is set before execution (`personalDataLimitsPlugin`); should it change, the claims follow.
  if (!claims || claims.leesbudget !== leesbudget) {
    claims = { ...caller, traceId, verzoekId, ...(leesbudget ? { leesbudget } : {}) };
    claimsOfRequest.set(context, claims);
  }
  return claims;
}

/**
 * The JSON body of a call, as `JSON.stringify({ query, variables, operationName, extensions })` writes
 * it, with the document's JSON kept per document (the planner's fetch documents repeat; a resident
 * view's are about 1.5 kB each) and the variables' as written for the hash.
 */
function bodyOf(request: GraphQLDataSourceProcessOptions<GatewayContext>['request'], variablesJson: string): string {
  let body = `{"query":${documentJsonOf(request.query!)}`;
  if (request.variables !== undefined) body += `,"variables":${variablesJson}`;
  if (request.operationName !== undefined) body += `,"operationName":${JSON.stringify(request.operationName)}`;
  if (request.extensions !== undefined) body += `,"extensions":${JSON.stringify(request.extensions)}`;
  return `${body}}`;
}

const documentJsons = new Map<string, string>();

function documentJsonOf(query: string): string {
  let json = documentJsons.get(query);
  if (json === undefined) {
    // As many documents as `operationHashOf` keeps: the planner's of the operations in use.
    if (documentJsons.size >= 2_000) documentJsons.delete(documentJsons.keys().next().value!);
    documentJsons.set(query, (json = JSON.stringify(query)));
  }
  return json;
}

let logger: Logger | undefined;
/** The planner's fetch documents, shared by every subgraph's calls. */
const operationHashOf = documentRememberingOperationHash();

function defaultLog(message: string, error: unknown, trace?: ReturnType<typeof traceFields>): void {
  // One line per failure: during an outage every request logs, so no stack traces.
  (logger ??= createLogger('gateway')).error({ error: error instanceof Error ? `${error.name}: ${error.message}` : String(error), ...trace }, message);
}
