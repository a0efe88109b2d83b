import { PageArgs } from '@sociaal-graph/toolkit';
import { ArgsType, Field } from 'type-graphql';

/** Arguments of `Gemeente.jeugdToewijzingen`: `first`/`offset` and an optional date. */
@ArgsType()
export class GemeenteJeugdToewijzingenArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Alleen toewijzingen die op deze datum (JJJJ-MM-DD) gelden: ingangsdatum op of voor, einddatum op of na.',
  })
  actiefOp?: string | null;
}
