import { afterAll, describe, expect, it } from 'vitest';
import { copyRows, insertRows } from './bulk-insert.js';
import { type Database, openDatabase } from './database.js';
import { createScratchDatabase, type ScratchDatabase } from './testing/scratch-database.js';

const serverUrl = process.env.DATABASE_URL;
const scratch: ScratchDatabase[] = [];
afterAll(async () => {
  for (const db of scratch) await db.drop();
});

const TABLE = `CREATE TABLE item (id integer PRIMARY KEY, naam text, geldig_van date, bedrag bigint, actief boolean, codes text[])`;

/** Values COPY's text format must escape or spell in its own way, each as it must come back. */
const AWKWARD: readonly (readonly unknown[])[] = [
  [1, 'tab\there', '2025-01-31', 123456789012, true, ['a', 'b c', 'd"e']],
  [2, 'line\nbreak\r\nand back\\slash', null, -5, false, []],
  [3, '\\N is text, not null', '2024-02-29', 0, null, null],
  [4, null, undefined, null, true, ['x,y', null]],
  [5, 'Ĳsselmonde – “quotes” ', '2026-12-31', Number.MAX_SAFE_INTEGER, false, ['\\']],
];

describe.each([
  ['pglite', async () => openDatabase({ schema: 'bulk' })],
  ...(serverUrl
    ? [['postgres', async () => {
        const db = await createScratchDatabase(serverUrl);
        scratch.push(db);
        return openDatabase({ url: db.url, schema: 'bulk' });
      }] as const]
    : []),
] as const)('copyRows on %s', (_kind, open: () => Promise<Database>) => {
  it('loads by COPY what a parameterised INSERT would have stored, escapes and nulls included', async () => {
    const db = await open();
    try {
      await db.exec(TABLE);
      expect(db.copyFrom).toBeTypeOf('function');
      await db.transaction((tx) => insertRows(tx, 'item', ['id', 'naam', 'geldig_van', 'bedrag', 'actief', 'codes'], AWKWARD));
      const copied = await db.query(`SELECT * FROM item ORDER BY id`);
      // The same rows through parameters, the way the loaders wrote them before: COPY must agree.
      await db.exec(`DELETE FROM item`);
      for (const row of AWKWARD) await db.query(`INSERT INTO item VALUES ($1, $2, $3, $4, $5, $6)`, row.map((v) => v ?? null));
      const inserted = await db.query(`SELECT * FROM item ORDER BY id`);
      expect(copied).toEqual(inserted);
      expect(copied[2]).toMatchObject({ naam: '\\N is text, not null', actief: null, codes: null });
      expect(copied[3]).toMatchObject({ naam: null, geldig_van: null, codes: ['x,y', null] });
    } finally {
      await db.close();
    }
  });

  it('streams a source of unknown length in pieces, and a failed copy leaves the transaction unwritten', async () => {
    const db = await open();
    try {
      await db.exec(TABLE);
      const count = 45_123; // more than two pieces of COPY text
      async function* source() {
        for (let id = 1; id <= count; id += 1) yield [id, `inwoner ${id}`, '2025-06-01', id * 100, id % 2 === 0, null];
      }
      const written = await db.transaction((tx) => copyRows(tx, 'item', ['id', 'naam', 'geldig_van', 'bedrag', 'actief', 'codes'], source()));
      expect(written).toBe(count);
      expect(await db.query(`SELECT count(*)::int AS n, sum(bedrag) AS s FROM item`)).toEqual([{ n: count, s: (100 * count * (count + 1)) / 2 }]);

      // A duplicate key in the second piece: the whole transaction, first piece included, is undone.
      await db.exec(`DELETE FROM item`);
      const duplicate = Array.from({ length: 30_000 }, (_, i) => [i === 25_000 ? 1 : i + 1, 'x', null, 1, true, null]);
      await expect(db.transaction((tx) => insertRows(tx, 'item', ['id', 'naam', 'geldig_van', 'bedrag', 'actief', 'codes'], duplicate))).rejects.toThrow();
      expect(await db.query(`SELECT count(*)::int AS n FROM item`)).toEqual([{ n: 0 }]);
    } finally {
      await db.close();
    }
  });

  it('pulls a generated source only as the database takes it: never more than one piece of rows ahead', async () => {
    const db = await open();
    try {
      await db.exec(TABLE);
      const count = 65_432;
      let made = 0;
      function* source() {
        for (let id = 1; id <= count; id += 1) {
          made += 1;
          yield [id, `inwoner ${id}`, null, id, true, null];
        }
      }
      // The database's own COPY, watched on the way: how many rows the source had made when each piece arrived.
      const pieces: { lines: number; madeWhenHandedOver: number }[] = [];
      const written = await db.transaction((tx) =>
        copyRows(
          {
            query: tx.query.bind(tx),
            copyFrom: (statement, text) =>
              tx.copyFrom!(statement, (async function* () {
                for await (const piece of text) {
                  pieces.push({ lines: piece.split('\n').length - 1, madeWhenHandedOver: made });
                  yield piece;
                }
              })()),
          },
          'item', ['id', 'naam', 'geldig_van', 'bedrag', 'actief', 'codes'], source(),
        ));
      expect(written).toBe(count);
      expect(pieces.length).toBeGreaterThan(2);
      let handedOver = 0;
      for (const piece of pieces) {
        handedOver += piece.lines;
        // Made no further than the piece in hand: the rest of the stream is not generated yet.
        expect(piece.madeWhenHandedOver).toBe(handedOver);
      }
      expect(handedOver).toBe(count);
      expect(Math.max(...pieces.map((p) => p.lines))).toBeLessThan(count / 2);
      expect(await db.query(`SELECT count(*)::int AS n, max(id) AS m FROM item`)).toEqual([{ n: count, m: count }]);
    } finally {
      await db.close();
    }
  });

  it('refuses a table or column name that is not a plain identifier, before any SQL runs', async () => {
    const db = await open();
    try {
      await db.exec(TABLE);
      await expect(insertRows(db, 'item; DROP TABLE item', ['id'], [[1]])).rejects.toThrow(/identifier/);
      await expect(insertRows(db, 'item', ['id', 'naam) FROM STDIN; --'], [[1, 'x']])).rejects.toThrow(/identifier/);
      await expect(insertRows(db, 'item', ['id', 'naam'], [[1]])).rejects.toThrow(/1 values for 2 columns/);
      expect(await db.query(`SELECT count(*)::int AS n FROM item`)).toEqual([{ n: 0 }]);
    } finally {
      await db.close();
    }
  });
});
