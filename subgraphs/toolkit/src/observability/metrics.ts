import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../database.js';
import { type Logger, traceFields } from './logger.js';

/**
 * Prometheus metrics (prom-client), one registry per process part: the gateway and each subgraph
 * keep their own, served on a port of their own (`METRICS_PORT`, `<NAME>_METRICS_PORT`), so one
 * test process can run them all and a scrape never reaches the GraphQL port. Metric names start
 * with `sociaal_graph_`; every series carries `service`.
 */

/** Latency buckets in seconds: a cached lookup (a few ms) to a national aggregate (seconds). */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** What every GraphQL server (gateway, subgraph) counts about its requests. */
export interface GraphqlMetrics {
  readonly registry: Registry;
  /** HTTP answers by route and status (401, 413 and 503 included: they never reach GraphQL). */
  readonly httpRequests: Counter<'route' | 'status'>;
  /** GraphQL operations by name and result (`ok`, `error`). */
  readonly operations: Counter<'operation' | 'result'>;
  /** Errors in responses by `extensions.code`. */
  readonly errors: Counter<'operation' | 'code'>;
  /** Time from request start to response, per operation name. */
  readonly operationDuration: Histogram<'operation'>;
}

/** A registry whose series all carry `service`, with the graph's request metrics in it. */
export function createGraphqlMetrics(service: string): GraphqlMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  return {
    registry,
    httpRequests: new Counter({
      name: 'sociaal_graph_http_requests_total',
      help: 'HTTP requests answered, by route (graphql, health, other; channel: GraphQL calls of the one-process graph without HTTP) and status code',
      labelNames: ['route', 'status'],
      registers: [registry],
    }),
    operations: new Counter({
      name: 'sociaal_graph_graphql_operations_total',
      help: 'GraphQL operations by operation name and result (ok, error)',
      labelNames: ['operation', 'result'],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'sociaal_graph_graphql_errors_total',
      help: 'Errors in GraphQL responses by operation name and extensions.code',
      labelNames: ['operation', 'code'],
      registers: [registry],
    }),
    operationDuration: new Histogram({
      name: 'sociaal_graph_graphql_operation_duration_seconds',
      help: 'Time from the start of a GraphQL request to its response, by operation name',
      labelNames: ['operation'],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
  };
}

/** The most distinct operation names kept as label values; later ones count as `(overig)`. */
const MAX_OPERATION_NAMES = 200;

/**
 * An operation name fit for a label: a client chooses it, so it is bounded in number (a series
 * per name) and in shape, and a name with a long number in it (a BSN typed into a name) is not
 * kept. Anonymous operations are `(anoniem)`.
 */
export function operationLabel(seen: Set<string>, name: string | null | undefined): string {
  if (!name) return '(anoniem)';
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name) || /\d{5}/.test(name)) return '(overig)';
  if (seen.has(name)) return name;
  if (seen.size >= MAX_OPERATION_NAMES) return '(overig)';
  seen.add(name);
  return name;
}

/**
 * Counts each GraphQL request of a server: result and error codes per operation, and its
 * duration. Errors without a code count as `INTERNAL_SERVER_ERROR`, as `maskError` shows them.
 * With a logger, one `debug` line per request says the same (operation, result, codes, ms):
 * never variables or data.
 */
export function graphqlMetricsPlugin<C extends BaseContext>(metrics: GraphqlMetrics, logger?: Logger): ApolloServerPlugin<C> {
  const names = new Set<string>();
  return {
    async requestDidStart() {
      const start = process.hrtime.bigint();
      return {
        async willSendResponse({ response, operationName, operation, contextValue }) {
          const label = operationLabel(names, operationName ?? operation?.name?.value);
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          for (const error of errors ?? []) {
            const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR';
            metrics.errors.inc({ operation: label, code });
          }
          const result = errors?.length ? 'error' : 'ok';
          const seconds = Number(process.hrtime.bigint() - start) / 1e9;
          metrics.operations.inc({ operation: label, result });
          metrics.operationDuration.observe({ operation: label }, seconds);
          if (logger?.isLevelEnabled('debug')) {
            const codes = errors?.map((error) => error.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
            // The request's ids from its context: with tracing off no active span names them.
            const trace = traceFields(contextValue as { traceId?: string; spanId?: string });
            logger.debug({ operation: label, result, codes, ms: Math.round(seconds * 1000), ...trace }, 'graphql request');
          }
        },
      };
    },
  };
}

/** Which route label a path gets (a bounded set: a scanner's paths must not each become a series). */
export function routeLabel(path: string): string {
  if (path === '/graphql' || path === '/') return 'graphql';
  if (path === '/health') return 'health';
  return 'other';
}

/** Counts the response of `request` when it is finished. */
export function countHttpResponse(metrics: GraphqlMetrics, request: IncomingMessage, response: ServerResponse): void {
  response.once('finish', () => {
    const path = (request.url ?? '/').split('?', 1)[0];
    metrics.httpRequests.inc({ route: routeLabel(path), status: String(response.statusCode) });
  });
}

/** A listening metrics endpoint. */
export interface MetricsServer {
  /** `http://host:port/metrics`. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves `registry` at `/metrics` on `port` (0: a free one), in the Prometheus text format, with
 * the process's own metrics (CPU, memory, event-loop lag) added. Anything else is 404.
 */
export async function startMetricsServer(registry: Registry, options: { host: string; port: number; logger?: Logger }): Promise<MetricsServer> {
  collectDefaultMetrics({ register: registry, prefix: 'sociaal_graph_' });
  const server = createServer((request, response) => {
    if ((request.url ?? '/').split('?', 1)[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (error: unknown) => {
        options.logger?.error({ err: error }, 'metrics could not be collected');
        response.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n');
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}/metrics`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * `METRICS_PORT`-style setting: a port number, or `off`/`0` for no metrics endpoint (`null`).
 * Unset gives `fallback`.
 */
export function readMetricsPort(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number | null): number | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw.toLowerCase() === 'off' || raw === '0') return null;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name} must be a port from 1 to 65535, or off, got "${raw}"`);
  return port;
}

/**
 * The database's connections (PostgreSQL pool: total, idle, waiting clients; PGlite: its one
 * connection and the statements queued for it) and statements sent, read at each scrape.
 */
export function registerDatabaseMetrics(registry: Registry, db: Pick<Database, 'poolState' | 'statementCount'>): void {
  new Gauge({
    name: 'sociaal_graph_db_pool_connections',
    help: 'Database connections by state: total, idle, waiting (requests waiting for a connection)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const state = db.poolState();
      this.set({ state: 'total' }, state.total);
      this.set({ state: 'idle' }, state.idle);
      this.set({ state: 'waiting' }, state.waiting);
    },
  });
  new Counter({
    name: 'sociaal_graph_db_statements_total',
    help: 'SQL statements sent to serve data (the audit log writes not included)',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(db.statementCount);
    },
  });
}
