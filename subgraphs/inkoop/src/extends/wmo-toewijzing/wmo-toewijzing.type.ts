import { Directive, Field, ObjectType } from 'type-graphql';

/** Stub of the wmo subgraph's WmoToewijzing; inkoop adds its declaraties. */
@Directive('@key(fields: "gemeenteCode toewijzingsnummer")')
@ObjectType({ description: 'Wmo-toewijzing (eigendom van wmo).' })
export class WmoToewijzing {
  @Field(() => String, { description: 'CBS-code van de gemeente die de toewijzing gaf.' })
  gemeenteCode!: string;

  @Field(() => String, { description: 'ToewijzingNummer, uniek binnen gemeente en wet.' })
  toewijzingsnummer!: string;
}
