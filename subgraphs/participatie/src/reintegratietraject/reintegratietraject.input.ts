import { PageArgs } from '@sociaal-graph/toolkit';
import { ArgsType, Field } from 'type-graphql';

/** Arguments of the top-level `reintegratietrajecten` list. */
@ArgsType()
export class ReintegratietrajectenArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Alleen trajecten van deze gemeente (CBS-code, "0406").' })
  gemeente?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Alleen trajecten met dit instrument (WERKFIT, PARTICIPATIEPLEK, BESCHUT_WERK, JOBCOACHING, LOONKOSTENSUBSIDIE).',
  })
  instrument?: string | null;
}
