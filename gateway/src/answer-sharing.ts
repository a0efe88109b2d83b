import type { Answer, GraphqlRequest } from '@sociaal-graph/toolkit/gateway';
import type { GatewayContext } from './context.js';
import type { GatewayMetrics } from './metrics.js';
import { rightsKey } from './plugins/inflight-deduplication.js';
import { REQUEST_ID_HEADER, TRACE_RESPONSE_HEADER } from './plugins/trace-response.js';

/**
 * Counts a caller that gets a shared answer against its own limits (`rateLimitPlugin`), with the
 * estimated cost of the execution it shares; a refusal is its answer instead.
 */
export type AdmitSharing = (context: GatewayContext, estimatedCost: number) => Promise<Answer | undefined>;

/** What `inflightDeduplicationPlugin` tells about a request others wait for. */
export interface AnswerSharing {
  /** Set once its execution gave a result others may get (a query without errors that read and logged no personal data). */
  shareable: boolean;
  /** Known early that nothing will be shared (a mutation, a result with errors): the waiting callers go ahead. */
  notShareable(): void;
}

/** An answer one execution gave, as callers with the same rights may get it. */
interface Shareable {
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  /** Written once into bytes; every caller gets the same buffer. */
  readonly body: Buffer;
  readonly estimatedCost: number;
}

/** Headers of the request that change what Apollo Server answers besides the body. */
const ANSWER_HEADERS = ['accept', 'content-type', 'apollo-require-preflight', 'x-apollo-operation-name', 'graphql-client-name', 'graphql-client-version'] as const;
/** Headers of an answer that belong to one request, never shared. */
const OWN_HEADERS = new Set([TRACE_RESPONSE_HEADER, REQUEST_ID_HEADER]);

/**
 * Shared answers (issue 14): a POST whose body is byte for byte that of a request still in flight,
 * from a caller with the same verified rights (`rightsKey`: organisation, roles, mandates,
 * aanbieder, statistiek, client; never a raw header), waits for that request and gets its answer:
 * no parsing, validation, limits, planning, execution nor serialisation of its own. The bytes of
 * the answer are written once and sent to each; only the trace headers are each caller's own.
 *
 * What each caller still does itself: authentication (the token is verified before the key is
 * known) and its rate limits (`admit`). An answer is shared only when its execution may be
 * (`inflightDeduplicationPlugin` marked it: a query without errors that read and logged no
 * personal data) and it is a complete HTTP 200; otherwise each waiting caller runs its own request,
 * as if it had come alone. Nothing is kept once the answer is sent: this is not a cache.
 */
export function createSharedAnswers(metrics: Pick<GatewayMetrics, 'inflightDeduplication'>) {
  /** Each request in flight that others may wait for: its answer to come, and how many wait for it. */
  const inFlight = new Map<string, { readonly answer: Promise<Shareable | undefined>; waiting: number }>();
  let admit: AdmitSharing = async () => undefined;

  async function share(request: GraphqlRequest, body: string, contextOf: () => Promise<GatewayContext>, run: () => Promise<Answer>): Promise<Answer> {
    let context: GatewayContext;
    try {
      context = await contextOf();
    } catch {
      // A refused token: Apollo Server answers it (HTTP 401) from the same rejected context.
      return run();
    }
    const key = answerKey(context, request, body);
    const leader = inFlight.get(key);
    if (leader) {
      metrics.inflightDeduplication.inc({ stage: 'answer_joined' });
      leader.waiting++;
      const shared = await leader.answer;
      if (!shared) {
        metrics.inflightDeduplication.inc({ stage: 'answer_not_shared' });
        return run();
      }
      const refusal = await admit(context, shared.estimatedCost);
      if (refusal) return refusal;
      metrics.inflightDeduplication.inc({ stage: 'answer_shared' });
      return { status: shared.status, headers: [...shared.headers, ...ownHeaders(context)], body: shared.body };
    }
    let resolve!: (shared: Shareable | undefined) => void;
    const flight = { answer: new Promise<Shareable | undefined>((done) => (resolve = done)), waiting: 0 };
    inFlight.set(key, flight);
    const settle = (outcome: Shareable | undefined) => {
      if (inFlight.get(key) === flight) inFlight.delete(key);
      resolve(outcome);
    };
    const sharing: AnswerSharing = { shareable: false, notShareable: () => settle(undefined) };
    context.sharing = sharing;
    let shared: Shareable | undefined;
    try {
      const answer = await run();
      // Nobody waits (most requests): the answer goes out as it is, without a copy into bytes.
      if (flight.waiting === 0) return answer;
      // `{"data":` first: no errors were added after the execution (errors come first, stringifyResult).
      if (answer.status !== 200 || typeof answer.body !== 'string' || !sharing.shareable || !answer.body.startsWith('{"data":')) return answer;
      const bytes = Buffer.from(answer.body);
      shared = { status: answer.status, headers: answer.headers.filter(([name]) => !OWN_HEADERS.has(name.toLowerCase())), body: bytes, estimatedCost: context.cost.estimated ?? 1 };
      return { ...answer, body: bytes };
    } finally {
      settle(shared);
    }
  }

  return {
    share,
    /** Sets how a caller that gets a shared answer is counted (the rate limits of `createPlugins`). */
    admitWith(check: AdmitSharing): void {
      admit = check;
    },
  };
}

export type SharedAnswers = ReturnType<typeof createSharedAnswers>;

/**
 * The key itself, not a digest of it: cheaper than SHA-256 over the body (2.5 % of the gateway's
 * CPU in identical mode) and free of collisions. The parts are joined by NUL, which neither the
 * rights (JSON), the URL nor a header value can hold (Node refuses them), and the body comes last:
 * so two different requests never give one key. It is kept only while the request is in flight.
 */
function answerKey(context: GatewayContext, request: GraphqlRequest, body: string): string {
  let key = `${rightsKey(context.caller, context.client)}\u0000${request.url ?? ''}`;
  for (const name of ANSWER_HEADERS) key += `\u0000${String(request.headers[name] ?? '')}`;
  return `${key}\u0000${body}`;
}

function ownHeaders(context: GatewayContext): [string, string][] {
  return [
    [TRACE_RESPONSE_HEADER, context.traceresponse],
    [REQUEST_ID_HEADER, context.verzoekId],
  ];
}
