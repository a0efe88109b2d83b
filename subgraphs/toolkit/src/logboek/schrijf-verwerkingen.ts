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
 * none (one statement, one commit). Per schema two data-modifying CTEs: the actor records, then the
 * verwerkingen joined to them. The actor ids are made here so that each verwerking names its own
 * request's actor record; `rollen` travel as JSON text, one per actor (a text[] per row would not survive
 * unnest, which flattens arrays of arrays). Schema names come from `Database.schema`, checked when it was
 * opened (`[a-z_][a-z0-9_]*`), so they are written into the text as they are.
 */
function logboekStatement(delen: readonly Schemadeel[]): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const ctes = delen.map(({ schema, verslagen }, deel) => {
    const tabel = (naam: string) => (schema ? `${schema}.${naam}` : naam);
    const p = (i: number) => `$${params.length + i}`;
    const text = `actor_${deel} AS (
       INSERT INTO ${tabel('verwerking_actor')} (id, trace_id, verzoek_id, organisatie, rollen, actor, tijdstip)
       SELECT a.id, a.trace_id, a.verzoek_id, a.organisatie, ARRAY(SELECT jsonb_array_elements_text(a.rollen::jsonb)), a.actor, a.tijdstip
       FROM unnest(${p(1)}::uuid[], ${p(2)}::text[], ${p(3)}::text[], ${p(4)}::text[], ${p(5)}::text[], ${p(6)}::text[], ${p(7)}::timestamptz[])
         AS a (id, trace_id, verzoek_id, organisatie, rollen, actor, tijdstip)
       RETURNING id
     ), verwerking_${deel} AS (
       INSERT INTO ${tabel('verwerking')}
         (id, trace_id, verzoek_id, span_id, verwerkingsactiviteit, betrokkene, betrokkene_soort, tijdstip, resultaat, actor_id)
       SELECT gen_random_uuid(), r.trace_id, r.verzoek_id, r.span_id, r.activiteit, r.betrokkene, r.soort, r.tijdstip, r.resultaat, actor_${deel}.id
       FROM unnest(${p(8)}::uuid[], ${p(9)}::text[], ${p(10)}::text[], ${p(11)}::text[], ${p(12)}::text[], ${p(13)}::text[], ${p(14)}::text[], ${p(15)}::timestamptz[], ${p(16)}::text[])
         AS r (actor_id, trace_id, verzoek_id, span_id, activiteit, betrokkene, soort, tijdstip, resultaat)
       JOIN actor_${deel} ON actor_${deel}.id = r.actor_id
     )`;
    const actorIds = verslagen.map(() => randomUUID());
    const regels = verslagen.flatMap((verslag, i) => verslag.regels.map((regel) => ({ verslag, regel, actorId: actorIds[i] })));
    params.push(
      actorIds,
      verslagen.map((verslag) => verslag.traceId),
      verslagen.map((verslag) => verslag.verzoekId ?? null),
      verslagen.map((verslag) => verslag.organisatie),
      verslagen.map((verslag) => JSON.stringify(verslag.rollen)),
      verslagen.map((verslag) => verslag.actor),
      verslagen.map((verslag) => verslag.tijdstip.toISOString()),
      regels.map((entry) => entry.actorId),
      regels.map((entry) => entry.verslag.traceId),
      regels.map((entry) => entry.verslag.verzoekId ?? null),
      regels.map((entry) => entry.verslag.spanId),
      regels.map((entry) => entry.regel.activiteit),
      regels.map((entry) => entry.regel.betrokkene),
      regels.map((entry) => entry.regel.soort),
      regels.map((entry) => entry.verslag.tijdstip.toISOString()),
      regels.map((entry) => entry.verslag.resultaat),
    );
    return text;
  });
  // Data-modifying CTEs run to completion whether or not the outer query reads them.
  return { text: `WITH ${ctes.join(',\n     ')}\n     SELECT 1`, params };
}

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
 * commit): while one statement is on its way, the next requests' records wait for the one after it,
 * so under load one statement carries many requests' records instead of each request queueing a
 * statement of its own (on PGlite's one connection every statement waits for the one before). The
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
      wachtend.push({ ...entry, klaar, mislukt });
      if (!bezig) void schrijf();
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
