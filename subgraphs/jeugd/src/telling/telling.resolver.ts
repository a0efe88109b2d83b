import { scopeParameter } from '@sociaal-graph/toolkit';
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { JeugdContext } from '../context.js';
import { jeugdScope } from '../scope.js';
import { JeugdTellingArgs, tellingGemeentenOf } from './telling.input.js';
import { selectTellingen } from './telling.sql.js';
import { JeugdToewijzingTelling, jeugdToewijzingTellingenOf } from './telling.type.js';

/** Aggregates of jeugdhulp toewijzingen for analysts and controllers, small cells suppressed after the SQL count. */
@Resolver(() => JeugdToewijzingTelling)
export class JeugdToewijzingTellingResolver {
  @Query(() => [JeugdToewijzingTelling], {
    description:
      'Per gemeente en productcategorie: het aantal jeugdhulptoewijzingen dat in het jaar op minstens een dag actief was, ' +
      'en het aantal unieke jeugdigen, met per gemeente een totaalrij. Aantallen onder 10 zijn onderdrukt, de rest ' +
      'afgerond op 5, en cellen die uit het totaal af te leiden zouden zijn ook onderdrukt (voor iedere aanvrager). ' +
      'Combinaties zonder toewijzingen ontbreken; een gemeente buiten uw mandaat ' +
      '(Jeugdwet, uitvoering) geeft een fout FORBIDDEN, geen nul.',
  })
  async jeugdToewijzingenPerProductcategorie(
    @Args(() => JeugdTellingArgs) args: JeugdTellingArgs,
    @Ctx() context: JeugdContext,
  ): Promise<JeugdToewijzingTelling[]> {
    const scope = jeugdScope(context.principal);
    const codes = tellingGemeentenOf(args, scope);
    const rows = await selectTellingen(context.db, codes, args.jaar, scopeParameter(scope));
    return jeugdToewijzingTellingenOf(rows, args.jaar);
  }
}
