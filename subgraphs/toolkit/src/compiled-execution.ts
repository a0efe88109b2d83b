import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { printSubgraphSchema } from '@apollo/subgraph';
import { createRequire } from 'node:module';
import type { DocumentNode, ExecutionResult, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

// The graphql-js that Apollo Server, type-graphql and graphql-jit load (its CommonJS build), so that
// the errors made here are GraphQLErrors to them; a test runner may give this file the ESM build.
const graphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');

/**
 * Compiled operations kept per subgraph process, the least recently used dropped first, bounded by
 * the length of their documents: a compiled operation takes about 420 bytes of heap per character of
 * its document (0.85 MB for the 2,000 characters of `arrangementen` x12), so 64,000 characters is about
 * 27 MB however many distinct documents an attacker sends. The gateway's documents are mostly a few
 * hundred characters: some hundreds of them stay compiled.
 */
export const COMPILED_CHARACTERS_KEPT = 64_000;

type Compiled = CompiledQuery | ExecutionResult;
/** Apollo Server's gateway interface (from @apollo/server-gateway-interface, a dependency of @apollo/server). */
type GatewayInterface = ApolloServerOptionsWithGateway<never>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;
type GatewayExecutionResult = Awaited<ReturnType<GatewayExecutor>>;

/** What executing one operation reads: all the gateway executor takes of Apollo's request context. */
export interface CompiledRun {
  readonly document: DocumentNode;
  /** The operation's own name (Apollo's `operationName` of the request context), or null for an anonymous one. */
  readonly operationName: string | null;
  /** Apollo's hash of the document's text (SHA-256, hex): with the name, the key of the compiled operation. */
  readonly queryHash: string;
  /** The document's length in characters (what the kept operations are bounded by). */
  readonly characters: number;
  readonly variables?: Record<string, unknown>;
  readonly context: unknown;
}

/**
 * Apollo Server's gateway interface around the compiled operations, and `run`, the same execution for
 * a caller that has what it reads without Apollo's request context (http.ts, its own operation pipeline).
 */
export interface CompiledExecution extends GatewayInterface {
  run(operation: CompiledRun): Promise<ExecutionResult>;
  /** The executor `load` gives Apollo Server: by it a caller knows that a server executes with this. */
  readonly executor: GatewayExecutor;
}

/**
 * Executes a subgraph's operations with graphql-jit instead of graphql-js' `execute`: each operation
 * is compiled once to a function for its exact selection. graphql-js takes every field value through
 * its generic path (a resolve info, a path entry, type checks, and for every object with an async
 * field a promise over all its fields); in `arrangementen` x12 (77,000 fields) that cost gemeenten
 * about 490 ms of CPU, mostly garbage collection, and about 150 ms compiled (the same answer, byte for
 * byte). Compiling costs 0.1-0.4 ms for a small operation and about 20 ms for that one, once: the
 * gateway sends the same few documents again and again. Apollo Server still parses, validates and
 * runs every plugin hook (Logboek, disclosure budget, metrics); only execution is swapped, through
 * its gateway interface, Apollo's way to bring an executor (or `run` by operation-pipeline.ts, its
 * pipeline for a validated document redone). Resolvers, errors with their
 * `extensions.code`, and null propagation behave as under graphql-js.
 */
export function compiledExecution(schema: GraphQLSchema): CompiledExecution {
  // Keyed by the hash of the document's text and the operation's name, each sized by its document's length;
  // one longer than all that is kept is compiled for its call only.
  const compiled = new LRUCache<string, Compiled>({ maxSize: COMPILED_CHARACTERS_KEPT });
  const run = async ({ document, operationName, queryHash, characters: size, variables, context }: CompiledRun): Promise<ExecutionResult> => {
    const key = `${queryHash}:${operationName ?? ''}`;
    let query = compiled.get(key);
    if (query === undefined) {
      query = compileQuery(schema, document, operationName ?? undefined);
      compiled.set(key, query, { size: Math.max(1, size) });
    }
    if (!isCompiledQuery(query)) return query;
    const result = await query.query(undefined, context, variables ?? {});
    // No data at all: the variables were refused before anything ran. graphql-js refuses them again,
    // with the variable's definition on each error, which Apollo Server answers as BAD_USER_INPUT.
    if (!('data' in result)) {
      return graphql.execute({ schema, document, operationName, variableValues: variables, contextValue: context });
    }
    if (result.errors) result.errors = result.errors.map(asGraphQLError);
    return result;
  };
  const executor: GatewayExecutor = ({ document, operationName, queryHash, request, context }) =>
    run({ document, operationName, queryHash, characters: request.query?.length ?? 0, variables: request.variables, context }) as Promise<GatewayExecutionResult>;
  return {
    run,
    executor,
    load: async () => ({ executor }),
    onSchemaLoadOrUpdate: (callback) => {
      // The SDL only names the schema in Apollo's reports (its hash); printed by @apollo/subgraph, whose graphql-js built it.
      callback({ apiSchema: schema, coreSupergraphSdl: printSubgraphSchema(schema) });
      return () => undefined;
    },
    stop: async () => undefined,
  };
}

/**
 * graphql-jit's errors carry no `extensions` when the resolver's error had none; Apollo Server reads
 * `extensions.code` of every error. The same error as graphql-js makes it: message, path, locations
 * and the original error (whose `extensions.code` it keeps, else Apollo's INTERNAL_SERVER_ERROR).
 */
function asGraphQLError(error: import('graphql').GraphQLError): import('graphql').GraphQLError {
  const converted = new graphql.GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: error.extensions });
  (converted as { locations?: GraphQLFormattedError['locations'] }).locations = error.locations;
  return converted;
}
