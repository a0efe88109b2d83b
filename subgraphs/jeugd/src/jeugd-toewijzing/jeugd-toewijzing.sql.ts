import { type Queryable, type Samenvoeging, samenvoegbaarOp } from '@sociaal-graph/toolkit';
import type { Gemeenten, ToewijzingScope } from '../scope.js';
import { VERWIJZING_COLUMNS } from '../verwijzing/verwijzing.sql.js';
import type { JeugdToewijzing } from './jeugd-toewijzing.type.js';

const COLUMNS = `
  t.gemeente_code AS "gemeenteCode", t.toewijzingsnummer, t.inwoner_id AS "inwonerId",
  t.productcategorie AS "productcategorieCode", t.productcode, t.aanbieder_agb AS "aanbiederAgb",
  t.contract_id AS "contractId", t.tarief_id AS "tariefId", t.volume, t.eenheid AS "eenheidCode",
  t.frequentie AS "frequentieCode", t.leveringsvorm, t.ingangsdatum, t.einddatum,
  t.reden_beeindiging AS "redenBeeindigingCode", t.verwijzing_id AS "verwijzingId", t.traject_id AS "trajectId"`;

/** The scope's row filter on `t` (docs/mandates.md): its gemeenten and, for a provider, its AGB code. */
const IN_SCOPE = (gemeenten: string, aanbieder: string) =>
  `(${gemeenten}::text[] IS NULL OR t.gemeente_code = ANY(${gemeenten})) AND (${aanbieder}::text IS NULL OR t.aanbieder_agb = ${aanbieder})`;

/** Newest first; the key makes the order total, so pages never overlap. */
const ORDER = `t.ingangsdatum DESC, t.gemeente_code, length(t.toewijzingsnummer), t.toewijzingsnummer`;

/** The loader key of a toewijzing: its two key fields joined ("0406:12345"). */
export function toewijzingKey(gemeenteCode: string, toewijzingsnummer: string): string {
  return `${gemeenteCode}:${toewijzingsnummer}`;
}

/** Batch: toewijzingen by `toewijzingKey`, within the scope, in any order (the loader re-orders). */
export async function fetchToewijzingenByKey(
  db: Queryable,
  keys: readonly string[],
  scope: ToewijzingScope,
): Promise<JeugdToewijzing[]> {
  const pairs = keys.map((key) => key.split(':'));
  return db.query<JeugdToewijzing>(
    `SELECT ${COLUMNS} FROM toewijzing t
     WHERE (t.gemeente_code, t.toewijzingsnummer) IN (SELECT * FROM unnest($1::text[], $2::text[]))
       AND ${IN_SCOPE('$3', '$4')}`,
    [pairs.map(([gemeente]) => gemeente), pairs.map(([, nummer]) => nummer), scope.gemeenten, scope.aanbieder],
  );
}

/** The parent columns a list of toewijzingen hangs under. */
export type ToewijzingParent = 'inwoner_id' | 'verwijzing_id' | 'traject_id';

/** Rows by parent, under the same scopes: concurrent requests' lookups run as one statement (statement-merging.ts). */
const PER_PARENT = {
  inwoner_id: samenvoegbaarOp(0, 'inwonerId'),
  verwijzing_id: samenvoegbaarOp(0, 'verwijzingId'),
  traject_id: samenvoegbaarOp(0, 'trajectId'),
} satisfies Record<ToewijzingParent, Samenvoeging>;

/**
 * Batch: every toewijzing under each parent key (newest first), within the scope. With `verwijzingen`
 * (the caller's verwijzing scope, `jeugdGemeenten`), each row also carries its verwijzing as
 * `verwijzingRij`, as `fetchVerwijzingenById` would read it within that scope (`null`: none, or outside
 * it), in the same statement: for a request that asks the toewijzingen's verwijzing (the resident view).
 */
