import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../context.js';
import { testPrincipal } from '../principal.js';
import { defineSubgraph } from '../subgraph-definition.js';
import { createSubgraphHarness, type SubgraphHarness } from '../testing/harness.js';
import { type Database, type GedeeldeInstantie, openSharedPglite, withDeadline } from '../database.js';
import { runMigrations } from '../migrations.js';
import { type BetrokkeneSoort, createLogboek, type Verwerkingsregel } from './logboek.js';
import { gelezenInwonerHash } from './logboek-plugin.js';
import { LOGBOEK_MIGRATIONS_DIR } from './index.js';
import { type Aanvraagverslag, logboekId, schrijfVerwerkingenGebundeld } from './schrijf-verwerkingen.js';

/** A request's record of reading one betrokkene, as a subgraph's Logboek plugin makes it. */
const verslag = (betrokkene: string, soort = 'inwoner'): Aanvraagverslag => ({
  traceId: randomBytes(16).toString('hex'),
  spanId: randomBytes(8).toString('hex'),
  organisatie: 'uo-hbel',
  rollen: ['consulent'],
  actor: 'a1b2c3',
  tijdstip: new Date(),
  resultaat: 'geslaagd',
  regels: [{ activiteit: 'proef:inwoner:lezen', betrokkene, soort: soort as BetrokkeneSoort }],
});

describe('gelezenInwonerHash', () => {
  it('is the first 22 characters of SHA-256 of "<trace>:<pseudonym>" in base64url, as createHash gives it', () => {
    const cases = [['0af7651916cd43dd8448eb211c80319c', 'inw-000123'], ['', ''], ['t', 'é\u2028"😀']];
    for (let i = 0; i < 200; i++) cases.push([randomBytes(16).toString('hex'), randomBytes(i % 40).toString('base64')]);
    for (const [traceId, inwoner] of cases) {
      expect(gelezenInwonerHash(traceId!, inwoner!)).toBe(createHash('sha256').update(`${traceId}:${inwoner}`).digest('base64url').slice(0, 22));
    }
  });
});

describe('logboekId', () => {
  it('makes version 7 UUIDs that ascend, also many within one millisecond, each one only once, 62 of their bits random', () => {
    const before = Date.now();
    const ids = Array.from({ length: 10_000 }, () => logboekId());
    const after = Date.now();
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // PostgreSQL's uuid order is that of the bytes, which for lowercase hex is that of the text.
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
    // Its first 48 bits are the time in ms: of the call, or ahead of it by the ms that more than 4096 ids in one
    // ms run on (10,000 ids: at most 3), never behind it.
    const msOf = (id: string) => Number.parseInt(id.replace('-', '').slice(0, 12), 16);
    expect(msOf(ids[0]!)).toBeGreaterThanOrEqual(before);
    expect(msOf(ids.at(-1)!)).toBeLessThanOrEqual(after + Math.ceil(ids.length / 4096));
    // The random part differs even where time and counter could not tell two ids apart.
    expect(new Set(ids.map((id) => id.slice(19))).size).toBe(ids.length);
  });
});

