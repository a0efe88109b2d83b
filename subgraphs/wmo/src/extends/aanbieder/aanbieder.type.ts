import { Directive, Field, ObjectType } from 'type-graphql';

/** Stub of the inkoop subgraph's `Aanbieder`: the key only; wmo adds the toewijzingen to this aanbieder. */
@Directive('@key(fields: "agbCode")')
@ObjectType({ description: 'Een zorgaanbieder (eigendom van de subgraph inkoop), hier met de Wmo-toewijzingen aan haar.' })
export class Aanbieder {
  @Field(() => String, { description: 'AGB-code van de aanbieder (acht cijfers, Vektis).' })
  agbCode!: string;
}
