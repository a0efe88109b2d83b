import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { badUserInput } from '@sociaal-graph/toolkit';
import type { ToegangContext } from '../context.js';
import { Team } from '../team/team.type.js';
import { Consulent } from './consulent.type.js';
import type { ConsulentRow } from './consulent.sql.js';

/** The `consulent` root field and a consulent's team. */
@Resolver(() => Consulent)
export class ConsulentResolver {
  @Query(() => Consulent, { nullable: true, description: 'Eén consulent op id; null als die niet bestaat.' })
  consulent(@Arg('id', () => String, { description: 'Id van de consulent.' }) id: string, @Ctx() context: ToegangContext) {
    if (id.trim() === '') throw badUserInput('Geef het id van een consulent op.', { argument: 'id' });
    return context.loaders.consulent.load(id);
  }

  @FieldResolver(() => Team, { description: 'Het team waarin de consulent werkt.' })
  async team(@Root() consulent: ConsulentRow, @Ctx() context: ToegangContext) {
    return context.loaders.team.load(consulent.teamId);
  }
}
