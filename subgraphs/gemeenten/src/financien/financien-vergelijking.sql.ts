import type { Queryable, Wet } from '@sociaal-graph/toolkit';
import { BEDRAGEN, type Bedragen, metTeksten } from './financien.sql.js';
import { TaakveldIndeling, type FinancienReferentie, type TaakveldVergelijking } from './financien-vergelijking.type.js';
import { IV3_TAAKVELD, taakveldCode, taakveldTot2023, taakveldWet } from './iv3-taakvelden.js';

/** The group of a booked taakveld under an indeling; 6.1 and 6.2 have no law, so WET puts them under ALGEMEEN. */
function groepVan(indeling: TaakveldIndeling, taakveld: string): string {
  if (indeling === TaakveldIndeling.IV3_TOT_2023) return taakveldTot2023(taakveld);
  if (indeling === TaakveldIndeling.WET) return taakveldWet(taakveld) ?? 'ALGEMEEN';
  return taakveld;
}

const PER_INWONER_GROEP = (bedrag: string, inwoners = 'sum(inwoners)') =>
  `round(sum(${bedrag})::numeric / NULLIF(${inwoners}, 0))::bigint`;

const REFERENTIE = (alias: string, groep: string) => `json_build_object('groep', ${groep},
  'aantalGemeenten', ${alias}.aantal, 'begrotingPerInwoner', ${alias}.begroting_pi, 'prognosePerInwoner', ${alias}.prognose_pi,
  'realisatiePerInwoner', ${alias}.realisatie_pi, 'tekortPerInwoner', ${alias}.tekort_pi)`;

type Rij = Bedragen & {
  gemeenteCode: string;
  jaar: number;
  groep: string;
  wet: Wet | null;
  grootteklasse: FinancienReferentie;
  nederland: FinancienReferentie;
};

/**
 * Per asked gemeente, year and taakveld group: the figures summed in SQL and, over all gemeenten with
 * figures, the per-inhabitant averages (sum over sum of inhabitants) of its size class and of the country.
 * The grouping table (taakveld -> groep, wet) comes from the Iv3 code list, so the law of a taakveld
 * has one definition (`taakveldWet`).
 */
export async function selectFinancienVergelijking(
  db: Queryable,
  filter: { gemeenten: readonly string[]; jaar: number | null; wet: Wet | null; indeling: TaakveldIndeling },
): Promise<TaakveldVergelijking[]> {
  const codes = [...IV3_TAAKVELD.keys()];
  const rows = await db.query<Rij>(
    `WITH indeling AS (SELECT * FROM unnest($2::text[], $3::text[], $4::text[]) AS m(taakveld, groep, wet)),
     cijfer AS (
       SELECT f.gemeente_code, f.jaar, COALESCE(m.groep, f.taakveld) AS groep, min(m.wet) AS wet,
              sum(f.begroting) AS begroting, sum(f.prognose) AS prognose,
              CASE WHEN count(f.realisatie) = count(*) THEN sum(f.realisatie) END AS realisatie,
              sum(COALESCE(f.realisatie, f.prognose) - f.begroting) AS tekort,
              CASE WHEN count(f.realisatie) = count(*) THEN 'REALISATIE'
                   WHEN count(f.realisatie) = 0 THEN 'PROGNOSE' ELSE 'GEMENGD' END AS "tekortBasis",
              min(g.inwoners) AS inwoners, min(g.grootteklasse) AS grootteklasse
         FROM financieel_cijfer f JOIN gemeente g ON g.code = f.gemeente_code
         LEFT JOIN indeling m ON m.taakveld = f.taakveld
        WHERE ($5::int IS NULL OR f.jaar = $5) AND ($6::text IS NULL OR m.wet = $6)
        GROUP BY f.gemeente_code, f.jaar, COALESCE(m.groep, f.taakveld)),
     referentie AS (
       SELECT jaar, groep, grootteklasse, count(*)::int AS aantal,
              ${PER_INWONER_GROEP('begroting')} AS begroting_pi, ${PER_INWONER_GROEP('prognose')} AS prognose_pi,
              ${PER_INWONER_GROEP('realisatie', 'sum(inwoners) FILTER (WHERE realisatie IS NOT NULL)')} AS realisatie_pi,
              ${PER_INWONER_GROEP('tekort')} AS tekort_pi
         FROM cijfer GROUP BY GROUPING SETS ((jaar, groep, grootteklasse), (jaar, groep)))
     SELECT c.gemeente_code AS "gemeenteCode", c.jaar, c.groep, c.wet, ${BEDRAGEN},
            ${REFERENTIE('k', 'c.grootteklasse')} AS grootteklasse, ${REFERENTIE('n', `'Nederland'`)} AS nederland
       FROM cijfer c
       JOIN referentie k ON k.jaar = c.jaar AND k.groep = c.groep AND k.grootteklasse = c.grootteklasse
       JOIN referentie n ON n.jaar = c.jaar AND n.groep = c.groep AND n.grootteklasse IS NULL
      WHERE c.gemeente_code = ANY($1::text[])
      ORDER BY array_position($1::text[], c.gemeente_code), c.jaar, c.groep`,
    [
      filter.gemeenten,
      codes,
      codes.map((code) => groepVan(filter.indeling, code)),
      codes.map((code) => taakveldWet(code)),
      filter.jaar,
      filter.wet,
    ],
  );
  return rows.map(({ groep, ...row }) => ({
    ...metTeksten(row),
    taakveld: filter.indeling === TaakveldIndeling.WET ? null : taakveldCode(groep),
  }));
}
