import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  ApolloServer, ApolloServerPlugin, BaseContext, GraphQLRequest, GraphQLRequestContext, GraphQLRequestListener, GraphQLResponse, HTTPGraphQLHead,
} from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { LRUCache } from 'lru-cache';
import type { CachePolicy } from '@apollo/cache-control-types';
import type { DocumentNode, GraphQLError, GraphQLFormattedError, GraphQLSchema, OperationDefinitionNode, ParseOptions, ValidationRule } from 'graphql';
import type { CompiledExecution } from './compiled-execution.js';

// The graphql-js Apollo Server loads (its CommonJS build): its GraphQLError is the one Apollo's errors are.
const require = createRequire(import.meta.url);
const graphql = require('graphql') as typeof import('graphql');

/**
 * Apollo Server's own helpers for what its pipeline does with errors, response heads and cache policies, from
 * the files of the ES module build this process runs (`@apollo/server` exports only its public API; the
 * resolved entry is the CommonJS build's, its sibling folder `esm` the one `import` loads): the same code as
 * Apollo's path, not a copy of it. An upgrade that moves them fails at start and in http.test.ts.
 */
const apolloBuild = (file: string) => pathToFileURL(join(dirname(require.resolve('@apollo/server')), '..', 'esm', file)).href;
const { newCachePolicy } = (await import(apolloBuild('cachePolicy.js'))) as { newCachePolicy(): CachePolicy };
const { normalizeAndFormatErrors, ensureError, ensureGraphQLError } = (await import(apolloBuild('errorNormalize.js'))) as {
  normalizeAndFormatErrors(
    errors: readonly unknown[],
    options: { formatError?: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError; includeStacktraceInErrorResponses?: boolean },
  ): { formattedErrors: GraphQLFormattedError[]; httpFromErrors: HTTPGraphQLHead };
  ensureError(maybeError: unknown): Error;
  ensureGraphQLError(maybeError: unknown): GraphQLError;
};
const { newHTTPGraphQLHead: newHead, mergeHTTPGraphQLHead: mergeHead } = (await import(apolloBuild('runHttpQuery.js'))) as {
  newHTTPGraphQLHead(status?: number): HTTPGraphQLHead;
  mergeHTTPGraphQLHead(target: HTTPGraphQLHead, source: HTTPGraphQLHead): void;
};
const { UserInputError } = (await import(apolloBuild('internalErrorClasses.js'))) as { UserInputError: new (error: GraphQLError) => GraphQLError };

/**
 * Documents kept parsed and validated, the least recently used dropped first, bounded by the length of
 * their text (as the compiled operations are, compiled-execution.ts): only documents that passed
 * validation are kept, and only the gateway's calls (admitted first) reach them.
 */
export const DOCUMENTS_CHARACTERS_KEPT = 64_000;

/** What of Apollo Server's private state this pipeline reads (@apollo/server 5, `ApolloServerInternals`). */
interface Internals<TContext extends BaseContext> {
  readonly state: { readonly phase: string; readonly schemaManager?: { getSchemaDerivedData(): { schema: GraphQLSchema } } };
  readonly plugins: readonly ApolloServerPlugin<TContext>[];
  readonly formatError?: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  readonly includeStacktraceInErrorResponses: boolean;
  readonly status400ForVariableCoercionErrors?: boolean;
  readonly dangerouslyDisableValidation?: boolean;
  readonly parseOptions: ParseOptions;
  readonly validationOptions: Parameters<typeof import('graphql').validate>[3];
  readonly validationRules: readonly ValidationRule[];
  readonly laterValidationRules?: readonly ValidationRule[];
  readonly gatewayExecutor: unknown;
}

interface KnownDocument {
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  /** Apollo's hash of the text, made once (its pipeline makes it per request). */
  readonly queryHash: string;
}

/** The request of a plain POST: a text query, no persisted query, as `passesHttpLayer` let through. */
export type PlainRequest = GraphQLRequest & { readonly query: string };

