import { PageArgs } from '@sociaal-graph/toolkit';
import { ArgsType, Field } from 'type-graphql';

/** Arguments of the top-level `subsidiepartners` list. */
@ArgsType()
export class SubsidiepartnersArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Alleen partners met dit thema (WELZIJN, MANTELZORG, CJG, SPORT_EN_BEWEGEN, VRIJWILLIGERSWERK).',
  })
  thema?: string | null;
}
