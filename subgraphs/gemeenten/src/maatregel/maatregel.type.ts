import { MaatregelBesluitstatus, Wet } from '@sociaal-graph/toolkit';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';

/** At which level a measure was taken (HBEL's documents, docs/domain.md). */
export enum MaatregelNiveau {
  LOKAAL_HBEL = 'LOKAAL_HBEL',
  REGIONAAL = 'REGIONAAL',
  LOKAAL = 'LOKAAL',
}
registerEnumType(MaatregelNiveau, {
  name: 'MaatregelNiveau',
  description: 'Niveau van een maatregel: lokaal voor de HBEL-gemeenten samen, regionaal, of lokaal voor één gemeente.',
  valuesConfig: {
    LOKAAL_HBEL: { description: 'Lokaal, voor de HBEL-gemeenten (Huizen, Blaricum, Eemnes, Laren) samen voorbereid.' },
    REGIONAAL: { description: 'Regionaal, in de inkoopregio van de gemeenten (zoals het regionaal transformatieplan jeugd).' },
    LOKAAL: { description: 'Lokaal, door één gemeente.' },
  },
});

/**
 * A savings or transformation measure in the social domain (HHM normenkader, lokale teams, ...). An entity,
 * so that wmo can compute the intake around its registered dates (issue 10: no caller-chosen dates).
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Een besparings- of transformatiemaatregel in het sociaal domein.' })
export class Maatregel {
  @Field(() => String, { description: 'Id van de maatregel.' })
  id!: string;

  @Field(() => String, { description: 'Naam van de maatregel.' })
  naam!: string;

  @Field(() => MaatregelNiveau, { description: 'Niveau waarop de maatregel is genomen.' })
  niveau!: MaatregelNiveau;

  @Field(() => Wet, { description: 'De wet waaronder de maatregel valt.' })
  wet!: Wet;

  @Field(() => String, { description: 'Wat de maatregel inhoudt.' })
  omschrijving!: string;
}

/** The status of one measure in one gemeente. */
@ObjectType({ description: 'De stand van één maatregel in één gemeente.' })
export class MaatregelStatus {
  @Field(() => String, { description: 'CBS-code van de gemeente.' })
  gemeenteCode!: string;

  @Field(() => MaatregelBesluitstatus, { description: 'Stand van de maatregel in deze gemeente.' })
  status!: MaatregelBesluitstatus;

  @Field(() => String, { nullable: true, description: 'Datum van het besluit of de implementatie (JJJJ-MM-DD), als bekend.' })
  datum!: string | null;

  @Field(() => String, { nullable: true, description: 'Uitzondering die deze gemeente maakt, als die er is.' })
  uitzondering!: string | null;

  /** The measure; resolved to `maatregel`. */
  maatregelId!: string;

  /** The measure's law, so that `Gemeente.maatregelen(wet)` filters without another statement. */
  maatregelWet!: Wet;
}
