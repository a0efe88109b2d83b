import { STATUS_CODES } from 'node:http';
import type { Fetcher, FetcherHeaders, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { type Dispatcher, request } from 'undici';
import { type ResponseBudget, ResponseTooLargeError } from './response-budget.js';

/** A fetcher whose body may be counted against an operation's budget as it arrives. */
export type KeepAliveFetcher = (url: string, init?: FetcherRequestInit, budget?: ResponseBudget) => Promise<FetcherResponse>;

/**
 * The transport under every subgraph call: undici's `request` over one keep-alive dispatcher,
 * with the body read in full. docs/architecture.md "Performance": the default fetcher of
 * @apollo/gateway (make-fetch-happen) costs about 13% of a request's CPU; undici's `request`
 * skips the WHATWG fetch machinery and reuses connections. Used only by `SubgraphDataSource`,
 * which adds the timeout, headers and the operation's `ResponseBudget`: with one, each chunk of the
 * body is counted as it arrives and the body is abandoned (connection closed) past the limit.
 */
export function createKeepAliveFetcher(dispatcher: Dispatcher): KeepAliveFetcher & Fetcher {
  return async (url: string, init: FetcherRequestInit = {}, budget?: ResponseBudget): Promise<FetcherResponse> => {
    // Another fetch of the operation already went past the limit: this one need not be sent.
    if (budget?.exceeded) throw new ResponseTooLargeError(budget.maxBytes);
    const response = await request(url, {
      dispatcher,
      method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
      headers: init.headers,
      body: init.body,
      signal: init.signal as AbortSignal | undefined,
    });
    // Read the whole body here so that the timeout signal also covers a slow body.
    const body = budget ? await readWithin(response.body, budget) : await response.body.text();
    return new BufferedResponse(url, response.statusCode, toHeaders(response.headers), body);
  };
}

/** The body as text, counting each chunk against the budget; past it, the body is destroyed unread. */
async function readWithin(body: Dispatcher.ResponseData['body'], budget: ResponseBudget): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) {
    if (!budget.take((chunk as Buffer).length)) {
      body.destroy();
      throw new ResponseTooLargeError(budget.maxBytes);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function toHeaders(raw: Record<string, string | string[] | undefined>): AnswerHeaders {
  const list: [string, string][] = [];
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const item of value) list.push([name, item]);
    else if (value !== undefined) list.push([name, value]);
  }
  return new AnswerHeaders(list);
}

/**
 * The headers of an answer already received, as a fetcher hands them to @apollo/gateway: a list of
 * pairs, read case-insensitively, a name's values joined as `Headers` joins them. A WHATWG `Headers`
 * validates and sorts every name and value it is built from, per subgraph call, for the one header the
 * gateway reads (content-type): about 2 % of the gateway's thread over the one-process channel.
 */
export class AnswerHeaders implements FetcherHeaders {
  private readonly list: [string, string][];

  constructor(entries: Iterable<readonly [string, string]>) {
    this.list = [];
    for (const [name, value] of entries) this.list.push([name.toLowerCase(), value]);
  }

  get(name: string): string | null {
    const wanted = name.toLowerCase();
    let found: string | null = null;
    for (const [each, value] of this.list) if (each === wanted) found = found === null ? value : `${found}, ${value}`;
    return found;
  }

  has(name: string): boolean {
    return this.get(name) !== null;
  }

  append(name: string, value: string): void {
    this.list.push([name.toLowerCase(), value]);
  }

  set(name: string, value: string): void {
    this.delete(name);
    this.append(name, value);
  }

  delete(name: string): void {
    const wanted = name.toLowerCase();
    for (let i = this.list.length - 1; i >= 0; i -= 1) if (this.list[i]![0] === wanted) this.list.splice(i, 1);
  }

  /** Each name once, with its values joined, in the order the names first came. */
  *entries(): IterableIterator<[string, string]> {
    for (const name of this.keys()) yield [name, this.get(name)!];
  }

  *keys(): IterableIterator<string> {
    yield* new Set(this.list.map(([name]) => name));
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}

/** A response whose body is already in memory; what @apollo/gateway reads from a fetcher. */
export class BufferedResponse implements FetcherResponse {
  readonly redirected = false;
  readonly statusText: string;
  readonly ok: boolean;
  bodyUsed = false;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly headers: FetcherHeaders,
    private readonly body: string,
  ) {
    this.ok = status >= 200 && status < 300;
    this.statusText = STATUS_CODES[status] ?? '';
  }

  async text(): Promise<string> {
    this.bodyUsed = true;
    return this.body;
  }

  async json(): Promise<unknown> {
    this.bodyUsed = true;
    return JSON.parse(this.body);
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    this.bodyUsed = true;
    const bytes = Buffer.from(this.body, 'utf8');
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  clone(): FetcherResponse {
    return new BufferedResponse(this.url, this.status, this.headers, this.body);
  }
}
