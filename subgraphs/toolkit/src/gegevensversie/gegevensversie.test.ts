import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, withDeadline } from '../database.js';
import { runSubgraphMigrations } from '../migrations.js';
import { createScratchDatabase, type ScratchDatabase } from '../testing/scratch-database.js';
import { selectGegevensversie, Versiecache, Verzoekversies } from './gegevensversie.js';

const serverUrl = process.env.DATABASE_URL;
const scratch: ScratchDatabase[] = [];
afterAll(async () => {
  for (const db of scratch) await db.drop();
});

const migraties = (subgraph: string) => fileURLToPath(new URL(`../../../${subgraph}/migrations`, import.meta.url));
/** What a subgraph's start runs: the toolkit's data-version table, then the subgraph's own migrations. */
const migreer = (db: Database, subgraph: string) => runSubgraphMigrations(db, { migrationsDir: migraties(subgraph) });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// The toolkit's table and the subgraphs' own migrations, so what is tested is what databases run.
describe.each([
  ['pglite', async (schema: string) => openDatabase({ schema })],
  ...(serverUrl
    ? [['postgres', async (schema: string) => {
        const db = await createScratchDatabase(serverUrl);
        scratch.push(db);
        return openDatabase({ url: db.url, schema });
      }] as const]
    : []),
] as const)('gegevensversie on %s', (_kind, open: (schema: string) => Promise<Database>) => {
  it('renews a table\'s version on every kind of write, whoever writes, and never repeats one', async () => {
    const db = await open('wmo');
    try {
      await migreer(db, 'wmo');
      const gezien = [await selectGegevensversie(db, ['toewijzing'])];
      expect(gezien[0]).toMatch(UUID);
      // A statement trigger: it fires for a statement that touches no row too.
      for (const write of [`DELETE FROM toewijzing WHERE false`, `UPDATE toewijzing SET volume = volume`, `TRUNCATE toewijzing`]) {
        await db.query(write);
        gezien.push(await selectGegevensversie(db, ['toewijzing']));
      }
      expect(new Set(gezien).size).toBe(gezien.length);
      expect(await selectGegevensversie(db, ['onbekend'])).toBeNull();
    } finally {
      await db.close();
    }
  });

  it('versions gemeenten\' figures and the size columns of a gemeente', async () => {
    const db = await open('gemeenten');
    try {
      await migreer(db, 'gemeenten');
      const versie = () => selectGegevensversie(db, ['financieel_cijfer', 'gemeente']);
      const begin = await versie();
      expect(begin).toMatch(/^[0-9a-f-]{36},[0-9a-f-]{36}$/);
      await db.query(`UPDATE gemeente SET naam = naam`);
      expect(await versie()).toBe(begin); // the comparison reads no name
      await db.query(`UPDATE gemeente SET inwoners = inwoners`);
      const naInwoners = await versie();
      expect(naInwoners).not.toBe(begin);
      await db.query(`TRUNCATE financieel_cijfer`);
      expect(await versie()).not.toBe(naInwoners);
    } finally {
      await db.close();
    }
  });
});

describe('Versiecache', () => {
  it('gives a value back only for its version and database, through any request\'s view of that database', async () => {
    const [a, b] = await Promise.all([openDatabase({ schema: 'cache_a' }), openDatabase({ schema: 'cache_b' })]);
    try {
      const cache = new Versiecache<string>(2);
      cache.set(withDeadline(a, Date.now() + 60_000, 1_000), 'sleutel', 'v1', 'van a');
      expect(cache.get(a, 'sleutel', 'v1')).toBe('van a');
      expect(cache.get(a, 'sleutel', 'v2')).toBeUndefined();
      expect(cache.get(b, 'sleutel', 'v1')).toBeUndefined();
      cache.delete(a, 'sleutel', 'v2'); // another version: left alone
      expect(cache.get(a, 'sleutel', 'v1')).toBe('van a');
      cache.set(a, 'sleutel', 'v2', 'nieuwer');
      expect(cache.get(a, 'sleutel', 'v1')).toBeUndefined();
      // Bounded: past two keys the database's values are dropped.
      cache.set(a, 'tweede', 'v2', 'x');
      cache.set(a, 'derde', 'v2', 'y');
      expect(cache.get(a, 'sleutel', 'v2')).toBeUndefined();
      expect(cache.get(a, 'derde', 'v2')).toBe('y');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('Verzoekversies', () => {
  it("gives a request's version back to that request only, on that database, for a while, and keeps a bounded number", async () => {
    // Stand-ins for two subgraphs' databases: what is kept is keyed by the object under a request's view.
    const a = { query: async () => [] };
    const b = { query: async () => [] };
    const versies = new Verzoekversies(1_000, 2);
    versies.onthoud(withDeadline(a as unknown as Database, Date.now() + 60_000, 1_000), 'verzoek-1', 'toewijzing', 'v1', 0);
    expect(versies.gezien(a, 'verzoek-1', 'toewijzing', 999)).toBe('v1');
    expect(versies.gezien(a, 'verzoek-2', 'toewijzing', 999)).toBeUndefined();
    expect(versies.gezien(a, 'verzoek-1', 'uitkering', 999)).toBeUndefined();
    expect(versies.gezien(b, 'verzoek-1', 'toewijzing', 999)).toBeUndefined();
    // Past its time it is gone: the call reads the version itself.
    expect(versies.gezien(a, 'verzoek-1', 'toewijzing', 1_000)).toBeUndefined();
    // Bounded: a third request pushes out the oldest.
    versies.onthoud(a, 'verzoek-2', 'toewijzing', 'v2', 10);
    versies.onthoud(a, 'verzoek-3', 'toewijzing', 'v2', 20);
    versies.onthoud(a, 'verzoek-4', 'toewijzing', 'v3', 30);
    expect(versies.gezien(a, 'verzoek-2', 'toewijzing', 40)).toBeUndefined();
    expect(versies.gezien(a, 'verzoek-3', 'toewijzing', 40)).toBe('v2');
    expect(versies.gezien(a, 'verzoek-4', 'toewijzing', 40)).toBe('v3');
  });
});
