/**
 * The bytes of subgraph answers one operation may receive (`MAX_RESPONSE_BYTES`, issue 11 item 1):
 * counted as the bodies stream in (`createKeepAliveFetcher`), so a too large answer is cut off
 * while it arrives instead of being built in memory first. Past the limit every fetch of the
 * operation still running is aborted and none is sent any more; `operationCostPlugin` then answers
 * `RESPONSE_TOO_LARGE`. One per operation, made in `operationCostPlugin`'s `requestDidStart`.
 */
export class ResponseBudget {
  private received = 0;
  private over = false;
  // Made only when a fetch asks for a signal (over HTTP, undici's `request`): calls over the one-process
  // graph's channel are ended through `whenExceeded` instead, without an AbortController per operation.
  private controller: AbortController | undefined;
  private listeners: Set<() => void> | undefined;

  constructor(readonly maxBytes: number) {}

  /** Aborted once the operation has received more than `maxBytes`: ends its other fetches. */
  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.over) this.controller.abort(new ResponseTooLargeError(this.maxBytes));
    }
    return this.controller.signal;
  }

  get exceeded(): boolean {
    return this.over;
  }

  /** Bytes received so far, over all subgraph answers of the operation. */
  get bytes(): number {
    return this.received;
  }

  /**
   * Calls `listener` once, when the operation goes past the limit (as `signal` aborts; at once if it
   * already has), unless the returned function took it off first. A plain callback: Node's EventTarget (an AbortSignal's
   * listeners) costs some microseconds per call to add and remove, several times per resident view.
   */
  whenExceeded(listener: () => void): () => void {
    if (this.over) {
      listener();
      return () => undefined;
    }
    (this.listeners ??= new Set()).add(listener);
    return () => void this.listeners?.delete(listener);
  }

  /** Counts `bytes` more; false (and every other fetch aborted) once past the limit. */
  take(bytes: number): boolean {
    this.received += bytes;
    if (this.received > this.maxBytes && !this.over) {
      this.over = true;
      this.controller?.abort(new ResponseTooLargeError(this.maxBytes));
      const listeners = this.listeners;
      this.listeners = undefined;
      if (listeners) for (const listener of listeners) listener();
    }
    return !this.over;
  }
}

/** A subgraph answer that would take its operation past `MAX_RESPONSE_BYTES`. */
export class ResponseTooLargeError extends Error {
  override readonly name = 'ResponseTooLargeError';

  constructor(readonly maxBytes: number) {
    super(`the subgraph answers of this operation exceed ${maxBytes} bytes`);
  }
}

/** What a caller whose operation asked for too much is told, by the subgraph call cut off and by `operationCostPlugin`. */
export function responseTooLargeMessage(maxBytes: number): string {
  return `Het antwoord is groter dan ${maxBytes} bytes en wordt niet verstuurd; vraag kleinere pagina's (first) of minder velden.`;
}
