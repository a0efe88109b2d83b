import { PageArgs, Wet } from '@sociaal-graph/toolkit';
import { ArgsType, Field } from 'type-graphql';

/** Arguments of `declaraties`: optional filters and the page. */
@ArgsType()
export class DeclaratiesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Alleen declaraties bij deze gemeente (CBS-code).' })
  gemeente?: string | null;

  @Field(() => String, { nullable: true, description: 'Alleen declaraties van deze aanbieder (AGB-code).' })
  aanbieder?: string | null;

  @Field(() => Wet, { nullable: true, description: 'Alleen declaraties onder deze wet.' })
  wet?: Wet | null;

  @Field(() => String, { nullable: true, description: 'Alleen declaraties met dagtekening op of na deze datum (JJJJ-MM-DD).' })
  ingediendVanaf?: string | null;

  @Field(() => String, { nullable: true, description: 'Alleen declaraties met dagtekening op of voor deze datum (JJJJ-MM-DD).' })
  ingediendTot?: string | null;
}
