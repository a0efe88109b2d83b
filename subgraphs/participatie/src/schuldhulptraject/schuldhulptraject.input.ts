import { PageArgs } from '@sociaal-graph/toolkit';
import { ArgsType, Field } from 'type-graphql';

/** Arguments of the top-level `schuldhulptrajecten` list. */
@ArgsType()
export class SchuldhulptrajectenArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Alleen trajecten van deze gemeente (CBS-code, "0406").' })
  gemeente?: string | null;
}
