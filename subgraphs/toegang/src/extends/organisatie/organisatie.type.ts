import { Directive, Field, ObjectType } from 'type-graphql';

/** Stub of the gemeenten subgraph's Organisatie: toegang only points at it (a team's organisation). */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Organisatie', { description: 'Een organisatie in het sociaal domein (eigenaar: subgraph gemeenten).' })
export class Organisatie {
  @Field(() => String, { description: 'Id van de organisatie: CBS-code, "uo-hbel", "regio-gv", "iasz" of AGB-code.' })
  id!: string;
}
