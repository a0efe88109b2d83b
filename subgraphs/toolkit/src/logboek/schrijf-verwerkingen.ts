import { randomUUID } from 'node:crypto';
import { type Database, onderliggendeDatabase } from '../database.js';
import type { Verwerkingsregel } from './logboek.js';

/** Everything one request leaves in the log: who asked (audit record) and what was read about whom. */
export interface Aanvraagverslag {
  readonly traceId: string;
  /** Id the gateway generated for the request (absent in process, outside a gateway). */
  readonly verzoekId?: string;
  readonly spanId: string;
  readonly organisatie: string;
  readonly rollen: readonly string[];
  /** Pseudonym of the caller; never a name. */
  readonly actor: string;
  readonly tijdstip: Date;
  readonly resultaat: 'geslaagd' | 'mislukt';
  readonly regels: readonly Verwerkingsregel[];
}

/**
 * Writes the actor record and every verwerking of one request in ONE statement, so they are
 * stored together or not at all: a log with rows but no actor, or half the subjects, cannot
 * happen. Throws when the database refuses; the caller then withholds the data.
 */
export async function schrijfVerwerkingen(db: Pick<Database, 'logboekQuery'>, verslag: Aanvraagverslag): Promise<void> {
  const { text, params } = logboekStatement([{ verslagen: [verslag] }]);
  await db.logboekQuery(text, params);
}

/** The records of several requests for one schema (`undefined`: the one `search_path` points at). */
interface Schemadeel {
  readonly schema?: string;
  readonly verslagen: readonly Aanvraagverslag[];
}

/**
 * One statement that writes the records of several requests, in one or several schemas: all of them or
 * none (one statement, one commit). It calls each schema's `logboek_schrijf` (migrations logboek_003 to
 * logboek_006), which writes the actor records and the verwerkingen joined to them with a plan kept for the
 * session. The records travel as one JSON parameter per schema: one object per request, with what its
 * verwerkingen share (trace, time, result) once and each verwerking as a short array inside it (logboek_006:
 * a smaller parameter to build and parse). The actor ids and the verwerkingen's ids are made here (logboek_005:
 * cheaper than gen_random_uuid on PGlite). Schema names come from `Database.schema`, checked when it was
 * opened (`[a-z_][a-z0-9_]*`), so they are written into the text as they are.
 */
function logboekStatement(delen: readonly Schemadeel[]): { text: string; params: unknown[] } {
  const aanroepen = delen.map(({ schema }, i) => `${schema ? `${schema}.` : ''}logboek_schrijf($${i + 1}::jsonb)`);
  const params = delen.map(({ verslagen }) =>
    JSON.stringify(
      verslagen.map((verslag) => ({
        id: logboekId(),
        trace_id: verslag.traceId,
        verzoek_id: verslag.verzoekId ?? null,
        span_id: verslag.spanId,
        organisatie: verslag.organisatie,
        rollen: verslag.rollen,
        actor: verslag.actor,
        tijdstip: verslag.tijdstip.toISOString(),
        resultaat: verslag.resultaat,
        regels: verslag.regels.map((regel) => [logboekId(), regel.activiteit, regel.betrokkene, regel.soort]),
      })),
    ),
  );
  return { text: `SELECT ${aanroepen.join(', ')}`, params };
}

/**
 * A fresh id for a Logboek record: a UUID of version 7 (RFC 9562), its first 48 bits the time in ms, the next 12 a
 * counter within that ms, the 62 after them random (node:crypto's `randomUUID`, as before). The ids this process makes
 * ascend, so each new key of the two tables' primary key indexes goes at the right edge of the index, where
 * PostgreSQL's B-tree inserts without descending from the root (its rightmost-leaf fast path) and splits a full page
 * unevenly: random (version 4) ids made every insert search the tree and split pages in the middle, most of the
 * cost of those two indexes in a write. Unique as before: within this process by time and counter, across processes
 * by the 62 random bits. Never exposed (the fg reads no id); the time it tells is the record's `tijdstip` anyway.
 */
export function logboekId(): string {
  const nu = Date.now();
  if (nu > laatsteMs) {
    laatsteMs = nu;
    teller = 0;
  } else if (++teller > 0xfff) {
    // More than 4096 ids in one ms: the ids go on in the next ms (a clock that went back is treated the same way).
    laatsteMs += 1;
    teller = 0;
  }
  const tijd = laatsteMs.toString(16).padStart(12, '0');
  // randomUUID: xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx; from position 19 on the variant (10xx) and 62 random bits.
  return `${tijd.slice(0, 8)}-${tijd.slice(8)}-7${teller.toString(16).padStart(3, '0')}-${randomUUID().slice(19)}`;
}

let laatsteMs = 0;
let teller = 0;