/**
 * Apollo Server's operation pipeline (`processGraphQLRequest`, @apollo/server 5) for what nearly every
 * call of the one-process graph is (issue 14): a document it has validated before, executed by
 * `compiledExecution`. Per call Apollo hashes the text (SHA-256), looks the document up under that hash,
 * negotiates an `accept` header no call has, dispatches every hook to every plugin and builds the
 * gateway's copy of its request context: about a twentieth of the subgraphs' thread (6.2 % of its busy
 * time at 50 connections, 3.9 % with this; 56 against 32 µs of CPU per call of a small `_entities`
 * operation with the subgraphs' plugins, alternating in one process). Here the document
 * is found by its text (hash and document made once), and the rest is Apollo's path for a document its
 * store holds, step by step: the same request context, each plugin's hooks in Apollo's order with the
 * same arguments (a hook no listener has is not awaited), the same errors (BAD_USER_INPUT for refused
 * variables, `formatError`, status from `extensions.http`, 400 when nothing ran) and its answer to a hook
 * that throws. `run` answers undefined, before any plugin saw the request, for anything else: an unknown
 * or invalid document, no operation by that name, a persisted query, a server not started, one whose
 * executor is not `compiled` or one with an Apollo plugin that hooks into every field (cache hints,
 * traces); the caller then takes Apollo's own path. The first call of a document takes that path too
 * (its parsing and validation hooks included), while the document is validated here for the next.
 */
