import { type ParentPageRow, type Queryable, queryPage, queryPagesPerParent, type RowPage, samenvoegbaarOp } from '@sociaal-graph/toolkit';
import type { ScopeParameter } from '../scope.js';
import type { Uitkering } from './uitkering.type.js';

const COLUMNS = `id, inwoner_id AS "inwonerId", gemeente_code AS "gemeenteCode", regeling AS "regelingCode",
  normcategorie AS "normcategorieCode", bedrag_per_maand AS "bedragPerMaand", ingangsdatum, einddatum,
  reden_beeindiging AS "redenBeeindigingCode"`;

/** Newest first; the id breaks ties in byte order, so pages are stable. */
const ORDER = `ingangsdatum DESC, id COLLATE "C"`;

/** A benefit counts as active on a day from its ingangsdatum up to and including its einddatum. */
const ACTIEF_OP = (param: string) =>
  `(${param}::date IS NULL OR (ingangsdatum <= ${param}::date AND (einddatum IS NULL OR einddatum >= ${param}::date)))`;

/** Filter of a list of uitkeringen. */
export interface UitkeringFilter {
  scope: ScopeParameter;
  gemeente: string | null;
  actiefOp: string | null;
}

/** Batch: uitkeringen by id, within the scope; order of the rows is not that of the ids. */
export function fetchUitkeringenByIds(db: Queryable, ids: readonly string[], scope: ScopeParameter): Promise<Uitkering[]> {
  return db.query<Uitkering>(
    `SELECT ${COLUMNS} FROM uitkering WHERE id = ANY($1) AND ($2::text[] IS NULL OR gemeente_code = ANY($2))`,
    [ids, scope],
  );
}

/** Rows by inwoner, under the same scope: concurrent requests' lookups run as one statement (statement-merging.ts). */
const PER_INWONER = samenvoegbaarOp(0, 'inwonerId');

/** Batch: the uitkeringen of residents, within the scope, newest first. */
export function fetchUitkeringenByInwoners(
  db: Queryable,
  inwonerIds: readonly string[],
  scope: ScopeParameter,
): Promise<Uitkering[]> {
  return db.query<Uitkering>(
    `SELECT ${COLUMNS} FROM uitkering WHERE inwoner_id = ANY($1) AND ($2::text[] IS NULL OR gemeente_code = ANY($2))
     ORDER BY ${ORDER}`,
    [inwonerIds, scope],
    { plan: 'generiek', samenvoegen: PER_INWONER },
  );
}

/** One page of uitkeringen for the top-level list. */
export function fetchUitkeringPage(
  db: Queryable,
  filter: UitkeringFilter,
  page: { first: number; offset: number },
): Promise<RowPage<Uitkering>> {
  return queryPage<Uitkering>(
    db,
    `SELECT ${COLUMNS} FROM uitkering
     WHERE ($1::text[] IS NULL OR gemeente_code = ANY($1)) AND ($2::text IS NULL OR gemeente_code = $2) AND ${ACTIEF_OP('$3')}`,
    ORDER,
    [filter.scope, filter.gemeente, filter.actiefOp],
    page,
  );
}

/** Batch: one page of uitkeringen per gemeente (Gemeente.uitkeringen), in one statement. */
export function fetchUitkeringPagesByGemeenten(
  db: Queryable,
  gemeenteCodes: readonly string[],
  filter: Omit<UitkeringFilter, 'gemeente'>,
  page: { first: number; offset: number },
): Promise<ParentPageRow<Uitkering>[]> {
  return queryPagesPerParent<Uitkering>(
    db,
    `SELECT ${COLUMNS} FROM uitkering
     WHERE gemeente_code = ANY($1) AND ($2::text[] IS NULL OR gemeente_code = ANY($2)) AND ${ACTIEF_OP('$3')}`,
    'gemeenteCode',
    ORDER,
    [gemeenteCodes, filter.scope, filter.actiefOp],
    page,
  );
}
