import { Directive, Field, ObjectType } from 'type-graphql';

/** Stub of the gemeenten subgraph's `Gemeente`: the key only; jeugd adds its jeugdhulp toewijzingen. */
@Directive('@key(fields: "code")')
@ObjectType({ description: 'Een gemeente (eigendom van de subgraph gemeenten), hier met haar jeugdhulptoewijzingen.' })
export class Gemeente {
  @Field(() => String, { description: 'CBS-gemeentecode, vier cijfers met voorloopnullen ("0406").' })
  code!: string;
}
