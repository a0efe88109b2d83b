import type { MessagePort } from 'node:worker_threads';
import type { FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import type { SubgraphAnswerMessage, SubgraphCallMessage } from '@sociaal-graph/toolkit/gateway';
import { AnswerHeaders, BufferedResponse, type KeepAliveFetcher } from './keep-alive-fetcher.js';
import { type ResponseBudget, ResponseTooLargeError } from './response-budget.js';

/**
 * A transport that bounds a call by a timeout and the operation's budget itself, without an AbortSignal:
 * `SubgraphDataSource` then makes no AbortController per call, nor listeners on it and on the budget's
 * signal (Node's EventTarget): a call over the channel took 13-18 µs of CPU instead of 47-58 µs in a
 * microbenchmark (both ends in one thread), and a resident view makes six.
 */
export interface BoundedFetcher extends KeepAliveFetcher {
  /**
   * The call, rejected with a `TimeoutError` (a DOMException, as `AbortSignal.timeout` gives) after
   * `timeoutMs`, and with a `ResponseTooLargeError` at once when the operation's budget is exceeded,
   * by this call's answer or another's; a late answer is dropped.
   */
  bounded(url: string, init: FetcherRequestInit, budget: ResponseBudget | undefined, timeoutMs: number): Promise<FetcherResponse>;
}

/** The gateway's end of the one-process graph's channel to its subgraphs (`CreateGatewayOptions.subgraphChannel`). */
export interface SubgraphChannel {
  /** The transport of one subgraph's calls, in the place of the keep-alive fetcher. */
  fetcherFor(subgraph: string): BoundedFetcher;
  /** Fails the calls still waiting and lets the port go. */
  close(): void;
}

/**
 * Subgraph calls over a MessagePort to the thread that runs the subgraphs (toolkit subgraph-channel.ts,
 * scripts/graph-in-one-process.ts) instead of loopback HTTP. What `SubgraphDataSource` puts around a
 * call stays: the caller assertion in the headers, the timeout and the operation's budget (an abort of
 * the call's signal rejects it at once; the subgraph's late answer is dropped), the answer's status and
 * body as over HTTP, its bytes counted against the budget.
 */
export function createSubgraphChannel(port: MessagePort): SubgraphChannel {
  const waiting = new Map<number, WaitingCall>();
  let lastId = 0;
  port.on('message', (answer: SubgraphAnswerMessage) => {
    const call = waiting.get(answer.id);
    if (call) settle(answer.id, call)?.resolve(answer);
  });
  // Only calls in flight keep the thread alive, as with idle keep-alive connections.
  port.unref();

  /** The call taken off the waiting ones (once: a late answer or abort finds nothing). */
  function settle(id: number, call: WaitingCall): WaitingCall | undefined {
    if (!waiting.delete(id)) return undefined;
    if (call.signal) call.signal.removeEventListener('abort', call.aborted!);
    if (call.timer) clearTimeout(call.timer);
    call.offBudget?.();
    if (waiting.size === 0) port.unref();
    return call;
  }

  /** Sends the call; `call` is in `waiting` under `id` until its answer or its end (`settle`). */
  function post(id: number, call: WaitingCall, subgraph: string, init: FetcherRequestInit): void {
    const body = typeof init.body === 'string' ? init.body : (init.body?.toString('utf8') ?? '');
    if (waiting.size === 0) port.ref();
    waiting.set(id, call);
    port.postMessage({ id, subgraph, headers: init.headers ?? {}, body } satisfies SubgraphCallMessage);
  }

  /** The answer as a response, its bytes counted against the operation's budget. */
  function responseOf(url: string, answer: SubgraphAnswerMessage, budget: ResponseBudget | undefined): FetcherResponse {
    if (budget && !budget.take(Buffer.byteLength(answer.body))) throw new ResponseTooLargeError(budget.maxBytes);
    return new BufferedResponse(url, answer.status, new AnswerHeaders(answer.headers), answer.body);
  }

  function fetcherFor(subgraph: string): BoundedFetcher {
    const bounded = async (url: string, init: FetcherRequestInit, budget: ResponseBudget | undefined, timeoutMs: number): Promise<FetcherResponse> => {
      // Another fetch of the operation already went past the limit: this one need not be sent.
      if (budget?.exceeded) throw new ResponseTooLargeError(budget.maxBytes);
      const id = ++lastId;
      const answer = await new Promise<SubgraphAnswerMessage>((resolve, reject) => {
        const call: WaitingCall = { resolve, reject, signal: undefined };
        // The same error as `AbortSignal.timeout` gives, which `SubgraphDataSource` reports as a timeout.
        call.timer = setTimeout(() => settle(id, call)?.reject(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError')), timeoutMs).unref();
        if (budget) call.offBudget = budget.whenExceeded(() => settle(id, call)?.reject(new ResponseTooLargeError(budget.maxBytes)));
        post(id, call, subgraph, init);
      });
      return responseOf(url, answer, budget);
    };
    const fetcher = async (url: string, init: FetcherRequestInit = {}, budget?: ResponseBudget): Promise<FetcherResponse> => {
      // Another fetch of the operation already went past the limit: this one need not be sent.
      if (budget?.exceeded) throw new ResponseTooLargeError(budget.maxBytes);
      const signal = init.signal as AbortSignal | undefined;
      signal?.throwIfAborted();
      const id = ++lastId;
      const answer = await new Promise<SubgraphAnswerMessage>((resolve, reject) => {
        const call: WaitingCall = { resolve, reject, signal };
        if (signal) {
          call.aborted = () => settle(id, call)?.reject(signal.reason);
          signal.addEventListener('abort', call.aborted, { once: true });
        }
        post(id, call, subgraph, init);
      });
      return responseOf(url, answer, budget);
    };
    return Object.assign(fetcher, { bounded });
  }

  return {
    fetcherFor,
    close() {
      for (const [id, call] of [...waiting]) settle(id, call)?.reject(new Error('the channel to the subgraphs is closed'));
      port.close();
    },
  };
}

/** A call sent and not yet answered: how it ends, and the abort listener to take off its signal then. */
interface WaitingCall {
  resolve(answer: SubgraphAnswerMessage): void;
  reject(error: unknown): void;
  readonly signal: AbortSignal | undefined;
  aborted?: () => void;
  /** A bounded call's timeout (`BoundedFetcher.bounded`). */
  timer?: NodeJS.Timeout;
  /** Takes a bounded call's listener off its operation's budget. */
  offBudget?: () => void;
}
