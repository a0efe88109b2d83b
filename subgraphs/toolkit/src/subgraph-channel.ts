import type { IncomingHttpHeaders } from 'node:http';
import type { MessagePort } from 'node:worker_threads';
import { type ChannelAssertionKey, newChannelAssertionKey } from './caller-assertion.js';
import type { CompleteAnswer } from './http.js';
import type { Logger } from './observability/logger.js';

/**
 * The one-process graph's subgraph calls between the gateway's thread and the subgraphs' (issue 14):
 * over a MessagePort instead of loopback HTTP, which cost each thread about 15 % in socket writes
 * plus HTTP parsing on both sides. Only the transport differs: the call is the POST the gateway would
 * send (its headers, caller assertion included, and its JSON body as text; a string crosses as one
 * copy, where an object graph would be cloned field by field) and goes through the subgraph's own
 * admission and execution (`RunningSubgraph.answerPost`). The gateway side is gateway/src/channel-fetcher.ts.
 * Besides the transport only the caller assertion's algorithm differs: over the channel it is MACed with the channel's own key
 * (`ChannelAssertionKey`, HS256) instead of signed with the gateway's private key (ES256), which was about a
 * twentieth of the subgraphs' thread and 4 % of the gateway's at 50 connections (issue 14; docs/security.md
 * says why a MAC is as strong here).
 */

/** A call from the gateway's thread. */
export interface SubgraphCallMessage {
  /** Unique per call among those in flight: its answer carries it back. */
  readonly id: number;
  /** The subgraph's name (`wmo`). */
  readonly subgraph: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON body, as text. */
  readonly body: string;
}

/** The answer to a call (`id`): HTTP status, headers and the body text, as over HTTP. */
export interface SubgraphAnswerMessage {
  readonly id: number;
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
  /**
   * True when the answer left before its Logboek write was stored (`CompleteAnswer.vastlegging`): a
   * `SubgraphVastleggingMessage` of the same id follows, and until it says the write is stored the
   * gateway lets none of it reach its client.
   */
  readonly vastlegging?: true;
}

/** Whether the Logboek write of an answer that left before it (`SubgraphAnswerMessage.vastlegging`) is stored. */
export interface SubgraphVastleggingMessage {
  readonly id: number;
  readonly vastgelegd: boolean;
}

/**
 * Answers the gateway's calls arriving on `port` with the subgraph each names. A call for a subgraph
 * not here gets 404, as an unknown URL would. The port does not keep the process alive by itself.
 * Returns the channel's key, made here, for the gateway's end only (with the port, in the worker's
 * setup): each call is admitted only with an assertion MACed with it.
 */
export function serveSubgraphCalls(
  port: MessagePort,
  subgraphs: Readonly<Record<string, (headers: IncomingHttpHeaders, body: string, channelAssertionKey: ChannelAssertionKey) => Promise<CompleteAnswer>>>,
  logger: Logger,
): ChannelAssertionKey {
  const channelAssertionKey = newChannelAssertionKey();
  // Answers ready in one turn go back as one message, as the gateway's end sends the calls made in one
  // turn (gateway/src/channel-fetcher.ts): each message costs both threads a wake-up (issue 14).
  let outbox: (SubgraphAnswerMessage | SubgraphVastleggingMessage)[] = [];
  let outboxSubgraphs: string[] = [];
  const flush = (): void => {
    const answers = outbox;
    const names = outboxSubgraphs;
    outbox = [];
    outboxSubgraphs = [];
    try {
      port.postMessage(answers.length === 1 ? answers[0] : answers);
    } catch (error) {
      logger.error({ err: error, subgraphs: names }, 'the answers of subgraph calls could not be posted back');
    }
  };
  async function answer(call: SubgraphCallMessage): Promise<void> {
    const answerPost = subgraphs[call.subgraph];
    let answered: CompleteAnswer;
    try {
      answered = answerPost ? await answerPost(call.headers, call.body, channelAssertionKey) : NOT_HERE;
    } catch (error) {
      // answerPost answers failures itself; should it throw all the same, the gateway hears a 500 at once, not a timeout.
      logger.error({ err: error, subgraph: call.subgraph }, 'subgraph call over the channel failed');
      answered = INTERNAL_ERROR;
    }
    const { vastlegging } = answered;
    post(call.subgraph, vastlegging ? { id: call.id, status: answered.status, headers: answered.headers, body: answered.body, vastlegging: true } : { id: call.id, status: answered.status, headers: answered.headers, body: answered.body });
    // After its answer, in the same message or a later one; the failure itself is logged by the Logboek.
    vastlegging?.then(
      () => post(call.subgraph, { id: call.id, vastgelegd: true }),
      () => post(call.subgraph, { id: call.id, vastgelegd: false }),
    );
  }
  function post(subgraph: string, message: SubgraphAnswerMessage | SubgraphVastleggingMessage): void {
    outboxSubgraphs.push(subgraph);
    if (outbox.push(message) === 1) setImmediate(flush);
  }
  // One async function per call instead of a chain of three promises and their callbacks.
  port.on('message', (message: SubgraphCallMessage | readonly SubgraphCallMessage[]) => {
    if (Array.isArray(message)) for (const call of message) void answer(call);
    else void answer(message as SubgraphCallMessage);
  });
  port.unref();
  return channelAssertionKey;
}

const JSON_TYPE = [['content-type', 'application/json; charset=utf-8']] as const;
const NOT_HERE: CompleteAnswer = { status: 404, headers: JSON_TYPE, body: '{"error":"not found"}' };
const INTERNAL_ERROR: CompleteAnswer = { status: 500, headers: JSON_TYPE, body: '{"errors":[{"message":"Interne fout.","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}' };
