import type { IncomingHttpHeaders, IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { type ApolloServer, type BaseContext, HeaderMap, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { context, trace } from '@opentelemetry/api';
import type { ChannelAssertionKey } from './caller-assertion.js';
import type { CompiledExecution } from './compiled-execution.js';
import { createLogger, type Logger, traceFields } from './observability/logger.js';
import { countHttpResponse, type GraphqlMetrics } from './observability/metrics.js';
import { operationPipeline, type PlainRequest } from './operation-pipeline.js';
import { endServerSpan, incomingContext, isRecording, requestTraceIds, spanIds, startServerSpan, type TraceIds } from './observability/tracing.js';

/**
 * What admission, the context and shared answers read of a GraphQL request: an HTTP request
 * (IncomingMessage) or a call over the one-process graph's channel (`answerPost`), which has no socket.
 * Per-request state (a subgraph's verified assertion) is kept by this object.
 */
export interface GraphqlRequest {
  readonly method?: string;
  readonly url?: string;
  readonly headers: IncomingHttpHeaders;
  readonly socket?: { readonly remoteAddress?: string };
  /**
   * Set only on a call over the one-process graph's channel (`answerPost`): the key its caller assertion
   * is MACed with. Nothing that arrives over HTTP has it, so an HTTP request is checked against the
   * gateway's public key only.
   */
  readonly channelAssertionKey?: ChannelAssertionKey;
  /**
   * A call over the channel whose answer left before its Logboek write was stored: that write (set by
   * `logboekPlugin` through `SubgraphContext.vastleggingAchteraf`), which `answerPost` hands on with the answer.
   */
  vastlegging?: Promise<void>;
}

/** A handler for a path other than GraphQL (`/health`, static assets). */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export interface GraphqlListenerOptions<TContext extends BaseContext> {
  /**
   * Builds the context of one request from its headers and the ids of its server span (the
   * caller's trace, or a new one): the context carries them to the Logboek, log lines and calls on.
   */
  context: (request: GraphqlRequest, trace: TraceIds) => Promise<TContext>;
  /** Extra routes by exact path. */
  routes?: Readonly<Record<string, RouteHandler>>;
  /** Route by path prefix, e.g. `/graphiql/` for bundled assets. */
  prefixRoutes?: Readonly<Record<string, RouteHandler>>;
  /** Largest request body accepted, in bytes. Default 1 MiB. */
  maxBodyBytes?: number;
  /**
   * Decides, from the request and its parsed body, whether it reaches GraphQL at all; a refusal is
   * answered with its status and error before any GraphQL runs. A subgraph checks the caller
   * assertion here, because the assertion is bound to the body.
   */
  admit?: (request: GraphqlRequest, body: unknown, trace: TraceIds) => Promise<Refusal | undefined>;
  /**
   * Answers a POST from the in-flight answer of an identical one, or lets it run (the gateway's
   * shared answers): called with the raw body before anything parses it, the request's context
   * (built once, also for the GraphQL run) and `run`, which executes the request as usual.
   */
  share?: (request: GraphqlRequest, body: string, context: () => Promise<TContext>, run: () => Promise<Answer>) => Promise<Answer>;
  /** The part of the graph this serves (`gateway`, `wmo`): names its server spans. Default `graphql`. */
  service?: string;
  /** Where a request that failed outside GraphQL is logged. Default a logger of service `http`. */
  logger?: Logger;
  /** Counts every answer by route and status. */
  metrics?: GraphqlMetrics;
  /**
   * The server's own `stringifyResult` (the Apollo Server option, given there too), for servers whose
   * execution answers in one result (a gateway executor, `compiledExecution`). With it, a JSON POST that
   * Apollo's HTTP layer would hand on unchanged (no `accept` header, a body of the accepted shape) goes
   * to its operation pipeline directly (`executeOperation`): the same plugins, context, execution and
   * errors, without the layer's checks that it is known to pass (issue 14: every subgraph call of the
   * one-process graph is such a POST). Anything else takes the whole HTTP layer.
   */
  stringifyResult?: (result: FormattedExecutionResult) => string;
  /**
   * The server's executor (its `gateway`, `compiledExecution`), given with `stringifyResult`: a POST that
   * goes past the HTTP layer then runs through `operationPipeline`, Apollo's operation pipeline for a
   * document validated before, without its per-call hash and hook dispatch (issue 14).
   */
  compiled?: CompiledExecution;
}

/**
 * An answer as it is written: status, headers and a complete body (a string, or bytes shared by
 * several answers), or the chunks of an incremental one.
 */
export interface Answer {
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string | Buffer | AsyncIterable<string>;
}

/** Why a request is not admitted: HTTP status, message and `extensions.code`. */
export interface Refusal {
  readonly status: number;
  readonly message: string;
  readonly code: string;
}

/** The GraphQL endpoint of a server, over HTTP and without it. */
export interface GraphqlEndpoint {
  /** The node:http listener: `/graphql` (and `/`), the routes given, 404 for anything else. */
  readonly listener: RequestListener;
  /**
   * Answers a JSON POST to `/graphql` given as its headers and body text, without HTTP: the one-process
   * graph's channel from the gateway's thread (scripts/graph-in-one-process.ts). The same path as a POST
   * over `listener` (content type, body limit, admission, context, execution, server span, metrics);
   * never rejects: a failure is the same 500 answer. The body of the answer is complete.
   * `channelAssertionKey`: the channel's key, for admission (`GraphqlRequest.channelAssertionKey`).
   */
  answerPost(headers: IncomingHttpHeaders, body: string, channelAssertionKey?: ChannelAssertionKey): Promise<CompleteAnswer>;
}

/** An answer whose body is all there (`GraphqlEndpoint.answerPost`). */
export interface CompleteAnswer extends Answer {
  readonly body: string;
  /**
   * Only over the channel: the Logboek write of the personal data in this answer, still on its way
   * (`GraphqlRequest.vastlegging`). It fails when the write failed: the answer may then reach no one.
   */
  readonly vastlegging?: Promise<void>;
}

/**
 * A plain node:http listener around an Apollo server: `/graphql` (and `/`) go to Apollo, the
 * routes given go to their handlers, anything else is 404. No framework on the hot path.
 */
export function graphqlRequestListener<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  options: GraphqlListenerOptions<TContext>,
): RequestListener {
  return graphqlEndpoint(server, options).listener;
}

/**
 * The listener of `graphqlRequestListener` and, for the same requests without HTTP, `answerPost`: both
 * go through `answerBody` (content type, admission, context, shared answers, execution), so that
 * there is one path by which a request reaches GraphQL.
 */
export function graphqlEndpoint<TContext extends BaseContext>(server: ApolloServer<TContext>, options: GraphqlListenerOptions<TContext>): GraphqlEndpoint {
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const { metrics } = options;
  const service = options.service ?? 'graphql';
  const logger = options.logger ?? createLogger('http');
  const pipeline = options.compiled && operationPipeline(server, options.compiled);
  const listener: RequestListener = (request, response) => {
    if (metrics) countHttpResponse(metrics, request, response);
    const path = (request.url ?? '/').split('?', 1)[0];
    const fail = (error: unknown, ids?: TraceIds) => {
      logger.error({ err: error, ...(ids ? traceFields(ids) : {}) }, 'request failed');
      if (!response.headersSent) sendJson(response, 500, INTERNAL_ERROR);
      else response.end();
    };
    if (path !== '/graphql' && path !== '/') {
      void handle(request, response).catch(fail);
      return;
    }
    if (!isRecording()) {
      // Tracing off: ids only, carried by the request's context; no span and no async context.
      const ids = requestTraceIds(request.headers);
      void handle(request, response, ids).catch((error: unknown) => fail(error, ids));
      return;
    }
    // One server span per GraphQL request, in the caller's trace when it sent a traceparent;
    // everything the request does (plans, subgraph calls, SQL, log lines) runs inside it.
    const parent = incomingContext(request.headers);
    const span = startServerSpan(service, request.method ?? 'GET', path, parent);
    const ids = spanIds(span);
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      endServerSpan(span, response.statusCode);
    };
    // 'finish' when the answer is written; 'close' also when the client went away first.
    response.once('finish', end);
    response.once('close', end);
    void context.with(trace.setSpan(parent, span), () => handle(request, response, ids)).catch((error: unknown) => fail(error, ids));
  };

  async function handle(request: IncomingMessage, response: ServerResponse, ids: TraceIds = requestTraceIds(request.headers)): Promise<void> {
    // The plain `/graphql` of nearly every request needs no URL parser (1 % of the gateway's CPU).
    const url = request.url === '/graphql' ? GRAPHQL_PATH : new URL(request.url ?? '/', 'http://localhost');
    const route = options.routes?.[url.pathname];
    if (route) return route(request, response);
    for (const [prefix, handler] of Object.entries(options.prefixRoutes ?? {})) {
      if (url.pathname.startsWith(prefix)) return handler(request, response);
    }
    if (url.pathname !== '/graphql' && url.pathname !== '/') {
      return sendJson(response, 404, { error: 'not found' });
    }
    if (request.method === 'POST' && !isJson(request.headers['content-type'])) {
      // Drain the body so that the client reads the answer instead of a reset.
      request.resume();
      return writeAnswer(response, UNSUPPORTED_MEDIA_TYPE);
    }
    const body = await readBody(request, maxBodyBytes);
    const answer = body === TOO_LARGE ? tooLarge() : await answerBody(request, url, body, ids);
    return writeAnswer(response, answer);
  }

  async function writeAnswer(response: ServerResponse, answer: Answer): Promise<void> {
    for (const [name, value] of answer.headers) response.setHeader(name, value);
    response.statusCode = answer.status;
    if (typeof answer.body === 'string' || Buffer.isBuffer(answer.body)) {
      response.end(answer.body);
      return;
    }
    for await (const chunk of answer.body) response.write(chunk);
    response.end();
  }

  function tooLarge(): Answer {
    return jsonAnswer(413, { errors: [{ message: `Het verzoek is groter dan ${maxBodyBytes} bytes.`, extensions: { code: 'BAD_REQUEST' } }] });
  }

  /** What every GraphQL request with its body read goes through, over HTTP or not. */
  async function answerBody(request: GraphqlRequest, url: Pick<URL, 'search'>, body: string, ids: TraceIds): Promise<Answer> {
    // Built at most once, whether the shared answer or the GraphQL run asks first.
    let built: Promise<TContext> | undefined;
    // The functions are written where they are passed: under tsx a function held in a named constant
    // gets its name set per call (a property definition each), which the channel's calls felt.
    if (!(options.share && request.method === 'POST' && body)) return execute(request, url, body, () => (built ??= options.context(request, ids)), ids);
    const contextOf = (): Promise<TContext> => (built ??= options.context(request, ids));
    return options.share(request, body, contextOf, () => execute(request, url, body, contextOf, ids));
  }

  async function execute(request: GraphqlRequest, url: Pick<URL, 'search'>, body: string, contextOf: () => Promise<TContext>, ids: TraceIds): Promise<Answer> {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    let parsedBody: unknown = body;
    if (body) {
      try {
        parsedBody = JSON.parse(body);
      } catch {
        return jsonAnswer(400, { errors: [{ message: 'De body is geen geldige JSON.', extensions: { code: 'BAD_REQUEST' } }] });
      }
    }
    const refusal = await options.admit?.(request, parsedBody, ids);
    if (refusal) return jsonAnswer(refusal.status, { errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
    const httpGraphQLRequest: HTTPGraphQLRequest = { method: request.method ?? 'GET', headers, search: url.search, body: parsedBody };
    const result = options.stringifyResult && passesHttpLayer(httpGraphQLRequest) ? await executeOperation(httpGraphQLRequest, contextOf, options.stringifyResult) : undefined;
    return answerOf(result ?? (await server.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: contextOf })));
  }

  /**
   * A POST that passes Apollo's HTTP layer unchanged, through its operation pipeline: what the layer
   * adds around it is redone here (its `GraphQLRequest`, the content type it would choose without an
   * `accept` header, the body by `stringifyResult`, its answer to a pipeline that throws). Undefined when
   * the context cannot be built: the HTTP layer then answers as it does to that (its plugins' hook included).
   */
  async function executeOperation(http: HTTPGraphQLRequest, contextOf: () => Promise<TContext>, stringifyResult: (result: FormattedExecutionResult) => string): Promise<HTTPGraphQLResponse | undefined> {
    let contextValue: TContext;
    try {
      contextValue = await contextOf();
    } catch {
      return undefined;
    }
    const body = http.body as OperationBody;
    const request: PlainRequest = { query: body.query, operationName: body.operationName ?? undefined, variables: body.variables ?? undefined, extensions: body.extensions ?? undefined, http };
    let response;
    try {
      response = (pipeline && (await pipeline.run(request, contextValue))) || (await server.executeOperation(request, { contextValue }));
    } catch (error) {
      // The pipeline's own failure (a plugin hook threw; the server is stopping): the HTTP layer's answer to it.
      return (server as unknown as { errorResponse(error: unknown, head: HTTPGraphQLRequest): Promise<HTTPGraphQLResponse> }).errorResponse(error, http);
    }
    if (response.body.kind !== 'single') throw new Error('an operation answered incrementally; stringifyResult is only for servers that answer in one result');
    if (!response.http.headers.get('content-type')) response.http.headers.set('content-type', JSON_CONTENT_TYPE);
    const { errors, data, extensions } = response.body.singleResult;
    // The fields in the order Apollo's HTTP layer writes them.
    return { status: response.http.status, headers: response.http.headers, body: { kind: 'complete', string: stringifyResult({ errors, data, extensions }) } };
  }

  async function answerPost(headers: IncomingHttpHeaders, body: string, channelAssertionKey?: ChannelAssertionKey): Promise<CompleteAnswer> {
    // A fresh object per call: admission keeps its verified assertion by it, as by an IncomingMessage.
    const request: GraphqlRequest = { method: 'POST', url: '/graphql', headers, channelAssertionKey };
    const parent = isRecording() ? incomingContext(headers) : undefined;
    const span = parent && startServerSpan(service, 'POST', '/graphql', parent);
    const ids = span ? spanIds(span) : requestTraceIds(headers);
    let answer: CompleteAnswer;
    try {
      const written = await (span ? context.with(trace.setSpan(parent!, span), postAnswer, undefined, request, body, ids) : postAnswer(request, body, ids));
      // Nearly every answer is one string already.
      answer = typeof written.body === 'string' ? (written as CompleteAnswer) : await completed(written);
    } catch (error) {
      logger.error({ err: error, ...traceFields(ids) }, 'request failed');
      answer = jsonAnswer(500, INTERNAL_ERROR);
    }
    if (span) endServerSpan(span, answer.status);
    metrics?.httpRequests.inc({ route: 'channel', status: String(answer.status) });
    return request.vastlegging ? { ...answer, vastlegging: request.vastlegging } : answer;
  }

  /** `answerPost`'s answer, in its span when tracing records. */
  async function postAnswer(request: GraphqlRequest, body: string, ids: TraceIds): Promise<Answer> {
    if (!isJson(headerOf(request.headers['content-type']))) return UNSUPPORTED_MEDIA_TYPE;
    // A character takes at most 3 bytes in UTF-8: a body that short need not be counted.
    if (body.length > maxBodyBytes / 3 && Buffer.byteLength(body) > maxBodyBytes) return tooLarge();
    return answerBody(request, GRAPHQL_PATH, body, ids);
  }

  return { listener, answerPost };
}

