import type { Database } from '../database.js';
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
  await db.logboekQuery(
    `WITH actor AS (
       INSERT INTO verwerking_actor (id, trace_id, verzoek_id, organisatie, rollen, actor, tijdstip)
       VALUES (gen_random_uuid(), $1, $11, $2, $3::text[], $4, $5::timestamptz)
       RETURNING id
     )
     INSERT INTO verwerking
       (id, trace_id, verzoek_id, span_id, verwerkingsactiviteit, betrokkene, betrokkene_soort, tijdstip, resultaat, actor_id)
     SELECT gen_random_uuid(), $1, $11, $6, r.activiteit, r.betrokkene, r.soort, $5::timestamptz, $7, actor.id
     FROM actor, unnest($8::text[], $9::text[], $10::text[]) AS r (activiteit, betrokkene, soort)`,
    [
      verslag.traceId,
      verslag.organisatie,
      verslag.rollen,
      verslag.actor,
      verslag.tijdstip.toISOString(),
      verslag.spanId,
      verslag.resultaat,
      verslag.regels.map((regel) => regel.activiteit),
      verslag.regels.map((regel) => regel.betrokkene),
      verslag.regels.map((regel) => regel.soort),
      verslag.verzoekId ?? null,
    ],
  );
}
