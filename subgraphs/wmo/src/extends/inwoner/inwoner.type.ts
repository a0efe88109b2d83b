import { Directive, Field, ObjectType } from 'type-graphql';

/** Stub of the toegang subgraph's `Inwoner`: the key only; wmo adds the resident's toewijzingen. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Een inwoner (eigendom van de subgraph toegang), hier met zijn of haar Wmo-toewijzingen.' })
export class Inwoner {
  @Field(() => String, { description: 'Pseudoniem van de inwoner (32 hexadecimale tekens), nooit het BSN.' })
  id!: string;
}
