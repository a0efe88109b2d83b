import { afterAll, describe, expect, it } from 'vitest';
import { insertRows } from './bulk-insert.js';
import type { DemoConfig } from './config.js';
import { openDatabase } from './database.js';
import { loadDemoWorldIfEmpty } from './demo-loading.js';
import { createScratchDatabase, type ScratchDatabase } from './testing/scratch-database.js';
import { TEST_PSEUDONYM_SECRET } from './testing/secrets.js';

const serverUrl = process.env.DATABASE_URL;
const scratch: ScratchDatabase[] = [];
afterAll(async () => {
  for (const db of scratch) await db.drop();
});

/** The smallest world there is: one gemeente. Its generation is not what this tests. */
const DEMO: DemoConfig = { load: true, seed: 1, scale: 0.001, scaleHbel: 0.001, gemeenten: 'regio', pseudonymSecret: TEST_PSEUDONYM_SECRET };

describe.skipIf(!serverUrl)('the demo load on PostgreSQL', () => {
  it('leaves planner statistics for the loaded tables of its own schema, so the first requests are planned on them', async () => {
    const server = await createScratchDatabase(serverUrl!);
    scratch.push(server);
    const db = await openDatabase({ url: server.url, schema: 'proef' });
    try {
      await db.exec(`CREATE TABLE item (id integer PRIMARY KEY, soort text NOT NULL)`);
      const definition = {
        loadDemo: async (tx: Parameters<typeof insertRows>[0]) => {
          await insertRows(tx, 'item', ['id', 'soort'], Array.from({ length: 2_000 }, (_, i) => [i, i % 10 === 0 ? 'zeldzaam' : 'gewoon']));
        },
      };
      expect(await loadDemoWorldIfEmpty(db, definition, DEMO)).toBe(true);
      const stats = await db.query<{ attname: string; most_common_vals: string | null }>(
        `SELECT attname, most_common_vals::text FROM pg_stats WHERE schemaname = 'proef' AND tablename = 'item' ORDER BY attname`,
      );
      expect(stats.map((row) => row.attname)).toEqual(['id', 'soort']);
      expect(stats.find((row) => row.attname === 'soort')?.most_common_vals).toBe('{gewoon,zeldzaam}');
      // A second start finds the world and loads (and analyses) nothing.
      expect(await loadDemoWorldIfEmpty(db, definition, DEMO)).toBe(false);
    } finally {
      await db.close();
    }
  });
});
