import { PageArgs } from '@sociaal-graph/toolkit';
import { ArgsType, Field } from 'type-graphql';

/** Arguments of `aanbieders`: an optional name filter and the page. */
@ArgsType()
export class AanbiedersArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Deel van de naam (hoofdletterongevoelig); leeg voor alle aanbieders.' })
  naam?: string | null;
}
