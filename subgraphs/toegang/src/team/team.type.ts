import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '@sociaal-graph/toolkit';
import type { TeamRow } from './team.sql.js';

/** A team of the toegang. */
@ObjectType('Team', { description: 'Een team van de toegang (sociaal team, jeugdteam, werk en inkomen).' })
export class Team implements TeamRow {
  @Field(() => String, { description: 'Id van het team.' })
  id!: string;

  @Field(() => String, { description: 'Naam van het team.' })
  naam!: string;

  @Field(() => String, { nullable: true, description: 'Doelgroep van het team (bijvoorbeeld jeugd, volwassenen), als die is vastgelegd.' })
  doelgroep!: string | null;

  organisatieId!: string;
}

/** One page of teams. */
@ObjectType('TeamPage', { description: 'Een pagina teams.' })
export class TeamPage {
  @Field(() => [Team], { description: 'De teams op deze pagina.' })
  items!: Team[];

  @Field(() => PageInfo, { description: 'Gegevens over de pagina.' })
  pageInfo!: PageInfo;
}
