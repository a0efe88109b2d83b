import { type Queryable, samenvoegbaarOp } from '@sociaal-graph/toolkit';

/** One row of `toewijzing` as the queries below return it (camelCase aliases). */
export interface ToewijzingRow {
  gemeenteCode: string;
  toewijzingsnummer: string;
  inwonerId: string;
  productcategorie: string;
  productcode: string;
  aanbiederAgb: string;
  /** Null for a toewijzing taken in from a 301 of the backlog (no contract in the message). */
  contractId: string | null;
  tariefId: string | null;
  volume: number;
  eenheid: string;
  frequentie: string;
  leveringsvorm: string;
  ingangsdatum: string;
  einddatum: string | null;
  redenBeeindiging: string | null;
  eigenBijdrage: number;
}

/** The gemeenten a caller may see (`null`: all), from `scopeParameter`. */
export type Gemeenten = readonly string[] | null;

/** The toewijzingen a caller may see: in `gemeenten`, and only those of `aanbieder` (AGB) when it is set. */
export interface ToewijzingScope {
  readonly gemeenten: Gemeenten;
  readonly aanbieder: string | null;
}

/** Filters of the top-level list; every one optional, already validated. */
export interface ToewijzingFilter {
  gemeente?: string;
  productcategorie?: string;
  actiefOp?: string;
  aanbieder?: string;
}

/** A page of rows with the number of rows the filter matches. */
export interface RowPage {
  rows: ToewijzingRow[];
  totaal: number;
}

/** The composite key of a toewijzing as one string, for loaders: "0406:123456". */
export function toewijzingKey(gemeenteCode: string, toewijzingsnummer: string): string {
  return `${gemeenteCode}:${toewijzingsnummer}`;
}

const COLUMNS = `gemeente_code AS "gemeenteCode", toewijzingsnummer, inwoner_id AS "inwonerId", productcategorie,
  productcode, aanbieder_agb AS "aanbiederAgb", contract_id AS "contractId", tarief_id AS "tariefId", volume, eenheid,
  frequentie, leveringsvorm, ingangsdatum, einddatum, reden_beeindiging AS "redenBeeindiging",
  eigen_bijdrage AS "eigenBijdrage"`;

// Numbers are digits of varying length: order them as numbers, not as text.
const ORDER = `gemeente_code, length(toewijzingsnummer), toewijzingsnummer`;

/** Active on a date: started on or before it and not ended before it. */
const ACTIEF_OP = (param: string) => `(${param}::date IS NULL OR (ingangsdatum <= ${param}::date
  AND (einddatum IS NULL OR einddatum >= ${param}::date)))`;

/** Row filter of docs/mandates.md, always in SQL: the scope's gemeenten and aanbieder. */
const IN_SCOPE = (gemeenten: string, aanbieder: string) =>
  `(${gemeenten}::text[] IS NULL OR gemeente_code = ANY(${gemeenten}::text[])) AND (${aanbieder}::text IS NULL OR aanbieder_agb = ${aanbieder})`;

/** Batch: toewijzingen by composite key ("gemeente:nummer"), in any order; misses are absent. */
export async function selectToewijzingenByKey(
  db: Queryable,
  keys: readonly string[],
  scope: ToewijzingScope,
): Promise<ToewijzingRow[]> {
  // Split at the first colon: a gemeentecode never holds one, a foreign representation's number might.
  const pairs = keys.map((key) => [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)]);
  return db.query<ToewijzingRow>(
    `SELECT ${COLUMNS} FROM toewijzing
     WHERE (gemeente_code, toewijzingsnummer) IN (SELECT * FROM unnest($1::text[], $2::text[]))
       AND ${IN_SCOPE('$3', '$4')}`,
    [pairs.map(([gemeente]) => gemeente), pairs.map(([, nummer]) => nummer), scope.gemeenten, scope.aanbieder],
  );
}

/** Rows by inwoner, under the same scope: concurrent requests' lookups run as one statement (statement-merging.ts). */
const PER_INWONER = samenvoegbaarOp(0, 'inwonerId');

