import { Directive, Field, ObjectType } from 'type-graphql';

/** Stub of the gemeenten subgraph's Gemeente; inkoop adds the contracts it takes part in. */
@Directive('@key(fields: "code")')
@ObjectType({ description: 'Gemeente (eigendom van gemeenten).' })
export class Gemeente {
  @Field(() => String, { description: 'CBS-gemeentecode, vier cijfers met voorloopnul ("0406").' })
  code!: string;
}
