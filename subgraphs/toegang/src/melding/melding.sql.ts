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
