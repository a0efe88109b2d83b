import { trace } from '@opentelemetry/api';
import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';

export type { Logger } from 'pino';

/**
 * One structured JSON line per event (pino), for the gateway and every subgraph: `service`, the
 * OpenTelemetry `trace_id` and `span_id` of the request when there is one, and the message.
 *
 * Personal data never goes into a log line. The code logs no variables, no response data and
 * no SQL parameters; as a second lock, error messages lose what they quote (a PostgreSQL or
 * GraphQL error quotes the value it refused) and every line loses standalone nine-digit numbers
 * (a BSN) before it is written. `test/logs-hold-no-personal-data.test.ts` reads the lines of a
 * run that reads BSNs.
 */

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Lines also go to these (tests); a Set, so writing costs nothing when there is none. */
const taps = new Set<(line: string) => void>();
let root: Logger | undefined;

/** A standalone nine-digit number: the shape of a BSN (a trace id's digits sit between letters). */
const NINE_DIGITS = /\b\d{9}\b/g;

function rootLogger(): Logger {
  if (root) return root;
  const level = process.env.LOG_LEVEL || 'info';
  if (!(LEVELS as readonly string[]).includes(level)) throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')}, got "${level}"`);
  const stdout = pino.destination({ dest: 1, sync: true });
  const destination: DestinationStream = {
    write(line: string) {
      for (const tap of taps) tap(line);
      stdout.write(line);
    },
  };
  const options: LoggerOptions = {
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: serializeError },
    // The trace of the request the line is about, when tracing records (AsyncLocalStorage carries the
    // active span). With tracing off there is no active span: a line about a request names its trace
    // itself (`traceFields`), and a field the line sets wins over the mixin's.
    mixin() {
      const span = trace.getActiveSpan();
      if (!span) return {};
      const { traceId, spanId } = span.spanContext();
      return { trace_id: traceId, span_id: spanId };
    },
    hooks: {
      streamWrite: (line) => line.replace(NINE_DIGITS, '[negen cijfers]'),
    },
  };
  root = pino(options, destination);
  return root;
}

/**
 * The fields that name a request's trace in a log line (`trace_id`, `span_id`), from its ids or its
 * context (`traceId`, and `spanId` where the context has one): a line about a request sets them
 * itself, because with tracing off no active span carries them (tracing.ts).
 */
export function traceFields(ids: { readonly traceId?: string; readonly spanId?: string } | undefined): { trace_id?: string; span_id?: string } {
  if (!ids?.traceId) return {};
  return ids.spanId ? { trace_id: ids.traceId, span_id: ids.spanId } : { trace_id: ids.traceId };
}

/** The logger of one process part (`gateway`, `wmo`, ...): every line names it as `service`. */
export function createLogger(service: string): Logger {
  return rootLogger().child({ service });
}

/** Sets the level of loggers created from now on (tests that read debug lines). */
export function setLogLevel(level: (typeof LEVELS)[number]): void {
  rootLogger().level = level;
}

/** Calls `tap` with every line written from now on, until the returned function is called (tests). */
export function tapLogLines(tap: (line: string) => void): () => void {
  taps.add(tap);
  return () => taps.delete(tap);
}

/**
 * An error as a log field: its type, code (PostgreSQL's SQLSTATE, GraphQL's extensions.code),
 * message and stack frames, without what the message quotes and without the fields a driver adds
 * (pg's `detail` names the row's values).
 */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: scrubMessage(String(error)) };
  const code = (error as { code?: unknown }).code ?? (error as { extensions?: { code?: unknown } }).extensions?.code;
  return {
    type: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: scrubMessage(error.message),
    // The first line of a stack repeats the message; the frames name files, never data.
    stack: error.stack?.split('\n').slice(1).join('\n'),
  };
}

/** Takes quoted parts out of a message: `invalid input syntax for type date: "..."`. */
export function scrubMessage(message: string): string {
  return message.replace(/"[^"]*"|'[^']*'|\([^()]*\)=\([^()]*\)/g, '"…"');
}
