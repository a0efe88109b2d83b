import { Directive, Field, ObjectType } from 'type-graphql';

/** Stub of toegang's Inwoner: only the key; this subgraph adds the resident's Participatiewet lists. */
@Directive('@key(fields: "id")')
@ObjectType('Inwoner', { description: 'Een inwoner (eigendom van toegang), aangeduid met een pseudoniem, nooit met het BSN.' })
export class Inwoner {
  @Field(() => String, { description: 'Pseudoniem van de inwoner (32 hexadecimale tekens).' })
  id!: string;
}
