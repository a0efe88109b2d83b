import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from '../context.js';

export interface SubgraphErrorsPluginOptions {
  /**
   * Extension keys a client may see on an error that came from a subgraph. Default `code`,
   * `serviceName` (the subgraph's name) and `sociaalGraph` (the toolkit's one namespaced key
   * for details, docs/style.md 9).
   */
  allowedExtensions?: readonly string[];
}

/**
 * No stack trace or internal detail of a subgraph reaches a client. @apollo/gateway copies
 * every extension of a subgraph error into the gateway's error (`downstreamServiceError` in
 * `executeQueryPlan.ts`), so a subgraph that leaks a `stacktrace`, an `exception` or an HTTP
 * `response` (with its internal URL) would leak through the gateway too. This plugin keeps only
 * the allowed keys on errors marked with `serviceName`; the masking `formatError` has already
 * replaced the message of any error without a known code.
 *
 * Runs in `willSendResponse`, after `formatError`, on the errors as they will be sent.
 */
export function subgraphErrorsPlugin(options: SubgraphErrorsPluginOptions = {}): ApolloServerPlugin<GatewayContext> {
  const allowed = new Set(options.allowedExtensions ?? ['code', 'serviceName', 'sociaalGraph']);
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { errors } = response.body.singleResult;
          if (errors?.some(fromSubgraph)) {
            response.body.singleResult.errors = errors.map((error) => (fromSubgraph(error) ? trim(error, allowed) : error));
          }
        },
      };
    },
  };
}

function fromSubgraph(error: GraphQLFormattedError): boolean {
  return typeof error.extensions?.serviceName === 'string';
}

function trim(error: GraphQLFormattedError, allowed: ReadonlySet<string>): GraphQLFormattedError {
  const extensions = Object.fromEntries(Object.entries(error.extensions ?? {}).filter(([key]) => allowed.has(key)));
  return { message: error.message, locations: error.locations, path: error.path, extensions };
}
