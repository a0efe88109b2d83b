import { PageArgs, Wet } from '@sociaal-graph/toolkit';
import { ArgsType, Field } from 'type-graphql';

/** Arguments of `contracten`: optional filters and the page. */
@ArgsType()
export class ContractenArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Alleen contracten van deze contractant (organisatie-id, bijvoorbeeld "regio-gv" voor de regio).',
  })
  contractant?: string | null;

  @Field(() => String, { nullable: true, description: 'Alleen contracten waaraan deze gemeente deelneemt (CBS-code).' })
  gemeente?: string | null;

  @Field(() => Wet, { nullable: true, description: 'Alleen contracten onder deze wet.' })
  wet?: Wet | null;
}
