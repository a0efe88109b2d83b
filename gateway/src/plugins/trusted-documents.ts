import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { DomainError } from '@sociaal-graph/toolkit/gateway';
import type { ManifestStore } from '../cache/manifest-store.js';
import type { GatewayContext } from '../context.js';

export interface TrustedDocumentsPluginOptions {
  /** The clients' manifests. */
  readonly store: ManifestStore;
  /** Clients in safelist mode: `*` for every client a token names, or a list of client ids. */
  readonly safelist: '*' | readonly string[];
}

/**
 * Trusted documents per client (issue 13). A token names its client (`client_id`/`azp`, see
 * `GatewayContext.client`); without one (a person exploring in GraphiQL) nothing changes, and APQ
 * works as before. With one:
 * - a request that sends only a document id (`extensions.persistedQuery.sha256Hash`) found in the
 *   client's manifest runs that document (Apollo checks the id against the text again);
 * - a client in safelist mode may send nothing else: an id outside its manifest, or a text whose
 *   sha256 is not in it, is answered with HTTP 403 and `PERSISTED_QUERY_NOT_IN_SAFELIST` alone; it
 *   stops in didResolveOperation, before planning, so no subgraph is asked and APQ stores nothing.
 * The manifest is looked up in requestDidStart, the one hook before Apollo resolves a persisted query.
 */
export function trustedDocumentsPlugin(options: TrustedDocumentsPluginOptions): ApolloServerPlugin<GatewayContext> {
  const safelisted = (client: string) => options.safelist === '*' || options.safelist.includes(client);
  const allowed = async (client: string, request: { query?: string; extensions?: Record<string, unknown> }): Promise<boolean> => {
    const persisted: unknown = request.extensions?.persistedQuery;
    const id = persisted && typeof persisted === 'object' && 'sha256Hash' in persisted ? persisted.sha256Hash : undefined;
    if (request.query === undefined && typeof id === 'string') {
      const document = await options.store.document(client, id);
      // Apollo checks the id against this text again, as for any persisted query.
      if (document !== undefined) request.query = document;
      return document !== undefined || !safelisted(client);
    }
    if (!safelisted(client)) return true;
    return typeof request.query === 'string' && (await options.store.document(client, sha256(request.query))) !== undefined;
  };
  return {
    async requestDidStart({ request, contextValue }) {
      const { client } = contextValue;
      if (!client || (await allowed(client, request))) return undefined;
      // An error thrown in requestDidStart is a 500 in Apollo Server, and an unknown id would first
      // meet APQ's PERSISTED_QUERY_NOT_FOUND: refuse before execution, and answer the refusal alone.
      const refusal = notInSafelist(client);
      return {
        async didResolveOperation() {
          throw refusal;
        },
        async willSendResponse({ response }) {
          response.body = { kind: 'single', singleResult: { errors: [{ message: refusal.message, extensions: { code: refusal.extensions.code, sociaalGraph: { client } } }] } };
          response.http.status = 403;
        },
      };
    },
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function notInSafelist(client: string): DomainError {
  const error = new DomainError(
    `De client "${client}" mag alleen de operaties uit zijn manifest sturen (safelist); deze operatie staat er niet in.`,
    { code: 'PERSISTED_QUERY_NOT_IN_SAFELIST', details: { client } },
  );
  // Apollo Server takes the status of an error thrown before execution from here.
  error.extensions.http = { status: 403 };
  return error;
}