export function operationPipeline<TContext extends BaseContext>(server: ApolloServer<TContext>, compiled: CompiledExecution) {
  const internals = (server as unknown as { internals: Internals<TContext> }).internals;
  // Keyed by the document's text, each sized by its length.
  const known = new LRUCache<string, KnownDocument>({ maxSize: DOCUMENTS_CHARACTERS_KEPT, sizeCalculation: (_, query) => Math.max(1, query.length) });
  // The plugins with a request listener, in Apollo's order (it calls `requestDidStart` of each, in order).
  let starters: ApolloServerPlugin<TContext>[] | undefined;
  /** Whether no plugin of Apollo's hooks into every field (known once the server has started). */
  let fieldsPlain: boolean | undefined;

  /** The document of `query` for `schema`, parsed and validated as Apollo does, or undefined when Apollo would refuse it. */
  function documentOf(query: string, schema: GraphQLSchema): KnownDocument | undefined {
    const kept = known.get(query);
    if (kept !== undefined && kept.schema === schema) return kept;
    let document: DocumentNode;
    try {
      document = graphql.parse(query, internals.parseOptions);
    } catch {
      return undefined;
    }
    if (internals.dangerouslyDisableValidation !== true) {
      let errors = graphql.validate(schema, document, [...graphql.specifiedRules, ...internals.validationRules], internals.validationOptions);
      if (errors.length === 0 && internals.laterValidationRules) errors = graphql.validate(schema, document, internals.laterValidationRules);
      if (errors.length > 0) return undefined;
    }
    // Replaces one made for another schema (a gateway may update it).
    known.set(query, { schema, document, queryHash: createHash('sha256').update(query).digest('hex') });
    // Parsed and validated outside any request: this one still takes Apollo's path (its parsing and
    // validation hooks included); the next with this text takes this one.
    return undefined;
  }

  /**
   * Runs a plain POST's operation as Apollo's pipeline would, or answers undefined (nothing run, no
   * plugin called) when it is not one this pipeline takes.
   */
  async function run(request: PlainRequest, contextValue: TContext): Promise<GraphQLResponse | undefined> {
    const { state } = internals;
    if ((state.phase !== 'started' && state.phase !== 'draining') || !state.schemaManager) return undefined;
    // Only a server whose executor is `compiled`'s (set when it started) runs its operations here.
    if (internals.gatewayExecutor !== compiled.executor) return undefined;
    // Apollo's plugins that time or hint each field need its instrumented resolvers: Apollo's path for their server.
    fieldsPlain ??= !internals.plugins.some(instrumentsFields);
    if (!fieldsPlain) return undefined;
    if (request.query === '' || request.extensions?.persistedQuery) return undefined;
    const { schema } = state.schemaManager.getSchemaDerivedData();
    const known = documentOf(request.query, schema);
    if (known === undefined) return undefined;
    const operation = graphql.getOperationAST(known.document, request.operationName);
    if (!operation) return undefined;
    starters ??= internals.plugins.filter((plugin) => plugin.requestDidStart);
    const requestContext: Mutable<GraphQLRequestContext<TContext>> = {
      logger: server.logger,
      cache: server.cache,
      schema,
      request,
      response: { http: { status: undefined, headers: new HeaderMap() } },
      // A copy, as Apollo makes (a hook may mark the context of one run).
      contextValue: Object.assign(Object.create(Object.getPrototypeOf(contextValue) as object | null) as TContext, contextValue),
      metrics: {},
      overallCachePolicy: newCachePolicy(),
      requestIsBatched: false,
    };
    try {
      return await pipeline(requestContext, known, operation);
    } catch (maybeError) {
      // What Apollo does when its pipeline throws (a hook threw): each plugin hears of it, one log line, a masked error.
      const error = ensureError(maybeError);
      await Promise.all(internals.plugins.map(async (plugin) => plugin.unexpectedErrorProcessingRequest?.({ requestContext, error })));
      server.logger.error(`Unexpected error processing request: ${error}`);
      throw new Error('Internal server error');
    }
  }

  async function pipeline(requestContext: Mutable<GraphQLRequestContext<TContext>>, known: KnownDocument, operation: OperationDefinitionNode): Promise<GraphQLResponse> {
    const listeners = (await Promise.all(starters!.map((plugin) => plugin.requestDidStart!(requestContext)))).filter(isDefined);
    requestContext.metrics.persistedQueryHit = false;
    requestContext.metrics.persistedQueryRegister = false;
    requestContext.queryHash = known.queryHash;
    requestContext.source = requestContext.request.query;
    await each(listeners, 'didResolveSource', requestContext);
    // Apollo's path for a document its store holds: no parsing or validation hooks.
    requestContext.document = known.document;
    requestContext.operation = operation;
    requestContext.operationName = operation.name?.value || null;

    try {
      await each(listeners, 'didResolveOperation', requestContext);
    } catch (error) {
      return sendErrorResponse(requestContext, listeners, [ensureGraphQLError(error)]);
    }
    let fromPlugin: GraphQLResponse | null = null;
    for (const listener of listeners) {
      if (!listener.responseForOperation) continue;
      const value = await listener.responseForOperation(requestContext as never);
      if (value != null) {
        fromPlugin = value;
        break;
      }
    }
    if (fromPlugin !== null) {
      requestContext.response.body = fromPlugin.body;
      mergeHead(requestContext.response.http, fromPlugin.http);
    } else {
      const executionListeners = (await Promise.all(listeners.map((listener) => listener.executionDidStart?.(requestContext as never)))).filter(isDefined).reverse();
      // Apollo instruments the schema's resolvers for such a hook; no plugin of ours has one (cache control and inline traces are off).
      if (executionListeners.some((listener) => listener.willResolveField)) throw new Error('willResolveField is not supported by this operation pipeline');
      try {
        const result = await compiled.run({
          document: known.document,
          operationName: requestContext.operationName,
          queryHash: known.queryHash,
          characters: requestContext.request.query!.length,
          variables: requestContext.request.variables,
          context: requestContext.contextValue,
        });
        // Refused variables are the client's mistake (BAD_USER_INPUT), unless the error has a code already.
        const errors = result.errors?.map((error) => (isBadUserInput(error) && error.extensions?.code == null ? new UserInputError(error) : error));
        if (errors) await didEncounterErrors(requestContext, listeners, errors);
        const { formattedErrors, httpFromErrors } = errors ? formatErrors(errors) : { formattedErrors: undefined, httpFromErrors: newHead() };
        if (internals.status400ForVariableCoercionErrors && errors?.length && result.data === undefined && !httpFromErrors.status) httpFromErrors.status = 400;
        mergeHead(requestContext.response.http, httpFromErrors);
        requestContext.response.body = { kind: 'single', singleResult: { ...result, errors: formattedErrors } };
      } catch (maybeError) {
        const error = ensureError(maybeError);
        await Promise.all(executionListeners.map((listener) => listener.executionDidEnd?.(error)));
        return sendErrorResponse(requestContext, listeners, [ensureGraphQLError(error)]);
      }
      await Promise.all(executionListeners.map((listener) => listener.executionDidEnd?.()));
    }
    await each(listeners, 'willSendResponse', requestContext);
    return requestContext.response as GraphQLResponse;
  }

  /** Apollo's answer when the pipeline stops before or in execution: its errors only, status 500 unless they name one. */
  async function sendErrorResponse(requestContext: Mutable<GraphQLRequestContext<TContext>>, listeners: readonly Listener<TContext>[], errors: readonly GraphQLError[]): Promise<GraphQLResponse> {
    await didEncounterErrors(requestContext, listeners, errors);
    const { formattedErrors, httpFromErrors } = formatErrors(errors);
    requestContext.response.body = { kind: 'single', singleResult: { errors: formattedErrors } };
    mergeHead(requestContext.response.http, httpFromErrors);
    requestContext.response.http.status ||= 500;
    await each(listeners, 'willSendResponse', requestContext);
    return requestContext.response as GraphQLResponse;
  }

  /** Apollo's `normalizeAndFormatErrors` with this server's `formatError` and stack-trace setting. */
  function formatErrors(errors: readonly GraphQLError[]): { formattedErrors: GraphQLFormattedError[]; httpFromErrors: HTTPGraphQLHead } {
    return normalizeAndFormatErrors(errors, { formatError: internals.formatError, includeStacktraceInErrorResponses: internals.includeStacktraceInErrorResponses });
  }

  return { run };
}

