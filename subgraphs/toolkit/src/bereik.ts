import DataLoader from 'dataloader';
import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import type { Queryable } from './database.js';
import { assertGemeentecodes, assertJaar, Wet } from './domain.js';
import { loaderFamily, loadersPerVerzoek, MAX_BATCH_SIZE, type VerzoekLoaders } from './loaders.js';
import type { Principal } from './principal.js';
import { assertStatistiek } from './statistiek.js';
import { cellKeySql } from './disclosure/cell-key.js';
import type { Disclosure } from './disclosure/disclosure.js';
import { type Cell, withheld } from './disclosure/policy.js';
import { gegevensversieSql, selectGegevensversie, Versiecache, Verzoekversies } from './gegevensversie/index.js';
import { OnderdruktAantal } from './disclosure/schema.js';
import { type Verantwoording, verantwoording, verdeelOpMandaat } from './verantwoording.js';
import { listSize } from './list-size.js';

/**
 * Reach of a law per gemeente (issue 4 item 6): clients per 1,000 inhabitants and the in-, through- and
 * outflow per quarter. Shared by the wmo and jeugd subgraphs (table `toewijzing`) and participatie (table
 * `uitkering`), whose tables have the same columns for this (gemeente_code, inwoner_id, ingangsdatum,
 * einddatum, both days inclusive).
 */

/** The subgraph's own table a reach is counted in; a closed list, as it becomes part of the SQL. */
export type BereikBron = 'toewijzing' | 'uitkering';
const BRONNEN: Readonly<Record<BereikBron, string>> = { toewijzing: 'toewijzing', uitkering: 'uitkering' };

/** Raw counts of one gemeente in one quarter (`kwartaal` 1-4) or the whole year (`kwartaal` null), with their cell keys. */
export interface BereikRow {
  gemeenteCode: string;
  kwartaal: number | null;
  clienten: number;
  instroom: number;
  doorstroom: number;
  uitstroom: number;
  /** Cell keys of the clients counted in each measure, in the order clienten, instroom, doorstroom, uitstroom. */
  sleutels: number[];
}

/** Active on day `d` (an SQL date expression): the toewijzing `a` runs that day. */
const actiefOp = (a: string, d: string) => `(${a}.ingangsdatum <= ${d} AND (${a}.einddatum IS NULL OR ${a}.einddatum >= ${d}))`;

/**
 * Counts, in the subgraph's own table `bron`, per asked gemeente and quarter of `jaar` and for the
 * whole year, the distinct clients (inwoners):
 * - clienten: with a toewijzing (or uitkering) active on at least one day of the period;
 * - instroom: whose toewijzing starts in the period without another one of theirs active the day before;
 * - uitstroom: whose toewijzing ends in the period without another one of theirs active the day after;
 * - doorstroom: with a toewijzing active on the first and one on the last day of the period.
 * One statement for any number of gemeenten; raw counts with their cell keys, published through the disclosure policy.
 */
export async function selectBereik(db: Queryable, gemeenten: readonly string[], jaar: number, bron: BereikBron = 'toewijzing'): Promise<BereikRow[]> {
  return (await selectBereikMetVersie(db, gemeenten, jaar, bron)).rows;
}

