import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { insertRows } from './bulk-insert.js';
import { type Database, openDatabase, openSharedPglite } from './database.js';
import { runMigrations } from './migrations.js';
import { createScratchDatabase, type ScratchDatabase } from './testing/scratch-database.js';

const migrations = mkdtempSync(join(tmpdir(), 'migrations-'));
writeFileSync(join(migrations, '001_init.sql'), `-- a comment\nCREATE TABLE item (id text PRIMARY KEY, geldig_van date NOT NULL, bedrag bigint NOT NULL);\n`);
writeFileSync(join(migrations, '002_more.sql'), `ALTER TABLE item ADD COLUMN naam text;\n`);

const serverUrl = process.env.DATABASE_URL;
const scratch: ScratchDatabase[] = [];
afterAll(async () => {
  for (const db of scratch) await db.drop();
});

describe.each([
  ['pglite', async () => openDatabase({ schema: 'proef' })],
  ...(serverUrl
    ? [['postgres', async () => {
        const db = await createScratchDatabase(serverUrl);
        scratch.push(db);
        return openDatabase({ url: db.url, schema: 'proef' });
      }] as const]
    : []),
] as const)('%s', (_kind, open: () => Promise<Database>) => {
  it('runs each migration once, in the subgraph schema, and keeps dates as strings', async () => {
    const db = await open();
    try {
      expect(await runMigrations(db, migrations)).toEqual(['001_init.sql', '002_more.sql']);
      expect(await runMigrations(db, migrations)).toEqual([]);
      await db.query(`INSERT INTO item (id, geldig_van, bedrag, naam) VALUES ($1, $2, $3, $4)`, ['a', '2025-01-31', 123456789012, 'x']);
      const [row] = await db.query<{ geldig_van: string; bedrag: number; schema: string }>(
        `SELECT geldig_van, bedrag, (SELECT table_schema FROM information_schema.tables WHERE table_name = 'item') AS schema FROM item`,
      );
      expect(row).toEqual({ geldig_van: '2025-01-31', bedrag: 123456789012, schema: 'proef' });
    } finally {
      await db.close();
    }
  });

  it('rolls a failed transaction back whole: no partial write', async () => {
    const db = await open();
    try {
      await runMigrations(db, migrations);
      await expect(
        db.transaction(async (tx) => {
          await tx.query(`INSERT INTO item (id, geldig_van, bedrag) VALUES ('b', '2025-01-01', 1)`);
          await tx.query(`INSERT INTO item (id, geldig_van, bedrag) VALUES ('b', '2025-01-01', 1)`);
        }),
      ).rejects.toThrow();
      expect(await db.query(`SELECT id FROM item WHERE id = 'b'`)).toEqual([]);
    } finally {
      await db.close();
    }
  });

  // PGlite runs each text as a named statement kept on the connection (runPrepared): what it answers
  // must not depend on whether the text ran before, also after the table changed or a statement failed.
  it('answers a statement run again as the first time, after its table changed and after a failed statement', async () => {
    const db = await open();
    try {
      await runMigrations(db, migrations);
      const lees = `SELECT * FROM item WHERE id = ANY($1) AND ($2::date IS NULL OR geldig_van >= $2) ORDER BY id`;
      await db.query(`INSERT INTO item (id, geldig_van, bedrag, naam) VALUES ($1, $2, $3, $4), ($5, $6, $7, $8)`, ['c', '2025-02-01', 5, null, 'd', '2024-02-01', 6, 'y']);
      expect(await db.query(lees, [['c', 'd'], null])).toEqual([
        { id: 'c', geldig_van: '2025-02-01', bedrag: 5, naam: null },
        { id: 'd', geldig_van: '2024-02-01', bedrag: 6, naam: 'y' },
      ]);
      expect(await db.query(lees, [['c', 'd'], '2025-01-01'])).toEqual([{ id: 'c', geldig_van: '2025-02-01', bedrag: 5, naam: null }]);
      // Another result shape for the same text: PostgreSQL refuses the kept statement, it is prepared anew.
      await db.exec(`ALTER TABLE item ADD COLUMN opmerking text DEFAULT 'geen'`);
      expect(await db.query(lees, [['d'], null])).toEqual([{ id: 'd', geldig_van: '2024-02-01', bedrag: 6, naam: 'y', opmerking: 'geen' }]);
      await expect(db.query(`SELECT * FROM item WHERE id = $1 AND bedrag = $2`, ['d', 'geen getal'])).rejects.toMatchObject({ code: '22P02' });
      await expect(db.query(`SELEC id FROM item`)).rejects.toMatchObject({ code: '42601' });
      expect(await db.query(`SELECT id FROM item WHERE id = $1 AND bedrag = $2`, ['d', 6])).toEqual([{ id: 'd' }]);
    } finally {
      await db.close();
    }
  });
});

