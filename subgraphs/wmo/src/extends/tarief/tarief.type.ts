import { Directive, Field, ObjectType } from 'type-graphql';

/** Reference to the inkoop subgraph's `Tarief`; wmo only points at it and resolves nothing. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType({ description: 'Een tarief uit een inkoopcontract (eigendom van de subgraph inkoop).' })
export class Tarief {
  @Field(() => String, { description: 'Identificatie van het tarief.' })
  id!: string;
}
