import { PageArgs } from '@sociaal-graph/toolkit';
import { ArgsType, Field } from 'type-graphql';

/** Arguments of the `gemeenten` query: a page, optionally within one region. */
@ArgsType()
export class GemeentenArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Alleen gemeenten die tot deze regio behoren (regiocode, bijvoorbeeld "regio-gv").',
  })
  regio?: string | null;
}
