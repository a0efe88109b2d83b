import { Directive, Field, ObjectType } from 'type-graphql';

/** Stub of inkoop's Aanbieder: a pointer only (re-integratiebedrijf of a traject), not resolvable here. */
@Directive('@key(fields: "agbCode", resolvable: false)')
@ObjectType('Aanbieder', { description: 'Een aanbieder (eigendom van inkoop).' })
export class Aanbieder {
  @Field(() => String, { description: 'AGB-code van de aanbieder (acht cijfers).' })
  agbCode!: string;
}
