import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * Stub of the gemeenten subgraph's Gemeente: only its key. Toegang adds `clienten`, so this stub
 * is resolvable (gemeente.reference.ts).
 */
@Directive('@key(fields: "code")')
@ObjectType('Gemeente', { description: 'Een Nederlandse gemeente (eigenaar: subgraph gemeenten).' })
export class Gemeente {
  @Field(() => String, { description: 'CBS-gemeentecode, vier cijfers met voorloopnullen ("0406").' })
  code!: string;
}