interface Wachtend {
  /** The schema the records belong in, on an instance shared by several (`Database.gedeeld`). */
  readonly schema?: string;
  readonly verslag: Aanvraagverslag;
  readonly klaar: () => void;
  readonly mislukt: (error: unknown) => void;
}

type Schrijver = (wachtend: Omit<Wachtend, 'klaar' | 'mislukt'>) => Promise<void>;

/** The group-commit writer of each database (one per subgraph's Database), or of each shared instance. */
const schrijvers = new WeakMap<object, Schrijver>();

/**
 * Writes one request's records together with those of the requests that finish meanwhile (group
 * commit): the first statement leaves at the end of the event loop's turn in which a request finished,
 * carrying the records of every request that finished in that turn, and while a statement is on its
 * way the next requests' records wait for the one after it. So one statement carries many requests'
 * records instead of each request queueing a statement of its own (on PGlite's one connection every
 * statement waits for the one before); on `npm start` a resident view's wmo, jeugd and participatie
 * calls, which arrive together, write in one statement instead of three. The
 * promise settles when this request's records are stored, or fails when they are not: the caller
 * withholds the data then, as with a write of its own. Nothing is lost or written later: a request
 * waits for its own batch.
 *
 * On an instance that several subgraphs share (`npm start`'s one PGlite, `Database.gedeeld`), there is one
 * writer for the instance, not one per subgraph: one statement, one commit, carries the records of every
 * schema that has some waiting, each into its own schema's tables. On PGlite a statement costs about 1.5 ms
 * of CPU whatever it carries (parse, plan, commit), so four subgraphs' records cost one statement, not four.
 *
 * When a batch fails, each schema's records are written apart, and a schema's batch that fails then has
 * each of its requests written alone: one request's refused record does not refuse the others, nor one
 * schema's the other schemas'.
 */
export function schrijfVerwerkingenGebundeld(
  db: Pick<Database, 'logboekQuery'> & Partial<Pick<Database, 'schema' | 'gedeeld'>>,
  verslag: Aanvraagverslag,
): Promise<void> {
  // One writer per subgraph database, not per request's view of it (withDeadline): else nothing is shared.
  const database = onderliggendeDatabase(db);
  const gedeeld = database.gedeeld;
  const sleutel = gedeeld ?? database;
  let schrijver = schrijvers.get(sleutel);
  if (!schrijver) {
    schrijver = groepsschrijver(gedeeld ?? database);
    schrijvers.set(sleutel, schrijver);
  }
  return schrijver({ schema: gedeeld ? database.schema : undefined, verslag });
}

function groepsschrijver(db: Pick<Database, 'logboekQuery'>): Schrijver {
  let wachtend: Wachtend[] = [];
  let bezig = false;
  const schrijf = async () => {
    bezig = true;
    while (wachtend.length > 0) {
      const bundel = wachtend;
      wachtend = [];
      await schrijfBundel(db, bundel);
    }
    bezig = false;
  };
  return (entry) =>
    new Promise<void>((klaar, mislukt) => {
      wachtend.push({ schema: entry.schema, verslag: entry.verslag, klaar, mislukt });
      if (bezig) return;
      // The first statement waits for the rest of this turn of the event loop: the calls that arrived
      // with this one (a resident view's wmo, jeugd and participatie, sent side by side by the gateway)
      // run up to their own write meanwhile, and the statement carries all their records. It waits one
      // turn more, so that the answers those calls finished in this turn, which over the channel need not
      // wait for it (`SubgraphContext.vastleggingAchteraf`), are posted to the gateway before PGlite's
      // statement holds the thread.
      bezig = true;
      setImmediate(() => setImmediate(() => void schrijf()));
    });
}

/** Writes `bundel` in one statement; when that fails, per schema, and then per request (see above). */
async function schrijfBundel(db: Pick<Database, 'logboekQuery'>, bundel: readonly Wachtend[]): Promise<void> {
  const perSchema = new Map<string | undefined, Wachtend[]>();
  for (const entry of bundel) {
    const deel = perSchema.get(entry.schema);
    if (deel) deel.push(entry);
    else perSchema.set(entry.schema, [entry]);
  }
  try {
    const { text, params } = logboekStatement([...perSchema].map(([schema, entries]) => ({ schema, verslagen: entries.map((entry) => entry.verslag) })));
    await db.logboekQuery(text, params);
  } catch (error) {
    if (bundel.length === 1) {
      bundel[0].mislukt(error);
      return;
    }
    const delen = perSchema.size > 1 ? [...perSchema.values()] : bundel.map((entry) => [entry]);
    await Promise.all(delen.map((deel) => schrijfBundel(db, deel)));
    return;
  }
  for (const entry of bundel) entry.klaar();
}
