import { type Queryable, samenvoegbaarOp } from '@sociaal-graph/toolkit';
import { inwonerScopeParameters, inwonerZichtbaar, meldingZichtbaar, type ToegangScope } from '../scope.js';

/** One resident as the SQL returns it; `leeftijd` is on the peildatum (or today without one). */
export interface InwonerRow {
  id: string;
  bsn: string;
  gemeenteCode: string;
  huishoudenId: string;
  voornaam: string;
  achternaam: string;
  geboortedatum: string;
  geslacht: string;
  consulentId: string | null;
  leeftijd: number;
}

/** One page of a gemeente's residents, with the total that matched the filter (null when not counted). */
export interface InwonerPagina {
  gemeenteCode: string;
  totaal: number | null;
  inwoners: InwonerRow[];
}

/** Which residents of a gemeente a page holds: `wetten` = meldingen under all of these laws. */
export interface InwonerFilter {
  wetten: readonly string[] | null;
  first: number;
  offset: number;
  /** Whether to count every match (`pageInfo`); false: the page alone, `totaal` null. Default true. */
  metTotaal?: boolean;
}

const COLUMNS = `i.id, i.bsn, i.gemeente_code AS "gemeenteCode", i.huishouden_id AS "huishoudenId",
  i.voornaam, i.achternaam, i.geboortedatum, i.geslacht, i.consulent_id AS "consulentId",
  date_part('year', age(coalesce((SELECT max(datum) FROM peildatum), current_date), i.geboortedatum))::int AS leeftijd`;

/** Rows by pseudonym, under the same scope: concurrent requests' lookups run as one statement (statement-merging.ts). */
const PER_ID = samenvoegbaarOp(0, 'id');

/**
 * Pages by gemeente: concurrent requests for the same page (filter, limit, offset and scope identical) run as
 * one statement. Safe because the LIMIT, OFFSET and count sit inside the per-gemeente LATERAL, so a row depends
 * on its own gemeente and those identical parameters only, never on which other gemeenten were asked.
 */
const PER_PAGINA_GEMEENTE = samenvoegbaarOp(0, 'paginaGemeente');

/** Batch: residents by pseudonym within the caller's scope, in any order; misses are left out. */
export function inwonersByIds(db: Queryable, ids: readonly string[], scope: ToegangScope): Promise<InwonerRow[]> {
  return db.query<InwonerRow>(`SELECT ${COLUMNS} FROM inwoner i WHERE i.id = ANY($1::text[]) AND ${inwonerZichtbaar('i', 2)}`, [
    ids,
    ...inwonerScopeParameters(scope),
  ], { plan: 'generiek', samenvoegen: PER_ID });
}

/** Batch: residents by BSN within the caller's scope. */
export function inwonersByBsn(db: Queryable, bsns: readonly string[], scope: ToegangScope): Promise<InwonerRow[]> {
  return db.query<InwonerRow>(`SELECT ${COLUMNS} FROM inwoner i WHERE i.bsn = ANY($1::text[]) AND ${inwonerZichtbaar('i', 2)}`, [
    bsns,
    ...inwonerScopeParameters(scope),
  ]);
}

/** Batch: the members of households that are visible to the caller, eldest first; the others are left out. */
export function inwonersByHuishouden(
  db: Queryable,
  huishoudenIds: readonly string[],
  scope: ToegangScope,
): Promise<InwonerRow[]> {
  return db.query<InwonerRow>(
    `SELECT ${COLUMNS} FROM inwoner i WHERE i.huishouden_id = ANY($1::text[]) AND ${inwonerZichtbaar('i', 2)}
     ORDER BY i.huishouden_id, i.geboortedatum, i.id`,
    [huishoudenIds, ...inwonerScopeParameters(scope)],
  );
}

/**
 * Batch: one page of residents per gemeente (ordered by pseudonym) with each total, in one
 * statement. With `wetten`, only residents with a visible melding under every one of those laws.
 * Returns one page per requested code, in the order of the codes.
 */
export async function inwonerPaginas(
  db: Queryable,
  gemeenteCodes: readonly string[],
  filter: InwonerFilter,
  scope: ToegangScope,
): Promise<InwonerPagina[]> {
  // $5 is the front door, $6..$8 the melding scopes (`inwonerScopeParameters`), shared by both conditions.
  const matches = `i.gemeente_code = g.code AND ${inwonerZichtbaar('i', 5)} AND ($2::text[] IS NULL OR NOT EXISTS (
      SELECT 1 FROM unnest($2::text[]) AS w(wet) WHERE NOT EXISTS (
        SELECT 1 FROM melding m WHERE m.inwoner_id = i.id AND m.wet = w.wet AND ${meldingZichtbaar('m', 6)})))`;
  // The count visits every match of the gemeente, the page only its first rows: counted only when asked.
  const metTotaal = filter.metTotaal ?? true;
  const rows = await db.query<Partial<InwonerRow> & { paginaGemeente: string; paginaTotaal: number | null }>(
    `SELECT p.*, g.code AS "paginaGemeente", ${metTotaal ? 't.totaal' : 'NULL::int'} AS "paginaTotaal"
     FROM unnest($1::text[]) AS g(code)
     ${metTotaal ? `CROSS JOIN LATERAL (SELECT count(*)::int AS totaal FROM inwoner i WHERE ${matches}) t` : ''}
     LEFT JOIN LATERAL (SELECT ${COLUMNS} FROM inwoner i WHERE ${matches} ORDER BY i.id LIMIT $3 OFFSET $4) p ON true`,
    [gemeenteCodes, filter.wetten, filter.first, filter.offset, ...inwonerScopeParameters(scope)],
    // One plan for every run: the gemeente's residents in id order through inwoner_gemeente_idx, the filters
    // checked per row, whatever the values (checked with EXPLAIN on the demo world). Planned per run it cost
    // the README's resident view 0.82 ms of CPU a page, as a generic plan 0.37 (issue 14, PGlite, alternated).
    // Merged, 50 connections asking that view ran 0.70 instead of 1.59 statements per view.
    { plan: 'generiek', samenvoegen: PER_PAGINA_GEMEENTE },
  );
  const pages = new Map<string, InwonerPagina>(
    gemeenteCodes.map((code) => [code, { gemeenteCode: code, totaal: metTotaal ? 0 : null, inwoners: [] as InwonerRow[] }]),
  );
  for (const { paginaGemeente, paginaTotaal, ...inwoner } of rows) {
    const page = pages.get(paginaGemeente);
    if (!page) continue;
    page.totaal = paginaTotaal;
    // The LEFT JOIN gives one all-null row for a gemeente with no residents on this page.
    if (inwoner.id != null) page.inwoners.push(inwoner as InwonerRow);
  }
  return gemeenteCodes.map((code) => pages.get(code) ?? { gemeenteCode: code, totaal: metTotaal ? 0 : null, inwoners: [] });
}
