import {
  assertGemeentecode,
  pageInfo,
  pageOf,
  requiresAuthentication,
  requiresScope,
  Scope,
  assertToewijzingsnummer,
} from '@sociaal-graph/toolkit';
import { Args, Ctx, Directive, Query, Resolver } from 'type-graphql';
import type { JeugdContext } from '../context.js';
import { VERWERKING } from '../loaders.js';
import { jeugdToewijzingScope } from '../scope.js';
import {
  JeugdToewijzingenArgs,
  JeugdToewijzingKeyArgs,
  toewijzingFilterOf,
} from './jeugd-toewijzing.input.js';
import { findToewijzingen, toewijzingKey } from './jeugd-toewijzing.sql.js';
import { JeugdToewijzing, JeugdToewijzingPage } from './jeugd-toewijzing.type.js';

/** The top-level queries for jeugdhulp toewijzingen: one by key, and a filtered page. */
@Resolver(() => JeugdToewijzing)
export class JeugdToewijzingResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
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

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @Query(() => JeugdToewijzingPage, {
    nullable: true,
    description:
      'Jeugdhulptoewijzingen binnen uw mandaat (Jeugdwet, uitvoering), nieuwste ingangsdatum eerst, met optionele filters.',
  })
  async jeugdToewijzingen(
    @Args(() => JeugdToewijzingenArgs) args: JeugdToewijzingenArgs,
    @Ctx() context: JeugdContext,
  ): Promise<JeugdToewijzingPage> {
    const filter = toewijzingFilterOf(args);
    const page = pageOf(args);
    const { rows, total } = await findToewijzingen(context.db, filter, jeugdToewijzingScope(context.principal), page);
    context.logboek.registreer(VERWERKING.TOEWIJZING_LEZEN, rows.map((row) => row.inwonerId));
    return { items: rows, pageInfo: pageInfo(total, page, rows.length) };
  }
}