/** The fields of a POST body `executeOperation` reads (`passesHttpLayer` checked their types). */
interface OperationBody {
  readonly query: string;
  readonly operationName?: string | null;
  readonly variables?: Record<string, unknown> | null;
  readonly extensions?: Record<string, unknown> | null;
}

/**
 * Whether Apollo Server's HTTP layer would hand this request to its operation pipeline as it is: a
 * POST whose content type it lets pass (the JSON every POST here has) without an `accept` header to
 * negotiate, and a body of the shape it accepts (an object with a text `query`; `operationName` text,
 * `variables` and `extensions` objects, each or null or absent). Anything else it answers itself.
 */
function passesHttpLayer(http: HTTPGraphQLRequest): boolean {
  if (http.method !== 'POST' || http.headers.has('accept') || !isJson(http.headers.get('content-type'))) return false;
  const body = http.body as Record<string, unknown>;
  if (!isRecord(body) || typeof body.query !== 'string') return false;
  const { operationName, variables, extensions } = body;
  return (
    (operationName === undefined || operationName === null || typeof operationName === 'string') &&
    (variables === undefined || variables === null || isRecord(variables)) &&
    (extensions === undefined || extensions === null || isRecord(extensions))
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

/** An Apollo answer as it is written. */
function answerOf(result: HTTPGraphQLResponse): Answer {
  return { status: result.status ?? 200, headers: [...result.headers], body: result.body.kind === 'complete' ? result.body.string : result.body.asyncIterator };
}

/** Apollo Server's body of a result (its default `stringifyResult`): the JSON and a newline. */
export function resultBody(result: FormattedExecutionResult): string {
  return `${JSON.stringify(result)}\n`;
}

/** The answer with its body in one string (an incremental one's chunks joined). */
async function completed(answer: Answer): Promise<CompleteAnswer> {
  if (Buffer.isBuffer(answer.body)) return { ...answer, body: answer.body.toString('utf8') };
  let body = '';
  for await (const chunk of answer.body) body += chunk;
  return { ...answer, body };
}

function headerOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

const INTERNAL_ERROR = { errors: [{ message: 'Interne fout.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

function jsonAnswer(status: number, body: unknown): CompleteAnswer {
  return { status, headers: [['content-type', JSON_CONTENT_TYPE]], body: JSON.stringify(body) };
}

const TOO_LARGE = Symbol('too large');
/** What `new URL('/graphql', 'http://localhost')` gives, for the parts used here. */
const GRAPHQL_PATH = { pathname: '/graphql', search: '' } as const;

/** What a POST with another body type is told to send instead (issue 11, item 4). */
export const UNSUPPORTED_MEDIA_TYPE_MESSAGE =
  'Stuur een POST met de header Content-Type: application/json en als body een JSON-object ' +
  '{"query": "...", "variables": {...}, "operationName": "..."}; of een GET met ?query=... in de URL.';

const UNSUPPORTED_MEDIA_TYPE = jsonAnswer(415, { errors: [{ message: UNSUPPORTED_MEDIA_TYPE_MESSAGE, extensions: { code: 'BAD_REQUEST' } }] });

/** Whether a Content-Type header names JSON (`application/json`, any parameters such as charset). */
function isJson(contentType: string | undefined): boolean {
  // The gateway's exact header first: no parts to split off.
  return contentType === 'application/json' || contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

function readBody(request: IncomingMessage, limit: number): Promise<string | typeof TOO_LARGE> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? TOO_LARGE : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Writes a JSON response. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.end(JSON.stringify(body));
}