/** selectBereik, with the data version (`gegevensversie`) of `bron` that the same statement saw. */
async function selectBereikMetVersie(
  db: Queryable,
  gemeenten: readonly string[],
  jaar: number,
  bron: BereikBron,
): Promise<{ rows: BereikRow[]; versie: string | null }> {
  const rows = await db.query<BereikRow & { versie: string | null }>(
    `WITH periode AS (
       SELECT g.code AS gemeente_code, k.kwartaal,
              make_date($2::int, coalesce(3 * k.kwartaal - 2, 1), 1) AS van,
              (make_date($2::int, coalesce(3 * k.kwartaal - 2, 1), 1) + CASE WHEN k.kwartaal IS NULL THEN interval '1 year' ELSE interval '3 months' END)::date - 1 AS tot
         FROM (SELECT DISTINCT code FROM unnest($1::text[]) AS code) g
        CROSS JOIN (SELECT generate_series(1, 4) AS kwartaal UNION ALL SELECT NULL) k
     ), r AS (
       SELECT gemeente_code, inwoner_id, ingangsdatum, einddatum FROM ${BRONNEN[bron]} WHERE gemeente_code = ANY($1::text[])
     ), t AS (
       -- Whether a row starts (ends) without another of the client's running the day before (after) depends on
       -- the row alone, not on the period: decided once per row by one join on the client, not by a scan of
       -- the gemeente's rows for each row of each period (quadratic: over a second for a region on PGlite).
       -- Equal rows merge in the GROUP BY, which changes nothing: every measure counts distinct clients.
       SELECT r.gemeente_code, r.inwoner_id, r.ingangsdatum, r.einddatum,
              NOT coalesce(bool_or(${actiefOp('u', 'r.ingangsdatum - 1')}), false) AS nieuw,
              NOT coalesce(bool_or(${actiefOp('u', 'r.einddatum + 1')}), false) AS weg
         FROM r JOIN r u ON u.gemeente_code = r.gemeente_code AND u.inwoner_id = r.inwoner_id
        GROUP BY r.gemeente_code, r.inwoner_id, r.ingangsdatum, r.einddatum
     ), client AS (
       -- One row per period and client with a row running in it (every measure's rows run in the period:
       -- einddatum >= ingangsdatum), saying what the client counts in: one pass instead of one per measure.
       SELECT p.gemeente_code, p.kwartaal, t.inwoner_id,
              bool_or(t.nieuw AND t.ingangsdatum BETWEEN p.van AND p.tot) AS instroom,
              bool_or(${actiefOp('t', 'p.van')}) AND bool_or(${actiefOp('t', 'p.tot')}) AS doorstroom,
              bool_or(t.weg AND t.einddatum BETWEEN p.van AND p.tot) AS uitstroom
         FROM periode p JOIN t ON t.gemeente_code = p.gemeente_code AND t.ingangsdatum <= p.tot AND (t.einddatum IS NULL OR t.einddatum >= p.van)
        GROUP BY p.gemeente_code, p.kwartaal, t.inwoner_id
     )
     SELECT p.gemeente_code AS "gemeenteCode", p.kwartaal,
            count(c.inwoner_id)::int AS clienten, (count(*) FILTER (WHERE c.instroom))::int AS instroom,
            (count(*) FILTER (WHERE c.doorstroom))::int AS doorstroom, (count(*) FILTER (WHERE c.uitstroom))::int AS uitstroom,
            ARRAY[${cellKeySql('c.inwoner_id')}, ${cellKeySql('c.inwoner_id', 'c.instroom')},
                  ${cellKeySql('c.inwoner_id', 'c.doorstroom')}, ${cellKeySql('c.inwoner_id', 'c.uitstroom')}] AS sleutels,
            -- In the same statement, so in the same snapshot as the counts: the version they belong to.
            ${gegevensversieSql([BRONNEN[bron]])} AS versie
       FROM periode p LEFT JOIN client c ON c.gemeente_code = p.gemeente_code AND c.kwartaal IS NOT DISTINCT FROM p.kwartaal
      GROUP BY p.gemeente_code, p.kwartaal
      ORDER BY p.gemeente_code, p.kwartaal NULLS LAST`,
    [gemeenten, jaar],
  );
  const versie = rows[0]?.versie ?? null;
  return { rows: rows.map(({ versie: _versie, ...row }) => row), versie };
}

/**
 * Raw reach rows already computed, per database (a subgraph's) and per source, year and gemeente, with the
 * data version they were computed at (issue 14: every analyst asking HBEL's quarters computed the same
 * aggregate over unchanged data again; on the national world that was most of the request's CPU). Raw
 * counts and cell keys only, as the SQL gives them: every answer still goes through the caller's disclosure
 * policy and budget (wetBereikOf), and the mandate check comes before the loader. A version other than the
 * current one is never served; the entries are small (five rows a gemeente) and bounded in number.
 */
