import { assertGemeentecode, pageInfo, pageOf } from '@sociaal-graph/toolkit';
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { JeugdContext } from '../context.js';
import { jeugdGemeenten } from '../scope.js';
import { assertToewijzingsnummer, JeugdToewijzingenArgs, JeugdToewijzingKeyArgs, toewijzingFilterOf } from './jeugd-toewijzing.input.js';
import { findToewijzingen, toewijzingKey } from './jeugd-toewijzing.sql.js';
import { JeugdToewijzing, JeugdToewijzingPage } from './jeugd-toewijzing.type.js';

/** The top-level queries for jeugdhulp toewijzingen: one by key, and a filtered page. */
@Resolver(() => JeugdToewijzing)
export class JeugdToewijzingResolver {
  @Query(() => JeugdToewijzing, {
    nullable: true,
    description:
      'Een jeugdhulptoewijzing op sleutel; leeg als die niet bestaat of buiten uw mandaat (Jeugdwet, uitvoering) valt.',
  })
  async jeugdToewijzing(
    @Args(() => JeugdToewijzingKeyArgs) { gemeenteCode, toewijzingsnummer }: JeugdToewijzingKeyArgs,
    @Ctx() context: JeugdContext,
  ): Promise<JeugdToewijzing | null> {
    const key = toewijzingKey(
      assertGemeentecode(gemeenteCode, 'gemeenteCode'),
      assertToewijzingsnummer(toewijzingsnummer),
    );
    return context.loaders.toewijzing.load(key);
  }

  @Query(() => JeugdToewijzingPage, {
    description:
      'Jeugdhulptoewijzingen binnen uw mandaat (Jeugdwet, uitvoering), nieuwste ingangsdatum eerst, met optionele filters.',
  })
  async jeugdToewijzingen(
    @Args(() => JeugdToewijzingenArgs) args: JeugdToewijzingenArgs,
    @Ctx() context: JeugdContext,
  ): Promise<JeugdToewijzingPage> {
    const filter = toewijzingFilterOf(args);
    const page = pageOf(args);
    const { rows, total } = await findToewijzingen(context.db, filter, jeugdGemeenten(context.principal), page);
    return { items: rows, pageInfo: pageInfo(total, page, rows.length) };
  }
}
