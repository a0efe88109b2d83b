import { Field, Int, ObjectType } from 'type-graphql';

/**
 * Participatiewet key figures of one gemeente for one year. Counts are null, with a reason, when the
 * gemeente lies outside the caller's mandate: never a silent zero (DESIGN "Mandates decide every row").
 */
@ObjectType({ description: 'Kengetallen Participatiewet van één gemeente over één jaar.' })
export class ParticipatieKengetallen {
  @Field(() => String, { description: 'CBS-code van de gemeente ("0406").' })
  gemeenteCode!: string;

  @Field(() => Int, { description: 'Het jaar van de kengetallen.' })
  jaar!: number;

  @Field(() => Boolean, { description: 'Of de gemeente binnen het mandaat (Participatiewet, uitvoering) van de aanvrager valt.' })
  binnenMandaat!: boolean;

  @Field(() => String, { nullable: true, description: 'Waarom de aantallen leeg zijn, als ze leeg zijn.' })
  toelichting!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Uitkeringen die aan het eind van het jaar lopen: ingegaan uiterlijk 31 december en niet beeindigd in of voor dat jaar.',
  })
  uitkeringenActief!: number | null;

  @Field(() => Int, { nullable: true, description: 'Instroom: uitkeringen met een ingangsdatum in het jaar.' })
  instroom!: number | null;

  @Field(() => Int, { nullable: true, description: 'Uitstroom: uitkeringen met een einddatum in het jaar.' })
  uitstroom!: number | null;

  @Field(() => Int, { nullable: true, description: 'Schuldhulptrajecten met een startdatum in het jaar.' })
  schuldhulptrajectenGestart!: number | null;
}

