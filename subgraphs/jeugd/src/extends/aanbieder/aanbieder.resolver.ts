import { PageArgs, pageOf, requiresAuthentication, requiresScope, Scope } from '@sociaal-graph/toolkit';
import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { JeugdContext } from '../../context.js';
import { JeugdToewijzingPage } from '../../jeugd-toewijzing/jeugd-toewijzing.type.js';
import { Aanbieder } from './aanbieder.type.js';

/** The jeugdhulp toewijzingen of a provider, a page per aanbieder through one loader. */
@Resolver(() => Aanbieder)
export class AanbiederResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @FieldResolver(() => JeugdToewijzingPage, {
    // Nullable: when this subgraph fails, only this field goes null, not the other subgraph's entity.
    nullable: true,
    description: 'Jeugdhulptoewijzingen aan deze aanbieder binnen uw mandaat (Jeugdwet, uitvoering), nieuwste eerst.',
  })
  async jeugdToewijzingen(
    @Root() aanbieder: Aanbieder,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: JeugdContext,
  ): Promise<JeugdToewijzingPage> {
    const { first, offset } = pageOf(args);
    const loader = context.loaders.toewijzingPagina({
      parent: 'aanbieder_agb',
      first,
      offset,
      actiefOp: null,
    });
    return loader.load(aanbieder.agbCode);
  }
}
