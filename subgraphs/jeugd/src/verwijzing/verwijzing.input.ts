import { PageArgs } from '@sociaal-graph/toolkit';
import { ArgsType, Field } from 'type-graphql';

/** Arguments of `jeugdVerwijzingen`: an optional gemeente plus `first`/`offset`. */
@ArgsType()
export class JeugdVerwijzingenArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Alleen verwijzingen in deze gemeente (CBS-code, "0406").' })
  gemeente?: string | null;
}
