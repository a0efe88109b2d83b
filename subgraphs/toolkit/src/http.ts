import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import { context, trace } from '@opentelemetry/api';
import { createLogger, type Logger, traceFields } from './observability/logger.js';
import { countHttpResponse, type GraphqlMetrics } from './observability/metrics.js';
import { endServerSpan, incomingContext, isRecording, requestTraceIds, spanIds, startServerSpan, type TraceIds } from './observability/tracing.js';

/** A handler for a path other than GraphQL (`/health`, static assets). */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export interface GraphqlListenerOptions<TContext extends BaseContext> {
  /**
   * Builds the context of one request from its headers and the ids of its server span (the
   * caller's trace, or a new one): the context carries them to the Logboek, log lines and calls on.
   */
  context: (request: IncomingMessage, trace: TraceIds) => Promise<TContext>;
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
  admit?: (request: IncomingMessage, body: unknown, trace: TraceIds) => Promise<Refusal | undefined>;
  /**
   * Answers a POST from the in-flight answer of an identical one, or lets it run (the gateway's
   * shared answers): called with the raw body before anything parses it, the request's context
   * (built once, also for the GraphQL run) and `run`, which executes the request as usual.
   */
  share?: (request: IncomingMessage, body: string, context: () => Promise<TContext>, run: () => Promise<Answer>) => Promise<Answer>;
  /** The part of the graph this serves (`gateway`, `wmo`): names its server spans. Default `graphql`. */
  service?: string;
  /** Where a request that failed outside GraphQL is logged. Default a logger of service `http`. */
  logger?: Logger;
  /** Counts every answer by route and status. */
  metrics?: GraphqlMetrics;
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

/**
 * A plain node:http listener around an Apollo server: `/graphql` (and `/`) go to Apollo, the
 * routes given go to their handlers, anything else is 404. No framework on the hot path.
 */
export function graphqlRequestListener<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  options: GraphqlListenerOptions<TContext>,
): RequestListener {
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const { metrics } = options;
  const service = options.service ?? 'graphql';
  const logger = options.logger ?? createLogger('http');
  return (request, response) => {
    if (metrics) countHttpResponse(metrics, request, response);
    const path = (request.url ?? '/').split('?', 1)[0];
    const fail = (error: unknown, ids?: TraceIds) => {
      logger.error({ err: error, ...(ids ? traceFields(ids) : {}) }, 'request failed');
      if (!response.headersSent) sendJson(response, 500, { errors: [{ message: 'Interne fout.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
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
      return sendJson(response, 415, {
        errors: [{ message: UNSUPPORTED_MEDIA_TYPE_MESSAGE, extensions: { code: 'BAD_REQUEST' } }],
      });
    }
    const body = await readBody(request, maxBodyBytes);
    if (body === TOO_LARGE) {
      return sendJson(response, 413, {
        errors: [{ message: `Het verzoek is groter dan ${maxBodyBytes} bytes.`, extensions: { code: 'BAD_REQUEST' } }],
      });
    }
    // Built at most once, whether the shared answer or the GraphQL run asks first.
    let built: Promise<TContext> | undefined;
    const contextOf = () => (built ??= options.context(request, ids));
    const run = () => execute(request, url, body, contextOf, ids);
    const answer = options.share && request.method === 'POST' && body ? await options.share(request, body, contextOf, run) : await run();
    for (const [name, value] of answer.headers) response.setHeader(name, value);
    response.statusCode = answer.status;
    if (typeof answer.body === 'string' || Buffer.isBuffer(answer.body)) {
      response.end(answer.body);
      return;
    }
    for await (const chunk of answer.body) response.write(chunk);
    response.end();
  }

  async function execute(request: IncomingMessage, url: Pick<URL, 'search'>, body: string, contextOf: () => Promise<TContext>, ids: TraceIds): Promise<Answer> {
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
    const result = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body: parsedBody },
      context: contextOf,
    });
    return { status: result.status ?? 200, headers: [...result.headers], body: result.body.kind === 'complete' ? result.body.string : result.body.asyncIterator };
  }
}

function jsonAnswer(status: number, body: unknown): Answer {
  return { status, headers: [['content-type', 'application/json; charset=utf-8']], body: JSON.stringify(body) };
}

const TOO_LARGE = Symbol('too large');
/** What `new URL('/graphql', 'http://localhost')` gives, for the parts used here. */
const GRAPHQL_PATH = { pathname: '/graphql', search: '' } as const;

/** What a POST with another body type is told to send instead (issue 11, item 4). */
export const UNSUPPORTED_MEDIA_TYPE_MESSAGE =
  'Stuur een POST met de header Content-Type: application/json en als body een JSON-object ' +
  '{"query": "...", "variables": {...}, "operationName": "..."}; of een GET met ?query=... in de URL.';

/** Whether a Content-Type header names JSON (`application/json`, any parameters such as charset). */
function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
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
