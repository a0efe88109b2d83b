import { PageInfo } from '@sociaal-graph/toolkit';
import { Directive, Field, Int, ObjectType } from 'type-graphql';

/**
 * A quarterly report of a voorveld partner for one gemeente: counts only, never a person key
 * (HBEL's documents: voorveld data is "niet gepersonaliseerd"). Also the row shape of its SQL.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Een kwartaalrapportage van een voorveldpartner: alleen aantallen, nooit persoonsgegevens.' })
export class Voorveldrapportage {
  @Field(() => String, { description: 'Identificatie van de rapportage.' })
  id!: string;

  @Field(() => String, { description: 'CBS-code van de gemeente waarover gerapporteerd wordt ("0406").' })
  gemeenteCode!: string;

  @Field(() => Int, { description: 'Jaar van de rapportage.' })
  jaar!: number;

  @Field(() => Int, { description: 'Kwartaal van de rapportage (1 tot en met 4).' })
  kwartaal!: number;

  @Field(() => String, { description: 'De activiteit waarover gerapporteerd wordt.' })
  activiteit!: string;

  @Field(() => Int, { description: 'Aantal deelnemers in het kwartaal (geaggregeerd).' })
  aantalDeelnemers!: number;

  @Field(() => Int, { description: 'Aantal contacten in het kwartaal (geaggregeerd).' })
  aantalContacten!: number;

  /** Subsidiepartner.id. */
  partnerId!: string;
}

/** One page of voorveldrapportages. */
@ObjectType({ description: 'Een pagina voorveldrapportages.' })
export class VoorveldrapportagePage {
  @Field(() => [Voorveldrapportage], { description: 'De rapportages op deze pagina.' })
  items!: Voorveldrapportage[];

  @Field(() => PageInfo, { description: 'Gegevens over de pagina.' })
  pageInfo!: PageInfo;
}
