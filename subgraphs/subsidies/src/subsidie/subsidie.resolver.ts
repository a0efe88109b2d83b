import { Code, codeOf, formatEurocent, listSize, pageInfo, pageOf } from '@sociaal-graph/toolkit';
import { Args, Ctx, FieldResolver, Query, Resolver, Root, Directive } from 'type-graphql';
import { SUBSIDIE_SOORT, SUBSIDIE_STATUS } from '../codelists.js';
import type { SubsidiesContext } from '../context.js';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import { Prestatieafspraak } from '../prestatieafspraak/prestatieafspraak.type.js';
import { Subsidiepartner } from '../subsidiepartner/subsidiepartner.type.js';
import { SubsidieFilterArgs, subsidieFilterOf } from './subsidie.input.js';
import { fetchSubsidiePage } from './subsidie.sql.js';
import { Subsidie, SubsidiePage } from './subsidie.type.js';

/** Queries for subsidies and the fields derived from their codes, amounts and keys. */
@Resolver(() => Subsidie)
export class SubsidieResolver {
  @Query(() => SubsidiePage, { description: 'Subsidies, nieuwste jaar eerst; filter op gemeente, jaar en partner.' })
  async subsidies(@Args(() => SubsidieFilterArgs) args: SubsidieFilterArgs, @Ctx() ctx: SubsidiesContext): Promise<SubsidiePage> {
    const page = pageOf(args);
    const { totaal, items } = await fetchSubsidiePage(ctx.db, subsidieFilterOf(args), page);
    return { items, pageInfo: pageInfo(totaal, page, items.length) };
  }

  @FieldResolver(() => Subsidiepartner, { description: 'De partner die de subsidie ontvangt.' })
  partner(@Root() subsidie: Subsidie, @Ctx() ctx: SubsidiesContext): Promise<Subsidiepartner | null> {
    return ctx.loaders.subsidiepartner.load(subsidie.partnerId);
  }

  @FieldResolver(() => Gemeente, { nullable: true, description: 'De subsidieverlenende gemeente.' })
  gemeente(@Root() subsidie: Subsidie): Gemeente {
    return { code: subsidie.gemeenteCode };
  }

  @FieldResolver(() => Code, { description: 'Soort subsidie.' })
  soort(@Root() subsidie: Subsidie): Code | null {
    return codeOf(SUBSIDIE_SOORT, subsidie.soortCode);
  }

  @FieldResolver(() => Code, { description: 'Status: aangevraagd, verleend of vastgesteld.' })
  status(@Root() subsidie: Subsidie): Code | null {
    return codeOf(SUBSIDIE_STATUS, subsidie.statusCode);
  }

  @Directive(listSize(20))
  @FieldResolver(() => [Prestatieafspraak], { description: 'De prestatieafspraken bij deze subsidie.' })
  prestatieafspraken(@Root() subsidie: Subsidie, @Ctx() ctx: SubsidiesContext): Promise<Prestatieafspraak[]> {
    return ctx.loaders.prestatieafsprakenBySubsidie.load(subsidie.id);
  }

  @FieldResolver(() => String, { description: 'Aangevraagd bedrag, leesbaar ("€ 1.234,56").' })
  aangevraagdTekst(@Root() subsidie: Subsidie): string {
    return formatEurocent(subsidie.aangevraagd);
  }

  @FieldResolver(() => String, { description: 'Verleend bedrag, leesbaar ("€ 1.234,56").' })
  verleendTekst(@Root() subsidie: Subsidie): string {
    return formatEurocent(subsidie.verleend);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Vastgesteld bedrag, leesbaar ("€ 1.234,56"); leeg tot de vaststelling.' })
  vastgesteldTekst(@Root() subsidie: Subsidie): string | null {
    return subsidie.vastgesteld === null ? null : formatEurocent(subsidie.vastgesteld);
  }

  @FieldResolver(() => String, { description: 'Budgetplafond, leesbaar ("€ 1.234,56").' })
  budgetplafondTekst(@Root() subsidie: Subsidie): string {
    return formatEurocent(subsidie.budgetplafond);
  }
}
