import { Wet } from '@sociaal-graph/toolkit';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

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

/** Where a gemeente stands with a measure. */
export enum MaatregelBesluitstatus {
  IN_VOORBEREIDING = 'IN_VOORBEREIDING',
  BESLOTEN = 'BESLOTEN',
  GEIMPLEMENTEERD = 'GEIMPLEMENTEERD',
  NIET_VAN_TOEPASSING = 'NIET_VAN_TOEPASSING',
}
registerEnumType(MaatregelBesluitstatus, {
  name: 'MaatregelBesluitstatus',
  description: 'Stand van een maatregel in een gemeente: in voorbereiding, besloten, geïmplementeerd of niet van toepassing.',
  valuesConfig: {
    IN_VOORBEREIDING: { description: 'Voorbereid (vaak op HBEL-niveau), nog niet besloten in deze gemeente.' },
    BESLOTEN: { description: 'Besloten in de planning-en-controlcyclus van deze gemeente, nog niet ingevoerd.' },
    GEIMPLEMENTEERD: { description: 'Ingevoerd in deze gemeente.' },
    NIET_VAN_TOEPASSING: { description: 'Geldt niet voor deze gemeente, bijvoorbeeld omdat zij de wet elders heeft belegd.' },
  },
});

/** A savings or transformation measure in the social domain (HHM normenkader, lokale teams, ...). */
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
