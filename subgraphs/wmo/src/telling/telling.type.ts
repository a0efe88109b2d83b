import { Code, codeOf, WMO_PRODUCTCATEGORIE } from '@sociaal-graph/toolkit';
import { Field, Int, ObjectType } from 'type-graphql';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import type { TellingRow } from './telling.sql.js';

/** Counts of Wmo toewijzingen and clients of one gemeente, productcategorie and year. */
@ObjectType({
  description:
    'Aantal Wmo-toewijzingen en unieke clienten van een gemeente in een productcategorie, over een kalenderjaar.',
})
export class WmoToewijzingTelling {
  @Field(() => Gemeente, { description: 'De gemeente waarvoor geteld is.' })
  gemeente!: Gemeente;

  @Field(() => Int, { description: 'Het kalenderjaar waarover geteld is.' })
  jaar!: number;

  @Field(() => Code, { description: 'Productcategorie (iWmo codelijst WMO020).' })
  productcategorie!: Code;

  @Field(() => Int, { description: 'Aantal toewijzingen dat op minstens een dag van het jaar actief was.' })
  aantalToewijzingen!: number;

  @Field(() => Int, { description: 'Aantal unieke inwoners (clienten) met zo een toewijzing.' })
  aantalClienten!: number;
}

/** Maps a counted row to its GraphQL shape. */
export function wmoToewijzingTellingOf(row: TellingRow, jaar: number): WmoToewijzingTelling {
  return {
    gemeente: { code: row.gemeenteCode },
    jaar,
    // The table's check keeps categorieen within WMO020; fall back to the bare code rather than fail a count.
    productcategorie: codeOf(WMO_PRODUCTCATEGORIE, row.productcategorie) ?? {
      code: row.productcategorie,
      omschrijving: 'Onbekende productcategorie',
    },
    aantalToewijzingen: row.aantalToewijzingen,
    aantalClienten: row.aantalClienten,
  };
}
