import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { listSize, requiresAuthentication, requiresScope, Scope } from '@sociaal-graph/toolkit';
import type { InkoopContext } from '../../context.js';
import { toewijzingKey } from '../../declaratie/declaratie.sql.js';
import { Declaratie } from '../../declaratie/declaratie.type.js';
import { JeugdToewijzing } from './jeugd-toewijzing.type.js';

/** The fields inkoop adds to JeugdToewijzing. */
@Resolver(() => JeugdToewijzing)
export class JeugdToewijzingResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS, Scope.DECLARATIES))
  @Directive(listSize(120))
  @FieldResolver(() => [Declaratie], {
    // Nullable: when this subgraph fails, only this field goes null, not the other subgraph's entity.
    nullable: true,
    description:
      'Declaratieregels onder deze toewijzing (Jeugdwet), op leveringsperiode; alleen als de vrager het contractbeheer ' +
      'van de Jeugdwet voor de gemeente heeft.',
  })
  declaraties(@Root() toewijzing: JeugdToewijzing, @Ctx() { loaders, principal }: InkoopContext): Promise<Declaratie[]> {
    return loaders.scoped.declaratiesByJeugdToewijzing.load(toewijzingKey(toewijzing));
  }
}
