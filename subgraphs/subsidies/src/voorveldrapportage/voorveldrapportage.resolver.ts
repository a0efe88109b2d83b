import { pageInfo, pageOf } from '@sociaal-graph/toolkit';
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { SubsidiesContext } from '../context.js';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import { SubsidieFilterArgs, subsidieFilterOf } from '../subsidie/subsidie.input.js';
import { Subsidiepartner } from '../subsidiepartner/subsidiepartner.type.js';
import { fetchVoorveldrapportagePage } from './voorveldrapportage.sql.js';
import { Voorveldrapportage, VoorveldrapportagePage } from './voorveldrapportage.type.js';

/** Queries for voorveldrapportages and their partner and gemeente. */
@Resolver(() => Voorveldrapportage)
export class VoorveldrapportageResolver {
  @Query(() => VoorveldrapportagePage, {
    description: 'Kwartaalrapportages van voorveldpartners, nieuwste eerst; filter op gemeente, jaar en partner.',
  })
  async voorveldrapportages(
    @Args(() => SubsidieFilterArgs) args: SubsidieFilterArgs,
    @Ctx() ctx: SubsidiesContext,
  ): Promise<VoorveldrapportagePage> {
    const page = pageOf(args);
    const { totaal, items } = await fetchVoorveldrapportagePage(ctx.db, subsidieFilterOf(args), page);
    return { items, pageInfo: pageInfo(totaal, page, items.length) };
  }

  @FieldResolver(() => Subsidiepartner, { description: 'De partner die rapporteert.' })
  partner(@Root() rapportage: Voorveldrapportage, @Ctx() ctx: SubsidiesContext): Promise<Subsidiepartner | null> {
    return ctx.loaders.subsidiepartner.load(rapportage.partnerId);
  }

  @FieldResolver(() => Gemeente, { nullable: true, description: 'De gemeente waarover gerapporteerd wordt.' })
  gemeente(@Root() rapportage: Voorveldrapportage): Gemeente {
    return { code: rapportage.gemeenteCode };
  }
}
