import type { Principal } from '../principal.js';
import type { HarnessResult, SubgraphHarness } from './harness.js';

/** A verwerking as stored, with the audit record (`verwerking_actor`) it links to. */
export interface StoredVerwerking {
  readonly verwerkingsactiviteit: string;
  readonly betrokkene: string | null;
  readonly betrokkeneSoort: string | null;
  readonly resultaat: string;
  readonly actor: { readonly organisatie: string; readonly rollen: string[]; readonly actor: string };
}

/** What one operation answered and left in the Logboek Dataverwerkingen. */
export interface LoggedExecution<D> {
  readonly result: HarnessResult<D>;
  /** How many actor records (one per logged request) the operation added. */
  readonly actoren: number;
  /** The verwerkingen linked to those records, by activity and subject (code-unit order). */
  readonly verwerkingen: StoredVerwerking[];
}

/**
 * Runs an operation through a harness of a subgraph with `logboek: true` and reads back what it
 * left in the log: only the records that were not there before, so the tests of one file (one
 * database) need not know the request's trace id.
 */
export async function loggedExecution<D = Record<string, unknown>>(
  harness: SubgraphHarness,
  query: string,
  variables?: Record<string, unknown>,
  principal?: Principal,
): Promise<LoggedExecution<D>> {
  const actorIds = async () => (await harness.db.query<{ id: string }>('SELECT id::text AS id FROM verwerking_actor')).map((row) => row.id);
  const before = new Set(await actorIds());
  const result = await harness.execute<D>(query, variables, principal);
  const added = (await actorIds()).filter((id) => !before.has(id));
  const rows = await harness.db.query<Omit<StoredVerwerking, 'actor'> & StoredVerwerking['actor']>(
    `SELECT v.verwerkingsactiviteit, v.betrokkene, v.betrokkene_soort AS "betrokkeneSoort", v.resultaat,
            a.organisatie, a.rollen, a.actor
     FROM verwerking v JOIN verwerking_actor a ON a.id = v.actor_id
     WHERE a.id::text = ANY($1::text[])
     ORDER BY v.verwerkingsactiviteit COLLATE "C", v.betrokkene COLLATE "C"`,
    [added],
  );
  const verwerkingen = rows.map(({ organisatie, rollen, actor, ...verwerking }) => ({ ...verwerking, actor: { organisatie, rollen, actor } }));
  return { result, actoren: added.length, verwerkingen };
}
