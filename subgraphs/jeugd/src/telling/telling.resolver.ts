import { scopeParameter } from '@sociaal-graph/toolkit';
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { JeugdContext } from '../context.js';
import { jeugdScope } from '../scope.js';
import { JeugdTellingArgs, tellingGemeentenOf } from './telling.input.js';
import { selectTellingen } from './telling.sql.js';
import { JeugdToewijzingTelling, jeugdToewijzingTellingOf } from './telling.type.js';

/** Aggregates of jeugdhulp toewijzingen for analysts and controllers. */
@Resolver(() => JeugdToewijzingTelling)
export class JeugdToewijzingTellingResolver {
  @Query(() => [JeugdToewijzingTelling], {
    description:
      'Per gemeente en productcategorie: het aantal jeugdhulptoewijzingen dat in het jaar op minstens een dag actief was, ' +
      'en het aantal unieke jeugdigen. Combinaties zonder toewijzingen ontbreken; een gemeente buiten uw mandaat ' +
      '(Jeugdwet, uitvoering) geeft een fout FORBIDDEN, geen nul.',
  })
  async jeugdToewijzingenPerProductcategorie(
    @Args(() => JeugdTellingArgs) args: JeugdTellingArgs,
    @Ctx() context: JeugdContext,
  ): Promise<JeugdToewijzingTelling[]> {
    const scope = jeugdScope(context.principal);
    const codes = tellingGemeentenOf(args, scope);
    const rows = await selectTellingen(context.db, codes, args.jaar, scopeParameter(scope));
    return rows.map((row) => jeugdToewijzingTellingOf(row, args.jaar));
  }
}
