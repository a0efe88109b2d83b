import {
  Code,
  codeOf,
  ONDERDRUKKINGSREGEL,
  type Onderdrukt,
  OnderdruktAantal,
  suppressTable,
  WMO_PRODUCTCATEGORIE,
} from '@sociaal-graph/toolkit';
import { Field, Int, ObjectType } from 'type-graphql';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import type { TellingRow } from './telling.sql.js';

/** Counts of Wmo toewijzingen and clients of one gemeente and year, per productcategorie or in total. */
@ObjectType({
  description:
    'Aantal Wmo-toewijzingen en unieke clienten van een gemeente in een productcategorie (of in totaal), over een ' +
    'kalenderjaar. Kleine aantallen zijn onderdrukt en de rest is afgerond op 5 (zie onderdrukkingsregel).',
})
export class WmoToewijzingTelling {
  @Field(() => Gemeente, { nullable: true, description: 'De gemeente waarvoor geteld is.' })
  gemeente!: Gemeente;

  @Field(() => Int, { description: 'Het kalenderjaar waarover geteld is.' })
  jaar!: number;

  @Field(() => Code, { nullable: true, description: 'Productcategorie (iWmo codelijst WMO020); leeg in de totaalrij.' })
  productcategorie!: Code | null;

  @Field(() => Boolean, { description: 'Of dit de totaalrij van de gemeente is: alle productcategorieen samen.' })
  totaal!: boolean;

  @Field(() => OnderdruktAantal, { description: 'Aantal toewijzingen dat op minstens een dag van het jaar actief was.' })
  aantalToewijzingen!: OnderdruktAantal;

  @Field(() => OnderdruktAantal, {
    description: 'Aantal unieke inwoners (clienten) met zo een toewijzing; in de totaalrij elke client eenmaal.',
  })
  aantalClienten!: OnderdruktAantal;

  @Field(() => String, { description: 'De regel waarmee de aantallen zijn onderdrukt en afgerond.' })
  onderdrukkingsregel!: string;
}

/**
 * Maps the raw counted rows (cells per productcategorie, then one total row per gemeente, as
 * `selectTellingen` returns them) to their published shape: each gemeente is one table row with its
 * total, suppressed per measure (issue 3 item 8). Only row totals are published: a total over the
 * asked gemeenten would let two requests differ in one gemeente and so difference it back.
 */
export function wmoToewijzingTellingenOf(rows: readonly TellingRow[], jaar: number): WmoToewijzingTelling[] {
  const perGemeente = new Map<string, TellingRow[]>();
  for (const row of rows) perGemeente.set(row.gemeenteCode, [...(perGemeente.get(row.gemeenteCode) ?? []), row]);
  return [...perGemeente.entries()].flatMap(([gemeenteCode, group]) => {
    const cellen = group.filter((row) => row.productcategorie !== null);
    const totaal = group.find((row) => row.productcategorie === null);
    if (!totaal) throw new Error(`selectTellingen gaf geen totaalrij voor gemeente ${gemeenteCode}.`);
    const toewijzingen = suppressTable({ cells: [cellen.map((row) => row.aantalToewijzingen)], rowTotals: [totaal.aantalToewijzingen] });
    const clienten = suppressTable({ cells: [cellen.map((row) => row.aantalClienten)], rowTotals: [totaal.aantalClienten] });
    const base = { gemeente: { code: gemeenteCode }, jaar, onderdrukkingsregel: ONDERDRUKKINGSREGEL };
    return [
      ...cellen.map((row, i) => ({
        ...base,
        productcategorie: categorieOf(row.productcategorie ?? ''),
        totaal: false,
        aantalToewijzingen: published(toewijzingen.cells[0]?.[i]),
        aantalClienten: published(clienten.cells[0]?.[i]),
      })),
      {
        ...base,
        productcategorie: null,
        totaal: true,
        aantalToewijzingen: published(toewijzingen.rowTotals?.[0]),
        aantalClienten: published(clienten.rowTotals?.[0]),
      },
    ];
  });
}

/** suppressTable returns every cell and total it was given; should one be missing, withhold it rather than fail. */
function published(value: Onderdrukt | null | undefined): Onderdrukt {
  return value ?? { waarde: null, onderdrukt: 'KLEIN_AANTAL' };
}

/** The table's check keeps categorieen within WMO020; fall back to the bare code rather than fail a count. */
function categorieOf(code: string): Code {
  return codeOf(WMO_PRODUCTCATEGORIE, code) ?? { code, omschrijving: 'Onbekende productcategorie' };
}
