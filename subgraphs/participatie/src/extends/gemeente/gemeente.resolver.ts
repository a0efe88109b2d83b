import { assertDatum, pageInfo, pageOf, requiresAuthentication, requiresScope, Scope } from '@sociaal-graph/toolkit';
import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ParticipatieContext } from '../../context.js';
import { UitkeringenActiefArgs } from '../../uitkering/uitkering.input.js';
import { UitkeringPage } from '../../uitkering/uitkering.type.js';
import { Gemeente } from './gemeente.type.js';

/** The Participatiewet fields this subgraph adds to Gemeente. */
@Resolver(() => Gemeente)
export class GemeenteResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @FieldResolver(() => UitkeringPage, {
    // Nullable: when this subgraph fails, only this field goes null, not the other subgraph's entity.
    nullable: true,
    description: 'Uitkeringen van deze gemeente binnen het mandaat van de aanvrager, nieuwste eerst.',
  })
  async uitkeringen(
    @Root() gemeente: Gemeente,
    @Args(() => UitkeringenActiefArgs) args: UitkeringenActiefArgs,
    @Ctx() ctx: ParticipatieContext,
  ): Promise<UitkeringPage> {
    const page = pageOf(args);
    const actiefOp = args.actiefOp == null ? null : assertDatum(args.actiefOp, 'actiefOp');
    const loader = ctx.loaders.uitkeringPageByGemeente({ actiefOp, ...page });
    const { totaal, items } = await loader.load(gemeente.code);
    return { items, pageInfo: pageInfo(totaal, page, items.length) };
  }
}
