import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { createLogger, type Logger, traceFields } from './observability/logger.js';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * Every `extensions.code` the graph returns: Apollo Server's codes plus ours.
 * Values equal their names so that clients can switch on them.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'GRAPHQL_PARSE_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'SUBGRAPH_UNAVAILABLE'
  | 'QUERY_TOO_DEEP'
  | 'TOO_MANY_ALIASES'
  | 'TOO_MANY_ROOT_FIELDS'
  | 'QUERY_TOO_COSTLY'
  | 'LOGBOEK_ONBEREIKBAAR'
  | 'PERSISTED_QUERY_NOT_IN_SAFELIST'
  | 'OPERATION_RESOLUTION_FAILURE'
  | 'PERSONAL_DATA_IN_URL'
  | 'MANDATEN_ONBEREIKBAAR'
  | 'PERSONAL_DATA_LIMIT'
  | 'DISCLOSURE_BUDGET_EXCEEDED'
  | 'BAD_REQUEST'
  | 'RATE_LIMITED'
  | 'RESPONSE_TOO_LARGE'
  | 'OVERLOADED'
  | 'OPERATION_TIMEOUT'
  | 'IDEMPOTENTIESLEUTEL_HERGEBRUIKT'
  | 'INTERNAL_SERVER_ERROR';

declare module 'graphql' {
  interface GraphQLErrorExtensions {
    code?: ErrorCode | string;
  }
}

export interface DomainErrorOptions {
  code: ErrorCode;
  /** A thrown value this error explains; kept for logs, never serialised. */
  originalError?: Error;
  /** Extra details for clients, under one namespaced key (`extensions.sociaalGraph`). */
  details?: Record<string, unknown>;
}

/** The one base class for errors we mean to show to a caller. */
export class DomainError extends GraphQLError {
  constructor(message: string, options: DomainErrorOptions) {
    super(message, {
      originalError: options.originalError,
      extensions: {
        code: options.code,
        ...(options.details ? { sociaalGraph: options.details } : {}),
      },
    });
    this.name = 'DomainError';
  }
}

/** Input the caller can fix: a malformed code, a negative page size. */
export function badUserInput(message: string, details?: Record<string, unknown>): DomainError {
  return new DomainError(message, { code: 'BAD_USER_INPUT', details });
}

/** A lookup by key that found nothing. */
export function notFound(message: string, details?: Record<string, unknown>): DomainError {
  return new DomainError(message, { code: 'NOT_FOUND', details });
}

const KNOWN_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'SUBGRAPH_UNAVAILABLE',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'TOO_MANY_ROOT_FIELDS',
  'QUERY_TOO_COSTLY',
  // Personal data withheld because its read could not be logged (Logboek Dataverwerkingen).
  'LOGBOEK_ONBEREIKBAAR',
  // A client in safelist mode sent an operation outside its manifest (issue 13).
  'PERSISTED_QUERY_NOT_IN_SAFELIST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  // A GET whose variables carry personal data (they would sit in URLs); send it as POST.
  'PERSONAL_DATA_IN_URL',
  // gemeenten unreachable and the last known arrangements older than MANDATE_STALE_SECONDS.
  'MANDATEN_ONBEREIKBAAR',
  // More residents' personal data than one request, or the actor's hour, may read.
  'PERSONAL_DATA_LIMIT',
  // More distinct cells of aggregates than one caller may see in a day (issue 10; HTTP 429).
  'DISCLOSURE_BUDGET_EXCEEDED',
  'BAD_REQUEST',
  'RATE_LIMITED',
  'RESPONSE_TOO_LARGE',
  'OVERLOADED',
  // A subgraph stopped a request at its deadline or PostgreSQL cancelled a statement (issue 11).
  'OPERATION_TIMEOUT',
  // A mutation's idempotency key sent again with other input (toolkit mutatie/mutatie.ts).
  'IDEMPOTENTIESLEUTEL_HERGEBRUIKT',
] as ErrorCode[]);

/**
 * `formatError` for every server: errors we meant keep their message and code; anything else
 * (a SQL error, a bug) becomes a plain internal error so no table name or stack reaches a client.
 * Never throws.
 */
export function maskError(
  formatted: GraphQLFormattedError,
  log: (message: string, error: unknown) => void = defaultLog,
  original?: unknown,
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
  if (typeof code === 'string' && KNOWN_CODES.has(code)) {
    return { ...formatted, extensions };
  }
  log('unexpected error', original ?? formatted);
  return {
    message: 'Interne fout: de aanvraag kon niet worden uitgevoerd.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

function defaultLog(message: string, error: unknown): void {
  const trace = typeof error === 'object' && error !== null ? traceOfError.get(error) : undefined;
  (logger ??= createLogger('sociaal-graph')).error({ err: error, ...trace }, message);
}

let logger: Logger | undefined;

/** The trace of the request each error of a request belongs to (`errorTracePlugin`), gone with the error. */
const traceOfError = new WeakMap<object, ReturnType<typeof traceFields>>();

const errorTraceListener: GraphQLRequestListener<BaseContext> = {
  async didEncounterErrors({ contextValue, errors }) {
    const trace = traceFields(contextValue as { traceId?: string; spanId?: string });
    for (const error of errors) traceOfError.set(error, trace);
  },
};

/**
 * Lets `maskError`'s line about an unexpected error name the request's trace: Apollo's
 * `formatError` gets no context, and with tracing off no active span carries the ids
 * (observability/tracing.ts). Apollo formats the very error objects it gave this hook. Costs
 * nothing on a request without errors.
 */
export function errorTracePlugin(): ApolloServerPlugin<BaseContext> {
  return { requestDidStart: async () => errorTraceListener };
}
