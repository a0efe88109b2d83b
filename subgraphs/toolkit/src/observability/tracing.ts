import { createRequire } from 'node:module';
import { type Context, context, propagation, ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { parseTraceParent, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  RandomIdGenerator,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-node';

/**
 * OpenTelemetry tracing for the gateway and the subgraphs (README "Operating it"): one trace per
 * request, from the gateway's server span through @apollo/gateway's own spans (plan, execute,
 * fetch per subgraph) to each subgraph's server span and its SQL statements, with W3C
 * `traceparent` between them.
 *
 * Exported over OTLP/HTTP when `OTEL_EXPORTER_OTLP_ENDPOINT` (or `..._TRACES_ENDPOINT`) is set;
 * otherwise nothing is recorded and nothing leaves the process, and no tracer provider or async
 * context manager is registered at all: OpenTelemetry's AsyncLocalStorage context manager hooks
 * every promise (about 15 % of a subgraph's CPU on an analyst aggregate, issue 14) only to carry
 * ids. Each request then gets its ids from `requestTraceIds` (the caller's trace from its
 * `traceparent`, or a new one) and carries them explicitly: into its context (Logboek,
 * `traceresponse`, the `traceparent` to subgraphs) and its log lines (`traceFields`).
 */

export interface TelemetryOptions {
  /** `service.name` of this process's spans (`gateway`, `wmo`). One process, one name: the first call's. */
  readonly serviceName: string;
  /** Record every span into this exporter (tests: `InMemorySpanExporter`), whatever the environment says. */
  readonly exporter?: SpanExporter;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The W3C ids of one request's server span, as the Logboek, log lines and `traceparent` carry them. */
export interface TraceIds {
  readonly traceId: string;
  readonly spanId: string;
  /** Whether the span is recorded (the `01` flag); never when tracing is off. */
  readonly sampled: boolean;
}

export interface Telemetry {
  /** Whether spans are recorded and exported. */
  readonly recording: boolean;
  /** Exports what is left (OTLP) and stops. */
  shutdown(): Promise<void>;
}

/** The attribute that names the part of the graph a server span belongs to (several can share one process in tests). */
export const SERVICE_ATTRIBUTE = 'sociaal_graph.service';

const tracer = trace.getTracer('sociaal-graph');
let started: Telemetry | undefined;
/** Read on the hot path: when false, no span is started around a SQL statement. */
let recording = false;

/**
 * Sets up tracing for this process, once (later calls return the first one's handle). Call it
 * before the first request; `startSubgraph` and `createGatewayServer` call it without options
 * when the entry point did not.
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  if (started) return started;
  const env = options.env ?? process.env;
  const otlp = !options.exporter && Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) && env.OTEL_TRACES_EXPORTER !== 'none';
  const processors: SpanProcessor[] = [];
  if (options.exporter) processors.push(new SimpleSpanProcessor(options.exporter));
  // The exporter reads its endpoint, headers and timeout from the OTEL_EXPORTER_OTLP_* variables.
  else if (otlp) processors.push(new BatchSpanProcessor(new OTLPTraceExporter()));
  recording = processors.length > 0;
  if (!recording) {
    // Nothing to record: no provider, no context manager, no per-promise hooks (see the top of this file).
    started = { recording, shutdown: async () => undefined };
    return started;
  }
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME || `sociaal-graph-${options.serviceName}` }),
    spanProcessors: processors,
    // The SDK's default sampler (parent-based, always on; OTEL_TRACES_SAMPLER can change it).
  });
  // Only trace context crosses to a subgraph: a client's baggage is not passed on.
  provider.register({ propagator: new W3CTraceContextPropagator() });
  // SQL spans on PostgreSQL: pg is patched in place, also when already loaded. Parameters are
  // never recorded (enhancedDatabaseReporting off): they hold personal data.
  registerInstrumentations({ tracerProvider: provider, instrumentations: [new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false })] });
  createRequire(import.meta.url)('pg');
  started = { recording, shutdown: () => provider.shutdown() };
  return started;
}

/** Whether spans are being recorded (so that a caller can skip building one). */
export function isRecording(): boolean {
  return recording;
}

/** The context of a request that arrived with these headers: the caller's trace when it sent a valid `traceparent`. */
export function incomingContext(headers: Readonly<Record<string, string | string[] | undefined>>): Context {
  return propagation.extract(ROOT_CONTEXT, headers);
}

/** Starts the server span of one HTTP request of `service` under `parent`. */
export function startServerSpan(service: string, method: string, path: string, parent: Context): Span {
  return tracer.startSpan(
    `${method} ${path}`,
    { kind: SpanKind.SERVER, attributes: { [SERVICE_ATTRIBUTE]: service, 'http.request.method': method, 'url.path': path } },
    parent,
  );
}

/** Ends a server span with the response's status. */
export function endServerSpan(span: Span, status: number): void {
  span.setAttribute('http.response.status_code', status);
  if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}

/** Writes the `traceparent` of the active span into `headers` (a call to a subgraph). */
export function injectTraceparent(set: (name: string, value: string) => void, from: Context = context.active()): void {
  propagation.inject(from, undefined, { set: (_carrier: unknown, name: string, value: string) => set(name, value) });
}

// Math.random-based, as the SDK's own ids: a trace id names a request, it guards nothing.
const idGenerator = new RandomIdGenerator();

/**
 * The ids of a request's server span when tracing is off: in the caller's trace when it sent a
 * valid `traceparent` (as the provider's parent-based ids were), else a new trace; a new span id.
 */
export function requestTraceIds(headers: Readonly<Record<string, string | string[] | undefined>>): TraceIds {
  const header = headers.traceparent;
  const parent = parseTraceParent(Array.isArray(header) ? (header[0] ?? '') : (header ?? ''));
  const traceId = parent && trace.isSpanContextValid(parent) ? parent.traceId : idGenerator.generateTraceId();
  return { traceId, spanId: idGenerator.generateSpanId(), sampled: false };
}

/**
 * The `traceparent` of a call made for a request when tracing is off: its trace, with a span id of
 * its own for the call (as the unrecorded `gateway.fetch` span had), not sampled.
 */
export function callTraceparent(traceId: string): string {
  return traceparentOf({ traceId, spanId: idGenerator.generateSpanId(), sampled: false });
}

/** The ids of a started span (the server span of a request when tracing records). */
export function spanIds(span: Span): TraceIds {
  const { traceId, spanId, traceFlags } = span.spanContext();
  return { traceId, spanId, sampled: (traceFlags & 1) === 1 };
}

/** The `traceparent` (and `traceresponse`) value that names a span by its ids. */
export function traceparentOf(ids: TraceIds): string {
  return `00-${ids.traceId}-${ids.spanId}-${ids.sampled ? '01' : '00'}`;
}

/** Trace and span id of the active span; undefined outside one (always when tracing is off: no context manager). */
export function activeSpanIds(): { traceId: string; spanId: string; sampled: boolean } | undefined {
  const span = trace.getActiveSpan();
  if (!span) return undefined;
  const { traceId, spanId, traceFlags } = span.spanContext();
  if (!trace.isSpanContextValid(span.spanContext())) return undefined;
  return { traceId, spanId, sampled: (traceFlags & 1) === 1 };
}

/**
 * Runs one SQL statement of embedded PGlite inside a client span, as the pg instrumentation does
 * for PostgreSQL: `db.query.text` is the statement text (parameters never). Without recording it
 * just runs.
 */
export function withStatementSpan<T>(schema: string, text: string, run: () => Promise<T>): Promise<T> {
  if (!recording || !trace.getActiveSpan()) return run();
  const operation = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? 'SQL';
  return tracer.startActiveSpan(
    `${operation} ${schema}`,
    { kind: SpanKind.CLIENT, attributes: { 'db.system.name': 'postgresql', 'db.system': 'postgresql', 'db.namespace': schema, 'db.operation.name': operation, 'db.query.text': text, 'sociaal_graph.database': 'pglite' } },
    async (span) => {
      try {
        return await run();
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
