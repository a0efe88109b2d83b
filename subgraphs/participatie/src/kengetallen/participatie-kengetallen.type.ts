import { OnderdruktAantal } from '@sociaal-graph/toolkit';
import { Field, Int, ObjectType } from 'type-graphql';

/**
 * Participatiewet key figures of one gemeente for one year. Counts are null, with a reason, when the
 * gemeente lies outside the caller's mandate: never a silent zero (docs/mandates.md).
 * Within it, each count is published with small-cell suppression (issue 3 item 8).
 */
@ObjectType({
  description:
    'Kengetallen Participatiewet van één gemeente over één jaar (zie onderdrukkingsregel).',
})
export class ParticipatieKengetallen {
  @Field(() => String, { description: 'CBS-code van de gemeente ("0406").' })
  gemeenteCode!: string;

  @Field(() => Int, { description: 'Het jaar van de kengetallen.' })
  jaar!: number;

  @Field(() => Boolean, { description: 'Of de gemeente binnen het mandaat (Participatiewet, uitvoering) van de aanvrager valt.' })
  binnenMandaat!: boolean;

  @Field(() => String, { nullable: true, description: 'Waarom de aantallen ontbreken (buiten mandaat), als ze ontbreken.' })
  toelichting!: string | null;

  @Field(() => OnderdruktAantal, {
    nullable: true,
    description: 'Uitkeringen die aan het eind van het jaar lopen: ingegaan uiterlijk 31 december en niet beeindigd in of voor dat jaar.',
  })
  uitkeringenActief!: OnderdruktAantal | null;

  @Field(() => OnderdruktAantal, { nullable: true, description: 'Instroom: uitkeringen met een ingangsdatum in het jaar.' })
  instroom!: OnderdruktAantal | null;

  @Field(() => OnderdruktAantal, { nullable: true, description: 'Uitstroom: uitkeringen met een einddatum in het jaar.' })
  uitstroom!: OnderdruktAantal | null;

  @Field(() => OnderdruktAantal, { nullable: true, description: 'Schuldhulptrajecten met een startdatum in het jaar.' })
  schuldhulptrajectenGestart!: OnderdruktAantal | null;

  @Field(() => String, { description: 'De regel waarmee de aantallen zijn onderdrukt en afgerond.' })
  onderdrukkingsregel!: string;
}
