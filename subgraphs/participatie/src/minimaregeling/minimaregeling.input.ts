import { PageArgs } from '@sociaal-graph/toolkit';
import { ArgsType, Field, Int } from 'type-graphql';

/** Arguments of the top-level `minimaregelingen` list. */
@ArgsType()
export class MinimaregelingenArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Alleen toekenningen van deze gemeente (CBS-code, "0406").' })
  gemeente?: string | null;

  @Field(() => Int, { nullable: true, description: 'Alleen toekenningen over dit jaar.' })
  jaar?: number | null;
}
