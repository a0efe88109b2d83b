import { Directive, Field, Int, ObjectType } from 'type-graphql';

/** Stub of the gemeenten subgraph's `Gemeente`: the key only; jeugd adds its jeugdhulp toewijzingen. */
@Directive('@key(fields: "code")')
@ObjectType({ description: 'Een gemeente (eigendom van de subgraph gemeenten), hier met haar jeugdhulptoewijzingen.' })
export class Gemeente {
  @Field(() => String, { description: 'CBS-gemeentecode, vier cijfers met voorloopnullen ("0406").' })
  code!: string;

  // Owned by the gemeenten subgraph; jeugdBereik requires it for its per-1,000 figures (issue 4 item 6).
  @Directive('@external')
  @Field(() => Int, { description: 'Aantal inwoners jonger dan 18 jaar (eigendom van de subgraph gemeenten; CBS-cijfer).' })
  inwonersOnder18?: number;
}
