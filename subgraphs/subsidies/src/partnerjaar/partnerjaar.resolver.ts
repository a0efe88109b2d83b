import { assertGemeentecodes, assertJaar, verantwoording } from '@sociaal-graph/toolkit';
import { Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { SubsidiesContext } from '../context.js';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import { Subsidiepartner } from '../subsidiepartner/subsidiepartner.type.js';
import { selectSubsidiesPerPartner } from './partnerjaar.sql.js';
import { PartnerSubsidiejaar, SubsidiesPerPartner } from './partnerjaar.type.js';

/** Arguments of `subsidiesPerPartner`; a class so the SDL lists them in this order. */
@ArgsType()
export class SubsidiesPerPartnerArgs {
  @Field(() => [String], { description: 'CBS-codes van de subsidieverlenende gemeenten ("0406"), hoogstens 400.' })
  gemeenten!: string[];

  @Field(() => Int, { nullable: true, description: 'Alleen dit subsidiejaar; standaard alle jaren.' })
  jaar?: number | null;

  @Field(() => String, { nullable: true, description: 'Alleen deze subsidiepartner (Subsidiepartner.id); standaard alle.' })
  partner?: string | null;
}

/** Subsidies per partner and year (issue 4 item 9): granted against settled, agreed against realised. */
@Resolver(() => PartnerSubsidiejaar)
export class PartnerSubsidiejaarResolver {
  @Query(() => SubsidiesPerPartner, {
    description:
      'Per subsidiepartner en jaar: verleend tegenover vastgesteld, de prestatieafspraken (afgesproken tegenover gerealiseerd) en de ' +
      'voorveldrapportages, berekend in SQL. Openbare gegevens over organisaties: geen mandaat nodig, niets onderdrukt.',
  })
  async subsidiesPerPartner(
    @Args(() => SubsidiesPerPartnerArgs) { gemeenten, jaar, partner }: SubsidiesPerPartnerArgs,
    @Ctx() ctx: SubsidiesContext,
  ): Promise<SubsidiesPerPartner> {
    const codes = [...new Set(assertGemeentecodes(gemeenten))];
    const rijen = await selectSubsidiesPerPartner(ctx.db, {
      gemeenten: codes,
      jaar: jaar == null ? null : assertJaar(jaar),
      partner: partner ?? null,
    });
    // ISO dates order as strings, so the latest is the maximum.
    const gerapporteerd = rijen.flatMap((rij) => (rij.gerapporteerdTot === null ? [] : [rij.gerapporteerdTot]));
    return {
      verantwoording: verantwoording(
        { binnen: codes, uitgesloten: [] },
        { gegevensTot: gerapporteerd.length === 0 ? null : gerapporteerd.reduce((a, b) => (a > b ? a : b)) },
      ),
      rijen,
    };
  }

  @FieldResolver(() => Subsidiepartner, { nullable: true, description: 'De subsidiepartner.' })
  partner(@Root() rij: PartnerSubsidiejaar, @Ctx() ctx: SubsidiesContext) {
    return ctx.loaders.subsidiepartner.load(rij.partnerId);
  }

  @FieldResolver(() => Gemeente, { nullable: true, description: 'De subsidieverlenende gemeente.' })
  gemeente(@Root() rij: PartnerSubsidiejaar): Gemeente {
    return { code: rij.gemeenteCode };
  }
}
