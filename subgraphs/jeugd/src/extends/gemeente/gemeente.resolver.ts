import { assertDatum, pageOf, requiresAuthentication, requiresScope, Scope } from '@sociaal-graph/toolkit';
import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { JeugdContext } from '../../context.js';
import { JeugdToewijzingPage } from '../../jeugd-toewijzing/jeugd-toewijzing.type.js';
import { GemeenteJeugdToewijzingenArgs } from './gemeente.input.js';
import { Gemeente } from './gemeente.type.js';

/** The jeugdhulp toewijzingen of a gemeente, a page per gemeente through one loader. */
@Resolver(() => Gemeente)
export class GemeenteResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @FieldResolver(() => JeugdToewijzingPage, {
    // Nullable: when this subgraph fails, only this field goes null, not the other subgraph's entity.
    nullable: true,
    description:
      'Jeugdhulptoewijzingen van deze gemeente binnen uw mandaat (Jeugdwet, uitvoering), nieuwste eerst. ' +
      'Leeg als de Jeugdwet van deze gemeente buiten uw mandaat valt.',
  })
  async jeugdToewijzingen(
    @Root() gemeente: Gemeente,
    @Args(() => GemeenteJeugdToewijzingenArgs) args: GemeenteJeugdToewijzingenArgs,
    @Ctx() context: JeugdContext,
  ): Promise<JeugdToewijzingPage> {
    const { first, offset } = pageOf(args);
    const actiefOp = args.actiefOp == null ? null : assertDatum(args.actiefOp, 'actiefOp');
    const loader = context.loaders.toewijzingPagina({
      parent: 'gemeente_code',
      first,
      offset,
      actiefOp,
    });
    return loader.load(gemeente.code);
  }
}
