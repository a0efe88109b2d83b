import type { Queryable } from '@sociaal-graph/toolkit';
import { meldingScopeParameters, meldingZichtbaar, type ToegangScope } from '../scope.js';

/** One melding (hulpvraag) as the SQL returns it. */
export interface MeldingRow {
  id: string;
  inwonerId: string;
  gemeenteCode: string;
  wet: string;
  soort: string;
  datum: string;
  status: string;
  consulentId: string | null;
  commentaar: string | null;
}

/**
 * Batch: the meldingen of residents, newest first, each only when the caller's TOEGANG scope for
 * the melding's own law covers its gemeente.
 */
export function meldingenByInwoner(db: Queryable, inwonerIds: readonly string[], scope: ToegangScope): Promise<MeldingRow[]> {
  return db.query<MeldingRow>(
    `SELECT m.id, m.inwoner_id AS "inwonerId", m.gemeente_code AS "gemeenteCode", m.wet, m.soort, m.datum,
            m.status, m.consulent_id AS "consulentId", m.commentaar
     FROM melding m
     WHERE m.inwoner_id = ANY($1::text[]) AND ${meldingZichtbaar('m', 2)}
     ORDER BY m.inwoner_id, m.datum DESC, m.id`,
    [inwonerIds, ...meldingScopeParameters(scope)],
  );
}

/** The resident a new melding is for, by pseudonym: its gemeente and vaste consulent, or undefined. */
export async function inwonerVoorMelding(db: Queryable, inwonerId: string): Promise<{ gemeenteCode: string; consulentId: string | null } | undefined> {
  const [row] = await db.query<{ gemeenteCode: string; consulentId: string | null }>(
    `SELECT gemeente_code AS "gemeenteCode", consulent_id AS "consulentId" FROM inwoner WHERE id = $1 FOR UPDATE`,
    [inwonerId],
  );
  return row;
}

/** Inserts a new open melding (its consulent: the resident's vaste consulent) and returns its id. */
export async function voegMeldingToe(
  db: Queryable,
  melding: { inwonerId: string; gemeenteCode: string; wet: string; soort: string; datum: string; consulentId: string | null; commentaar: string | null },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO melding (id, inwoner_id, gemeente_code, wet, soort, datum, status, consulent_id, commentaar)
     VALUES (gen_random_uuid()::text, $1, $2, $3, $4, $5, 'OPEN', $6, $7)
     RETURNING id`,
    [melding.inwonerId, melding.gemeenteCode, melding.wet, melding.soort, melding.datum, melding.consulentId, melding.commentaar],
  );
  return row!.id;
}

/** One melding by id, when the caller's TOEGANG scope for its law covers its gemeente. */
export async function meldingOpId(db: Queryable, id: string, scope: ToegangScope): Promise<MeldingRow | undefined> {
  const [row] = await db.query<MeldingRow>(
    `SELECT m.id, m.inwoner_id AS "inwonerId", m.gemeente_code AS "gemeenteCode", m.wet, m.soort, m.datum,
            m.status, m.consulent_id AS "consulentId", m.commentaar
     FROM melding m
     WHERE m.id = $1 AND ${meldingZichtbaar('m', 2)}`,
    [id, ...meldingScopeParameters(scope)],
  );
  return row;
}
