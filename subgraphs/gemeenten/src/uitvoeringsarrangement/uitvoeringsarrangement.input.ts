import { PageArgs, Rol, Wet } from '@sociaal-graph/toolkit';
import { ArgsType, Field } from 'type-graphql';

/** Filters and page of the `uitvoeringsarrangementen` query; every filter is optional. */
@ArgsType()
export class UitvoeringsarrangementenArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Alleen arrangementen voor deze gemeente (CBS-code).' })
  gemeente?: string | null;

  @Field(() => Wet, { nullable: true, description: 'Alleen arrangementen voor deze wet.' })
  wet?: Wet | null;

  @Field(() => Rol, { nullable: true, description: 'Alleen arrangementen in deze rol.' })
  rol?: Rol | null;

  @Field(() => String, { nullable: true, description: 'Alleen arrangementen die deze organisatie uitvoert (organisatie-id).' })
  organisatie?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Alleen arrangementen die op deze datum gelden (JJJJ-MM-DD); zonder peildatum alle, ook vervallen en toekomstige.',
  })
  peildatum?: string | null;
}
