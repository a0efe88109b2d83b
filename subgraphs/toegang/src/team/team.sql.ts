import type { Queryable } from '@sociaal-graph/toolkit';

/** One team as the SQL returns it. */
export interface TeamRow {
  id: string;
  naam: string;
  organisatieId: string;
  doelgroep: string | null;
}

const COLUMNS = `t.id, t.naam, t.organisatie_id AS "organisatieId", t.doelgroep`;

/** Batch: teams by id; misses are left out. */
export function teamsByIds(db: Queryable, ids: readonly string[]): Promise<TeamRow[]> {
  return db.query<TeamRow>(`SELECT ${COLUMNS} FROM team t WHERE t.id = ANY($1::text[])`, [ids]);
}

/** One page of all teams by name, with the total in one statement. */
export async function teamPagina(db: Queryable, page: { first: number; offset: number }): Promise<{ totaal: number; teams: TeamRow[] }> {
  const rows = await db.query<Partial<TeamRow> & { totaal: number }>(
    `SELECT p.*, (SELECT count(*)::int FROM team) AS totaal
     FROM (SELECT 1) AS one
     LEFT JOIN LATERAL (SELECT ${COLUMNS} FROM team t ORDER BY t.naam, t.id LIMIT $1 OFFSET $2) p ON true`,
    [page.first, page.offset],
  );
  // The LEFT JOIN gives one all-null team row when the page is empty, so the total still arrives.
  const teams = rows.flatMap(({ totaal: _totaal, ...team }) => (team.id == null ? [] : [team as TeamRow]));
  return { totaal: rows[0]?.totaal ?? 0, teams };
}
