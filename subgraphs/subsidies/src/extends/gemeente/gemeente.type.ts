import { Directive, Field, ObjectType } from 'type-graphql';

/** Stub of gemeenten' Gemeente: only the key; this subgraph adds `subsidies`. */
@Directive('@key(fields: "code")')
@ObjectType('Gemeente', { description: 'Een gemeente (eigendom van gemeenten).' })
export class Gemeente {
  @Field(() => String, { description: 'CBS-gemeentecode, vier cijfers ("0406").' })
  code!: string;
}
