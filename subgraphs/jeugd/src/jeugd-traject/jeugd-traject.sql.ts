import type { Queryable } from '@sociaal-graph/toolkit';
import type { Gemeenten } from '../scope.js';
import type { JeugdTraject } from './jeugd-traject.type.js';

// Open-ended trajectories count up to the peildatum of the data (table `stand`), or today without one.
const COLUMNS = `tr.id, tr.inwoner_id AS "inwonerId", tr.gemeente_code AS "gemeenteCode", tr.startdatum,
  tr.einddatum, tr.herhaald_beroep AS "herhaaldBeroep",
  GREATEST(e.einde - tr.startdatum + 1, 0) AS "duurInDagen",
  (e.einde >= tr.startdatum + interval '1 year') AS "langerDanEenJaar"`;

const FROM = `traject tr
  CROSS JOIN LATERAL (SELECT COALESCE(tr.einddatum, (SELECT max(peildatum) FROM stand), current_date) AS einde) e`;

/** Batch: trajecten by id within the scope, in any order (the loader re-orders). */
export async function fetchTrajectenById(db: Queryable, ids: readonly string[], gemeenten: Gemeenten): Promise<JeugdTraject[]> {
  return db.query<JeugdTraject>(
    `SELECT ${COLUMNS} FROM ${FROM}
     WHERE tr.id = ANY($1) AND ($2::text[] IS NULL OR tr.gemeente_code = ANY($2))`,
    [ids, gemeenten],
  );
}

/** Batch: every traject of each inwoner (newest start first), within the scope. */
export async function fetchTrajectenByInwoner(
  db: Queryable,
  inwonerIds: readonly string[],
  gemeenten: Gemeenten,
): Promise<JeugdTraject[]> {
  return db.query<JeugdTraject>(
    `SELECT ${COLUMNS} FROM ${FROM}
     WHERE tr.inwoner_id = ANY($1) AND ($2::text[] IS NULL OR tr.gemeente_code = ANY($2))
     ORDER BY tr.startdatum DESC, tr.id`,
    [inwonerIds, gemeenten],
  );
}
