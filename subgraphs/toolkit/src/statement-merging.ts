import type { Queryable, QueryOptions } from './database.js';

/**
 * How a lookup by key may be merged with the same lookup of other requests (`QueryOptions.samenvoegen`):
 * which parameters hold the key arrays (`= ANY($n)`) and, for each row, which of them it answers and with
 * which key. Declare it only where the statement's rows each depend on their own key and the other
 * parameters alone (no LIMIT, aggregate or window across keys; one inside a LATERAL per key is fine), and
 * where a key's text form is what the SQL compares (text keys): a merged statement's rows are handed out by
 * `String(key)`.
 */
export interface Samenvoeging {
  /** Positions (0-based) of the parameters that hold key arrays. */
  readonly sleutelparameters: readonly number[];
  /** The key a row answers: the position of its key parameter and the key itself. */
  readonly sleutelVan: (rij: never) => readonly [parameter: number, sleutel: unknown];
}

/** The declaration of a lookup with one key array (parameter `parameter`) whose rows carry their key in `kolom`. */
export function samenvoegbaarOp(parameter: number, kolom: string): Samenvoeging {
  return { sleutelparameters: [parameter], sleutelVan: (rij: Record<string, unknown>) => [parameter, rij[kolom]] };
}

interface Deelnemer {
  readonly params: readonly unknown[];
  readonly antwoord: (rijen: unknown[]) => void;
  readonly mislukt: (error: unknown) => void;
}

/** The requests waiting for one mergeable statement (its text, plan and other parameters) on one database. */
interface Wachtrij {
  readonly text: string;
  readonly options: QueryOptions & { readonly samenvoegen: Samenvoeging };
  wachtend: Deelnemer[];
}

/** The queues with requests waiting or a statement on its way, per database (a subgraph's own, so one schema each). */
const wachtrijen = new WeakMap<object, Map<string, Wachtrij>>();

/**
 * Runs one statement for one request, merged when it is declared mergeable (`options.samenvoegen`):
 * the same statement of other requests in the same turn of the event loop, on the same database, with
 * byte-identical parameters apart from the key arrays, runs once with the union of their keys, and each
 * request gets exactly the rows of its own keys, in the order the SQL gave them (issue 14). The scope and
 * mandate parameters are among those that must be identical, so a request is never answered under another's
 * rights, and it never sees a row of a key it did not ask. As the Logboek's group commit does, the first
 * statement leaves at the end of the turn in which it was asked, and while it is on its way the requests
 * asking the same wait for the one after it (on PGlite's one connection they would wait for it anyway);
 * alone, a request runs its own statement after the end of the turn. When a merged
 * statement fails, each request runs its own statement again, alone, and gets its own answer or error:
 * one request's bad key or cancelled statement does not fail the others. The deadline of each request is
 * checked when it asks (`withDeadline`), as for a statement that waits its turn on PGlite's connection.
 */
export function vraagSamengevoegd<R>(db: Queryable, text: string, params: readonly unknown[] = [], options?: QueryOptions): Promise<R[]> {
  const samenvoegen = options?.samenvoegen;
  const sleutel = samenvoegen && bundelsleutel(text, params, samenvoegen, options.plan);
  if (!sleutel) return db.query<R>(text, params, options);
  let rijen = wachtrijen.get(db);
  if (!rijen) {
    rijen = new Map();
    wachtrijen.set(db, rijen);
  }
  const open = rijen;
  const rij = open.get(sleutel) ?? { text, options: options as Wachtrij['options'], wachtend: [] };
  if (!open.has(sleutel)) {
    open.set(sleutel, rij);
    setImmediate(() => void verwerk(db, rij, () => open.delete(sleutel)));
  }
  return new Promise<R[]>((antwoord, mislukt) => {
    rij.wachtend.push({ params, antwoord: antwoord as (rijen: unknown[]) => void, mislukt });
  });
}

/**
 * Runs the queue's statement for those waiting, and again for those who came meanwhile, until none wait;
 * then `leeg` removes the queue, in the same step as the last look at it, so nobody joins a queue that is gone.
 */
async function verwerk(db: Queryable, rij: Wachtrij, leeg: () => void): Promise<void> {
  for (;;) {
    if (rij.wachtend.length === 0) {
      leeg();
      return;
    }
    const deelnemers = rij.wachtend;
    rij.wachtend = [];
    try {
      await voerUit(db, rij, deelnemers);
    } catch (error) {
      // Not the database's failure (voerUit answers those): a declaration that cannot read a row.
      for (const deelnemer of deelnemers) deelnemer.mislukt(error);
    }
  }
}

