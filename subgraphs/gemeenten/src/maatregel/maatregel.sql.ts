import type { Queryable } from '@sociaal-graph/toolkit';
import type { Maatregel, MaatregelStatus } from './maatregel.type.js';

const MAATREGEL_COLUMNS = `m.id, m.naam, m.niveau, m.wet, m.omschrijving`;
const STATUS_COLUMNS = `s.maatregel_id AS "maatregelId", m.wet AS "maatregelWet", s.gemeente_code AS "gemeenteCode",
  s.status, s.datum, s.uitzondering`;

/** Batch function: the measures with these ids, in any order, misses left out. */
export function fetchMaatregelen(db: Queryable, ids: readonly string[]): Promise<Maatregel[]> {
  return db.query<Maatregel>(`SELECT ${MAATREGEL_COLUMNS} FROM maatregel m WHERE m.id = ANY($1::text[])`, [ids]);
}

/** Every measure, optionally of one law and level, ordered by name. */
export function fetchAlleMaatregelen(db: Queryable, filter: { wet: string | null; niveau: string | null }): Promise<Maatregel[]> {
  return db.query<Maatregel>(
    `SELECT ${MAATREGEL_COLUMNS} FROM maatregel m
      WHERE ($1::text IS NULL OR m.wet = $1) AND ($2::text IS NULL OR m.niveau = $2)
      ORDER BY m.naam, m.id`,
    [filter.wet, filter.niveau],
  );
}

/** Batch function: the measure statuses of these gemeenten, each list ordered by measure name. */
export function fetchStatussenPerGemeente(db: Queryable, gemeenteCodes: readonly string[]): Promise<MaatregelStatus[]> {
  return db.query<MaatregelStatus>(
    `SELECT ${STATUS_COLUMNS} FROM maatregel_status s JOIN maatregel m ON m.id = s.maatregel_id
      WHERE s.gemeente_code = ANY($1::text[]) ORDER BY m.naam, m.id`,
    [gemeenteCodes],
  );
}

/** Batch function: the statuses of these measures, each list ordered by gemeente code. */
export function fetchStatussenPerMaatregel(db: Queryable, maatregelIds: readonly string[]): Promise<MaatregelStatus[]> {
  return db.query<MaatregelStatus>(
    `SELECT ${STATUS_COLUMNS} FROM maatregel_status s JOIN maatregel m ON m.id = s.maatregel_id
      WHERE s.maatregel_id = ANY($1::text[]) ORDER BY s.gemeente_code`,
    [maatregelIds],
  );
}
