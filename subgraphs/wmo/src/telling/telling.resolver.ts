import {
  geaggregeerd,
  assertGemeentecodes,
  assertJaar,
  assertStatistiek,
  requiresAuthentication,
  requiresScope,
  Scope,
  scopeParameter,
  Wet,
  listSize,
  selectToewijzingTellingen,
  WMO_PRODUCTCATEGORIE,
} from '@sociaal-graph/toolkit';
import { Args, ArgsType, Ctx, Directive, Field, Int, Query, Resolver } from 'type-graphql';
import type { WmoContext } from '../context.js';
import { WmoToewijzingTelling, wmoToewijzingTellingenOf } from './telling.type.js';

/** Arguments of `wmoToewijzingenPerProductcategorie`; a class so the SDL lists them in this order. */
@ArgsType()
export class WmoTellingArgs {
  @Field(() => [String], { description: 'CBS-gemeentecodes ("0406"), hoogstens 400.' })
  gemeenten!: string[];

  @Field(() => Int, { description: 'Kalenderjaar (2015 of later).' })
  jaar!: number;
}

/** Aggregates of Wmo toewijzingen for analysts and controllers, small cells suppressed after the SQL count. */
@Resolver(() => WmoToewijzingTelling)
export class WmoToewijzingTellingResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.AGGREGATEN))
  @Directive(listSize(WMO_PRODUCTCATEGORIE.size + 1))
  @Directive(geaggregeerd)
  @Query(() => [WmoToewijzingTelling], {
    nullable: true,
    description:
      'Per gemeente en productcategorie: het aantal Wmo-toewijzingen dat in het jaar op minstens een dag actief was, en het aantal ' +
      'unieke clienten, met per gemeente een totaalrij. Aantallen onder 10 zijn onderdrukt, de rest afgerond op 5, en cellen die ' +
      'uit het totaal af te leiden zouden zijn ook onderdrukt (voor iedere aanvrager). Combinaties zonder toewijzingen ontbreken; een gemeente buiten uw ' +
      'mandaat voor statistiek (Wmo) geeft een fout FORBIDDEN, geen nul.',
  })
  async wmoToewijzingenPerProductcategorie(
    @Args(() => WmoTellingArgs) { gemeenten: gemeenteCodes, jaar }: WmoTellingArgs,
    @Ctx() context: WmoContext,
  ): Promise<WmoToewijzingTelling[]> {
    const codes = assertGemeentecodes(gemeenteCodes);
    assertJaar(jaar);
    // Counts follow the aggregate rights (the gemeente's own beleid sees them too), not the row scope.
    const scope = context.principal.statistiek(Wet.WMO);
    assertStatistiek(Wet.WMO, scope, codes);
    const rows = await selectToewijzingTellingen(context.db, codes, jaar, scopeParameter(scope));
    return wmoToewijzingTellingenOf(rows, jaar, context.disclosure);
  }
}