/**
 * What statements must share to merge: the text, the plan and every parameter but the key arrays, as JSON.
 * Undefined (run alone) when a key parameter is no array or another parameter is neither a scalar nor an
 * array of scalars, whose JSON could hide a difference in what the driver sends (a Date and its ISO text).
 */
function bundelsleutel(text: string, params: readonly unknown[], samenvoegen: Samenvoeging, plan: QueryOptions['plan']): string | undefined {
  const overige: unknown[] = [];
  for (let i = 0; i < params.length; i += 1) {
    const param = params[i];
    if (samenvoegen.sleutelparameters.includes(i)) {
      if (!Array.isArray(param)) return undefined;
      overige.push(null);
    } else if (isScalar(param) || (Array.isArray(param) && param.every(isScalar))) {
      overige.push(param ?? null);
    } else {
      return undefined;
    }
  }
  // The key parameters' positions are part of it too: two declarations of one text never mix.
  return `${samenvoegen.sleutelparameters.join(',')}\u0000${plan ?? ''}\u0000${text}\u0000${JSON.stringify(overige)}`;
}

function isScalar(value: unknown): boolean {
  // Not NaN or Infinity, whose JSON is `null`.
  return value === null || value === undefined || typeof value === 'string' || Number.isFinite(value) || typeof value === 'boolean';
}

async function voerUit(db: Queryable, { text, options }: Wachtrij, deelnemers: readonly Deelnemer[]): Promise<void> {
  if (deelnemers.length === 1) {
    await alleen(db, text, options, deelnemers[0]!);
    return;
  }
  const { sleutelparameters, sleutelVan } = options.samenvoegen;
  // Who asked each key, per key parameter: the key's text to the requests, each once however often it
  // named the key (one map per position: no "position + key" string built per key and per row).
  const vragers = new Map<number, Map<string, number[]>>();
  const params = [...deelnemers[0]!.params];
  for (const positie of sleutelparameters) {
    const alle: unknown[] = [];
    const perSleutel = new Map<string, number[]>();
    vragers.set(positie, perSleutel);
    for (let index = 0; index < deelnemers.length; index += 1) {
      for (const sleutel of deelnemers[index]!.params[positie] as unknown[]) {
        const naam = String(sleutel);
        const wie = perSleutel.get(naam);
        if (!wie) {
          perSleutel.set(naam, [index]);
          alle.push(sleutel);
        } else if (wie[wie.length - 1] !== index) {
          wie.push(index);
        }
      }
    }
    params[positie] = alle;
  }
  let rijen: unknown[];
  try {
    rijen = await db.query(text, params, options);
  } catch {
    await Promise.all(deelnemers.map((deelnemer) => alleen(db, text, options, deelnemer)));
    return;
  }
  const antwoorden = deelnemers.map((): unknown[] => []);
  for (const rij of rijen) {
    const [positie, sleutel] = (sleutelVan as (rij: unknown) => readonly [number, unknown])(rij);
    if (sleutel === null || sleutel === undefined) continue;
    const wie = vragers.get(positie)?.get(String(sleutel));
    if (!wie) continue;
    // A row asked by several requests: each its own copy, so one request's resolvers never touch another's.
    for (let i = 0; i < wie.length; i += 1) antwoorden[wie[i]!]!.push(i === 0 ? rij : kopie(rij));
  }
  deelnemers.forEach((deelnemer, index) => deelnemer.antwoord(antwoorden[index]!));
}

/**
 * A row's own copy, as `structuredClone` makes it: a row of scalar columns (nearly all) as a plain spread,
 * about ten times cheaper than `structuredClone` (issue 14); one with an object in a column (jsonb, an
 * array, a Date) deep, by `structuredClone` itself.
 */
function kopie(rij: unknown): unknown {
  if (rij === null || typeof rij !== 'object' || Object.getPrototypeOf(rij) !== Object.prototype) return structuredClone(rij);
  for (const key in rij) {
    const value = (rij as Record<string, unknown>)[key];
    if ((value !== null && typeof value === 'object') || typeof value === 'function') return structuredClone(rij);
  }
  return { ...rij };
}

/** One request's own statement, as it would have run unmerged. */
function alleen(db: Queryable, text: string, options: QueryOptions, deelnemer: Deelnemer): Promise<void> {
  return db.query(text, deelnemer.params, options).then(deelnemer.antwoord, deelnemer.mislukt);
}
