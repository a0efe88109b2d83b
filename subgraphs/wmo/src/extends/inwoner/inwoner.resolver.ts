import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { listSize, requiresAuthentication, requiresScope, Scope } from '@sociaal-graph/toolkit';
import { type WmoContext, wmoToewijzingScope } from '../../context.js';
import { WmoToewijzing, wmoToewijzingOf } from '../../toewijzing/toewijzing.type.js';
import { Inwoner } from './inwoner.type.js';

/** The fields wmo adds to the toegang subgraph's `Inwoner`. */
@Resolver(() => Inwoner)
export class InwonerResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @Directive(listSize(50))
  @FieldResolver(() => [WmoToewijzing], {
    // Nullable: when this subgraph fails, only this field goes null, not the other subgraph's entity.
    nullable: true,
    description: 'Alle Wmo-toewijzingen van de inwoner (lopend en beeindigd), oudste ingangsdatum eerst.',
  })
  async wmoToewijzingen(@Root() inwoner: Inwoner, @Ctx() context: WmoContext): Promise<WmoToewijzing[]> {
    const rows = await context.loaders.toewijzingenVanInwoner(wmoToewijzingScope(context)).load(inwoner.id);
    return rows.map(wmoToewijzingOf);
  }
}
