import {
  assertDatum,
  assertGemeentecode,
  pageInfo,
  pageOf,
  requiresAuthentication,
  requiresScope,
  Scope,
  assertToewijzingsnummer,
  vandaagInNederland,
} from '@sociaal-graph/toolkit';
import { Arg, Args, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { type WmoContext, wmoToewijzingScope } from '../context.js';
import { VERWERKING } from '../loaders.js';
import {
  toewijzingFilterOf,
  WmoToewijzingenArgs,
  WmoToewijzingSleutelArgs,
} from './toewijzing.input.js';
import { selectToewijzingPage, toewijzingKey } from './toewijzing.sql.js';
import { WmoToewijzing, wmoToewijzingOf, WmoToewijzingPage } from './toewijzing.type.js';

/** Lookups and lists of Wmo toewijzingen, and the fields computed on one. */
@Resolver(() => WmoToewijzing)
export class WmoToewijzingResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @Query(() => WmoToewijzing, {
    nullable: true,
    description: 'Een Wmo-toewijzing op gemeente en toewijzingsnummer; leeg als zij niet bestaat of niet zichtbaar is.',
  })
  async wmoToewijzing(
    @Args(() => WmoToewijzingSleutelArgs) { gemeenteCode, toewijzingsnummer }: WmoToewijzingSleutelArgs,
    @Ctx() context: WmoContext,
  ): Promise<WmoToewijzing | null> {
    const key = toewijzingKey(assertGemeentecode(gemeenteCode, 'gemeenteCode'), assertToewijzingsnummer(toewijzingsnummer));
    const row = await context.loaders.toewijzing(wmoToewijzingScope(context)).load(key);
    return row && wmoToewijzingOf(row);
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @Query(() => WmoToewijzingPage, {
    nullable: true,
    description:
      'Wmo-toewijzingen, gefilterd op gemeente, productcategorie, aanbieder en datum, geordend op gemeente en toewijzingsnummer.',
  })
  async wmoToewijzingen(
    @Args(() => WmoToewijzingenArgs) args: WmoToewijzingenArgs,
    @Ctx() context: WmoContext,
  ): Promise<WmoToewijzingPage> {
    const filter = toewijzingFilterOf(args);
    const page = pageOf(args);
    const { rows, totaal } = await selectToewijzingPage(context.db, filter, page, wmoToewijzingScope(context));
    context.logboek.registreer(VERWERKING.TOEWIJZING_LEZEN, rows.map((row) => row.inwonerId));
    return { items: rows.map(wmoToewijzingOf), pageInfo: pageInfo(totaal, page, rows.length) };
  }

  @FieldResolver(() => Boolean, {
    description: 'Of de toewijzing op de datum geldt: ingangsdatum op of voor die dag en geen einddatum ervoor.',
  })
  actief(
    @Root() toewijzing: WmoToewijzing,
    @Arg('op', () => String, { nullable: true, description: 'Datum (JJJJ-MM-DD); standaard vandaag.' }) op?: string | null,
  ): boolean {
    const datum = op == null ? vandaagInNederland() : assertDatum(op, 'op');
    // ISO dates compare correctly as strings.
    return toewijzing.ingangsdatum <= datum && (toewijzing.einddatum === null || toewijzing.einddatum >= datum);
  }
}