export async function fetchToewijzingenBy(
  db: Queryable,
  parent: ToewijzingParent,
  keys: readonly string[],
  scope: ToewijzingScope,
  verwijzingen?: { gemeenten: Gemeenten },
): Promise<JeugdToewijzing[]> {
  const verwijzing = verwijzingen
    ? `, (SELECT to_jsonb(x) FROM (SELECT ${VERWIJZING_COLUMNS} FROM verwijzing v
         WHERE v.id = t.verwijzing_id AND ($4::text[] IS NULL OR v.gemeente_code = ANY($4))) x) AS "verwijzingRij"`
    : '';
  return db.query<JeugdToewijzing>(
    `SELECT ${COLUMNS}${verwijzing} FROM toewijzing t
     WHERE t.${parent} = ANY($1) AND ${IN_SCOPE('$2', '$3')}
     ORDER BY ${ORDER}`,
    verwijzingen ? [keys, scope.gemeenten, scope.aanbieder, verwijzingen.gemeenten] : [keys, scope.gemeenten, scope.aanbieder],
    { plan: 'generiek', samenvoegen: PER_PARENT[parent] },
  );
}

/** A row of a paged batch: the toewijzing, its parent, the parent's total and whether it is on the page. */
export interface ToewijzingPageRow extends JeugdToewijzing {
  parentKey: string;
  totaal: number;
  opPagina: boolean;
}

/**
 * Batch: one page of toewijzingen under each parent (an aanbieder, a gemeente), in one statement.
 * Each parent's first row is always returned, marked off the page when outside it, so the total
 * is known even for a page past the end.
 */
export async function fetchToewijzingPagesBy(
  db: Queryable,
  parent: 'aanbieder_agb' | 'gemeente_code',
  keys: readonly string[],
  scope: ToewijzingScope,
  page: { first: number; offset: number },
  actiefOp: string | null,
): Promise<ToewijzingPageRow[]> {
  return db.query<ToewijzingPageRow>(
    `WITH genummerd AS (
       SELECT ${COLUMNS}, t.${parent} AS "parentKey",
              row_number() OVER (PARTITION BY t.${parent} ORDER BY ${ORDER}) AS rang,
              count(*) OVER (PARTITION BY t.${parent}) AS totaal
       FROM toewijzing t
       WHERE t.${parent} = ANY($1) AND ${IN_SCOPE('$2', '$6')}
         AND ($5::date IS NULL OR (t.ingangsdatum <= $5 AND (t.einddatum IS NULL OR t.einddatum >= $5))))
     SELECT *, (rang > $3 AND rang <= $3 + $4) AS "opPagina" FROM genummerd
     WHERE (rang > $3 AND rang <= $3 + $4) OR rang = 1
     ORDER BY "parentKey", rang`,
    [keys, scope.gemeenten, page.offset, page.first, actiefOp, scope.aanbieder],
  );
}

/** The filters of the top-level `jeugdToewijzingen` list; `null` means no filter. */
export interface ToewijzingFilter {
  gemeente: string | null;
  productcategorie: string | null;
  actiefOp: string | null;
  aanbieder: string | null;
}

/** One page of toewijzingen matching the filter within the scope, with the total (two statements). */
export async function findToewijzingen(
  db: Queryable,
  filter: ToewijzingFilter,
  scope: ToewijzingScope,
  page: { first: number; offset: number },
): Promise<{ rows: JeugdToewijzing[]; total: number }> {
  const where = `${IN_SCOPE('$1', '$6')}
    AND ($2::text IS NULL OR t.gemeente_code = $2)
    AND ($3::text IS NULL OR t.productcategorie = $3)
    AND ($4::date IS NULL OR (t.ingangsdatum <= $4 AND (t.einddatum IS NULL OR t.einddatum >= $4)))
    AND ($5::text IS NULL OR t.aanbieder_agb = $5)`;
  const params = [scope.gemeenten, filter.gemeente, filter.productcategorie, filter.actiefOp, filter.aanbieder, scope.aanbieder];
  const [rows, [count]] = await Promise.all([
    db.query<JeugdToewijzing>(
      `SELECT ${COLUMNS} FROM toewijzing t WHERE ${where} ORDER BY ${ORDER} LIMIT $7 OFFSET $8`,
      [...params, page.first, page.offset],
    ),
    db.query<{ totaal: number }>(`SELECT count(*) AS totaal FROM toewijzing t WHERE ${where}`, params),
  ]);
  return { rows, total: count?.totaal ?? 0 };
}