describe('plans on PGlite', () => {
  // A lookup by key keeps one generic plan (QueryOptions.plan); everything else is planned with its values.
  it("runs a statement asked with plan 'generiek' under a generic plan, and every other statement, transaction and load as before", async () => {
    const db = await openDatabase({ schema: 'proef' });
    try {
      await runMigrations(db, migrations);
      const modus = `SELECT current_setting('plan_cache_mode') AS modus, current_setting('random_page_cost') AS kosten, current_setting('enable_bitmapscan') AS bitmap, $1::text AS id`;
      // A generic plan is made with index reads priced as in memory and no bitmap scans; every other plan with PostgreSQL's defaults.
      expect(await db.query(modus, ['a'], { plan: 'generiek' })).toEqual([{ modus: 'force_generic_plan', kosten: '1.1', bitmap: 'off', id: 'a' }]);
      expect(await db.query(modus, ['b'])).toEqual([{ modus: 'force_custom_plan', kosten: '4', bitmap: 'on', id: 'b' }]);
      await db.query(modus, ['c'], { plan: 'generiek' });
      expect(await db.transaction((tx) => tx.query(`SELECT current_setting('plan_cache_mode') AS modus, current_setting('random_page_cost') AS kosten, current_setting('enable_bitmapscan') AS bitmap`))).toEqual([
        { modus: 'force_custom_plan', kosten: '4', bitmap: 'on' },
      ]);
      await db.query(`INSERT INTO item (id, geldig_van, bedrag) VALUES ($1, $2, $3)`, ['g', '2025-01-01', 1], { plan: 'generiek' });
      await db.exec(`CREATE TEMP TABLE modus AS SELECT current_setting('plan_cache_mode') AS modus`);
      expect(await db.query(`SELECT modus FROM modus`)).toEqual([{ modus: 'force_custom_plan' }]);
      // The same answers under either plan.
      const lees = `SELECT id, bedrag FROM item WHERE id = ANY($1::text[]) ORDER BY id`;
      expect(await db.query(lees, [['g', 'x']], { plan: 'generiek' })).toEqual(await db.query(lees, [['g', 'x']]));
    } finally {
      await db.close();
    }
  });
});

describe('one PGlite shared by several subgraphs (the one-process graph)', () => {
  it('keeps each subgraph in its own schema while their statements and transactions interleave', async () => {
    const shared = await openSharedPglite();
    const wmo = await shared.database('wmo');
    const jeugd = await shared.database('jeugd');
    // The same table name in both, as the Logboek tables are in every subgraph with personal data.
    await Promise.all([wmo.exec(`CREATE TABLE item (naam text)`), jeugd.exec(`CREATE TABLE item (naam text)`)]);
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => wmo.query(`INSERT INTO item VALUES ($1)`, [`wmo ${i}`])),
      ...Array.from({ length: 20 }, (_, i) => jeugd.transaction((tx) => tx.query(`INSERT INTO item VALUES ($1)`, [`jeugd ${i}`]))),
      jeugd.transaction((tx) => insertRows(tx, 'item', ['naam'], [['jeugd copy']])),
    ]);
    const names = (db: Database) => db.query<{ naam: string; schema: string }>(`SELECT DISTINCT split_part(naam, ' ', 1) AS naam, current_schema() AS schema FROM item`);
    expect(await names(wmo)).toEqual([{ naam: 'wmo', schema: 'wmo' }]);
    expect(await names(jeugd)).toEqual([{ naam: 'jeugd', schema: 'jeugd' }]);
    expect(await jeugd.query(`SELECT count(*)::int AS n FROM item`)).toEqual([{ n: 21 }]);
    // Closing one leaves the other working; the instance closes with the last.
    await wmo.close();
    expect(await jeugd.query(`SELECT count(*)::int AS n FROM jeugd.item`)).toEqual([{ n: 21 }]);
    await jeugd.close();
  });
  // The switch of schema rides in the statement's own transaction (issue 14: one transaction fewer per
  // switch); when the statement fails, its transaction takes the switch with it, and the next
  // statements still run in their own schemas.
  it('switches schema within the statement transaction, and a failed statement leaves every schema right', async () => {
    const shared = await openSharedPglite();
    const wmo = await shared.database('wmo');
    const jeugd = await shared.database('jeugd');
    try {
      await wmo.exec(`CREATE TABLE item (naam text)`);
      await jeugd.exec(`CREATE TABLE item (naam text)`);
      await wmo.query(`INSERT INTO item VALUES ('wmo')`);
      await jeugd.query(`INSERT INTO item VALUES ('jeugd')`);
      // The backend's local transaction number: one up per transaction.
      const transactie = `SELECT split_part(virtualtransaction, '/', 2)::int AS nr, current_schema() AS schema FROM pg_locks WHERE locktype = 'virtualxid' AND pid = pg_backend_pid()`;
      for (const db of [wmo, jeugd, wmo, jeugd]) await db.query(transactie);
      const [voor] = await wmo.query<{ nr: number }>(transactie);
      const [na] = await jeugd.query<{ nr: number; schema: string }>(transactie);
      expect(na).toEqual({ nr: voor!.nr + 1, schema: 'jeugd' });
      await expect(wmo.query(`SELECT 1 / (count(*)::int - 1) AS n FROM item`)).rejects.toMatchObject({ code: '22012' });
      expect(await jeugd.query(`SELECT naam, current_schema() AS schema FROM item`)).toEqual([{ naam: 'jeugd', schema: 'jeugd' }]);
      await expect(wmo.query(`SELECT 1 / (count(*)::int - 1) AS n FROM item`)).rejects.toMatchObject({ code: '22012' });
      expect(await wmo.query(`SELECT naam, current_schema() AS schema FROM item`)).toEqual([{ naam: 'wmo', schema: 'wmo' }]);
      expect(await jeugd.query(`SELECT naam FROM item`)).toEqual([{ naam: 'jeugd' }]);
    } finally {
      await wmo.close();
      await jeugd.close();
    }
  });
});
