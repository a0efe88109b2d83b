import { geaggregeerd, requiresAuthentication, requiresScope, Scope, scopeParameter, Wet, JW_PRODUCTCATEGORIE, listSize, selectToewijzingTellingen } from '@sociaal-graph/toolkit';
import { Args, Ctx, Directive, Query, Resolver } from 'type-graphql';
import type { JeugdContext } from '../context.js';
import { JeugdTellingArgs, tellingGemeentenOf } from './telling.input.js';
import { JeugdToewijzingTelling, jeugdToewijzingTellingenOf } from './telling.type.js';

/** Aggregates of jeugdhulp toewijzingen for analysts and controllers, small cells suppressed after the SQL count. */
@Resolver(() => JeugdToewijzingTelling)
export class JeugdToewijzingTellingResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.AGGREGATEN))
  @Directive(listSize(JW_PRODUCTCATEGORIE.size + 1))
  @Directive(geaggregeerd)
  @Query(() => [JeugdToewijzingTelling], {
    nullable: true,
    description:
      'Per gemeente en productcategorie: het aantal jeugdhulptoewijzingen dat in het jaar op minstens een dag actief was, ' +
      'en het aantal unieke jeugdigen, met per gemeente een totaalrij. Aantallen onder 10 zijn onderdrukt, de rest ' +
      'afgerond op 5, en cellen die uit het totaal af te leiden zouden zijn ook onderdrukt (voor iedere aanvrager). ' +
      'Combinaties zonder toewijzingen ontbreken; een gemeente buiten uw mandaat voor statistiek ' +
      '(Jeugdwet) geeft een fout FORBIDDEN, geen nul.',
  })
  async jeugdToewijzingenPerProductcategorie(
    @Args(() => JeugdTellingArgs) args: JeugdTellingArgs,
    @Ctx() context: JeugdContext,
  ): Promise<JeugdToewijzingTelling[]> {
    // Counts follow the aggregate rights (the gemeente's own beleid sees them too), not the row scope.
    const scope = context.principal.statistiek(Wet.JEUGDWET);
    const codes = tellingGemeentenOf(args, scope);
    const rows = await selectToewijzingTellingen(context.db, codes, args.jaar, scopeParameter(scope));
    return jeugdToewijzingTellingenOf(rows, args.jaar, context.disclosure);
  }
}
