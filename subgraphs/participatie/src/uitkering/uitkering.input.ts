import { PageArgs } from '@sociaal-graph/toolkit';
import { ArgsType, Field } from 'type-graphql';

/** Arguments of `Gemeente.uitkeringen`: a page, optionally only the uitkeringen active on a day. */
@ArgsType()
export class UitkeringenActiefArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Alleen uitkeringen die op deze dag lopen (JJJJ-MM-DD, einddatum inbegrepen); leeg is alle.',
  })
  actiefOp?: string | null;
}

/** Arguments of the top-level `uitkeringen` list. */
@ArgsType()
export class UitkeringenArgs extends UitkeringenActiefArgs {
  @Field(() => String, { nullable: true, description: 'Alleen uitkeringen van deze gemeente (CBS-code, "0406").' })
  gemeente?: string | null;
}
