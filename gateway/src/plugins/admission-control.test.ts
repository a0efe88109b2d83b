import { ApolloServer } from '@apollo/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ANONYMOUS_CALLER, type Caller } from '../auth/caller.js';
import type { GatewayContext } from '../context.js';
import { AdmissionQueue, AdmissionRefused, admissionControlPlugin, type AdmissionControlOptions } from './admission-control.js';
import { operationLimitsPlugin } from './operation-limits.js';

/** Admitted operations, in the order they were let in. */
function recorder(queue: AdmissionQueue) {
  const order: string[] = [];
  const releases = new Map<string, () => void>();
  const submit = (name: string, caller: string, cost: number) =>
    queue.admit(caller, cost).then((release) => {
      order.push(name);
      releases.set(name, release);
    });
  return { order, submit, release: (name: string) => releases.get(name)?.() };
}

/** Lets every promise already settled run its callbacks. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('AdmissionQueue', () => {
  it('runs operations while their estimated cost together fits the capacity, one costlier than it alone', async () => {
    const queue = new AdmissionQueue(100, 10);
    const { order, submit, release } = recorder(queue);
    void submit('a', 'A', 40);
    void submit('b', 'B', 40);
    void submit('c', 'C', 40);
    await settle();
    expect(order).toEqual(['a', 'b']);
    expect(queue.queued).toBe(1);
    release('a');
    await settle();
    expect(order).toEqual(['a', 'b', 'c']);
    release('b');
    release('c');
    void submit('groot', 'D', 250);
    await settle();
    expect(order).toContain('groot');
  });

  it('takes turns between callers: a caller flooding the queue waits behind the others', async () => {
    const queue = new AdmissionQueue(100, 10);
    const { order, submit, release } = recorder(queue);
    void submit('a1', 'A', 100);
    void submit('a2', 'A', 100);
    void submit('a3', 'A', 100);
    void submit('b1', 'B', 100);
    void submit('b2', 'B', 100);
    await settle();
    expect(order).toEqual(['a1']);
    for (const name of ['a1', 'b1', 'a2', 'b2']) {
      release(name);
      await settle();
    }
    // a2 and a3 came before b1, yet B's operations go in between A's.
    expect(order).toEqual(['a1', 'b1', 'a2', 'b2', 'a3']);
  });

  it('weighs by cost: a caller of cheap operations gets more turns than one of costly ones', async () => {
    const queue = new AdmissionQueue(100, 10);
    const { order, submit, release } = recorder(queue);
    void submit('groot1', 'A', 100);
    void submit('groot2', 'A', 100);
    for (let i = 1; i <= 3; i += 1) void submit(`klein${i}`, 'B', 30);
    await settle();
    expect(order).toEqual(['groot1']);
    release('groot1');
    await settle();
    // B's three operations together cost 90, less than A's one: all of them before A's second.
    expect(order).toEqual(['groot1', 'klein1', 'klein2', 'klein3']);
    for (let i = 1; i <= 3; i += 1) release(`klein${i}`);
    await settle();
    expect(order.at(-1)).toBe('groot2');
  });

  it('refuses when the queue is full, and when the wait took too long', async () => {
    const queue = new AdmissionQueue(10, 1);
    const held = await queue.admit('A', 10);
    const waiting = queue.admit('B', 10, 20);
    await expect(queue.admit('C', 10)).rejects.toBeInstanceOf(AdmissionRefused);
    await expect(waiting).rejects.toBeInstanceOf(AdmissionRefused);
    expect(queue.queued).toBe(0);
    held();
    // Released twice counts once.
    held();
    const next = await queue.admit('D', 10);
    next();
  });

  it('holds a timer for the wait only while an operation waits', async () => {
    vi.useFakeTimers();
    try {
      const queue = new AdmissionQueue(10, 10);
      // Admitted at once: nothing is left behind for the 10 s bound.
      const first = await queue.admit('A', 10, 10_000);
      expect(vi.getTimerCount()).toBe(0);
      const second = queue.admit('B', 10, 10_000);
      expect(vi.getTimerCount()).toBe(1);
      first();
      (await second)();
      expect(vi.getTimerCount()).toBe(0);
      // One that waits past the bound is refused.
      const held = await queue.admit('C', 10, 10_000);
      const late = queue.admit('D', 10, 10_000);
      vi.advanceTimersByTime(10_000);
      await expect(late).rejects.toBeInstanceOf(AdmissionRefused);
      held();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('admissionControlPlugin', () => {
  // `{ traag { a b c } }` is estimated 1 + 5 x 3 = 16 (an unpaged list counts 5), `{ versie }` 1.
  const TYPE_DEFS = 'type Query { versie: String, traag: [Rij] } type Rij { a: String, b: String, c: String }';
  const COSTLY = '{ traag { a b c } }';
  let holding: (() => void)[] = [];
  const servers: ApolloServer<GatewayContext>[] = [];

  afterEach(async () => {
    for (const release of holding.splice(0)) release();
    for (const server of servers.splice(0)) await server.stop();
  });

  async function start(options: Partial<AdmissionControlOptions>) {
    const server = new ApolloServer<GatewayContext>({
      typeDefs: TYPE_DEFS,
      resolvers: {
        Query: {
          versie: () => 'v1',
          // Holds the graph until the test lets go.
          traag: () => new Promise((resolve) => holding.push(() => resolve([{ a: '1', b: '2', c: '3' }]))),
        },
      },
      plugins: [operationLimitsPlugin(), admissionControlPlugin({ capacity: 16, cheapCost: 5, ...options })],
    });
    await server.start();
    servers.push(server);
    return async (query: string, caller: Caller = ANONYMOUS_CALLER, clientAddress = '127.0.0.1') => {
      const response = await server.executeOperation(
        { query },
        { contextValue: { verzoekId: '1'.repeat(32), traceId: '0'.repeat(32), traceresponse: '', caller, clientAddress, cost: {} } },
      );
      const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
      return { status: response.http.status ?? 200, retryAfter: response.http.headers.get('retry-after'), errors: result?.errors, data: result?.data };
    };
  }

  const ANALIST: Caller = { org: '0406', roles: ['analist'], actor: 'a1', mandates: {} };

  it('answers a cheap operation at once while costly ones hold the graph and wait', async () => {
    const send = await start({});
    const first = send(COSTLY);
    const second = send(COSTLY, ANALIST);
    await expect.poll(() => holding.length).toBe(1);
    // The second costly one waits for its turn; a lookup does not wait behind either.
    expect(await send('{ versie }', ANALIST)).toMatchObject({ status: 200, data: { versie: 'v1' } });
    expect(holding).toHaveLength(1);
    holding.shift()?.();
    expect((await first).data).toEqual({ traag: [{ a: '1', b: '2', c: '3' }] });
    await expect.poll(() => holding.length).toBe(1);
    holding.shift()?.();
    expect((await second).status).toBe(200);
  });

  it('refuses an operation that waited too long, or finds the queue full: HTTP 429 OVERLOADED with Retry-After', async () => {
    const send = await start({ maxWaitMs: 50, maxQueued: 1 });
    const holder = send(COSTLY);
    await expect.poll(() => holding.length).toBe(1);
    const waited = send(COSTLY, ANALIST);
    // The queue holds one: a third is refused without waiting.
    const full = await send(COSTLY, ANALIST, '10.0.0.2');
    expect(full).toMatchObject({ status: 429, retryAfter: '1', errors: [{ extensions: { code: 'OVERLOADED' } }] });
    expect(await waited).toMatchObject({ status: 429, retryAfter: '1', errors: [{ extensions: { code: 'OVERLOADED' } }] });
    // Neither reached a resolver.
    expect(holding).toHaveLength(1);
    holding.shift()?.();
    expect((await holder).status).toBe(200);
  });
});
