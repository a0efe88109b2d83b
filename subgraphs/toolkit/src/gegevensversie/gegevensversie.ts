import { onderliggendeDatabase, type Queryable } from '../database.js';

/**
 * The data version of a subgraph's tables, for values computed from them and kept across requests (the
 * reach per gemeente and quarter, toolkit bereik.ts; gemeenten' comparison groups of financienVergelijking).
 *
 * How a subgraph declares a versioned table: the toolkit's migration (`migrations/gegevensversie_001_tabel.sql`,
 * applied to every subgraph before its own) creates the `gegevensversie` table and the trigger function
 * `gegevensversie_vernieuwen()`; a migration of the subgraph's own then adds the table's row and its trigger:
 *
 *   INSERT INTO gegevensversie (tabel) VALUES ('<tabel>');
 *   CREATE TRIGGER <tabel>_gegevensversie BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON <tabel>
 *     FOR EACH STATEMENT EXECUTE FUNCTION gegevensversie_vernieuwen();
 *
 * Why this form:
 * - A random uuid, not a counter: a version never repeats, in any database, so equal versions mean equal
 *   data whatever happened in between (a schema dropped and migrated again under the same process, a restore,
 *   several databases in one process in tests and the one-process graph). A counter starts again at 0.
 * - One row per table: writers of one table take turns on its row until they commit (the version must be
 *   new in the writer's own transaction); writers of another table do not wait for them.
 * - A BEFORE statement trigger: it takes the row before the statement touches a data row, so two writers of
 *   the same rows queue on the version row rather than each holding a data row the other needs (deadlock).
 *   A statement trigger, so a bulk load renews it once, not per row; whoever writes (mutations, ingest, CSV
 *   import, demo load, psql) renews it, as the trigger is in the database.
 * - The version is read in the same statement as the data it belongs to (`gegevensversieSql`), so the
 *   snapshot that saw the data saw that version; values are kept under the version their statement saw.
 */

/** A table name as it goes into SQL: from the caller's closed list, checked all the same. */
function assertTabel(tabel: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(tabel)) throw new Error(`invalid table name: ${tabel}`);
  return tabel;
}

/**
 * An SQL expression (a scalar subquery) for the data version of `tabellen` together, to put in the statement
 * that reads their data: null when a table has no row in `gegevensversie` (nothing is kept then).
 */
export function gegevensversieSql(tabellen: readonly string[]): string {
  const namen = [...tabellen].sort().map((tabel) => `'${assertTabel(tabel)}'`);
  return `(SELECT CASE WHEN count(*) = ${namen.length} THEN string_agg(versie::text, ',' ORDER BY tabel) END
             FROM gegevensversie WHERE tabel IN (${namen.join(', ')}))`;
}

/** The current data version of `tabellen` together, by a statement of its own; null without their rows. */
export async function selectGegevensversie(db: Queryable, tabellen: readonly string[]): Promise<string | null> {
  const [row] = await db.query<{ versie: string | null }>(`SELECT ${gegevensversieSql(tabellen)} AS versie`);
  return row?.versie ?? null;
}

/**
 * Values computed from versioned tables, kept per database (what is under a request's view of it,
 * `onderliggendeDatabase`) and key, with the version they were computed at; a value is only given back for
 * the version asked. Per database, so subgraphs sharing one process (wmo and jeugd both count `toewijzing`)
 * do not push out each other's values. Bounded: past `max` keys of a database, its values are dropped and
 * computed again.
 */
export class Versiecache<T> {
  private readonly perDatabase = new WeakMap<object, Map<string, { versie: string; waarde: T }>>();

  constructor(private readonly max: number) {}

  private van(db: Queryable): Map<string, { versie: string; waarde: T }> {
    const sleutel = onderliggendeDatabase(db);
    let waarden = this.perDatabase.get(sleutel);
    if (!waarden) this.perDatabase.set(sleutel, (waarden = new Map()));
    return waarden;
  }

  /** The value of `sleutel` computed at `versie`, if kept. */
  get(db: Queryable, sleutel: string, versie: string): T | undefined {
    const bewaard = this.van(db).get(sleutel);
    return bewaard?.versie === versie ? bewaard.waarde : undefined;
  }

  /** Keeps `waarde` of `sleutel` as computed at `versie` (replacing one of another version). */
  set(db: Queryable, sleutel: string, versie: string, waarde: T): void {
    const waarden = this.van(db);
    if (!waarden.has(sleutel) && waarden.size >= this.max) waarden.clear();
    waarden.set(sleutel, { versie, waarde });
  }

  /** Forgets `sleutel` if it is still kept at `versie` (a newer value is left alone). */
  delete(db: Queryable, sleutel: string, versie: string): void {
    const waarden = this.van(db);
    if (waarden.get(sleutel)?.versie === versie) waarden.delete(sleutel);
  }
}

/**
 * The data version one client request saw in a call to a subgraph, for its later calls to the same subgraph
 * (issue 14): per database (as `Versiecache`) and request, by the gateway's `verzoekId`, which the gateway
 * generates per client request and signs into every call's assertion, so no client chooses it. A later call
 * then computes at, or serves values kept at, that version instead of reading the version again: its answer
 * belongs to the data the request's first call saw, never to older data. Kept a short while (`bewaarMs`,
 * about a request's timeout) and bounded in number; a call that finds nothing reads the version itself.
 */
export class Verzoekversies {
  private readonly perDatabase = new WeakMap<object, Map<string, { versie: string; tot: number }>>();

  constructor(
    private readonly bewaarMs: number,
    private readonly max: number,
  ) {}

  private van(db: Queryable): Map<string, { versie: string; tot: number }> {
    const sleutel = onderliggendeDatabase(db);
    let versies = this.perDatabase.get(sleutel);
    if (!versies) this.perDatabase.set(sleutel, (versies = new Map()));
    return versies;
  }

  /** Keeps `versie` as what request `verzoekId` saw of `sleutel` (a table or set of tables). */
  onthoud(db: Queryable, verzoekId: string, sleutel: string, versie: string, nu = Date.now()): void {
    const versies = this.van(db);
    // In the order kept, so the oldest go first: those past their time, and one when full.
    for (const [key, { tot }] of versies) {
      if (tot > nu && versies.size < this.max) break;
      versies.delete(key);
    }
    const key = `${verzoekId}\u0000${sleutel}`;
    versies.delete(key);
    versies.set(key, { versie, tot: nu + this.bewaarMs });
  }

  /** The version of `sleutel` request `verzoekId` saw, if kept and not past its time. */
  gezien(db: Queryable, verzoekId: string, sleutel: string, nu = Date.now()): string | undefined {
    const kept = this.van(db).get(`${verzoekId}\u0000${sleutel}`);
    return kept && kept.tot > nu ? kept.versie : undefined;
  }
}
