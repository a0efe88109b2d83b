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
  await schrijfVerslagen(db, [verslag]);
}

/**
 * Writes the records of several requests in one statement: all of them or none. The actor ids are
 * made here so that each verwerking names its own request's actor record; `rollen` travel as JSON
 * text, one per actor (a text[] per row would not survive unnest, which flattens arrays of arrays).
 */
async function schrijfVerslagen(db: Pick<Database, 'logboekQuery'>, verslagen: readonly Aanvraagverslag[]): Promise<void> {
  const actorIds = verslagen.map(() => randomUUID());
  const regels = verslagen.flatMap((verslag, i) => verslag.regels.map((regel) => ({ verslag, regel, actorId: actorIds[i] })));
  await db.logboekQuery(
    `WITH actor AS (
       INSERT INTO verwerking_actor (id, trace_id, verzoek_id, organisatie, rollen, actor, tijdstip)
       SELECT a.id, a.trace_id, a.verzoek_id, a.organisatie, ARRAY(SELECT jsonb_array_elements_text(a.rollen::jsonb)), a.actor, a.tijdstip
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])
         AS a (id, trace_id, verzoek_id, organisatie, rollen, actor, tijdstip)
       RETURNING id
     )
     INSERT INTO verwerking
       (id, trace_id, verzoek_id, span_id, verwerkingsactiviteit, betrokkene, betrokkene_soort, tijdstip, resultaat, actor_id)
     SELECT gen_random_uuid(), r.trace_id, r.verzoek_id, r.span_id, r.activiteit, r.betrokkene, r.soort, r.tijdstip, r.resultaat, actor.id
     FROM unnest($8::uuid[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::timestamptz[], $16::text[])
       AS r (actor_id, trace_id, verzoek_id, span_id, activiteit, betrokkene, soort, tijdstip, resultaat)
     JOIN actor ON actor.id = r.actor_id`,
    [
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
    ],
  );
}

interface Wachtend {
  readonly verslag: Aanvraagverslag;
  readonly klaar: () => void;
  readonly mislukt: (error: unknown) => void;
}

/** The group-commit writer of each database (one per subgraph's Database). */
const schrijvers = new WeakMap<object, (verslag: Aanvraagverslag) => Promise<void>>();

/**
 * Writes one request's records together with those of the requests that finish meanwhile (group
 * commit): while one statement is on its way, the next requests' records wait for the one after it,
 * so under load one statement carries many requests' records instead of each request queueing a
 * statement of its own (on PGlite's one connection every statement waits for the one before). The
 * promise settles when this request's records are stored, or fails when they are not: the caller
 * withholds the data then, as with a write of its own. Nothing is lost or written later: a request
 * waits for its own batch. When a batch fails, each of its requests is written alone, so that one
 * request's refused record does not refuse the others.
 */
export function schrijfVerwerkingenGebundeld(db: Pick<Database, 'logboekQuery'>, verslag: Aanvraagverslag): Promise<void> {
  // One writer per subgraph database, not per request's view of it (withDeadline): else nothing is shared.
  const database = onderliggendeDatabase(db);
  let schrijver = schrijvers.get(database);
  if (!schrijver) {
    schrijver = groepsschrijver(database);
    schrijvers.set(database, schrijver);
  }
  return schrijver(verslag);
}

function groepsschrijver(db: Pick<Database, 'logboekQuery'>): (verslag: Aanvraagverslag) => Promise<void> {
  let wachtend: Wachtend[] = [];
  let bezig = false;
  const schrijf = async () => {
    bezig = true;
    while (wachtend.length > 0) {
      const bundel = wachtend;
      wachtend = [];
      try {
        await schrijfVerslagen(db, bundel.map((entry) => entry.verslag));
        for (const entry of bundel) entry.klaar();
      } catch (error) {
        if (bundel.length === 1) {
          bundel[0].mislukt(error);
          continue;
        }
        await Promise.all(
          bundel.map((entry) =>
            schrijfVerslagen(db, [entry.verslag]).then(entry.klaar, entry.mislukt),
          ),
        );
      }
    }
    bezig = false;
  };
  return (verslag) =>
    new Promise<void>((klaar, mislukt) => {
      wachtend.push({ verslag, klaar, mislukt });
      if (!bezig) void schrijf();
    });
}
