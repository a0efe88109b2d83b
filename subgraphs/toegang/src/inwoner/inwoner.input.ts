import { ArgsType, Field } from 'type-graphql';
import { PageArgs, Wet } from '@sociaal-graph/toolkit';

/** Arguments of `inwoners`: a gemeente, optionally laws, and a page. */
@ArgsType()
export class InwonersArgs extends PageArgs {
  @Field(() => String, { description: 'CBS-gemeentecode van de woongemeente ("0376").' })
  gemeente!: string;

  @Field(() => [Wet], {
    nullable: true,
    description: 'Alleen inwoners met een melding onder elk van deze wetten (alle, niet één ervan). Leeg of weggelaten: geen filter.',
  })
  wetten?: Wet[] | null;
}
