import { Args, Ctx, FieldResolver, Query, Resolver, Root, Directive } from 'type-graphql';
import { listSize, PageArgs, pageInfo, pageOf } from '@sociaal-graph/toolkit';
import type { ToegangContext } from '../context.js';
import { Consulent } from '../consulent/consulent.type.js';
import { Organisatie } from '../extends/organisatie/organisatie.type.js';
import { Team, TeamPage } from './team.type.js';
import { teamPagina, type TeamRow } from './team.sql.js';

/** The `teams` root field and the fields of a team. */
@Resolver(() => Team)
export class TeamResolver {
  @Query(() => TeamPage, { description: 'De teams van de toegang, op naam.' })
  async teams(@Args(() => PageArgs) args: PageArgs, @Ctx() context: ToegangContext): Promise<TeamPage> {
    const page = pageOf(args);
    const { totaal, teams } = await teamPagina(context.db, page);
    return { items: teams, pageInfo: pageInfo(totaal, page, teams.length) };
  }

  @FieldResolver(() => Organisatie, { nullable: true, description: 'De organisatie waartoe het team behoort (gemeente of uitvoeringsorganisatie).' })
  organisatie(@Root() team: TeamRow): Organisatie {
    return { id: team.organisatieId };
  }

  @Directive(listSize(100))
  @FieldResolver(() => [Consulent], { description: 'De consulenten van het team, op naam.' })
  consulenten(@Root() team: TeamRow, @Ctx() context: ToegangContext) {
    return context.loaders.consulentenVanTeam.load(team.id);
  }
}
