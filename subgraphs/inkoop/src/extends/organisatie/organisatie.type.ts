import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * Stub of the gemeenten subgraph's Organisatie: inkoop only points at it (Contract.contractant),
 * so it is not resolvable here.
 */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType({ description: 'Organisatie (gemeente, uitvoeringsorganisatie, regio of aanbieder); eigendom van gemeenten.' })
export class Organisatie {
  @Field(() => String, { description: 'Identificatie van de organisatie: CBS-code, "uo-hbel", "regio-gv" of AGB-code.' })
  id!: string;
}
