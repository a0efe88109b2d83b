import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLResponse } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { Caller } from '../auth/caller.js';
import type { GatewayContext } from '../context.js';
import type { GatewayMetrics } from '../metrics.js';

/** The outcome of one execution that callers with the same rights may share: its data only. */
type Shared = { readonly data: Record<string, unknown> } | undefined;

/**
 * In-flight deduplication keyed by the caller's rights (issue 14, item 2). Identical queries
 * (same document after the authorization filter, operation name and variables) of callers whose
 * verified rights are equal run once: the first executes, the others wait for it and get its
 * `data`. What decides equality is what a subgraph may let a caller see, as the gateway
 * established it: organisation, roles, mandates, aanbieder, statistiek and the client
 * application; never a raw header. Two callers whose rights differ in anything never share.
 *
 * The actor (who exactly asks) is not in the key: subgraphs use it only to log (Logboek
 * Dataverwerkingen). So a result is shared only when its execution read and logged nothing:
 * the subgraphs report what they logged (`personalReads`), and a logged read must be logged for
 * every caller, so each waiting caller then executes itself, with its own log entry and its own
 * budget. Neither is a result with errors shared (an error may be this execution's alone: a
 * timeout, a subgraph restarting), nor a mutation. A waiting caller whose leader could not share
 * just executes; it waited at most one execution.
 *
 * Plugins before this one still run per request (rate limits count every caller, the
 * authorization filter refuses per caller); plugins after execution (`willSendResponse`) too.
 * `stringifyResult` below writes a shared `data` once for all its callers.
 */
export function inflightDeduplicationPlugin(metrics: Pick<GatewayMetrics, 'inflightDeduplication'>): ApolloServerPlugin<GatewayContext> {
  const count = (stage: 'executed' | 'joined' | 'shared' | 'not_shared') => metrics.inflightDeduplication.inc({ stage });
  const inFlight = new Map<string, Promise<Shared>>();
  return {
    async requestDidStart({ contextValue }) {
      let settle: ((shared: Shared) => void) | undefined;
      const finish = (shared: Shared) => {
        settle?.(shared);
        settle = undefined;
      };
      // A request that read or logged personal data is never shared (`shareable`): those waiting for
      // it need not wait for its end, only to run their own execution then (issue 14: at 50 connections
      // a resident view waiting for the same view in flight waited about a view's time for nothing).
      if (contextValue.personalReads) {
        contextValue.personalReads.nietDeelbaar = () => {
          contextValue.sharing?.notShareable();
          finish(undefined);
        };
      }
      return {
        async responseForOperation(requestContext): Promise<GraphQLResponse | null> {
          if (requestContext.operation?.operation !== 'query') {
            // Callers waiting for this request's whole answer need not wait for a mutation's.
            requestContext.contextValue.sharing?.notShareable();
            return null;
          }
          const key = deduplicationKey(requestContext);
          const leader = inFlight.get(key);
          if (leader) {
            count('joined');
            const shared = await leader;
            count(shared ? 'shared' : 'not_shared');
            if (!shared) return null;
            if (requestContext.contextValue.sharing) requestContext.contextValue.sharing.shareable = true;
            return { http: requestContext.response.http, body: { kind: 'single', singleResult: { data: shared.data } } };
          }
          count('executed');
          inFlight.set(
            key,
            new Promise<Shared>((resolve) => {
              settle = (shared) => {
                inFlight.delete(key);
                if (shared) sharedData.add(shared.data);
                resolve(shared);
              };
            }),
          );
          return null;
        },
        async executionDidStart({ contextValue, response, operation }) {
          return {
            // Apollo has set the response body by now; later hooks (willSendResponse) add per-caller parts.
            async executionDidEnd(error) {
              const shared = error || operation?.operation !== 'query' ? undefined : shareable(response.body, contextValue);
              if (shared && contextValue.sharing) contextValue.sharing.shareable = true;
              else contextValue.sharing?.notShareable();
              finish(shared);
            },
          };
        },
        // Whatever ended the request without an execution (a refusal, an exception): nothing to share.
        async willSendResponse() {
          finish(undefined);
        },
      };
    },
  };
}

/** The data objects shared between callers: serialised once (`stringifyResult`). */
const sharedData = new WeakSet<object>();

function shareable(body: GraphQLResponse['body'] | undefined, context: GatewayContext): Shared {
  if (body?.kind !== 'single') return undefined;
  const { data, errors } = body.singleResult;
  if (errors?.length || !data || typeof data !== 'object') return undefined;
  // Read personal data, or logged anything: every caller must be logged and counted itself.
  if (!context.personalReads || context.personalReads.gelezen.size > 0 || context.personalReads.verwerkt) return undefined;
  return { data };
}

/** The verified rights of a caller that decide what the graph answers it; the actor is not one. */
export function rightsKey(caller: Caller, client: string | undefined): string {
  const known = rightsKeys.get(caller);
  if (known && known.client === client) return known.key;
  const { org, roles, mandates, aanbieder, statistiek } = caller;
  const key = stableJson({ org, roles: [...roles].sort(), mandates, aanbieder: aanbieder ?? null, statistiek: statistiek ?? null, client: client ?? null });
  rightsKeys.set(caller, { client, key });
  return key;
}

/**
 * The rights key of each caller object, written once: the anonymous caller is one object, and a
 * caller with a token is the same object while its token and arrangements are (`createAuthenticate`).
 * A caller is never changed once built.
 */
const rightsKeys = new WeakMap<Caller, { readonly client: string | undefined; readonly key: string }>();

/**
 * The key itself, not a digest of it (as `answerKey` in answer-sharing.ts): kept only while the
 * execution is in flight, and cheaper than SHA-256 over it on every query. Its parts are joined by NUL,
 * which neither the rights and variables (JSON), the query hash (hex) nor an operation name can hold.
 */
function deduplicationKey(requestContext: GraphQLRequestContext<GatewayContext>): string {
  const { contextValue, request, queryHash } = requestContext;
  return `${rightsKey(contextValue.caller, contextValue.client)}\u0000${queryHash ?? ''}\u0000${request.operationName ?? ''}\u0000${stableJson(request.variables ?? {})}`;
}

/** JSON with object keys sorted, so that equal rights and variables give one key. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const serialised = new WeakMap<object, string>();

/**
 * Apollo Server's `stringifyResult`: as its default (`JSON.stringify` and a newline, fields in
 * the order errors, data, extensions), except that a shared `data` is written once and its text
 * reused for every caller that gets it; each caller's own errors and extensions are written apart.
 */
export function stringifyResult(result: FormattedExecutionResult): string {
  const { data, errors, extensions } = result;
  if (!data || !sharedData.has(data)) return `${JSON.stringify(result)}\n`;
  let text = serialised.get(data);
  if (text === undefined) {
    text = JSON.stringify(data);
    serialised.set(data, text);
  }
  const parts: string[] = [];
  if (errors !== undefined) parts.push(`"errors":${JSON.stringify(errors)}`);
  parts.push(`"data":${text}`);
  if (extensions !== undefined) parts.push(`"extensions":${JSON.stringify(extensions)}`);
  return `{${parts.join(',')}}\n`;
}
