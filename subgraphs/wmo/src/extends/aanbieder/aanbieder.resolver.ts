import { PageArgs, pageInfo, pageOf, requiresAuthentication, requiresScope, Scope } from '@sociaal-graph/toolkit';
import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { type WmoContext, wmoToewijzingScope } from '../../context.js';
import { wmoToewijzingOf, WmoToewijzingPage } from '../../toewijzing/toewijzing.type.js';
import { Aanbieder } from './aanbieder.type.js';

/** The fields wmo adds to the inkoop subgraph's `Aanbieder`. */
@Resolver(() => Aanbieder)
export class AanbiederResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @FieldResolver(() => WmoToewijzingPage, {
    // Nullable: when this subgraph fails, only this field goes null, not the other subgraph's entity.
    nullable: true,
    description: 'Wmo-toewijzingen aan deze aanbieder, geordend op gemeente en toewijzingsnummer.',
  })
  async wmoToewijzingen(
    @Root() aanbieder: Aanbieder,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: WmoContext,
  ): Promise<WmoToewijzingPage> {
    const page = pageOf(args);
    const { rows, totaal } = await context.loaders
      .toewijzingPagina({ parent: 'aanbieder', ...page, scope: wmoToewijzingScope(context) })
      .load(aanbieder.agbCode);
    return { items: rows.map(wmoToewijzingOf), pageInfo: pageInfo(totaal, page, rows.length) };
  }
}
