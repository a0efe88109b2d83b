import {
  Code,
  codeOf,
  type CategorieTelling,
  type Disclosure,
  ONDERDRUKKINGSREGEL,
  publishPerCategorie,
  withheld,
  OnderdruktAantal,
  WMO_PRODUCTCATEGORIE,
} from '@sociaal-graph/toolkit';
import { Field, Int, ObjectType } from 'type-graphql';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import type { TellingRow } from './telling.sql.js';

/** Counts of Wmo toewijzingen and clients of one gemeente and year, per productcategorie or in total. */
@ObjectType({
  description:
    'Aantal Wmo-toewijzingen en unieke clienten van een gemeente in een productcategorie (of in totaal), over een ' +
    'kalenderjaar. Zie onderdrukkingsregel.',
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
 * total, published per measure through the disclosure policy (issue 10). Only row totals are published: a total over the
 * asked gemeenten would let two requests differ in one gemeente and so difference it back.
 */
export function wmoToewijzingTellingenOf(rows: readonly TellingRow[], jaar: number, disclosure: Disclosure): WmoToewijzingTelling[] {
  const perGemeente = new Map<string, TellingRow[]>();
  for (const row of rows) perGemeente.set(row.gemeenteCode, [...(perGemeente.get(row.gemeenteCode) ?? []), row]);
  const telling = (row: TellingRow): CategorieTelling => ({
    eenheden: row.aantalToewijzingen, personen: row.aantalClienten, sleutelEenheden: row.sleutelToewijzingen, sleutelPersonen: row.sleutelPersonen,
  });
  return [...perGemeente.entries()].flatMap(([gemeenteCode, group]) => {
    const cellen = group.filter((row) => row.productcategorie !== null);
    const totaal = group.find((row) => row.productcategorie === null);
    if (!totaal) throw new Error(`selectTellingen gaf geen totaalrij voor gemeente ${gemeenteCode}.`);
    const published = publishPerCategorie(disclosure, 'wmo.telling', cellen.map(telling), telling(totaal));
    const base = { gemeente: { code: gemeenteCode }, jaar, onderdrukkingsregel: ONDERDRUKKINGSREGEL };
    return [
      ...cellen.map((row, i) => ({
        ...base,
        productcategorie: categorieOf(row.productcategorie ?? ''),
        totaal: false,
        aantalToewijzingen: published.categorieen[i]?.eenheden ?? withheld('KLEIN_AANTAL'),
        aantalClienten: published.categorieen[i]?.personen ?? withheld('KLEIN_AANTAL'),
      })),
      { ...base, productcategorie: null, totaal: true, aantalToewijzingen: published.totaal.eenheden, aantalClienten: published.totaal.personen },
    ];
  });
}

/** The table's check keeps categorieen within WMO020; fall back to the bare code rather than fail a count. */
function categorieOf(code: string): Code {
  return codeOf(WMO_PRODUCTCATEGORIE, code) ?? { code, omschrijving: 'Onbekende productcategorie' };
}
