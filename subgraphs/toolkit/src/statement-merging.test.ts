import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase, type QueryOptions, withDeadline } from './database.js';
import { type Samenvoeging, samenvoegbaarOp, vraagSamengevoegd } from './statement-merging.js';
import { createScratchDatabase, type ScratchDatabase } from './testing/scratch-database.js';

const serverUrl = process.env.DATABASE_URL;
const scratch: ScratchDatabase[] = [];
afterAll(async () => {
  for (const server of scratch) await server.drop();
});

/** A resident's toewijzingen by inwoner within a scope of gemeenten, as the subgraphs' lookups are built. */
const PER_INWONER: QueryOptions = { plan: 'generiek', samenvoegen: samenvoegbaarOp(0, 'inwoner') };
const TOEWIJZINGEN = `SELECT inwoner, nummer, gemeente FROM toewijzing
  WHERE inwoner = ANY($1::text[]) AND ($2::text[] IS NULL OR gemeente = ANY($2::text[])) ORDER BY inwoner, nummer`;

interface Toewijzing {
  inwoner: string;
  nummer: number;
  gemeente: string;
}

/** A request's view of the database, with a minute to go. */
const aanvraag = (db: Database) => withDeadline(db, Date.now() + 60_000, 60_000);

const kinds = [
  { kind: 'PGlite', open: () => openDatabase({ schema: 'samenvoegen' }) },
  ...(serverUrl
    ? [
        {
          kind: 'PostgreSQL',
          open: async () => {
            const server = await createScratchDatabase(serverUrl);
            scratch.push(server);
            return openDatabase({ url: server.url, schema: 'samenvoegen' });
          },
        },
      ]
    : []),
];

describe.each(kinds)('merging one lookup of concurrent requests ($kind)', ({ open }) => {
  let db: Database;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(async () => {
    await db.close();
  });
  beforeEach(async () => {
    await db.exec(`DROP TABLE IF EXISTS toewijzing; CREATE TABLE toewijzing (inwoner text, nummer int, gemeente text);
      INSERT INTO toewijzing VALUES ('a', 2, '0363'), ('a', 1, '0363'), ('b', 1, '0363'), ('b', 3, '0599'), ('c', 1, '0599'), ('d', 1, '0363')`);
  });
  it('runs the lookups of requests in the same turn as one statement, each answered with only its own keys, in the SQL order', async () => {
    const voor = db.statementCount;
    const [een, twee, drie] = await Promise.all([
      aanvraag(db).query<Toewijzing>(TOEWIJZINGEN, [['b', 'a'], null], PER_INWONER),
      aanvraag(db).query<Toewijzing>(TOEWIJZINGEN, [['c'], null], PER_INWONER),
      aanvraag(db).query<Toewijzing>(TOEWIJZINGEN, [['x'], null], PER_INWONER),
    ]);
    expect(db.statementCount - voor).toBe(1);
    expect(een.map((rij) => [rij.inwoner, rij.nummer])).toEqual([['a', 1], ['a', 2], ['b', 1], ['b', 3]]);
    expect(twee.map((rij) => [rij.inwoner, rij.nummer])).toEqual([['c', 1]]);
    expect(drie).toEqual([]);
  });

  it('hands a row that two requests asked to each as its own object', async () => {
    const [een, twee] = await Promise.all([
      aanvraag(db).query<Toewijzing>(TOEWIJZINGEN, [['d', 'd'], null], PER_INWONER),
      aanvraag(db).query<Toewijzing>(TOEWIJZINGEN, [['d'], null], PER_INWONER),
    ]);
    expect(een).toEqual([{ inwoner: 'd', nummer: 1, gemeente: '0363' }]);
    expect(twee).toEqual(een);
    expect(twee[0]).not.toBe(een[0]);
  });

  it('hands a shared row with an object in a column (jsonb) to each as its own deep copy', async () => {
    await db.exec(`DROP TABLE IF EXISTS kenmerk; CREATE TABLE kenmerk (inwoner text, data jsonb);
      INSERT INTO kenmerk VALUES ('d', '{"labels": ["x"]}')`);
    const KENMERKEN = 'SELECT inwoner, data FROM kenmerk WHERE inwoner = ANY($1::text[]) AND $2::text IS NULL';
    const [een, twee] = await Promise.all([
      aanvraag(db).query<{ inwoner: string; data: { labels: string[] } }>(KENMERKEN, [['d'], null], PER_INWONER),
      aanvraag(db).query<{ inwoner: string; data: { labels: string[] } }>(KENMERKEN, [['d'], null], PER_INWONER),
    ]);
    expect(een).toEqual([{ inwoner: 'd', data: { labels: ['x'] } }]);
    expect(twee).toEqual(een);
    expect(twee[0]!.data).not.toBe(een[0]!.data);
    expect(twee[0]!.data.labels).not.toBe(een[0]!.data.labels);
  });

  it('never merges requests whose other parameters (their scope) differ: each is answered within its own', async () => {
    const voor = db.statementCount;
    const [amsterdam, alles] = await Promise.all([
      aanvraag(db).query<Toewijzing>(TOEWIJZINGEN, [['b'], ['0363']], PER_INWONER),
      aanvraag(db).query<Toewijzing>(TOEWIJZINGEN, [['b'], null], PER_INWONER),
    ]);
    expect(db.statementCount - voor).toBe(2);
    expect(amsterdam.map((rij) => rij.nummer)).toEqual([1]);
    expect(alles.map((rij) => rij.nummer)).toEqual([1, 3]);
  });

  it('merges nothing across databases (schemas) or statements that are not declared mergeable', async () => {
    const ander = await open();
    try {
      await ander.exec(`CREATE TABLE IF NOT EXISTS toewijzing (inwoner text, nummer int, gemeente text)`);
      await ander.exec(`INSERT INTO toewijzing VALUES ('a', 9, '0363')`);
      const [hier, daar, gewoon] = await Promise.all([
        aanvraag(db).query<Toewijzing>(TOEWIJZINGEN, [['a'], null], PER_INWONER),
        aanvraag(ander).query<Toewijzing>(TOEWIJZINGEN, [['a'], null], PER_INWONER),
        aanvraag(db).query<Toewijzing>(TOEWIJZINGEN, [['b'], null], { plan: 'generiek' }),
      ]);
      expect(hier.map((rij) => rij.nummer)).toEqual([1, 2]);
      expect(daar.map((rij) => rij.nummer)).toEqual([9]);
      expect(gewoon.map((rij) => rij.nummer)).toEqual([1, 3]);
    } finally {
      await ander.close();
    }
  });

  it("does not fail a request for another's deadline or bad key: a failed merged statement is run again per request", async () => {
    const PER_NUMMER: QueryOptions = { samenvoegen: samenvoegbaarOp(0, 'nummer') };
    const PER_NUMMER_SQL = 'SELECT inwoner, nummer FROM toewijzing WHERE nummer = ANY($1::int[]) ORDER BY inwoner, nummer';
    const [verlopen, goed, fout] = await Promise.allSettled([
      withDeadline(db, Date.now() - 1, 5_000).query(PER_NUMMER_SQL, [[3]], PER_NUMMER),
      aanvraag(db).query<Toewijzing>(PER_NUMMER_SQL, [[3]], PER_NUMMER),
      aanvraag(db).query<Toewijzing>(PER_NUMMER_SQL, [['geen getal']], PER_NUMMER),
    ]);
    expect(verlopen).toMatchObject({ status: 'rejected', reason: { extensions: { code: 'OPERATION_TIMEOUT' } } });
    expect(goed).toEqual({ status: 'fulfilled', value: [{ inwoner: 'b', nummer: 3 }] });
    expect(fout).toMatchObject({ status: 'rejected', reason: { message: expect.stringContaining('integer') } });
  });

  it('answers a request alone with its own statement, as unmerged', async () => {
    const voor = db.statementCount;
    const alleen = await aanvraag(db).query<Toewijzing>(TOEWIJZINGEN, [['b'], null], PER_INWONER);
    expect(db.statementCount - voor).toBe(1);
    expect(alleen).toEqual(await db.query(TOEWIJZINGEN, [['b'], null]));
  });

  it('hands out the rows of a statement with several key arrays by the key each row answers', async () => {
    const PER_SOORT: Samenvoeging = {
      sleutelparameters: [0, 1],
      sleutelVan: ({ soort, sleutel }: { soort: string; sleutel: string }) => [soort === 'inwoner' ? 0 : 1, sleutel],
    };
    const sql = `SELECT 'inwoner' AS soort, inwoner AS sleutel FROM toewijzing WHERE inwoner = ANY($1::text[])
      UNION ALL SELECT 'gemeente', gemeente FROM toewijzing WHERE gemeente = ANY($2::text[]) ORDER BY 1, 2`;
    const voor = db.statementCount;
    const [een, twee] = await Promise.all([
      aanvraag(db).query<{ soort: string; sleutel: string }>(sql, [['c'], []], { samenvoegen: PER_SOORT }),
      aanvraag(db).query<{ soort: string; sleutel: string }>(sql, [[], ['0599']], { samenvoegen: PER_SOORT }),
    ]);
    expect(db.statementCount - voor).toBe(1);
    expect(een).toEqual([{ soort: 'inwoner', sleutel: 'c' }]);
    expect(twee).toEqual([
      { soort: 'gemeente', sleutel: '0599' },
      { soort: 'gemeente', sleutel: '0599' },
    ]);
  });
});

