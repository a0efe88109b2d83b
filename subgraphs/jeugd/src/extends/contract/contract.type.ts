import { Directive, Field, ObjectType } from 'type-graphql';

/** Reference to the inkoop subgraph's `Contract`; jeugd only points at it and resolves nothing. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType({ description: 'Een inkoopcontract (eigendom van de subgraph inkoop).' })
export class Contract {
  @Field(() => String, { description: 'Identificatie van het contract.' })
  id!: string;
}
