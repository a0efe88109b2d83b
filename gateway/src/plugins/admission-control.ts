import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { GatewayContext } from '../context.js';
import { callerKeyOf } from './rate-limit.js';

export interface AdmissionControlOptions {
  /**
   * Estimated cost (`operationLimitsPlugin`) the graph works on at once, over all callers. An
   * operation waits while the running ones and it would exceed this; one costlier than it runs
   * alone. Default 100000 (MAX_QUERY_COST: one costliest operation at a time, or several smaller).
   */
  capacity: number;
  /** Estimated cost at or below which an operation never waits (a lookup, a page of a list). Default 1000. */
  cheapCost?: number;
  /** Longest wait in the queue, in ms; then HTTP 429 `OVERLOADED` with `Retry-After`. Default 10000. */
  maxWaitMs?: number;
  /** Most operations waiting at once; one more is refused at once (HTTP 429 `OVERLOADED`). Default 100. */
  maxQueued?: number;
}

/** Why an operation was not admitted. */
export class AdmissionRefused extends Error {
  override readonly name = 'AdmissionRefused';
}

interface Waiter {
  cost: number;
  /** Start tag (start-time fair queueing): where the caller's turn begins in virtual time. */
  start: number;
  admit: (release: () => void) => void;
  refuse: (reason: AdmissionRefused) => void;
}

/**
 * A weighted fair queue of the costly operations (issue 11, acceptance: heavy callers slow only
 * themselves). Operations are weighed by their estimated cost twice: they run while the cost of all
 * running ones stays within `capacity`, and the order is start-time fair queueing with that cost as
 * the work: each operation gets a start tag, the later of the current virtual time and where the
 * caller's previous operation ends (its start plus its cost); the waiting operation with the
 * lowest tag goes first (ties: the longest waiting). A caller sending many costly operations pushes
 * only its own tags forward: another caller's operation goes in between, and a caller idle for a
 * while does not bank turns.
 *
 * Hand-written (about 60 lines) rather than p-queue, p-limit or bottleneck: p-queue and p-limit
 * count operations, not their weight, and order by a fixed priority, not by what each caller was
 * served; bottleneck weighs jobs but has ten fixed priorities and is unmaintained since 2019.
 */
export class AdmissionQueue {
  private running = 0;
  private virtualTime = 0;
  /** Where each caller's last operation ends in virtual time; pruned once virtual time passes it. */
  private readonly lastFinish = new Map<string, number>();
  private readonly waiting: Waiter[] = [];

  constructor(
    readonly capacity: number,
    readonly maxQueued: number,
  ) {}

  /** Operations waiting now. */
  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Resolves with the release function once `cost` may run for `caller`; rejects with
   * `AdmissionRefused` when the queue is full, or once it has waited `maxWaitMs`.
   */
  admit(caller: string, cost: number, maxWaitMs = Number.POSITIVE_INFINITY): Promise<() => void> {
    return new Promise((resolve, reject) => {
      if (this.waiting.length >= this.maxQueued) return reject(new AdmissionRefused('queue full'));
      const start = Math.max(this.virtualTime, this.lastFinish.get(caller) ?? 0);
      this.lastFinish.set(caller, start + cost);
      let admitted = false;
      let timer: NodeJS.Timeout | undefined;
      const waiter: Waiter = {
        cost,
        start,
        admit: (release) => {
          admitted = true;
          clearTimeout(timer);
          resolve(release);
        },
        refuse: reject,
      };
      this.waiting.push(waiter);
      this.admitWhatFits();
      // Only an operation that has to wait holds a timer: most are admitted at once, and a timer per
      // request (AbortSignal.timeout) would stay alive for the whole bound after it was admitted.
      if (admitted || !Number.isFinite(maxWaitMs)) return;
      timer = setTimeout(() => {
        const at = this.waiting.indexOf(waiter);
        if (at >= 0) {
          this.waiting.splice(at, 1);
          reject(new AdmissionRefused('waited too long'));
        }
      }, maxWaitMs).unref();
    });
  }

  private admitWhatFits(): void {
    for (;;) {
      const next = this.next();
      if (!next) return;
      // The chosen one waits for room rather than being passed by smaller ones, so it cannot starve.
      if (this.running > 0 && this.running + next.cost > this.capacity) return;
      this.waiting.splice(this.waiting.indexOf(next), 1);
      this.running += next.cost;
      this.virtualTime = Math.max(this.virtualTime, next.start);
      for (const [caller, finish] of this.lastFinish) if (finish <= this.virtualTime) this.lastFinish.delete(caller);
      let released = false;
      next.admit(() => {
        if (released) return;
        released = true;
        this.running -= next.cost;
        this.admitWhatFits();
      });
    }
  }

  /** The waiting operation with the lowest start tag; `waiting` is in arrival order, so ties go to the longest waiting. */
  private next(): Waiter | undefined {
    let best: Waiter | undefined;
    for (const waiter of this.waiting) if (!best || waiter.start < best.start) best = waiter;
    return best;
  }
}

/**
 * Admission control (issue 11, acceptance): a cheap operation (estimated cost at most `cheapCost`)
 * is never held; a costlier one waits in an `AdmissionQueue` until the graph has room for it, served
 * fairly between callers (anonymous ones per client address, as `rateLimitPlugin` counts them). So a
 * probe's lookup is not queued behind expensive aggregates, and a caller sending many expensive
 * operations fills its own place in the queue, not everyone's. An operation that waits longer than
 * `maxWaitMs`, or finds the queue full, gets HTTP 429 `OVERLOADED` with `Retry-After` and reaches
 * no subgraph.
 *
 * Runs in `responseForOperation` after `rateLimitPlugin`, `authorizationPlugin` and
 * `inflightDeduplicationPlugin` (createPlugins lists it later: Apollo asks that hook of each plugin
 * in turn), so a refused operation, or one that shares another's result, never takes a place in
 * the queue; the place is given back in `willSendResponse`.
 */
export function admissionControlPlugin(options: AdmissionControlOptions): ApolloServerPlugin<GatewayContext> {
  const { capacity, cheapCost = 1_000, maxWaitMs = 10_000, maxQueued = 100 } = options;
  const queue = new AdmissionQueue(capacity, maxQueued);
  return {
    async requestDidStart({ contextValue }) {
      let release: (() => void) | undefined;
      return {
        async responseForOperation({ contextValue: { cost } }): Promise<GraphQLResponse | null> {
          const estimated = cost.estimated ?? 0;
          if (estimated <= cheapCost) return null;
          try {
            release = await queue.admit(callerKeyOf(contextValue), estimated, maxWaitMs);
            return null;
          } catch (error) {
            if (!(error instanceof AdmissionRefused)) throw error;
            return overloaded(Math.max(1, Math.ceil(maxWaitMs / 1000)));
          }
        },
        async willSendResponse() {
          release?.();
        },
      };
    },
  };
}

function overloaded(retryAfterSeconds: number): GraphQLResponse {
  return {
    http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
    body: {
      kind: 'single',
      singleResult: {
        errors: [
          {
            message: `De graaf is bezet met andere kostbare operaties; probeer het over ${retryAfterSeconds} s opnieuw, of vraag minder (kleinere pagina's, minder gemeenten).`,
            extensions: { code: 'OVERLOADED' },
          },
        ],
      },
    },
  };
}
