import type { Queryable } from '@sociaal-graph/toolkit';
import { GEMEENTE_COLUMNS } from '../gemeente/gemeente.sql.js';
import type { Gemeente } from '../gemeente/gemeente.type.js';
import type { Samenwerkingsverband } from './samenwerkingsverband.type.js';

const COLUMNS = `s.code, s.naam, s.organisatie_id AS "organisatieId"`;

/** Batch function: the samenwerkingsverbanden with these codes, in any order, misses left out. */
export function fetchSamenwerkingsverbanden(db: Queryable, codes: readonly string[]): Promise<Samenwerkingsverband[]> {
  return db.query<Samenwerkingsverband>(`SELECT ${COLUMNS} FROM samenwerkingsverband s WHERE s.code = ANY($1::text[])`, [codes]);
}

/** Every samenwerkingsverband, ordered by name. */
export function fetchAlleSamenwerkingsverbanden(db: Queryable): Promise<Samenwerkingsverband[]> {
  return db.query<Samenwerkingsverband>(`SELECT ${COLUMNS} FROM samenwerkingsverband s ORDER BY s.naam, s.code`);
}

/** Batch function: the member gemeenten of these samenwerkingsverbanden, each list ordered by name. */
export function fetchGemeentenPerSamenwerkingsverband(
  db: Queryable,
  codes: readonly string[],
): Promise<(Gemeente & { groepCode: string })[]> {
  return db.query(
    `SELECT sg.samenwerkingsverband_code AS "groepCode", ${GEMEENTE_COLUMNS}
       FROM samenwerkingsverband_gemeente sg JOIN gemeente g ON g.code = sg.gemeente_code
      WHERE sg.samenwerkingsverband_code = ANY($1::text[])
      ORDER BY g.naam, g.code`,
    [codes],
  );
}

/** Batch function: the samenwerkingsverbanden each of these gemeenten belongs to. */
export function fetchSamenwerkingsverbandenPerGemeente(
  db: Queryable,
  gemeenteCodes: readonly string[],
): Promise<(Samenwerkingsverband & { gemeenteCode: string })[]> {
  return db.query(
    `SELECT sg.gemeente_code AS "gemeenteCode", ${COLUMNS}
       FROM samenwerkingsverband_gemeente sg JOIN samenwerkingsverband s ON s.code = sg.samenwerkingsverband_code
      WHERE sg.gemeente_code = ANY($1::text[])
      ORDER BY s.naam, s.code`,
    [gemeenteCodes],
  );
}
