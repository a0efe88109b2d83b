import { type Code, formatEurocent, gegevensversieSql, type Queryable, Versiecache, type Wet } from '@sociaal-graph/toolkit';
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

type Rij = Bedragen & { versie: string | null; gemeenteCode: string; jaar: number; groep: string; wet: Wet | null; grootteklasse: string };

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

/** The SQL parameters that define the taakveld groups and the filter: $2 to $6 of both statements. */
function groepering(filter: { jaar: number | null; wet: Wet | null; indeling: TaakveldIndeling }): unknown[] {
  const codes = [...IV3_TAAKVELD.keys()];
  return [codes, codes.map((code) => groepVan(filter.indeling, code)), codes.map((code) => taakveldWet(code)), filter.jaar, filter.wet];
}

/**
 * Per gemeente ($1, or every gemeente when null), year and taakveld group: the figures summed. The
 * grouping table (taakveld -> groep, wet) comes from the Iv3 code list, so the law of a taakveld has
 * one definition (`taakveldWet`).
 */
const CIJFER = `indeling AS (SELECT * FROM unnest($2::text[], $3::text[], $4::text[]) AS m(taakveld, groep, wet)),
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
        WHERE ($1::text[] IS NULL OR f.gemeente_code = ANY ($1::text[]))
          AND ($5::int IS NULL OR f.jaar = $5) AND ($6::text IS NULL OR m.wet = $6)
        GROUP BY f.gemeente_code, f.jaar, COALESCE(m.groep, f.taakveld))`;

type ReferentieRij = { versie: string | null; jaar: number; groep: string; grootteklasse: string | null; aantal: number } & Record<
  'begroting' | 'prognose' | 'realisatie' | 'tekort',
  number | null
>;

/** The comparison groups of one filter, by `${jaar}|${groep}|${grootteklasse}` ('' for the country). */
type Referenties = Map<string, FinancienReferentie>;
const sleutel = (jaar: number, groep: string, grootteklasse: string | null) => `${jaar}|${groep}|${grootteklasse ?? ''}`;

/**
 * The averages per inhabitant of every size class and of the country run over every gemeente of the
 * world (1.6 s per request on the national world, issue 11), but change only when the figures do:
 * they are computed once per data version of `financieel_cijfer` and `gemeente` (toolkit
 * gegevensversie.ts; migrations/003, renewed by any write to the figures or to a gemeente's size) and
 * filter, and kept, so a request does the work of the gemeenten it asks. One value per filter (a few
 * dozen at most: year, law, indeling); each is the promise, so concurrent requests compute it once.
 */
const referentiesCache = new Versiecache<Promise<Referenties>>(200);

/** The version of the data the comparison reads, in the statement that reads it. */
const VERSIE = gegevensversieSql(['financieel_cijfer', 'gemeente']);

async function berekenReferenties(db: Queryable, parameters: unknown[]): Promise<{ versie: string | null; referenties: Referenties }> {
  const rows = await db.query<ReferentieRij>(
    `WITH ${CIJFER}
     SELECT v.versie, r.* FROM (SELECT ${VERSIE} AS versie) v LEFT JOIN (
       SELECT jaar, groep, grootteklasse, count(*)::int AS aantal,
              ${PER_INWONER_GROEP('begroting')} AS begroting, ${PER_INWONER_GROEP('prognose')} AS prognose,
              ${PER_INWONER_GROEP('realisatie', 'sum(inwoners) FILTER (WHERE realisatie IS NOT NULL)')} AS realisatie,
              ${PER_INWONER_GROEP('tekort')} AS tekort
         FROM cijfer GROUP BY GROUPING SETS ((jaar, groep, grootteklasse), (jaar, groep))) r ON true`,
    [null, ...parameters],
  );
  const referenties: Referenties = new Map();
  for (const rij of rows) {
    if (rij.jaar === null) continue; // no figures at all: only the version came back
    referenties.set(sleutel(rij.jaar, rij.groep, rij.grootteklasse), {
      groep: rij.grootteklasse ?? 'Nederland',
      aantalGemeenten: rij.aantal,
      begrotingPerInwoner: rij.begroting,
      prognosePerInwoner: rij.prognose,
      realisatiePerInwoner: rij.realisatie,
      tekortPerInwoner: rij.tekort,
    });
  }
  return { versie: rows[0]?.versie ?? null, referenties };
}

/** The comparison groups of `filter` at data version `versie`: kept, or computed (once for concurrent requests). */
function referentiesVoor(db: Queryable, versie: string | null, parameters: unknown[]): Promise<Referenties> {
  if (versie === null) return berekenReferenties(db, parameters).then(({ referenties }) => referenties);
  const filterSleutel = JSON.stringify(parameters.slice(1));
  const bewaard = referentiesCache.get(db, filterSleutel, versie);
  if (bewaard) return bewaard;
  const berekend = berekenReferenties(db, parameters).then(({ versie: berekendOp, referenties }) => {
    // Written in between: these are the figures of a newer version; not kept under this one.
    if (berekendOp !== versie) referentiesCache.delete(db, filterSleutel, versie);
    return referenties;
  });
  referentiesCache.set(db, filterSleutel, versie, berekend);
  berekend.catch(() => referentiesCache.delete(db, filterSleutel, versie));
  return berekend;
}

/**
 * Per asked gemeente, year and taakveld group: the figures summed in SQL, beside the per-inhabitant
 * averages (sum over sum of inhabitants) of its size class and of the country over all gemeenten with
 * figures (`referentiesVoor`, kept per data version). Each comparison group is one object that its
 * rows share. The asked order comes from the array's ordinality (array_position per row is quadratic).
 */
export async function selectFinancienVergelijking(
  db: Queryable,
  filter: { gemeenten: readonly string[]; jaar: number | null; wet: Wet | null; indeling: TaakveldIndeling },
): Promise<TaakveldVergelijking[]> {
  const parameters = groepering(filter);
  const rows = await db.query<Rij>(
    `WITH ${CIJFER}
     SELECT v.versie, c.gemeente_code AS "gemeenteCode", c.jaar, c.groep, c.wet, ${BEDRAGEN}, c.grootteklasse
       FROM unnest($1::text[]) WITH ORDINALITY AS gevraagd(code, volgorde)
       JOIN cijfer c ON c.gemeente_code = gevraagd.code
       CROSS JOIN (SELECT ${VERSIE} AS versie) v
      ORDER BY gevraagd.volgorde, c.jaar, c.groep`,
    [filter.gemeenten, ...parameters],
  );
  if (rows.length === 0) return [];
  let referenties = await referentiesVoor(db, rows[0]!.versie, parameters);
  const groepVanRij = (rij: Rij, grootteklasse: string | null) => referenties.get(sleutel(rij.jaar, rij.groep, grootteklasse));
  if (rows.some((rij) => !groepVanRij(rij, rij.grootteklasse) || !groepVanRij(rij, null))) {
    // Figures written between the two statements: compare with the groups as they are now.
    referenties = (await berekenReferenties(db, parameters)).referenties;
  }
  return rows.map(
    (rij) =>
      new Vergelijkingsrij(
        rij,
        filter.indeling === TaakveldIndeling.WET ? null : taakveldCode(rij.groep),
        groepVanRij(rij, rij.grootteklasse)!,
        groepVanRij(rij, null)!,
      ),
  );
}
