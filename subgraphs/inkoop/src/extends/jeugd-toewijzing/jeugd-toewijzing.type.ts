import { Directive, Field, ObjectType } from 'type-graphql';

/** Stub of the jeugd subgraph's JeugdToewijzing; inkoop adds its declaraties. */
@Directive('@key(fields: "gemeenteCode toewijzingsnummer")')
@ObjectType({ description: 'Jeugdhulp-toewijzing (eigendom van jeugd).' })
export class JeugdToewijzing {
  @Field(() => String, { description: 'CBS-code van de gemeente die de toewijzing gaf.' })
  gemeenteCode!: string;

  @Field(() => String, { description: 'ToewijzingNummer, uniek binnen gemeente en wet.' })
  toewijzingsnummer!: string;
}