const bereikCache = new Versiecache<readonly BereikRow[]>(5_000);

/**
 * The raw rows of each of `gemeenten` in `jaar` at the current data version, in their order: from the cache
 * where computed at that version, the rest by one statement (one for the version, one for the rest: never
 * more than without the cache, the cell rows of a gemeente never computed twice for unchanged data). A list
 * kept is handed out as the same frozen object to every request, which lets the disclosure policy's result
 * be kept with it (`Disclosure.publishVast`).
 */
async function bereikRowsActueel(
  db: Queryable,
  gemeenten: readonly string[],
  jaar: number,
  bron: BereikBron,
  versie: () => Promise<string | null>,
): Promise<(readonly BereikRow[])[]> {
  const huidig = await versie();
  const sleutel = (code: string) => `${bron}:${jaar}:${code}`;
  // Taken now: while this request counts the rest, another may keep a newer version of these.
  const rijen = new Map<string, readonly BereikRow[]>();
  // Without a version (no row for the table) nothing is cached: every request computes.
  if (huidig !== null) {
    for (const code of gemeenten) {
      const bewaard = bereikCache.get(db, sleutel(code), huidig);
      if (bewaard) rijen.set(code, bewaard);
    }
  }
  const ontbrekend = gemeenten.filter((code) => !rijen.has(code));
  if (ontbrekend.length > 0) {
    const { rows, versie: gezien } = await selectBereikMetVersie(db, ontbrekend, jaar, bron);
    const geteld = new Map<string, BereikRow[]>(ontbrekend.map((code) => [code, []]));
    for (const row of rows) geteld.get(row.gemeenteCode)?.push(Object.freeze(row));
    for (const [code, list] of geteld) {
      rijen.set(code, Object.freeze(list));
      // Under the version the counting statement saw, which may be newer than `huidig`: never older.
      if (huidig !== null && gezien !== null) bereikCache.set(db, sleutel(code), gezien, list);
    }
  }
  return gemeenten.map((code) => rijen.get(code) ?? []);
}

/** The last ingangsdatum in `bron` in these gemeenten (the freshness of the reach); null without any. */
export async function selectLaatsteIngangsdatum(db: Queryable, gemeenten: readonly string[], bron: BereikBron = 'toewijzing'): Promise<string | null> {
  return (await selectLaatsteIngangsdatumMetVersie(db, gemeenten, bron)).datum;
}

/** selectLaatsteIngangsdatum, with the data version (`gegevensversie`) of `bron` that the same statement saw. */
async function selectLaatsteIngangsdatumMetVersie(db: Queryable, gemeenten: readonly string[], bron: BereikBron): Promise<{ datum: string | null; versie: string | null }> {
  // Per gemeente the last entry of the (gemeente_code, ingangsdatum) index that each source table has, rather than
  // every row of the gemeenten (on the national world 0.5 ms of the server's CPU per analyst request for HBEL).
  const [row] = await db.query<{ datum: string | null; versie: string | null }>(
    `SELECT to_char(max(g.laatste), 'YYYY-MM-DD') AS datum, ${gegevensversieSql([BRONNEN[bron]])} AS versie
       FROM unnest($1::text[]) AS code,
            LATERAL (SELECT max(ingangsdatum) AS laatste FROM ${BRONNEN[bron]} WHERE gemeente_code = code) g`,
    [gemeenten],
  );
  return { datum: row?.datum ?? null, versie: row?.versie ?? null };
}

/**
 * The data version of `bron` that a client request's reach root (`bereikAntwoord`) read, for the same request's
 * `...Bereik(jaar)` call on the gemeenten, which the gateway sends to this subgraph next (after the gemeenten
 * subgraph's inhabitants): that call counts at this version and so reads no version of its own (issue 14: on
 * the national world on PostgreSQL each statement is a round trip and a backend's work, a third of the
 * request's). The counts then belong to the data the verantwoording (gegevensTot) was read from. A minute
 * covers a request's calls; a call that finds nothing (another replica, a request of only the field) reads it.
 */
