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