/** Batch: the toewijzingen of several inwoners, each inwoner's ordered by ingangsdatum. */
export async function selectToewijzingenByInwoner(
  db: Queryable,
  inwonerIds: readonly string[],
  scope: ToewijzingScope,
): Promise<ToewijzingRow[]> {
  return db.query<ToewijzingRow>(
    `SELECT ${COLUMNS} FROM toewijzing
     WHERE inwoner_id = ANY($1::text[]) AND ${IN_SCOPE('$2', '$3')}
     ORDER BY inwoner_id, ingangsdatum, ${ORDER}`,
    [inwonerIds, scope.gemeenten, scope.aanbieder],
    { plan: 'generiek', samenvoegen: PER_INWONER },
  );
}

/** The top-level list: one page of toewijzingen matching the filter, and how many match. */
export async function selectToewijzingPage(
  db: Queryable,
  filter: ToewijzingFilter,
  page: { first: number; offset: number },
  scope: ToewijzingScope,
): Promise<RowPage> {
  const where = `WHERE ($1::text IS NULL OR gemeente_code = $1) AND ($2::text IS NULL OR productcategorie = $2)
    AND ${ACTIEF_OP('$3')} AND ($4::text IS NULL OR aanbieder_agb = $4) AND ${IN_SCOPE('$5', '$6')}`;
  const params = [
    filter.gemeente ?? null,
    filter.productcategorie ?? null,
    filter.actiefOp ?? null,
    filter.aanbieder ?? null,
    scope.gemeenten,
    scope.aanbieder,
  ];
  const [counted] = await db.query<{ totaal: number }>(`SELECT count(*) AS totaal FROM toewijzing ${where}`, params);
  const rows = await db.query<ToewijzingRow>(
    `SELECT ${COLUMNS} FROM toewijzing ${where} ORDER BY ${ORDER} LIMIT $7 OFFSET $8`,
    [...params, page.first, page.offset],
  );
  return { rows, totaal: counted?.totaal ?? 0 };
}

/** The parents a list of toewijzingen can hang under; the column is chosen here, never by a caller. */
export type ToewijzingParent = 'gemeente' | 'aanbieder';
const PARENT_COLUMN: Record<ToewijzingParent, string> = { gemeente: 'gemeente_code', aanbieder: 'aanbieder_agb' };

/**
 * Batch: the same page (first/offset, optionally active on a date) of the toewijzingen under each of
 * several gemeenten or aanbieders. Two statements for any number of parents: the counts, and the
 * page rows numbered per parent with a window function.
 */
export async function selectToewijzingPagesUnder(
  db: Queryable,
  parent: ToewijzingParent,
  parentKeys: readonly string[],
  options: { first: number; offset: number; actiefOp?: string },
  scope: ToewijzingScope,
): Promise<Map<string, RowPage>> {
  const column = PARENT_COLUMN[parent];
  const where = `WHERE ${column} = ANY($1::text[]) AND ${ACTIEF_OP('$2')} AND ${IN_SCOPE('$3', '$4')}`;
  const params = [parentKeys, options.actiefOp ?? null, scope.gemeenten, scope.aanbieder];
  const counts = await db.query<{ parent: string; totaal: number }>(
    `SELECT ${column} AS parent, count(*) AS totaal FROM toewijzing ${where} GROUP BY ${column}`,
    params,
  );
  const rows = await db.query<ToewijzingRow & { parent: string; rang: number }>(
    `SELECT * FROM (
       SELECT ${column} AS parent, ${COLUMNS}, row_number() OVER (PARTITION BY ${column} ORDER BY ${ORDER}) AS rang
       FROM toewijzing ${where}
     ) genummerd
     WHERE rang > $5 AND rang <= $5 + $6
     ORDER BY parent, rang`,
    [...params, options.offset, options.first],
  );
  const pages = new Map<string, RowPage>(counts.map((count) => [count.parent, { rows: [], totaal: count.totaal }]));
  for (const { parent: key, rang: _rang, ...row } of rows) pages.get(key)?.rows.push(row);
  return pages;
}
