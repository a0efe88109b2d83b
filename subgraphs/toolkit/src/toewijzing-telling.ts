import { type Code, type Codelijst, codeOf } from './codelists.js';
import type { Queryable } from './database.js';
import { cellKeySql } from './disclosure/cell-key.js';
import type { Disclosure } from './disclosure/disclosure.js';
import { type CategorieTelling, publishPerCategorie } from './disclosure/per-categorie.js';
import { ONDERDRUKKINGSREGEL, type Published, withheld } from './disclosure/policy.js';

/** Raw counts of one gemeente and productcategorie in one year; `productcategorie` null: the gemeente's total. */
export interface ToewijzingTellingRow {
  gemeenteCode: string;
  productcategorie: string | null;
  aantalToewijzingen: number;
  /** Distinct residents holding them (the Wmo's clienten, the Jeugdwet's jeugdigen). */
  aantalPersonen: number;
  /** Cell keys of the toewijzingen and of the persons (issue 10). */
  sleutelToewijzingen: number;
  sleutelPersonen: number;
}

/**
 * Per gemeente and productcategorie: the toewijzingen active on at least one day of `jaar`, and the distinct
 * residents holding them; plus per gemeente a total row (productcategorie null), whose count of residents is
 * distinct over all categorieen and so no sum. Computed in SQL (docs/storage.md), one statement for any number of
 * gemeenten, within `gemeenten` (null: no limit) on the `toewijzing` table that wmo and jeugd both have. Combinations
 * without any toewijzing have no row. Raw counts: published by `toewijzingTellingenPerGemeente` before they leave.
 */
export function selectToewijzingTellingen(
  db: Queryable,
  gemeenteCodes: readonly string[],
  jaar: number,
  gemeenten: readonly string[] | null,
): Promise<ToewijzingTellingRow[]> {
  return db.query<ToewijzingTellingRow>(
    `SELECT gemeente_code AS "gemeenteCode", productcategorie,
            count(*) AS "aantalToewijzingen", count(DISTINCT inwoner_id) AS "aantalPersonen",
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

/** One published row of a toewijzing count: a gemeente's productcategorie, or its total. */
export interface ToewijzingTelling {
  gemeente: { code: string };
  jaar: number;
  productcategorie: Code | null;
  totaal: boolean;
  aantalToewijzingen: Published;
  aantalPersonen: Published;
  onderdrukkingsregel: string;
}

/**
 * Maps the raw counted rows (cells per productcategorie, then one total row per gemeente, as
 * `selectToewijzingTellingen` returns them) to their published shape: each gemeente is one table with its
 * total, published per measure through the disclosure policy (issue 10) under `maat` ("wmo.telling"). Only
 * row totals are published: a total over the asked gemeenten would let two requests differ in one gemeente
 * and so difference it back.
 */
export function toewijzingTellingenPerGemeente(
  rows: readonly ToewijzingTellingRow[],
  jaar: number,
  disclosure: Disclosure,
  { maat, productcategorieen }: { readonly maat: string; readonly productcategorieen: Codelijst },
): ToewijzingTelling[] {
  const perGemeente = new Map<string, ToewijzingTellingRow[]>();
  for (const row of rows) {
    const groep = perGemeente.get(row.gemeenteCode);
    if (groep) groep.push(row);
    else perGemeente.set(row.gemeenteCode, [row]);
  }
  const telling = (row: ToewijzingTellingRow): CategorieTelling => ({
    eenheden: row.aantalToewijzingen, personen: row.aantalPersonen, sleutelEenheden: row.sleutelToewijzingen, sleutelPersonen: row.sleutelPersonen,
  });
  // The table's check keeps categorieen within the list; fall back to the bare code rather than fail a count.
  const categorie = (code: string): Code => codeOf(productcategorieen, code) ?? { code, omschrijving: 'Onbekende productcategorie' };
  return [...perGemeente.entries()].flatMap(([gemeenteCode, group]) => {
    const cellen = group.filter((row) => row.productcategorie !== null);
    const totaal = group.find((row) => row.productcategorie === null);
    if (!totaal) throw new Error(`selectToewijzingTellingen gaf geen totaalrij voor gemeente ${gemeenteCode}.`);
    const published = publishPerCategorie(disclosure, maat, cellen.map(telling), telling(totaal));
    const base = { gemeente: { code: gemeenteCode }, jaar, onderdrukkingsregel: ONDERDRUKKINGSREGEL };
    return [
      ...cellen.map((row, i) => ({
        ...base,
        productcategorie: categorie(row.productcategorie ?? ''),
        totaal: false,
        aantalToewijzingen: published.categorieen[i]?.eenheden ?? withheld('KLEIN_AANTAL'),
        aantalPersonen: published.categorieen[i]?.personen ?? withheld('KLEIN_AANTAL'),
      })),
      { ...base, productcategorie: null, totaal: true, aantalToewijzingen: published.totaal.eenheden, aantalPersonen: published.totaal.personen },
    ];
  });
}
