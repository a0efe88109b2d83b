import type { MessagePort } from 'node:worker_threads';
import type { FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import type { SubgraphAnswerMessage, SubgraphCallMessage, SubgraphVastleggingMessage } from '@sociaal-graph/toolkit/gateway';
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
  // Answers that came before their Logboek write was stored (`SubgraphAnswerMessage.vastlegging`), until its outcome.
  const vastleggingen = new Map<number, WachtendeVastlegging>();
  let lastId = 0;
  // Calls made in one turn go as one message (issue 14), flushed in the same turn's check phase: each
  // message costs both threads a wake-up. A resident view's second wave makes four calls at once (at 50
  // connections several views' calls share a message): four calls cost both threads 16 µs of CPU each
  // instead of 27, a call alone 1-2 µs more (microbenchmark, both real ends on two threads). The
  // subgraphs' end answers the same way (toolkit subgraph-channel.ts).
  let outbox: SubgraphCallMessage[] = [];
  const flush = (): void => {
    const calls = outbox.filter((call) => waiting.has(call.id)); // one timed out or closed meanwhile need not go
    outbox = [];
    if (calls.length === 0) return;
    try {
      port.postMessage(calls.length === 1 ? calls[0] : calls);
    } catch (error) {
      for (const { id } of calls) {
        const call = waiting.get(id);
        if (call) settle(id, call)?.reject(error);
      }
    }
  };
  const answered = (message: SubgraphAnswerMessage | SubgraphVastleggingMessage): void => {
    if ('vastgelegd' in message) {
      const vastlegging = vastleggingen.get(message.id);
      if (!vastlegging) return;
      vastleggingBeeindigd(message.id, vastlegging);
      if (message.vastgelegd) vastlegging.resolve();
      else vastlegging.reject(new Error('the subgraph could not store the Logboek record of its answer'));
      return;
    }
    const call = waiting.get(message.id);
    if (!call) return;
    if (!message.vastlegging) {
      settle(message.id, call)?.resolve(message);
      return;
    }
    // Kept before the call is settled, so that the port stays referenced in between.
    const vastlegging = new Promise<void>((resolve, reject) => {
      const wacht: WachtendeVastlegging = { resolve, reject };
      wacht.timer = setTimeout(() => {
        vastleggingBeeindigd(message.id, wacht);
        reject(new DOMException(`no Logboek record within ${call.timeoutMs} ms`, 'TimeoutError'));
      }, call.timeoutMs).unref();
      vastleggingen.set(message.id, wacht);
    });
    settle(message.id, call)?.resolve({ ...message, vastleggingOnderweg: vastlegging });
  };
  port.on('message', (message: SubgraphAnswerMessage | SubgraphVastleggingMessage | readonly (SubgraphAnswerMessage | SubgraphVastleggingMessage)[]) => {
    if (Array.isArray(message)) for (const answer of message) answered(answer);
    else answered(message as SubgraphAnswerMessage | SubgraphVastleggingMessage);
  });
  // Only calls in flight keep the thread alive, as with idle keep-alive connections.
  port.unref();

  /** The call taken off the waiting ones (once: a late answer or abort finds nothing). */
  function settle(id: number, call: WaitingCall): WaitingCall | undefined {
    if (!waiting.delete(id)) return undefined;
    if (call.signal) call.signal.removeEventListener('abort', call.aborted!);
    if (call.timer) clearTimeout(call.timer);
    call.offBudget?.();
    if (waiting.size === 0 && vastleggingen.size === 0) port.unref();
    return call;
  }

  function vastleggingBeeindigd(id: number, vastlegging: WachtendeVastlegging): void {
    vastleggingen.delete(id);
    clearTimeout(vastlegging.timer);
    if (waiting.size === 0 && vastleggingen.size === 0) port.unref();
  }

  /** Sends the call; `call` is in `waiting` under `id` until its answer or its end (`settle`). */
  function post(id: number, call: WaitingCall, subgraph: string, init: FetcherRequestInit): void {
    const body = typeof init.body === 'string' ? init.body : (init.body?.toString('utf8') ?? '');
    if (waiting.size === 0 && vastleggingen.size === 0) port.ref();
    waiting.set(id, call);
    if (outbox.push({ id, subgraph, headers: init.headers ?? {}, body }) === 1) setImmediate(flush);
  }

  /** The answer as a response, its bytes counted against the operation's budget. */
  function responseOf(url: string, answer: ChannelAnswer, budget: ResponseBudget | undefined): FetcherResponse {
    // Its failure counts as handled here, for an answer given up below (too large) that no one waits for;
    // whoever waits for it hears the failure all the same.
    answer.vastleggingOnderweg?.catch(() => undefined);
    if (budget && !budget.take(Buffer.byteLength(answer.body))) throw new ResponseTooLargeError(budget.maxBytes);
    const response = new BufferedResponse(url, answer.status, new AnswerHeaders(answer.headers), answer.body);
    if (answer.vastleggingOnderweg) (response as LogboekResponse).vastlegging = answer.vastleggingOnderweg;
    return response;
  }

  function fetcherFor(subgraph: string): BoundedFetcher {
    const bounded = async (url: string, init: FetcherRequestInit, budget: ResponseBudget | undefined, timeoutMs: number): Promise<FetcherResponse> => {
      // Another fetch of the operation already went past the limit: this one need not be sent.
      if (budget?.exceeded) throw new ResponseTooLargeError(budget.maxBytes);
      const id = ++lastId;
      const answer = await new Promise<ChannelAnswer>((resolve, reject) => {
        const call: WaitingCall = { resolve, reject, signal: undefined, timeoutMs };
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
      const answer = await new Promise<ChannelAnswer>((resolve, reject) => {
        const call: WaitingCall = { resolve, reject, signal, timeoutMs: VASTLEGGING_TIMEOUT_MS };
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
      for (const [id, vastlegging] of [...vastleggingen]) {
        vastleggingBeeindigd(id, vastlegging);
        vastlegging.reject(new Error('the channel to the subgraphs is closed'));
      }
      outbox = [];
      port.close();
    },
  };
}

/**
 * A response over the channel whose Logboek write was still on its way when it came: `vastlegging` settles
 * when the subgraph says whether it is stored. Until then none of it may reach a client; when it fails,
 * nothing of the request may (`SubgraphDataSource`, gateway/src/logboek-vastlegging.ts).
 */
export interface LogboekResponse extends FetcherResponse {
  vastlegging?: Promise<void>;
}

/** An answer as the call's promise gets it: with the outcome of its Logboek write when that was still on its way. */
type ChannelAnswer = SubgraphAnswerMessage & { readonly vastleggingOnderweg?: Promise<void> };

/** How long an answer's Logboek record may take after the answer on a call without a timeout of its own. */
const VASTLEGGING_TIMEOUT_MS = 30_000;

interface WachtendeVastlegging {
  resolve(): void;
  reject(error: unknown): void;
  timer?: NodeJS.Timeout;
}

/** A call sent and not yet answered: how it ends, and the abort listener to take off its signal then. */
interface WaitingCall {
  resolve(answer: ChannelAnswer): void;
  reject(error: unknown): void;
  readonly signal: AbortSignal | undefined;
  /** How long its Logboek record may take after the answer (the call's own timeout, when it has one). */
  readonly timeoutMs: number;
  aborted?: () => void;
  /** A bounded call's timeout (`BoundedFetcher.bounded`). */
  timer?: NodeJS.Timeout;
  /** Takes a bounded call's listener off its operation's budget. */
  offBudget?: () => void;
}
