import { Code, JW_PRODUCTCATEGORIE } from '@sociaal-graph/toolkit';
import { Field, Int, ObjectType } from 'type-graphql';
import { knownCode } from '../codelijst/known-code.js';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import type { TellingRow } from './telling.sql.js';

/** Counts of jeugdhulp toewijzingen and young people of one gemeente, productcategorie and year. */
@ObjectType({
  description:
    'Aantal jeugdhulptoewijzingen en unieke jeugdigen van een gemeente in een productcategorie, over een kalenderjaar.',
})
export class JeugdToewijzingTelling {
  @Field(() => Gemeente, { description: 'De gemeente waarvoor geteld is.' })
  gemeente!: Gemeente;

  @Field(() => Int, { description: 'Het kalenderjaar waarover geteld is.' })
  jaar!: number;

  @Field(() => Code, { description: 'Productcategorie (iJw codelijst JZ020).' })
  productcategorie!: Code;

  @Field(() => Int, { description: 'Aantal toewijzingen dat op minstens een dag van het jaar actief was.' })
  aantalToewijzingen!: number;

  @Field(() => Int, { description: 'Aantal unieke jeugdigen met zo een toewijzing.' })
  aantalJeugdigen!: number;
}

/** Maps a counted row to its GraphQL shape. */
export function jeugdToewijzingTellingOf(row: TellingRow, jaar: number): JeugdToewijzingTelling {
  return {
    gemeente: { code: row.gemeenteCode },
    jaar,
    productcategorie: knownCode(JW_PRODUCTCATEGORIE, row.productcategorie),
    aantalToewijzingen: row.aantalToewijzingen,
    aantalJeugdigen: row.aantalJeugdigen,
  };
}
