import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, type GraphQLFormattedError, type GraphQLSchema, Kind, type OperationDefinitionNode, print } from 'graphql';
import type { GatewayContext } from '../context.js';
import type { Caller } from '../auth/caller.js';
import { fillRefused, type FilteredOperation, filterOperation, PLACEHOLDER_KEY, type RefusedField } from './authorization-filter.js';
import { type CallerRights, describeRequirement, readAuthorization, rightsOf, type SupergraphAuthorization, unmetRequirement } from './authorization-requirements.js';

/**
 * Enforces `@authenticated`, `@requiresScopes` and `@policy` of the supergraph before execution
 * (docs/security.md; @apollo/gateway does not). In `didResolveOperation`
 * the fields the caller may not see are taken out of the document, so no subgraph is asked for
 * them; after execution each gets `null` and one error naming it (UNAUTHENTICATED for an
 * anonymous caller, FORBIDDEN otherwise). The rest of the response stands.
 *
 * The filtered document gets its own `queryHash`: @apollo/gateway keys its query-plan cache on
 * it, so a plan without refused fields is never served to a caller who may see them, nor the
 * reverse. APQ registers the hash of the query as sent (Apollo Server keeps that in a local),
 * and the validated-document cache keeps the unfiltered document.
 */
export function authorizationPlugin(supergraphSdl: string): ApolloServerPlugin<GatewayContext> {
  // The requirements of each schema the gateway served, so that a request checks against the
  // supergraph it runs on: a reloaded supergraph (supergraph-watch.ts) brings its own, and a
  // request in flight keeps the ones of its schema.
  const bySchema = new WeakMap<GraphQLSchema, SupergraphAuthorization>();
  let latest = readAuthorization(supergraphSdl);
  return {
    async serverWillStart() {
      return {
        schemaDidLoadOrUpdate({ apiSchema, coreSupergraphSdl }) {
          if (coreSupergraphSdl === undefined) return;
          latest = readAuthorization(coreSupergraphSdl);
          bySchema.set(apiSchema, latest);
        },
      };
    },
    async requestDidStart({ contextValue, schema }) {
      const authorization = bySchema.get(schema) ?? latest;
      let refused: readonly RefusedField[] = [];
      // Every root field refused: answered by responseForOperation without any subgraph.
      let answerAlone = false;
      return {
        async didResolveOperation(requestContext) {
          const { document, operation } = requestContext;
          if (!operation) return;
          const { filtered, queryHash } = filteredFor(document, operation, authorization, contextValue.caller);
          refused = filtered.refused;
          if (refused.length === 0) return;
          // Typed read-only for plugins, but the pipeline reads these three from the request
          // context when it executes (requestPipeline.ts `execute`), after this hook.
          const writable = requestContext as unknown as { document: DocumentNode; operation: OperationDefinitionNode; queryHash: string };
          writable.document = filtered.document;
          writable.operation = filtered.operation;
          writable.queryHash = queryHash!;
          if (!filtered.fetches) answerAlone = true;
        },
        async responseForOperation(requestContext) {
          if (!answerAlone) return null;
          // Nothing left to fetch: answer here without calling any subgraph.
          const data: Record<string, unknown> = {};
          for (const field of refused) if (field.path.length === 1) data[field.path[0]] = null;
          const rootTypename = authorization.roots[requestContext.operation?.operation ?? 'query'];
          for (const selection of requestContext.operation?.selectionSet.selections ?? []) {
            if (selection.kind === Kind.FIELD && selection.name.value === '__typename' && selection.alias?.value !== PLACEHOLDER_KEY) {
              data[selection.alias?.value ?? '__typename'] = rootTypename;
            }
          }
          return { http: requestContext.response.http, body: { kind: 'single', singleResult: { data, errors: refused.map(errorOf) } } };
        },
        async willSendResponse({ response }) {
          if (refused.length === 0 || answerAlone || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (!result.data || typeof result.data !== 'object') return;
          fillRefused(result.data, refused);
          response.body.singleResult = { ...result, errors: [...refused.map(errorOf), ...(result.errors ?? [])] };
        },
      };
    },
  };
}

/** An operation as callers of one set of rights may run it, and the hash of its document when fields were taken out. */
interface FilteredFor {
  readonly filtered: FilteredOperation;
  readonly queryHash?: string;
}

/**
 * Most sets of rights one operation's filtering is kept for; past it, a further set is filtered per
 * request. Rights come from roles and mandates, so an operation meets a handful.
 */
const MAX_RIGHTS_PER_OPERATION = 32;

/**
 * What the caller may see of an operation depends on the operation, the supergraph's requirements and
 * the caller's rights only, so it is worked out once per operation and set of rights, not per request:
 * Apollo Server's document store hands every request of a cached operation the same nodes. The filtered
 * document and its hash are shared by those callers; nothing downstream changes a document.
 */
const filteredByOperation = new WeakMap<OperationDefinitionNode, { readonly document: DocumentNode; readonly authorization: SupergraphAuthorization; readonly byRights: Map<string, FilteredFor> }>();

/** Each caller's rights and their key, read once: a caller object is never changed once built (`createAuthenticate`). */
const rightsOfCaller = new WeakMap<Caller, { readonly rights: CallerRights; readonly key: string }>();

function filteredFor(document: DocumentNode, operation: OperationDefinitionNode, authorization: SupergraphAuthorization, caller: Caller): FilteredFor {
  let known = rightsOfCaller.get(caller);
  if (!known) {
    const rights = rightsOf(caller);
    known = { rights, key: [String(rights.authenticated), [...rights.scopes].sort().join(' '), [...rights.policies].sort().join(' ')].join('\u0000') };
    rightsOfCaller.set(caller, known);
  }
  let kept = filteredByOperation.get(operation);
  if (!kept || kept.document !== document || kept.authorization !== authorization) {
    kept = { document, authorization, byRights: new Map() };
    filteredByOperation.set(operation, kept);
  }
  const done = kept.byRights.get(known.key);
  if (done) return done;
  const { rights } = known;
  const filtered = filterOperation(document, operation, authorization, (coordinate, field) => {
    const unmet = unmetRequirement(field.requirements, rights);
    if (!unmet) return undefined;
    return { coordinate, code: rights.authenticated ? 'FORBIDDEN' : 'UNAUTHENTICATED', reason: describeRequirement(unmet) };
  });
  const made: FilteredFor = filtered.refused.length === 0 ? { filtered } : { filtered, queryHash: createHash('sha256').update(print(filtered.document)).digest('hex') };
  if (kept.byRights.size < MAX_RIGHTS_PER_OPERATION) kept.byRights.set(known.key, made);
  return made;
}

function errorOf(field: RefusedField): GraphQLFormattedError {
  return {
    message: `Geen toegang tot ${field.coordinate}: ${field.reason}.`,
    // The response path; a list level is `@` (as Apollo's router writes it): the field is null
    // at every element.
    path: [...field.path],
    extensions: { code: field.code },
  };
}
