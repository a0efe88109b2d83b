import { type Code, formatEurocent, type Queryable, type Wet } from '@sociaal-graph/toolkit';
import { BEDRAGEN, type Bedragen } from './financien.sql.js';
import type { TekortBasis } from './financien.type.js';
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

type Groep = 'klasse' | 'land';
type GroepKolommen<G extends Groep> = Record<`${G}${'Aantal' | 'Begroting' | 'Prognose' | 'Realisatie' | 'Tekort'}`, number | null>;

/** The figures of comparison group `alias` as plain columns prefixed with `groep`. */
const GROEP_KOLOMMEN = (alias: string, groep: Groep) =>
  `${alias}.aantal AS "${groep}Aantal", ${alias}.begroting_pi AS "${groep}Begroting", ${alias}.prognose_pi AS "${groep}Prognose",
   ${alias}.realisatie_pi AS "${groep}Realisatie", ${alias}.tekort_pi AS "${groep}Tekort"`;

type Rij = Bedragen &
  GroepKolommen<'klasse'> &
  GroepKolommen<'land'> & { gemeenteCode: string; jaar: number; groep: string; wet: Wet | null; grootteklasse: string };

/**
 * A row of the answer. The formatted amounts are getters, computed only for a query that asks for
 * them: formatting four amounts of each of 8,000 rows up front took longer than the SQL, and the
 * steering answers read the numbers.
 */
class Vergelijkingsrij implements TaakveldVergelijking {
  readonly gemeenteCode: string;
  readonly jaar: number;
  readonly taakveld: Code | null;
  readonly wet: Wet | null;
  readonly begroting: number;
  readonly prognose: number;
  readonly realisatie: number | null;
  readonly tekort: number;
  readonly tekortBasis: TekortBasis;
  readonly begrotingPerInwoner: number | null;
  readonly prognosePerInwoner: number | null;
  readonly realisatiePerInwoner: number | null;
  readonly tekortPerInwoner: number | null;

  constructor(
    rij: Rij,
    taakveld: Code | null,
    readonly grootteklasse: FinancienReferentie,
    readonly nederland: FinancienReferentie,
  ) {
    this.gemeenteCode = rij.gemeenteCode;
    this.jaar = rij.jaar;
    this.taakveld = taakveld;
    this.wet = rij.wet;
    this.begroting = rij.begroting;
    this.prognose = rij.prognose;
    this.realisatie = rij.realisatie;
    this.tekort = rij.tekort;
    this.tekortBasis = rij.tekortBasis;
    this.begrotingPerInwoner = rij.begrotingPerInwoner;
    this.prognosePerInwoner = rij.prognosePerInwoner;
    this.realisatiePerInwoner = rij.realisatiePerInwoner;
    this.tekortPerInwoner = rij.tekortPerInwoner;
  }

  get begrotingTekst(): string {
    return formatEurocent(this.begroting);
  }

  get prognoseTekst(): string {
    return formatEurocent(this.prognose);
  }

  get realisatieTekst(): string | null {
    return this.realisatie === null ? null : formatEurocent(this.realisatie);
  }

  get tekortTekst(): string {
    return formatEurocent(this.tekort);
  }
}

/**
 * Per asked gemeente, year and taakveld group: the figures summed in SQL and, over all gemeenten with
 * figures, the per-inhabitant averages (sum over sum of inhabitants) of its size class and of the country.
 * The grouping table (taakveld -> groep, wet) comes from the Iv3 code list, so the law of a taakveld
 * has one definition (`taakveldWet`).
 *
 * A national answer has about 8,000 rows but only about 100 comparison groups: their figures come as
 * plain columns (no JSON built and parsed per row) and each group is one object that its rows share.
 * The asked order comes from the array's ordinality (array_position per row is quadratic).
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
            c.grootteklasse, ${GROEP_KOLOMMEN('k', 'klasse')}, ${GROEP_KOLOMMEN('n', 'land')}
       FROM unnest($1::text[]) WITH ORDINALITY AS gevraagd(code, volgorde)
       JOIN cijfer c ON c.gemeente_code = gevraagd.code
       JOIN referentie k ON k.jaar = c.jaar AND k.groep = c.groep AND k.grootteklasse = c.grootteklasse
       JOIN referentie n ON n.jaar = c.jaar AND n.groep = c.groep AND n.grootteklasse IS NULL
      ORDER BY gevraagd.volgorde, c.jaar, c.groep`,
    [
      filter.gemeenten,
      codes,
      codes.map((code) => groepVan(filter.indeling, code)),
      codes.map((code) => taakveldWet(code)),
      filter.jaar,
      filter.wet,
    ],
  );
  const referenties = new Map<string, FinancienReferentie>();
  const referentie = (rij: Rij, groep: Groep, naam: string): FinancienReferentie => {
    const sleutel = `${rij.jaar}|${rij.groep}|${groep}|${naam}`;
    let gedeeld = referenties.get(sleutel);
    if (!gedeeld) {
      gedeeld = {
        groep: naam,
        aantalGemeenten: rij[`${groep}Aantal`] as number,
        begrotingPerInwoner: rij[`${groep}Begroting`],
        prognosePerInwoner: rij[`${groep}Prognose`],
        realisatiePerInwoner: rij[`${groep}Realisatie`],
        tekortPerInwoner: rij[`${groep}Tekort`],
      };
      referenties.set(sleutel, gedeeld);
    }
    return gedeeld;
  };
  return rows.map(
    (rij) =>
      new Vergelijkingsrij(
        rij,
        filter.indeling === TaakveldIndeling.WET ? null : taakveldCode(rij.groep),
        referentie(rij, 'klasse', rij.grootteklasse),
        referentie(rij, 'land', 'Nederland'),
      ),
  );
}
