import type { Queryable } from '@sociaal-graph/toolkit';

/** One consulent as the SQL returns it. */
export interface ConsulentRow {
  id: string;
  naam: string;
  teamId: string;
}

const COLUMNS = `c.id, c.naam, c.team_id AS "teamId"`;

/** Batch: consulenten by id; misses are left out. Staff data, not resident data: no scope. */
export function consulentenByIds(db: Queryable, ids: readonly string[]): Promise<ConsulentRow[]> {
  return db.query<ConsulentRow>(`SELECT ${COLUMNS} FROM consulent c WHERE c.id = ANY($1::text[])`, [ids]);
}

/** Batch: the consulenten of teams, by name. */
export function consulentenByTeam(db: Queryable, teamIds: readonly string[]): Promise<ConsulentRow[]> {
  return db.query<ConsulentRow>(
    `SELECT ${COLUMNS} FROM consulent c WHERE c.team_id = ANY($1::text[]) ORDER BY c.team_id, c.naam, c.id`,
    [teamIds],
  );
}
