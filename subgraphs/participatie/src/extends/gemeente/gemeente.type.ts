import { Directive, Field, Int, ObjectType } from 'type-graphql';

/** Stub of gemeenten' Gemeente: only the key; this subgraph adds `uitkeringen`. */
@Directive('@key(fields: "code")')
@ObjectType('Gemeente', { description: 'Een gemeente (eigendom van gemeenten).' })
export class Gemeente {
  @Field(() => String, { description: 'CBS-gemeentecode, vier cijfers ("0406").' })
  code!: string;

  // Owned by the gemeenten subgraph; participatieBereik requires it for its per-1,000 figures (issue 4 item 6).
  @Directive('@external')
  @Field(() => Int, { description: 'Aantal inwoners (eigendom van de subgraph gemeenten; CBS-cijfer).' })
  inwoners?: number;
}