const versieVanVerzoek = new Verzoekversies(60_000, 20_000);

/** One quarter (or the whole year) of a law's reach in a gemeente, as published. */
@Directive('@shareable')
@ObjectType({
  description:
    'Clienten en hun in-, door- en uitstroom in een kwartaal (of het hele jaar) in een gemeente onder een wet. Bron: de toewijzingen ' +
    '(iWmo/iJw 301; Wmo en Jeugdwet) of de uitkeringen (Participatiewet) van de gemeente; een client is een inwoner met minstens een ' +
    'toewijzing of uitkering. Zie Verantwoording.onderdrukkingsregel.',
})
export class BereikPeriode {
  @Field(() => Int, { nullable: true, description: 'Het kwartaal (1-4); null voor het hele jaar.' })
  kwartaal!: number | null;

  @Field(() => String, { description: 'Eerste dag van de periode (JJJJ-MM-DD).' })
  van!: string;

  @Field(() => String, { description: 'Laatste dag van de periode (JJJJ-MM-DD).' })
  tot!: string;

  @Field(() => OnderdruktAantal, { description: 'Clienten met minstens een toewijzing (of uitkering) die op een dag in de periode liep.' })
  clienten!: OnderdruktAantal;

  @Field(() => Float, {
    nullable: true,
    description:
      'Clienten per 1.000 inwoners van de doelgroep (zie WetBereik.doelgroep), een decimaal, berekend uit het gepubliceerde (afgeronde) aantal ' +
      'clienten; null als dat onderdrukt is.',
  })
  clientenPer1000!: number | null;

  @Field(() => OnderdruktAantal, {
    description:
      'Instroom: clienten van wie een toewijzing (of uitkering) in de periode begon zonder dat de dag ervoor een andere van hen liep.',
  })
  instroom!: OnderdruktAantal;

  @Field(() => OnderdruktAantal, {
    description:
      'Doorstroom: clienten met een toewijzing (of uitkering) die liep op de eerste dag van de periode en een die liep op de laatste dag.',
  })
  doorstroom!: OnderdruktAantal;

  @Field(() => OnderdruktAantal, {
    description:
      'Uitstroom: clienten van wie een toewijzing (of uitkering) in de periode eindigde zonder dat de dag erna een andere van hen liep.',
  })
  uitstroom!: OnderdruktAantal;
}

/** The reach of one law in one gemeente in one year. */
@Directive('@shareable')
@ObjectType({
  description:
    'Bereik van een wet in een gemeente in een kalenderjaar: clienten per 1.000 inwoners van de doelgroep en de in-, door- en uitstroom ' +
    'per kwartaal. Inwoners: CBS-cijfer van de gemeente (Gemeente.inwoners of inwonersOnder18, subgraph gemeenten).',
})
export class WetBereik {
  @Field(() => Wet, { description: 'De wet: WMO, JEUGDWET of PARTICIPATIEWET (uitkeringen).' })
  wet!: Wet;

  @Field(() => Int, { description: 'Het kalenderjaar.' })
  jaar!: number;

  @Field(() => String, { description: 'De doelgroep waarop per 1.000 is gerekend: "inwoners" (Wmo, Participatiewet) of "inwoners onder 18" (Jeugdwet, zoals het CBS).' })
  doelgroep!: string;

  @Field(() => Int, { description: 'Aantal inwoners van de doelgroep (publiek CBS-cijfer, uit de subgraph gemeenten).' })
  inwoners!: number;

  @Field(() => BereikPeriode, { description: 'Het hele jaar.' })
  jaartotaal!: BereikPeriode;

  @Directive(listSize(4))
  @Field(() => [BereikPeriode], { description: 'De vier kwartalen, in volgorde.' })
  kwartalen!: BereikPeriode[];
}