describe('createLogboek', () => {
  it('keeps each (activiteit, betrokkene) once, in registration order', () => {
    const logboek = createLogboek();
    logboek.registreer('wmo:toewijzing:lezen', ['a', 'b', 'a']);
    logboek.gelezen('wmo:toewijzing:lezen', [{ inwoner: 'b' }, { inwoner: 'c' }], (row) => row.inwoner);
    logboek.registreer('toegang:inwoner:lezen', ['a']);
    expect(logboek.regels().map((regel) => [regel.activiteit, regel.betrokkene])).toEqual([
      ['wmo:toewijzing:lezen', 'a'],
      ['wmo:toewijzing:lezen', 'b'],
      ['wmo:toewijzing:lezen', 'c'],
      ['toegang:inwoner:lezen', 'a'],
    ]);
  });

  it('keeps a subject once per activity with its first soort, tells null from "null", and hands out a copy', () => {
    const logboek = createLogboek();
    logboek.registreer('wmo:toewijzing:lezen', ['h1'], 'huishouden');
    logboek.registreer('wmo:toewijzing:lezen', ['h1', 'null']);
    logboek.registreerZonderBetrokkene('wmo:toewijzing:lezen');
    logboek.registreerZonderBetrokkene('wmo:toewijzing:lezen');
    const regels = logboek.regels();
    expect(regels).toEqual([
      { activiteit: 'wmo:toewijzing:lezen', betrokkene: 'h1', soort: 'huishouden' },
      { activiteit: 'wmo:toewijzing:lezen', betrokkene: 'null', soort: 'inwoner' },
      { activiteit: 'wmo:toewijzing:lezen', betrokkene: null, soort: null },
    ]);
    (regels as Verwerkingsregel[]).pop();
    expect(logboek.regels()).toHaveLength(3);
  });

  it('gives each collector without a span of its own a fresh span id of 8 random bytes in hex', () => {
    // More than one block of the pool the ids are drawn from.
    const ids = Array.from({ length: 1500 }, () => createLogboek().spanId);
    expect(ids.every((id) => /^[0-9a-f]{16}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(createLogboek('00f067aa0ba902b7').spanId).toBe('00f067aa0ba902b7');
  });
});

@Resolver()
class ProefResolver {
  @Query(() => [String], { description: 'Leest inwoners en registreert ze.' })
  inwoners(
    @Arg('ids', () => [String]) ids: string[],
    @Arg('soort', () => String, { nullable: true }) soort: string | null,
    @Ctx() context: SubgraphContext,
  ): string[] {
    context.logboek.registreer('proef:inwoner:lezen', ids, (soort ?? 'inwoner') as BetrokkeneSoort);
    return ids;
  }

  @Query(() => String, { description: 'Openbare gegevens.' })
  openbaar(): string {
    return 'openbaar';
  }
}

const proef = defineSubgraph({
  name: 'proef',
  defaultPort: 0,
  resolvers: [ProefResolver],
  migrationsDir: mkdtempSync(join(tmpdir(), 'logboek-proef-')),
  logboek: true,
  createLoaders: () => ({}),
  loadDemo: async () => undefined,
});

const consulent = testPrincipal({
  organisatie: 'uo-hbel',
  rollen: ['consulent'],
  actor: 'a1b2c3',
  scope: () => ({ alle: true }),
});

let harness: SubgraphHarness;
const count = async (table: string) => (await harness.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

beforeAll(async () => {
  harness = await createSubgraphHarness(proef, { DEMO_WORLD: 'off' }, { principal: consulent });
});

afterAll(async () => {
  await harness?.close();
});

describe('logboekPlugin', () => {
  it('writes one actor record and one verwerking per subject read, linked, before the response', async () => {
    const before = { actoren: await count('verwerking_actor'), verwerkingen: await count('verwerking') };
    const result = await harness.execute(`{ inwoners(ids: ["i1", "i2", "i1"]) }`);
    expect(result.errors).toBeUndefined();
    expect(await count('verwerking_actor')).toBe(before.actoren + 1);
    const rows = await harness.db.query<Record<string, unknown>>(
      `SELECT v.betrokkene, v.betrokkene_soort, v.verwerkingsactiviteit, v.resultaat, v.trace_id = a.trace_id AS zelfde_trace,
              a.organisatie, a.rollen, a.actor
       FROM verwerking v JOIN verwerking_actor a ON a.id = v.actor_id
       WHERE v.betrokkene IN ('i1', 'i2') ORDER BY v.betrokkene`,
    );
    const common = {
      betrokkene_soort: 'inwoner', verwerkingsactiviteit: 'proef:inwoner:lezen', resultaat: 'geslaagd', zelfde_trace: true,
      organisatie: 'uo-hbel', rollen: ['consulent'], actor: 'a1b2c3',
    };
    expect(rows).toEqual([{ betrokkene: 'i1', ...common }, { betrokkene: 'i2', ...common }]);
    expect(await count('verwerking')).toBe(before.verwerkingen + 2);
  });

  // logboek_005: the writer makes each verwerking's id (node:crypto), the database no longer draws one per row.
  // logboek_006: one object per request, its verwerkingen inside it.
  it('stores each verwerking under the id its record carries, with what its request shares', async () => {
    const [actor, regel] = [randomUUID(), randomUUID()];
    const tijdstip = new Date().toISOString();
    const trace = randomBytes(16).toString('hex');
    const span = randomBytes(8).toString('hex');
    await harness.db.logboekQuery(`SELECT logboek_schrijf($1::jsonb)`, [
      JSON.stringify([
        {
          id: actor, trace_id: trace, verzoek_id: null, span_id: span, organisatie: 'uo-hbel', rollen: ['consulent'], actor: 'a1b2c3', tijdstip,
          resultaat: 'mislukt', regels: [[regel, 'proef:inwoner:lezen', 'i9', 'inwoner']],
        },
      ]),
    ]);
    expect(await harness.db.query(`SELECT id, actor_id, trace_id, span_id, resultaat, tijdstip = $1::timestamptz AS zelfde_tijdstip FROM verwerking WHERE betrokkene = 'i9'`, [tijdstip])).toEqual([
      { id: regel, actor_id: actor, trace_id: trace, span_id: span, resultaat: 'mislukt', zelfde_tijdstip: true },
    ]);
  });

  // logboek_006 dropped the foreign key for the writer's own guarantee; what the key refused is still refused.
  it('keeps every verwerking with its actor record: removing or renumbering one that is named is refused', async () => {
    await harness.execute(`{ inwoners(ids: ["blijft"]) }`);
    const [{ actor_id: actorId }] = await harness.db.query<{ actor_id: string }>(`SELECT actor_id FROM verwerking WHERE betrokkene = 'blijft'`);
    const weigert = (sql: string, params?: unknown[]) => harness.db.query(sql, params).then(() => 'gelukt', (error: { code?: string }) => error.code);
    expect(await weigert(`DELETE FROM verwerking_actor WHERE id = $1`, [actorId])).toBe('23503');
    expect(await weigert(`UPDATE verwerking_actor SET id = gen_random_uuid() WHERE id = $1`, [actorId])).toBe('23503');
    expect(await weigert(`UPDATE verwerking SET actor_id = gen_random_uuid() WHERE betrokkene = 'blijft'`)).toBe('23503');
    expect(await weigert(`TRUNCATE verwerking_actor`)).toBe('23503');
    expect(await harness.db.query(`SELECT count(*)::int AS n FROM verwerking v JOIN verwerking_actor a ON a.id = v.actor_id WHERE v.betrokkene = 'blijft'`)).toEqual([{ n: 1 }]);
    // An actor record no verwerking names may go, as the key allowed.
    const los = randomUUID();
    await harness.db.query(`INSERT INTO verwerking_actor (id, trace_id, organisatie, rollen, actor, tijdstip) VALUES ($1, $2, 'uo-hbel', '{consulent}', 'x', now())`, [los, randomBytes(16).toString('hex')]);
    expect(await weigert(`DELETE FROM verwerking_actor WHERE id = $1`, [los])).toBe('gelukt');
  });

  // logboek_007 wrote the hex checks without the bounded-repeat regex; they must refuse exactly what it refused.
  it('stores a trace, verzoek or span id only as lowercase hex of its length, in both log tables', async () => {
    const hex32 = randomBytes(16).toString('hex');
    const kandidaten = [
      hex32, hex32.toUpperCase(), hex32.slice(1), `${hex32}0`, `${hex32.slice(1)}g`, `${hex32.slice(2)}é`, `${hex32.slice(1)}\n`, `\n${hex32.slice(1)}`, ` ${hex32.slice(1)}`, '',
      randomBytes(8).toString('hex'), `${randomBytes(8).toString('hex').slice(1)}-`,
    ];
    const uitkomst = (sql: string, params: unknown[]) => harness.db.query(sql, params).then(() => 'opgeslagen', (error: { code?: string }) => error.code);
    const eigenActor = randomUUID();
    await harness.db.query(`INSERT INTO verwerking_actor (id, trace_id, organisatie, rollen, actor, tijdstip) VALUES ($1, $2, 'uo-hbel', '{consulent}', 'x', now())`, [eigenActor, hex32]);
    for (const id of kandidaten) {
      const actor = randomUUID();
      const geldig = (lengte: number) => (new RegExp(`^[0-9a-f]{${lengte}}$`).test(id) ? 'opgeslagen' : '23514');
      expect(await uitkomst(`INSERT INTO verwerking_actor (id, trace_id, organisatie, rollen, actor, tijdstip) VALUES ($1, $2, 'uo-hbel', '{consulent}', 'x', now())`, [actor, id])).toBe(geldig(32));
      expect(await uitkomst(`INSERT INTO verwerking_actor (id, trace_id, verzoek_id, organisatie, rollen, actor, tijdstip) VALUES ($1, $2, $3, 'uo-hbel', '{consulent}', 'x', now())`, [randomUUID(), hex32, id])).toBe(geldig(32));
      const regel = (trace: string, verzoek: string | null, span: string) =>
        uitkomst(
          `INSERT INTO verwerking (id, trace_id, verzoek_id, span_id, verwerkingsactiviteit, tijdstip, resultaat, actor_id)
           VALUES ($1, $2, $3, $4, 'proef:inwoner:lezen', now(), 'geslaagd', $5)`,
          [randomUUID(), trace, verzoek, span, eigenActor],
        );
      const span = randomBytes(8).toString('hex');
      expect(await regel(id, null, span)).toBe(geldig(32));
      expect(await regel(hex32, id, span)).toBe(geldig(32));
      expect(await regel(hex32, hex32, id)).toBe(geldig(16));
    }
  });

  it('writes nothing for a request that read nothing personal', async () => {
    const before = { actoren: await count('verwerking_actor'), verwerkingen: await count('verwerking') };
    expect((await harness.execute(`{ openbaar }`)).data).toEqual({ openbaar: 'openbaar' });
    expect({ actoren: await count('verwerking_actor'), verwerkingen: await count('verwerking') }).toEqual(before);
  });

  it('withholds the data and stores nothing when the log cannot be written', async () => {
    const before = { actoren: await count('verwerking_actor'), verwerkingen: await count('verwerking') };
    // A subject kind the table refuses makes the one statement fail, actor record included.
    const result = await harness.execute(`{ inwoners(ids: ["geheim"], soort: "onbekend") }`);
    expect(result.data).toBeNull();
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['LOGBOEK_ONBEREIKBAAR']);
    expect(JSON.stringify(result)).not.toContain('geheim');
    expect({ actoren: await count('verwerking_actor'), verwerkingen: await count('verwerking') }).toEqual(before);
  });

  it('logs requests that finish together in fewer statements than requests, each with its own actor record and subjects', async () => {
    const before = { actoren: await count('verwerking_actor'), verwerkingen: await count('verwerking') };
    const schrijven = telLogboekStatements();
    try {
      const ids = Array.from({ length: 12 }, (_, i) => [`samen-${i}-a`, `samen-${i}-b`]);
      const results = await Promise.all(ids.map((pair) => harness.execute<{ inwoners: string[] }>(`query ($ids: [String!]!) { inwoners(ids: $ids) }`, { ids: pair })));
      expect(results.map((result) => result.data?.inwoners)).toEqual(ids);
      // The first request's statement is on its way while the others finish: they share the next ones.
      expect(schrijven.aantal()).toBeLessThan(ids.length);
    } finally {
      schrijven.stop();
    }
    expect(await count('verwerking_actor')).toBe(before.actoren + 12);
    expect(await count('verwerking')).toBe(before.verwerkingen + 24);
    // Each request's subjects hang from an actor record of their own, never from another request's.
    const perActor = await harness.db.query<{ betrokkenen: string[] }>(
      `SELECT array_agg(v.betrokkene ORDER BY v.betrokkene) AS betrokkenen FROM verwerking v
       WHERE v.betrokkene LIKE 'samen-%' GROUP BY v.actor_id ORDER BY 1`,
    );
    expect(perActor.map((row) => row.betrokkenen).sort()).toEqual(Array.from({ length: 12 }, (_, i) => [`samen-${i}-a`, `samen-${i}-b`]).sort());
  });

  it('shares statements between requests that each see the database through their own deadline, as a subgraph serves them', async () => {
    const schrijven = telLogboekStatements();
    try {
      // start-subgraph.ts gives every request its own view of the database (withDeadline).
      await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          schrijfVerwerkingenGebundeld(withDeadline(harness.db, Date.now() + 60_000, 60_000), verslag(`eigen-${i}`)),
        ),
      );
      expect(schrijven.aantal()).toBeLessThan(6);
    } finally {
      schrijven.stop();
    }
    const stored = await harness.db.query<{ betrokkene: string }>(`SELECT betrokkene FROM verwerking WHERE betrokkene LIKE 'eigen-%' ORDER BY 1`);
    expect(stored.map((row) => row.betrokkene)).toEqual(Array.from({ length: 6 }, (_, i) => `eigen-${i}`));
  });

  it('refuses a read whose records could not be stored, and only that one, when it was to share a statement with others', async () => {
    const before = { actoren: await count('verwerking_actor'), verwerkingen: await count('verwerking') };
    const schrijven = telLogboekStatements();
    let results;
    try {
      results = await Promise.all([
        harness.execute(`{ inwoners(ids: ["goed-1"]) }`),
        harness.execute(`{ inwoners(ids: ["goed-2"]) }`),
        // A subject kind the table refuses: its batch's statement fails.
        harness.execute(`{ inwoners(ids: ["geheim-2"], soort: "onbekend") }`),
        harness.execute(`{ inwoners(ids: ["goed-3"]) }`),
      ]);
    } finally {
      schrijven.stop();
    }
    const [een, twee, fout, drie] = results;
    expect([een.data, twee.data, drie.data]).toEqual([{ inwoners: ['goed-1'] }, { inwoners: ['goed-2'] }, { inwoners: ['goed-3'] }]);
    expect(fout.data).toBeNull();
    expect(fout.errors?.map((error) => error.extensions?.code)).toEqual(['LOGBOEK_ONBEREIKBAAR']);
    expect(JSON.stringify(fout)).not.toContain('geheim');
    expect(await count('verwerking_actor')).toBe(before.actoren + 3);
    const stored = await harness.db.query<{ betrokkene: string }>(`SELECT betrokkene FROM verwerking WHERE betrokkene IN ('goed-1', 'goed-2', 'goed-3', 'geheim-2') ORDER BY 1`);
    expect(stored.map((row) => row.betrokkene)).toEqual(['goed-1', 'goed-2', 'goed-3']);
  });

  it('refuses every read of a batch when the log cannot be written at all', async () => {
    const before = { actoren: await count('verwerking_actor'), verwerkingen: await count('verwerking') };
    // The log table gone (a database that refuses every write to it) for the length of these requests.
    await harness.db.exec('ALTER TABLE verwerking RENAME TO verwerking_weg');
    let results;
    try {
      results = await Promise.all(['weg-1', 'weg-2', 'weg-3'].map((id) => harness.execute(`query ($ids: [String!]!) { inwoners(ids: $ids) }`, { ids: [id] })));
    } finally {
      await harness.db.exec('ALTER TABLE verwerking_weg RENAME TO verwerking');
    }
    for (const result of results) {
      expect(result.data).toBeNull();
      expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['LOGBOEK_ONBEREIKBAAR']);
    }
    expect({ actoren: await count('verwerking_actor'), verwerkingen: await count('verwerking') }).toEqual(before);
  });
});

