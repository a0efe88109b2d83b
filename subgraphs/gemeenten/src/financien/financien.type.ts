import { Code, Eurocent, Wet } from '@sociaal-graph/toolkit';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

/** What a tekort is computed from: the realisation when the year is closed, else the prognosis. */
export enum TekortBasis {
  REALISATIE = 'REALISATIE',
  PROGNOSE = 'PROGNOSE',
  GEMENGD = 'GEMENGD',
}
registerEnumType(TekortBasis, {
  name: 'TekortBasis',
  description:
    'Waarop het tekort berust: REALISATIE (jaar afgesloten), PROGNOSE (nog geen realisatie) of GEMENGD (een totaal waarin een deel van de taakvelden al een realisatie heeft).',
  valuesConfig: {
    REALISATIE: { description: 'Het tekort is realisatie (jaarrekening) min begroting: het jaar is afgesloten.' },
    PROGNOSE: { description: 'Het tekort is de laatste prognose min begroting: er is nog geen realisatie.' },
    GEMENGD: {
      description: 'Een totaal over taakvelden waarvan een deel al een realisatie heeft en een deel alleen een prognose.',
    },
  },
});

// Budgets of a large gemeente exceed 2^31 eurocent (about 21 million euro), GraphQL's Int; SafeInt
// carries integers up to 2^53 exactly.
const EUROCENT = () => Eurocent;

/**
 * Budget, prognosis, realisation and deficit in eurocent, in total and per inhabitant. The two object
 * types below inherit these fields; no resolver returns this base type, so it is not emitted itself.
 */
@ObjectType({ description: 'Bedragen van begroting, prognose, realisatie en tekort (basis; niet in het schema).' })
export abstract class FinancienBedragen {
  @Field(EUROCENT, { description: 'Begroting (primitief of na wijziging), in eurocent.' })
  begroting!: number;

  @Field(() => String, { description: 'Begroting voor mensen leesbaar ("€ 1.234,56").' })
  begrotingTekst!: string;

  @Field(() => Int, { nullable: true, description: 'Begroting per inwoner in eurocent (afgerond); null bij onbekend inwonertal.' })
  begrotingPerInwoner!: number | null;

  @Field(EUROCENT, { description: 'Laatste prognose voor het jaar, in eurocent.' })
  prognose!: number;

  @Field(() => String, { description: 'Prognose voor mensen leesbaar.' })
  prognoseTekst!: string;

  @Field(() => Int, { nullable: true, description: 'Prognose per inwoner in eurocent (afgerond).' })
  prognosePerInwoner!: number | null;

  @Field(EUROCENT, { nullable: true, description: 'Realisatie (jaarrekening) in eurocent; null zolang het jaar niet is afgesloten.' })
  realisatie!: number | null;

  @Field(() => String, { nullable: true, description: 'Realisatie voor mensen leesbaar; null zolang er geen realisatie is.' })
  realisatieTekst!: string | null;

  @Field(() => Int, { nullable: true, description: 'Realisatie per inwoner in eurocent (afgerond); null zonder realisatie.' })
  realisatiePerInwoner!: number | null;

  @Field(EUROCENT, {
    description: 'Tekort in eurocent: realisatie (of, zolang die ontbreekt, prognose) min begroting. Negatief is een overschot.',
  })
  tekort!: number;

  @Field(() => String, { description: 'Tekort voor mensen leesbaar.' })
  tekortTekst!: string;

  @Field(() => Int, { nullable: true, description: 'Tekort per inwoner in eurocent (afgerond).' })
  tekortPerInwoner!: number | null;

  @Field(() => TekortBasis, { description: 'Of het tekort op realisatie of prognose berust.' })
  tekortBasis!: TekortBasis;
}

/** Iv3 figures of one gemeente for one year and one taakveld. */
@ObjectType({
  description:
    'Begroting, prognose, realisatie en tekort van een gemeente voor één jaar en één Iv3-taakveld. Per inwoner: gedeeld door het huidige inwonertal.',
})
export class TaakveldFinancien extends FinancienBedragen {
  @Field(() => String, { description: 'CBS-code van de gemeente.' })
  gemeenteCode!: string;

  @Field(() => Int, { description: 'Begrotingsjaar.' })
  jaar!: number;

  @Field(() => Code, { description: 'Iv3-taakveld (programma 6), zie iv3Taakvelden.' })
  taakveld!: Code;

  @Field(() => Wet, {
    nullable: true,
    description: 'De wet waaronder de uitgaven van dit taakveld vallen; null voor 6.1 en 6.2, die alle wetten samen dienen.',
  })
  wet!: Wet | null;
}

/** Iv3 figures of one gemeente for one year, summed over the taakvelden of programme 6. */
@ObjectType({ description: 'Totalen over de Iv3-taakvelden van programma 6 (sociaal domein) van een gemeente voor één jaar.' })
export class JaarFinancien extends FinancienBedragen {
  @Field(() => String, { description: 'CBS-code van de gemeente.' })
  gemeenteCode!: string;

  @Field(() => Int, { description: 'Begrotingsjaar.' })
  jaar!: number;

  @Field(() => Int, { description: 'Aantal taakvelden in het totaal.' })
  aantalTaakvelden!: number;
}