/** The four measures of a period, in the order of `BereikRow.sleutels`. */
const MATEN = ['clienten', 'instroom', 'doorstroom', 'uitstroom'] as const;

/**
 * The published reach of one gemeente from its five raw rows (four quarters and the year), as one table:
 * 5 periods x 4 measures, each a count of distinct clients. Instroom and uitstroom of the quarters add up
 * to the year's (nearly: a client entering in two quarters counts once in the year; treating it as a sum
 * protects more, never less); clients and doorstroom do not. A quarter without rows is a zero, withheld.
 */
export function wetBereikOf(rows: readonly BereikRow[], wet: Wet, jaar: number, doelgroep: string, inwoners: number, disclosure: Disclosure): WetBereik {
  const leeg = (kwartaal: number | null): BereikRow => ({ gemeenteCode: '', kwartaal, clienten: 0, instroom: 0, doorstroom: 0, uitstroom: 0, sleutels: [0, 0, 0, 0] });
  const perioden = [null, 1, 2, 3, 4].map((k) => rows.find((row) => row.kwartaal === k) ?? leeg(k));
  const at = (periode: number, maat: number) => 4 * periode + maat;
  // The same frozen rows (kept per data version) give the same table: its policy runs once, every request is counted.
  const published = disclosure.publishVast(rows, `bereik.${wet}`, () => ({
    cells: perioden.flatMap((row) =>
      MATEN.map((maat, m): Cell => ({ kind: 'count', measure: `bereik.${wet}.${maat}`, value: row[maat], contributors: row[maat], key: row.sleutels[m] ?? 0 })),
    ),
    relations: [1, 3].map((maat) => ({ total: at(0, maat), parts: [1, 2, 3, 4].map((k) => at(k, maat)) })),
  }));
  const periode = (row: BereikRow, p: number): BereikPeriode => {
    const maand = row.kwartaal === null ? 1 : 3 * row.kwartaal - 2;
    const eind = row.kwartaal === null ? 12 : maand + 2;
    const waarde = (m: number) => published[at(p, m)] ?? withheld('KLEIN_AANTAL');
    const clienten = waarde(0);
    return {
      kwartaal: row.kwartaal,
      van: `${jaar}-${String(maand).padStart(2, '0')}-01`,
      tot: new Date(Date.UTC(jaar, eind, 0)).toISOString().slice(0, 10),
      clienten,
      // From the published count: the raw count must not be recoverable from the public number of inhabitants.
      clientenPer1000: clienten.waarde === null || inwoners <= 0 ? null : Math.round((clienten.waarde / inwoners) * 10_000) / 10,
      instroom: waarde(1),
      doorstroom: waarde(2),
      uitstroom: waarde(3),
    };
  };
  const [jaartotaal, ...kwartalen] = perioden.map(periode);
  if (!jaartotaal) throw new Error('five periods, the year first');
  return { wet, jaar, doelgroep, inwoners, jaartotaal, kwartalen };
}

/** Per request: the raw reach rows of a year, by gemeente code (`createBereikLoader`). */
export type BereikLoader = (jaar: number) => DataLoader<string, readonly BereikRow[]>;

/**
 * Per request: the raw reach rows of a year, by gemeente code, from the rows computed at the current data
 * version (read once per request, or the one its root call read: `verzoekId`, the gateway's id of the client
 * request) or by one statement per batch of the gemeenten not computed at it.
 */
export function createBereikLoader(db: Queryable, bron: BereikBron = 'toewijzing', verzoekId?: string): BereikLoader {
  let versie: Promise<string | null> | undefined;
  const gezien = verzoekId === undefined ? undefined : versieVanVerzoek.gezien(db, verzoekId, bron);
  const eenmaal = () => (versie ??= gezien === undefined ? selectGegevensversie(db, [BRONNEN[bron]]) : Promise.resolve(gezien));
  // Per gemeente the kept list itself (not regrouped rows), so that its published table is kept with it.
  return loaderFamily((jaar: number) => new DataLoader((codes: readonly string[]) => bereikRowsActueel(db, codes, jaar, bron, eenmaal), { maxBatchSize: MAX_BATCH_SIZE }));
}

