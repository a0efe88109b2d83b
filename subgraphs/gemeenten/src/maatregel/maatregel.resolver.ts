import { listSize, Wet } from '@sociaal-graph/toolkit';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root, Directive } from 'type-graphql';
import type { GemeentenContext } from '../context.js';
import { Gemeente } from '../gemeente/gemeente.type.js';
import { fetchAlleMaatregelen } from './maatregel.sql.js';
import { Maatregel, MaatregelNiveau, MaatregelStatus } from './maatregel.type.js';

/** The most measures there are: `maatregelen`'s @listSize, kept by the database (migrations/002_lijstgrenzen.sql). */
export const MAX_MAATREGELEN = 20;

/** The measures and their status per gemeente. */
@Resolver(() => Maatregel)
export class MaatregelResolver {
  // A bound the database keeps (migrations/002_lijstgrenzen.sql refuses a 21st measure): measures are
  // policy decisions registered by hand (the demo world has 6). At 50, measures x statussen (400
  // gemeenten at most) priced the analyst's intake question over the cost limit.
  @Directive(listSize(MAX_MAATREGELEN))
  @Query(() => [Maatregel], { description: 'Alle maatregelen, op naam gesorteerd; optioneel voor één wet of niveau.' })
  async maatregelen(
    @Arg('wet', () => Wet, { nullable: true, description: 'Alleen maatregelen onder deze wet.' }) wet: Wet | null | undefined,
    @Arg('niveau', () => MaatregelNiveau, { nullable: true, description: 'Alleen maatregelen van dit niveau.' })
    niveau: MaatregelNiveau | null | undefined,
    @Ctx() ctx: GemeentenContext,
  ): Promise<Maatregel[]> {
    const rows = await fetchAlleMaatregelen(ctx.db, { wet: wet ?? null, niveau: niveau ?? null });
    for (const row of rows) ctx.loaders.maatregel.prime(row.id, row);
    return rows;
  }

  @Directive(listSize(400))
  @FieldResolver(() => [MaatregelStatus], { description: 'De stand van de maatregel per gemeente, op gemeentecode gesorteerd.' })
  statussen(@Root() maatregel: Maatregel, @Ctx() ctx: GemeentenContext) {
    return ctx.loaders.statussenPerMaatregel.load(maatregel.id);
  }
}

/** The fields of one status: its measure and its gemeente. */
@Resolver(() => MaatregelStatus)
export class MaatregelStatusResolver {
  @FieldResolver(() => Maatregel, { nullable: true, description: 'De maatregel.' })
  maatregel(@Root() status: MaatregelStatus, @Ctx() ctx: GemeentenContext) {
    return ctx.loaders.maatregel.load(status.maatregelId);
  }

  @FieldResolver(() => Gemeente, { nullable: true, description: 'De gemeente.' })
  gemeente(@Root() status: MaatregelStatus, @Ctx() ctx: GemeentenContext) {
    return ctx.loaders.gemeente.load(status.gemeenteCode);
  }
}

/** `Gemeente.maatregelen`: where the gemeente stands with each measure. */
@Resolver(() => Gemeente)
export class GemeenteMaatregelenResolver {
  // One status per measure at most, so the same bound the database keeps.
  @Directive(listSize(MAX_MAATREGELEN))
  @FieldResolver(() => [MaatregelStatus], {
    description: 'De maatregelen met hun stand in deze gemeente, op naam van de maatregel gesorteerd; optioneel voor één wet.',
  })
  async maatregelen(
    @Root() gemeente: Gemeente,
    @Arg('wet', () => Wet, { nullable: true, description: 'Alleen maatregelen onder deze wet.' }) wet: Wet | null | undefined,
    @Ctx() ctx: GemeentenContext,
  ): Promise<MaatregelStatus[]> {
    const statussen = await ctx.loaders.statussenPerGemeente.load(gemeente.code);
    return wet == null ? statussen : statussen.filter((s) => s.maatregelWet === wet);
  }
}
