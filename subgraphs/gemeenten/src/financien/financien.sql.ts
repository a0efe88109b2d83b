import { formatEurocent, type Queryable } from '@sociaal-graph/toolkit';
import type { FinancienBedragen, JaarFinancien, TaakveldFinancien } from './financien.type.js';
import { taakveldCode, taakveldWet } from './iv3-taakvelden.js';

/** Loader key of "the figures of one gemeente, optionally one year and one taakveld". */
export function financienSleutel(gemeenteCode: string, jaar: number | null, taakveld: string | null = null): string {
  return `${gemeenteCode}|${jaar ?? ''}|${taakveld ?? ''}`;
}

function parseSleutels(sleutels: readonly string[]) {
  const parts = sleutels.map((sleutel) => sleutel.split('|'));
  return [
    sleutels,
    parts.map(([gemeente]) => gemeente),
    parts.map(([, jaar]) => (jaar === '' ? null : Number(jaar))),
    parts.map(([, , taakveld]) => (taakveld === '' ? null : taakveld)),
  ];
}

const KEYS = `unnest($1::text[], $2::text[], $3::int[], $4::text[]) AS k(sleutel, gemeente_code, jaar, taakveld)`;

// A taakveld filter selects the code itself and its lettered sub-codes: "6.71" gives 6.71 and 6.71a-d.
const MATCHES = `f.gemeente_code = k.gemeente_code AND (k.jaar IS NULL OR f.jaar = k.jaar)
  AND (k.taakveld IS NULL OR f.taakveld = k.taakveld OR (length(f.taakveld) = length(k.taakveld) + 1
       AND starts_with(f.taakveld, k.taakveld) AND right(f.taakveld, 1) BETWEEN 'a' AND 'z'))`;

export const PER_INWONER = (bedrag: string) => `round(${bedrag}::numeric / NULLIF(inwoners, 0))::bigint`;

/** Amount columns of the outer select, over an inner select with begroting..tekort and inwoners. */
export const BEDRAGEN = `begroting, prognose, realisatie, tekort, "tekortBasis",
  ${PER_INWONER('begroting')} AS "begrotingPerInwoner", ${PER_INWONER('prognose')} AS "prognosePerInwoner",
  ${PER_INWONER('realisatie')} AS "realisatiePerInwoner", ${PER_INWONER('tekort')} AS "tekortPerInwoner"`;

export type Bedragen = Omit<FinancienBedragen, 'begrotingTekst' | 'prognoseTekst' | 'realisatieTekst' | 'tekortTekst'>;

/** Adds the formatted amounts a person reads. */
export function metTeksten<R extends Bedragen>(row: R): R & FinancienBedragen {
  return {
    ...row,
    begrotingTekst: formatEurocent(row.begroting),
    prognoseTekst: formatEurocent(row.prognose),
    realisatieTekst: row.realisatie === null ? null : formatEurocent(row.realisatie),
    tekortTekst: formatEurocent(row.tekort),
  };
}

/** A row of figures tagged with the loader key it answers. */
export type Gesleuteld<T> = T & { sleutel: string };

/** Batch function: per key `<gemeente>|<jaar?>|<taakveld?>` the figures per year and taakveld. */
export async function fetchTaakveldFinancien(db: Queryable, sleutels: readonly string[]): Promise<Gesleuteld<TaakveldFinancien>[]> {
  const rows = await db.query<Gesleuteld<Bedragen & { gemeenteCode: string; jaar: number; taakveldCode: string }>>(
    `SELECT sleutel, "gemeenteCode", jaar, "taakveldCode", ${BEDRAGEN}
       FROM (SELECT k.sleutel, f.gemeente_code AS "gemeenteCode", f.jaar, f.taakveld AS "taakveldCode",
                    f.begroting, f.prognose, f.realisatie, COALESCE(f.realisatie, f.prognose) - f.begroting AS tekort,
                    CASE WHEN f.realisatie IS NULL THEN 'PROGNOSE' ELSE 'REALISATIE' END AS "tekortBasis", g.inwoners
               FROM ${KEYS} JOIN financieel_cijfer f ON ${MATCHES} JOIN gemeente g ON g.code = f.gemeente_code) cijfer
      ORDER BY jaar, "taakveldCode"`,
    parseSleutels(sleutels),
  );
  return rows.map(({ taakveldCode: code, ...row }) => ({ ...metTeksten(row), taakveld: taakveldCode(code), wet: taakveldWet(code) }));
}

/**
 * Batch function: per key `<gemeente>|<jaar?>|` the totals per year over all taakvelden, summed in
 * SQL. A year's total realisation exists only once every taakveld has one.
 */
export async function fetchJaarFinancien(db: Queryable, sleutels: readonly string[]): Promise<Gesleuteld<JaarFinancien>[]> {
  const rows = await db.query<Gesleuteld<Bedragen & { gemeenteCode: string; jaar: number; aantalTaakvelden: number }>>(
    `SELECT sleutel, "gemeenteCode", jaar, "aantalTaakvelden", ${BEDRAGEN}
       FROM (SELECT k.sleutel, f.gemeente_code AS "gemeenteCode", f.jaar, count(*) AS "aantalTaakvelden",
                    sum(f.begroting) AS begroting, sum(f.prognose) AS prognose,
                    CASE WHEN count(f.realisatie) = count(*) THEN sum(f.realisatie) END AS realisatie,
                    sum(COALESCE(f.realisatie, f.prognose) - f.begroting) AS tekort,
                    CASE WHEN count(f.realisatie) = count(*) THEN 'REALISATIE'
                         WHEN count(f.realisatie) = 0 THEN 'PROGNOSE' ELSE 'GEMENGD' END AS "tekortBasis",
                    min(g.inwoners) AS inwoners
               FROM ${KEYS} JOIN financieel_cijfer f ON ${MATCHES} JOIN gemeente g ON g.code = f.gemeente_code
              GROUP BY k.sleutel, f.gemeente_code, f.jaar) totaal
      ORDER BY jaar`,
    parseSleutels(sleutels),
  );
  return rows.map(metTeksten);
}
