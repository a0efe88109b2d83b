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

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.append(name, value);
  }
  return headers;
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