/**
 * `loadersPerVerzoek(maak)` with the reach loader of `bron` (`bereik`) besides, as the subgraphs with a reach
 * (wmo, jeugd, participatie) have it: every other loader is made at its first use, `bereik` with the context,
 * because it looks up the data version its request's root call read (`verzoekId`) as it is made.
 */
export function loadersPerVerzoekMetBereik<M extends Record<string, (args: never) => unknown>>(
  bron: BereikBron,
  maak: M,
): LoadersMetBereik<M> {
  const Loaders = loadersPerVerzoek(maak) as unknown as new (verzoek: unknown) => object;
  class MetBereik extends Loaders {
    readonly bereik: BereikLoader;

    constructor(verzoek: { readonly db: Queryable }, verzoekId?: string) {
      super(verzoek);
      this.bereik = createBereikLoader(verzoek.db, bron, verzoekId);
    }
  }
  return MetBereik as unknown as LoadersMetBereik<M>;
}

/** The class `loadersPerVerzoekMetBereik(bron, maak)` gives: made with what `maak`'s functions take, and the database. */
export type LoadersMetBereik<M extends Record<string, (args: never) => unknown>> =
  new (verzoek: Parameters<M[keyof M]>[0] & { readonly db: Queryable }, verzoekId?: string) => VerzoekLoaders<M> & { readonly bereik: BereikLoader };

/**
 * The root of a reach query: the asked gemeenten split by the caller's aggregate scope for `wet`, the
 * verantwoording (freshness: the last ingangsdatum) and the gemeenten computed over, as entity stubs
 * whose `...Bereik(jaar)` field (with the inhabitants from the gemeenten subgraph) gives the numbers.
 * `verzoekId`: the gateway's id of the client request, under which the data version read here is kept for it.
 */
export async function bereikAntwoord(
  db: Queryable,
  principal: Principal,
  wet: Wet,
  gemeenten: readonly string[],
  bron: BereikBron = 'toewijzing',
  verzoekId?: string,
): Promise<{ verantwoording: Verantwoording; gemeenten: { code: string }[] }> {
  const codes = assertGemeentecodes(gemeenten);
  const verdeling = verdeelOpMandaat(wet, principal.statistiek(wet), codes);
  let gegevensTot: string | null = null;
  if (verdeling.binnen.length > 0) {
    const gelezen = await selectLaatsteIngangsdatumMetVersie(db, verdeling.binnen, bron);
    gegevensTot = gelezen.datum;
    // For this request's call of `...Bereik(jaar)` on these gemeenten (createBereikLoader).
    if (verzoekId !== undefined && gelezen.versie !== null) versieVanVerzoek.onthoud(db, verzoekId, bron, gelezen.versie);
  }
  return { verantwoording: verantwoording(verdeling, { gegevensTot }), gemeenten: verdeling.binnen.map((code) => ({ code })) };
}

/**
 * The reach of `wet` in one gemeente in `jaar`, for the field on the gemeente stub: FORBIDDEN outside the
 * caller's aggregate scope (never zero); `inwoners` comes from the gemeenten subgraph through `@requires`.
 */
export async function wetBereikVan(
  { principal, load, disclosure }: { principal: Principal; load: (jaar: number) => DataLoader<string, readonly BereikRow[]>; disclosure: Disclosure },
  wet: Wet,
  gemeente: { code: string; inwoners?: number | undefined },
  jaar: number,
  doelgroep: string,
): Promise<WetBereik> {
  assertJaar(jaar);
  assertStatistiek(wet, principal.statistiek(wet), [gemeente.code]);
  if (gemeente.inwoners === undefined) throw new Error(`Het aantal inwoners van ${gemeente.code} ontbreekt (@requires).`);
  return wetBereikOf(await load(jaar).load(gemeente.code), wet, jaar, doelgroep, gemeente.inwoners, disclosure);
}
