import { cellKeySql, type Queryable } from '@sociaal-graph/toolkit';
import type { Gemeenten } from '../toewijzing/toewijzing.sql.js';

/** Raw counts of one gemeente and productcategorie in one year; `productcategorie` null: the gemeente's total. */
export interface TellingRow {
  gemeenteCode: string;
  productcategorie: string | null;
  aantalToewijzingen: number;
  aantalClienten: number;
  /** Cell keys of the toewijzingen and of the persons (issue 10). */
  sleutelToewijzingen: number;
  sleutelPersonen: number;
}

/**
 * Per gemeente and productcategorie: the toewijzingen active on at least one day of `jaar`, and the
 * distinct inwoners holding them; plus per gemeente a total row (productcategorie null), whose client
 * count is distinct over all categorieen and so no sum. Computed in SQL (docs/storage.md); one
 * statement for any number of gemeenten. Combinations without any toewijzing have no row. Raw counts:
 * published through the disclosure policy before anything leaves the subgraph.
 */
export async function selectTellingen(
  db: Queryable,
  gemeenteCodes: readonly string[],
  jaar: number,
  gemeenten: Gemeenten,
): Promise<TellingRow[]> {
  return db.query<TellingRow>(
    `SELECT gemeente_code AS "gemeenteCode", productcategorie,
            count(*) AS "aantalToewijzingen", count(DISTINCT inwoner_id) AS "aantalClienten",
            ${cellKeySql("gemeente_code || ':' || toewijzingsnummer")} AS "sleutelToewijzingen", ${cellKeySql('inwoner_id')} AS "sleutelPersonen"
     FROM toewijzing
     WHERE gemeente_code = ANY($1::text[])
       AND ingangsdatum <= make_date($2::int, 12, 31)
       AND (einddatum IS NULL OR einddatum >= make_date($2::int, 1, 1))
       AND ($3::text[] IS NULL OR gemeente_code = ANY($3::text[]))
     GROUP BY GROUPING SETS ((gemeente_code, productcategorie), (gemeente_code))
     ORDER BY gemeente_code, productcategorie NULLS LAST`,
    [gemeenteCodes, jaar, gemeenten],
  );
}
