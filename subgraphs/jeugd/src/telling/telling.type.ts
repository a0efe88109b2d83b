import { type Disclosure, JW_PRODUCTCATEGORIE, Code, OnderdruktAantal, type ToewijzingTellingRow, toewijzingTellingenPerGemeente } from '@sociaal-graph/toolkit';
import { Field, Int, ObjectType } from 'type-graphql';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';

/** Counts of jeugdhulp toewijzingen and young people of one gemeente and year, per productcategorie or in total. */
@ObjectType({
  description:
    'Aantal jeugdhulptoewijzingen en unieke jeugdigen van een gemeente in een productcategorie (of in totaal), over een ' +
    'kalenderjaar. Zie onderdrukkingsregel.',
})
export class JeugdToewijzingTelling {
  @Field(() => Gemeente, { nullable: true, description: 'De gemeente waarvoor geteld is.' })
  gemeente!: Gemeente;

  @Field(() => Int, { description: 'Het kalenderjaar waarover geteld is.' })
  jaar!: number;

  @Field(() => Code, { nullable: true, description: 'Productcategorie (iJw codelijst JZ020); leeg in de totaalrij.' })
  productcategorie!: Code | null;

  @Field(() => Boolean, { description: 'Of dit de totaalrij van de gemeente is: alle productcategorieen samen.' })
  totaal!: boolean;

  @Field(() => OnderdruktAantal, { description: 'Aantal toewijzingen dat op minstens een dag van het jaar actief was.' })
  aantalToewijzingen!: OnderdruktAantal;

  @Field(() => OnderdruktAantal, {
    description: 'Aantal unieke jeugdigen met zo een toewijzing; in de totaalrij elke jeugdige eenmaal.',
  })
  aantalJeugdigen!: OnderdruktAantal;

  @Field(() => String, { description: 'De regel waarmee de aantallen zijn onderdrukt en afgerond.' })
  onderdrukkingsregel!: string;
}

/** The counted rows published through the disclosure policy (the toolkit's `toewijzingTellingenPerGemeente`), under this law's names. */
export function jeugdToewijzingTellingenOf(rows: readonly ToewijzingTellingRow[], jaar: number, disclosure: Disclosure): JeugdToewijzingTelling[] {
  return toewijzingTellingenPerGemeente(rows, jaar, disclosure, { maat: 'jeugd.telling', productcategorieen: JW_PRODUCTCATEGORIE }).map(({ aantalPersonen, ...telling }) => ({
    ...telling,
    aantalJeugdigen: aantalPersonen,
  }));
}
