import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, withDeadline } from './database.js';
import { createScratchDatabase, type ScratchDatabase } from './testing/scratch-database.js';

const serverUrl = process.env.DATABASE_URL;
const scratch: ScratchDatabase[] = [];
afterAll(async () => {
  for (const db of scratch) await db.drop();
});

describe('withDeadline (PGlite)', () => {
  it('starts no statement of a request after its deadline: OPERATION_TIMEOUT, and the audit trail is still written', async () => {
    const db = await openDatabase({ schema: 'proef' });
    try {
      await db.query('CREATE TABLE log (n int)');
      const live = withDeadline(db, Date.now() + 60_000, 60_000);
      expect(await live.query<{ n: number }>('SELECT 1 AS n')).toEqual([{ n: 1 }]);
      const past = withDeadline(db, Date.now() - 1, 9_000);
      await expect(past.query('SELECT 1')).rejects.toMatchObject({
        message: expect.stringContaining('langer dan 9000 ms'),
        extensions: { code: 'OPERATION_TIMEOUT' },
      });
      await past.logboekQuery('INSERT INTO log VALUES (1)');
      expect(await db.query('SELECT n FROM log')).toEqual([{ n: 1 }]);
      // The statement count of the database it wraps goes on.
      expect(past.statementCount).toBe(db.statementCount);
    } finally {
      await db.close();
    }
  });
});

describe.runIf(serverUrl)('statement timeout (PostgreSQL)', () => {
  it('cancels a statement of a request past STATEMENT_TIMEOUT_MS with OPERATION_TIMEOUT, but not one in a transaction (migrations, demo load)', async () => {
    const server = await createScratchDatabase(serverUrl ?? '');
    scratch.push(server);
    const db = await openDatabase({ url: server.url, schema: 'proef', statementTimeoutMs: 100 });
    try {
      const request = withDeadline(db, Date.now() + 60_000, 60_000);
      await expect(request.query('SELECT pg_sleep(2)')).rejects.toMatchObject({ extensions: { code: 'OPERATION_TIMEOUT' } });
      // The connection stays usable after the cancel.
      expect(await request.query<{ n: number }>('SELECT 1 AS n')).toEqual([{ n: 1 }]);
      expect(await db.transaction((tx) => tx.query<{ n: number }>('SELECT 1 AS n FROM pg_sleep(0.3)'))).toEqual([{ n: 1 }]);
    } finally {
      await db.close();
    }
  });
});
