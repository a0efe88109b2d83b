import type { Queryable, Wet } from '@sociaal-graph/toolkit';
import { type DeclaratieScope, scopeCondition } from './declaratie.scope.js';
import type { Declaratie } from './declaratie.type.js';

/**
 * Columns of a Declaratie row; `d` is the declaratie table. The lag counts from the last day of
 * the delivery month, as the declaratietermijn does.
 */
const COLUMNS = `d.id, d.gemeente_code AS "gemeenteCode", d.wet, d.toewijzingsnummer, d.productcode,
  d.levering_van AS "leveringVan", d.levering_tot AS "leveringTot", d.geleverd_volume AS "geleverdVolume",
  d.bedrag, d.ingediend_op AS "ingediendOp", d.status,
  d.ingediend_op - ((date_trunc('month', d.levering_tot::timestamp) + interval '1 month')::date - 1) AS "vertragingInDagen",
  d.productcategorie AS "productcategorieCode", d.eenheid AS "eenheidCode", d.aanbieder_agb AS "aanbiederAgb",
  d.correctie_van AS "correctieVanId"`;

/** Batch function: the declaraties with these ids within the scope, in any order, misses left out. */
export function fetchDeclaraties(db: Queryable, ids: readonly string[], scope: DeclaratieScope): Promise<Declaratie[]> {
  return db.query<Declaratie>(`SELECT ${COLUMNS} FROM declaratie d WHERE d.id = ANY($1) AND ${scopeCondition('d', 2)}`, [
    ids,
    ...scope,
  ]);
}

/** Key of a toewijzing within one law: `${gemeenteCode}:${toewijzingsnummer}`. */
export function toewijzingKey(row: { gemeenteCode: string; toewijzingsnummer: string }): string {
  return `${row.gemeenteCode}:${row.toewijzingsnummer}`;
}

/**
 * Batch function: the declaraties of these toewijzingen of one law (keys from `toewijzingKey`)
 * within the scope, by delivery period and then dagtekening.
 */
export function fetchDeclaratiesByToewijzing(
  db: Queryable,
  wet: Wet,
  keys: readonly string[],
  scope: DeclaratieScope,
): Promise<Declaratie[]> {
  const gemeenten = keys.map((key) => key.slice(0, key.indexOf(':')));
  const nummers = keys.map((key) => key.slice(key.indexOf(':') + 1));
  return db.query<Declaratie>(
    `SELECT ${COLUMNS}
       FROM unnest($1::text[], $2::text[]) AS k(gemeente_code, toewijzingsnummer)
       JOIN declaratie d ON d.gemeente_code = k.gemeente_code AND d.toewijzingsnummer = k.toewijzingsnummer
      WHERE d.wet = $3 AND ${scopeCondition('d', 4)}
      ORDER BY d.levering_van, d.ingediend_op, d.id`,
    [gemeenten, nummers, wet, ...scope],
  );
}

/** Batch function: how many declaraties within the scope each of these aanbieders has. */
export function countDeclaratiesByAanbieder(
  db: Queryable,
  agbCodes: readonly string[],
  scope: DeclaratieScope,
): Promise<{ aanbiederAgb: string; totaal: number }[]> {
  return db.query(
    `SELECT d.aanbieder_agb AS "aanbiederAgb", count(*) AS totaal FROM declaratie d
      WHERE d.aanbieder_agb = ANY($1) AND ${scopeCondition('d', 2)} GROUP BY d.aanbieder_agb`,
    [agbCodes, ...scope],
  );
}

/** Batch function: one page (by dagtekening) of each of these aanbieders' declaraties within the scope. */
export function fetchDeclaratiePageByAanbieder(
  db: Queryable,
  agbCodes: readonly string[],
  page: { first: number; offset: number },
  scope: DeclaratieScope,
): Promise<Declaratie[]> {
  return db.query<Declaratie>(
    `SELECT * FROM (
       SELECT ${COLUMNS}, row_number() OVER (PARTITION BY d.aanbieder_agb ORDER BY d.ingediend_op, d.id) AS rang
         FROM declaratie d WHERE d.aanbieder_agb = ANY($1) AND ${scopeCondition('d', 4)}
     ) ranked
     WHERE rang > $2 AND rang <= $2 + $3 ORDER BY "aanbiederAgb", rang`,
    [agbCodes, page.offset, page.first, ...scope],
  );
}

/** Filter of the `declaraties` query; every field undefined means no filter on it. */
export interface DeclaratieFilter {
  readonly gemeente?: string;
  readonly aanbieder?: string;
  readonly wet?: Wet;
  /** First dagtekening, inclusive. */
  readonly ingediendVanaf?: string;
  /** Last dagtekening, inclusive. */
  readonly ingediendTot?: string;
}

/** One page of declaraties within the scope by dagtekening, with the total that match. */
export async function findDeclaraties(
  db: Queryable,
  filter: DeclaratieFilter,
  page: { first: number; offset: number },
  scope: DeclaratieScope,
): Promise<{ items: Declaratie[]; totaal: number }> {
  const where = `($1::text IS NULL OR d.gemeente_code = $1) AND ($2::text IS NULL OR d.aanbieder_agb = $2)
    AND ($3::text IS NULL OR d.wet = $3) AND ($4::date IS NULL OR d.ingediend_op >= $4)
    AND ($5::date IS NULL OR d.ingediend_op <= $5) AND ${scopeCondition('d', 6)}`;
  const params = [
    filter.gemeente ?? null,
    filter.aanbieder ?? null,
    filter.wet ?? null,
    filter.ingediendVanaf ?? null,
    filter.ingediendTot ?? null,
    ...scope,
  ];
  const [counted] = await db.query<{ totaal: number }>(`SELECT count(*) AS totaal FROM declaratie d WHERE ${where}`, params);
  const items = await db.query<Declaratie>(
    `SELECT ${COLUMNS} FROM declaratie d WHERE ${where} ORDER BY d.ingediend_op, d.id LIMIT $10 OFFSET $11`,
    [...params, page.first, page.offset],
  );
  return { items, totaal: counted.totaal };
}