/** Apollo's own plugins that hook into every field's resolver (`willResolveField`), when not disabled. */
function instrumentsFields(plugin: object): boolean {
  const { __internal_plugin_id__: id, __is_disabled_plugin__: disabled } = plugin as { __internal_plugin_id__?: string; __is_disabled_plugin__?: boolean };
  return (id === 'CacheControl' || id === 'InlineTrace' || id === 'UsageReporting') && !disabled;
}

type Mutable<T> = { -readonly [P in keyof T]: T[P] };

type Listener<TContext extends BaseContext> = GraphQLRequestListener<TContext>;

/** Apollo's `didEncounterErrors` step: the errors on the request context, then every listener's hook. */
async function didEncounterErrors<TContext extends BaseContext>(requestContext: Mutable<GraphQLRequestContext<TContext>>, listeners: readonly Listener<TContext>[], errors: readonly GraphQLError[]): Promise<void> {
  requestContext.errors = errors;
  await each(listeners, 'didEncounterErrors', requestContext);
}

/**
 * Calls one hook (by name: no function made per call) of every listener that has it, together, as
 * Apollo does; nothing to await when none has it.
 */
async function each<TContext extends BaseContext>(
  listeners: readonly Listener<TContext>[],
  name: 'didResolveSource' | 'didResolveOperation' | 'didEncounterErrors' | 'willSendResponse',
  requestContext: Mutable<GraphQLRequestContext<TContext>>,
): Promise<void> {
  let pending: Promise<void>[] | undefined;
  for (const listener of listeners) {
    const hook = listener[name] as ((this: Listener<TContext>, requestContext: unknown) => Promise<void>) | undefined;
    if (hook !== undefined) (pending ??= []).push(hook.call(listener, requestContext));
  }
  if (pending) await Promise.all(pending);
}

function isDefined<T>(value: T | null | undefined | void): value is T {
  return value != null;
}

/** Whether graphql-js refused a variable's value (Apollo's test, by the wordings of graphql-js 16 and 17). */
function isBadUserInput(error: GraphQLError): boolean {
  const node = error.nodes?.length === 1 ? error.nodes[0] : undefined;
  if (node?.kind !== graphql.Kind.VARIABLE_DEFINITION) return false;
  const variable = `Variable "$${node.variable.name.value}" `;
  return ['has invalid value', 'got invalid value ', 'of required type ', 'of non-null type '].some((rest) => error.message.startsWith(variable + rest));
}