describe('the Logboek on one PGlite shared by several subgraphs (npm start)', () => {
  const opgeslagen = async (db: Database) =>
    (await db.query<{ betrokkene: string; eigen_actor: boolean }>(
      `SELECT v.betrokkene, a.actor = 'a1b2c3' AS eigen_actor FROM verwerking v JOIN verwerking_actor a ON a.id = v.actor_id ORDER BY 1`,
    )).map((row) => (row.eigen_actor ? row.betrokkene : `${row.betrokkene} zonder actor`));

  it("writes the records of several schemas in one statement, each into its own schema's tables, and refuses only the reads whose records failed", async () => {
    const shared = await openSharedPglite();
    const wmo = await shared.database('wmo');
    const jeugd = await shared.database('jeugd');
    try {
      for (const db of [wmo, jeugd]) await runMigrations(db, LOGBOEK_MIGRATIONS_DIR);
      const gedeeld = wmo.gedeeld as GedeeldeInstantie & { logboekQuery: GedeeldeInstantie['logboekQuery'] };
      expect(jeugd.gedeeld).toBe(gedeeld);
      const original = gedeeld.logboekQuery;
      let statements = 0;
      gedeeld.logboekQuery = (text, params) => {
        statements += 1;
        return original(text, params);
      };
      // Requests served meanwhile, through their own deadline views, as a subgraph serves them.
      const schrijf = (db: Database, betrokkene: string, soort?: string) =>
        schrijfVerwerkingenGebundeld(withDeadline(db, Date.now() + 60_000, 60_000), verslag(betrokkene, soort)).then(() => 'opgeslagen', () => 'geweigerd');
      const samen = await Promise.all([
        ...['w1', 'w2', 'w3'].map((id) => schrijf(wmo, id)),
        ...['j1', 'j2', 'j3'].map((id) => schrijf(jeugd, id)),
      ]);
      expect(samen).toEqual(Array(6).fill('opgeslagen'));
      // All six finish in one turn of the event loop: one statement carries them, wmo's and jeugd's together
      // (a writer per subgraph, each sending its first request's records at once, would have sent four).
      expect(statements).toBe(1);

      // A record jeugd's table refuses fails the shared statement: wmo's records and jeugd's others are still stored.
      const metFout = await Promise.all([
        schrijf(wmo, 'w4'),
        schrijf(jeugd, 'j4'),
        schrijf(jeugd, 'j-fout', 'onbekend'),
        schrijf(wmo, 'w5'),
        schrijf(jeugd, 'j5'),
      ]);
      expect(metFout).toEqual(['opgeslagen', 'opgeslagen', 'geweigerd', 'opgeslagen', 'opgeslagen']);

      // jeugd cannot log at all: its reads are refused, wmo's that share the statement are not.
      await jeugd.exec('ALTER TABLE verwerking RENAME TO verwerking_weg');
      const jeugdWeg = await Promise.all([schrijf(wmo, 'w6'), schrijf(jeugd, 'j6'), schrijf(wmo, 'w7')]);
      await jeugd.exec('ALTER TABLE verwerking_weg RENAME TO verwerking');
      expect(jeugdWeg).toEqual(['opgeslagen', 'geweigerd', 'opgeslagen']);

      // Every record where it belongs, with its own actor record; nothing of the refused ones.
      expect(await opgeslagen(wmo)).toEqual(['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7']);
      expect(await opgeslagen(jeugd)).toEqual(['j1', 'j2', 'j3', 'j4', 'j5']);
      expect(await jeugd.query(`SELECT count(*)::int AS n FROM verwerking_actor`)).toEqual([{ n: 5 }]);
      expect(await wmo.query(`SELECT count(*)::int AS n FROM verwerking_actor`)).toEqual([{ n: 7 }]);
    } finally {
      await wmo.close();
      await jeugd.close();
    }
  });
});

/** Counts the Logboek statements the harness's database sends (its own method, still doing the write). */
function telLogboekStatements(): { aantal(): number; stop(): void } {
  const db = harness.db as { logboekQuery: SubgraphHarness['db']['logboekQuery'] };
  const original = db.logboekQuery;
  let aantal = 0;
  db.logboekQuery = (text, params) => {
    aantal += 1;
    return original(text, params);
  };
  return { aantal: () => aantal, stop: () => void (db.logboekQuery = original) };
}
