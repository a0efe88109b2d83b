import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { budgetCaller, cellId, createCellBudget, readCellsPerDay } from './budget.js';

const cells = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => cellId('t', from + i));
const DAY = new Date('2026-03-02T10:00:00Z');

describe('daily bound of distinct cells per caller (issue 10)', () => {
  // Redis as CI's second run gives it (REDIS_URL); the first run checks the process's own count.
  for (const [where, redisUrl] of [['in process', undefined], ['in Redis', process.env.REDIS_URL]] as const) {
    it.skipIf(where === 'in Redis' && !redisUrl)(`counts distinct cells per caller and day, ${where}, and refuses past the bound without counting`, async () => {
      // A bound of its own: the process count is shared per bound by every subgraph in the process.
      const max = 1000 + Math.floor(Math.random() * 5000);
      const options = { max, redisUrl, keyPrefix: `sociaal-graph-test-${process.pid}:` };
      const budget = await createCellBudget(options);
      const analist = budgetCaller({ organisatie: 'uo-hbel', actor: `a-${randomUUID()}` });
      const ander = budgetCaller({ organisatie: 'uo-hbel', actor: `a-${randomUUID()}` });
      try {
        expect(await budget.charge(analist, cells(0, max - 10), DAY)).toEqual({ allowed: true, used: max - 10, nieuw: max - 10, max });
        // The same cells again (a repeated query, a refreshed dashboard) cost nothing.
        expect(await budget.charge(analist, cells(0, max - 10), DAY)).toMatchObject({ allowed: true, used: max - 10, nieuw: 0 });
        // Half of these are known; the 20 new ones pass the bound: refused, and none counted.
        expect(await budget.charge(analist, cells(max - 20, max + 10), DAY)).toEqual({ allowed: false, used: max - 10, nieuw: 20, max });
        expect(await budget.charge(analist, cells(max - 10, max), DAY)).toMatchObject({ allowed: true, used: max, nieuw: 10 });
        expect(await budget.charge(analist, [cellId('t', max)], DAY)).toMatchObject({ allowed: false });
        // Another person of the same organisation, and the next day, count apart.
        expect(await budget.charge(ander, cells(0, 10), DAY)).toMatchObject({ allowed: true, used: 10 });
        expect(await budget.charge(analist, cells(0, 10), new Date('2026-03-03T00:00:01Z'))).toMatchObject({ allowed: true, used: 10 });
        if (redisUrl) {
          // A second subgraph (or replica) sharing Redis sees the same count.
          const other = await createCellBudget(options);
          expect(await other.charge(ander, cells(5, 15), DAY)).toMatchObject({ allowed: true, used: 15, nieuw: 5 });
          await other.close();
        }
      } finally {
        await budget.close();
      }
    });
  }

  it('takes a request of 20,000 cells at once (the bound per request) in Redis too', async () => {
    const options = { max: 1_000_000, redisUrl: process.env.REDIS_URL, keyPrefix: `sociaal-graph-test-${process.pid}:` };
    const budget = await createCellBudget(options);
    const caller = `groot|${randomUUID()}`;
    try {
      expect(await budget.charge(caller, cells(0, 20_000), DAY)).toMatchObject({ allowed: true, used: 20_000 });
      if (options.redisUrl) {
        // Counted in Redis, not in the fallback of this process: another budget on Redis knows them.
        const other = await createCellBudget(options);
        expect(await other.charge(caller, cells(0, 20_000), DAY)).toMatchObject({ allowed: true, used: 20_000, nieuw: 0 });
        await other.close();
      }
    } finally {
      await budget.close();
    }
  });

  it('counts in the process while Redis is unreachable, never refusing every aggregate for it', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const budget = await createCellBudget({ max: 5, redisUrl: `redis://127.0.0.1:${port}` });
    const caller = `weg|${randomUUID()}`;
    try {
      expect(await budget.charge(caller, cells(0, 5), DAY)).toMatchObject({ allowed: true, used: 5 });
      expect(await budget.charge(caller, cells(5, 6), DAY)).toMatchObject({ allowed: false });
    } finally {
      await budget.close();
    }
  });

  it('reads DISCLOSURE_CELLS_PER_DAY, with a default, and refuses a bound that is no whole number', () => {
    expect(readCellsPerDay({})).toBe(250_000);
    expect(readCellsPerDay({ DISCLOSURE_CELLS_PER_DAY: '5000' })).toBe(5000);
    for (const bad of ['0', '-1', '1.5', 'veel']) expect(() => readCellsPerDay({ DISCLOSURE_CELLS_PER_DAY: bad })).toThrow(/DISCLOSURE_CELLS_PER_DAY/);
  });
});