describe('merging while a statement is on its way', () => {
  it('lets the requests that ask meanwhile wait for the next statement, which carries all of them', async () => {
    const rijen = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
    const gestuurd: unknown[][] = [];
    let klaar: (() => void) | undefined;
    const db = {
      query: async <R>(_text: string, params: readonly unknown[] = []) => {
        gestuurd.push(params[0] as unknown[]);
        await new Promise<void>((resolve) => (klaar = resolve));
        return rijen.filter((rij) => (params[0] as string[]).includes(rij.id)) as R[];
      },
    };
    const opties: QueryOptions = { samenvoegen: samenvoegbaarOp(0, 'id') };
    const vraag = (ids: string[]) => vraagSamengevoegd<{ id: string }>(db, 'SELECT id FROM t WHERE id = ANY($1)', [ids], opties);
    const eerste = vraag(['a']);
    await new Promise((resolve) => setImmediate(resolve));
    // The first statement is on its way: these two wait for it, then go together.
    const tweede = vraag(['b', 'c']);
    await new Promise((resolve) => setImmediate(resolve));
    const derde = vraag(['d', 'b']);
    expect(gestuurd).toEqual([['a']]);
    klaar!();
    expect(await eerste).toEqual([{ id: 'a' }]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(gestuurd).toEqual([['a'], ['b', 'c', 'd']]);
    klaar!();
    expect(await tweede).toEqual([{ id: 'b' }, { id: 'c' }]);
    expect(await derde).toEqual([{ id: 'b' }, { id: 'd' }]);
    // The queue is gone once answered: the next request starts a new one.
    const vierde = vraag(['c']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(gestuurd).toHaveLength(3);
    klaar!();
    expect(await vierde).toEqual([{ id: 'c' }]);
  });
});
