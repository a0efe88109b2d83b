import {
  geaggregeerd,
  assertDatum,
  assertJaar,
  assertStatistiek,
  pageInfo,
  pageOf,
  requiresAuthentication,
  requiresScope,
  Scope,
  scopeParameter,
  Wet,
  listSize,
  WMO_PRODUCTCATEGORIE,
} from '@sociaal-graph/toolkit';
import { Arg, Args, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { type WmoContext, wmoToewijzingScope } from '../../context.js';
import { WmoToewijzingTelling, wmoToewijzingTellingenOf } from '../../telling/telling.type.js';
import { WmoToewijzingenVanGemeenteArgs } from '../../toewijzing/toewijzing.input.js';
import { wmoToewijzingOf, WmoToewijzingPage } from '../../toewijzing/toewijzing.type.js';
import { Gemeente } from './gemeente.type.js';

/** The fields wmo adds to the gemeenten subgraph's `Gemeente`. */
@Resolver(() => Gemeente)
export class GemeenteResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @FieldResolver(() => WmoToewijzingPage, {
    // Nullable: when this subgraph fails, only this field goes null, not the other subgraph's entity.
    nullable: true,
    description: 'Wmo-toewijzingen van deze gemeente, eventueel alleen die op een datum actief zijn.',
  })
  async wmoToewijzingen(
    @Root() gemeente: Gemeente,
    @Args(() => WmoToewijzingenVanGemeenteArgs) args: WmoToewijzingenVanGemeenteArgs,
    @Ctx() context: WmoContext,
  ): Promise<WmoToewijzingPage> {
    const page = pageOf(args);
    const actiefOp = args.actiefOp == null ? undefined : assertDatum(args.actiefOp, 'actiefOp');
    const { rows, totaal } = await context.loaders
      .toewijzingPagina({ parent: 'gemeente', ...page, actiefOp, scope: wmoToewijzingScope(context) })
      .load(gemeente.code);
    return { items: rows.map(wmoToewijzingOf), pageInfo: pageInfo(totaal, page, rows.length) };
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.AGGREGATEN))
  @Directive(listSize(WMO_PRODUCTCATEGORIE.size + 1))
  @Directive(geaggregeerd)
  @FieldResolver(() => [WmoToewijzingTelling], {
    // Nullable: when this subgraph fails, only this field goes null, not the other subgraph's entity.
    nullable: true,
    description:
      'Aantal Wmo-toewijzingen en clienten per productcategorie van deze gemeente in een jaar, met een totaalrij; ' +
      'zie Verantwoording.onderdrukkingsregel. Leeg met een fout FORBIDDEN als de gemeente buiten uw ' +
      'mandaat voor statistiek (Wmo) valt.',
  })
  async wmoToewijzingenPerProductcategorie(
    @Root() gemeente: Gemeente,
    @Arg('jaar', () => Int, { description: 'Kalenderjaar (2015 of later).' }) jaar: number,
    @Ctx() context: WmoContext,
  ): Promise<WmoToewijzingTelling[]> {
    assertJaar(jaar);
    const scope = context.principal.statistiek(Wet.WMO);
    assertStatistiek(Wet.WMO, scope, [gemeente.code]);
    const rows = await context.loaders.tellingen({ jaar, gemeenten: scopeParameter(scope) }).load(gemeente.code);
    return wmoToewijzingTellingenOf(rows, jaar, context.disclosure);
  }
}
