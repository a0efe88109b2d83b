import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, Directive, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { asksField, listSize, requiresAuthentication, requiresScope, Scope } from '@sociaal-graph/toolkit';
import type { JeugdContext } from '../../context.js';
import { JeugdToewijzing } from '../../jeugd-toewijzing/jeugd-toewijzing.type.js';
import { JeugdTraject } from '../../jeugd-traject/jeugd-traject.type.js';
import { Verwijzing } from '../../verwijzing/verwijzing.type.js';
import { Inwoner } from './inwoner.type.js';

/** The jeugdhulp of a resident, each list through a loader (one statement for all residents). */
@Resolver(() => Inwoner)
export class InwonerResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @Directive(listSize(50))
  @FieldResolver(() => [JeugdToewijzing], {
    // Nullable: when this subgraph fails, only this field goes null, not the other subgraph's entity.
    nullable: true,
    description: 'Jeugdhulptoewijzingen van deze inwoner binnen uw mandaat (Jeugdwet, uitvoering), nieuwste eerst.',
  })
  async jeugdToewijzingen(@Root() inwoner: Inwoner, @Ctx() context: JeugdContext, @Info() info: GraphQLResolveInfo): Promise<JeugdToewijzing[]> {
    // Asked with their verwijzing (the resident view): one statement reads both.
    const loader = asksField(info, 'verwijzing') ? context.loaders.toewijzingenMetVerwijzingVanInwoner : context.loaders.toewijzingenVanInwoner;
    return loader.load(inwoner.id);
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @Directive(listSize(50))
  @FieldResolver(() => [Verwijzing], {
    // Nullable: when this subgraph fails, only this field goes null, not the other subgraph's entity.
    nullable: true,
    description: 'Verwijzingen van deze inwoner naar jeugdhulp binnen uw mandaat, nieuwste eerst.',
  })
  async verwijzingen(@Root() inwoner: Inwoner, @Ctx() context: JeugdContext): Promise<Verwijzing[]> {
    return context.loaders.verwijzingenVanInwoner.load(inwoner.id);
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @Directive(listSize(50))
  @FieldResolver(() => [JeugdTraject], {
    // Nullable: when this subgraph fails, only this field goes null, not the other subgraph's entity.
    nullable: true,
    description: 'Jeugdhulptrajecten van deze inwoner binnen uw mandaat, nieuwste start eerst.',
  })
  async jeugdTrajecten(@Root() inwoner: Inwoner, @Ctx() context: JeugdContext): Promise<JeugdTraject[]> {
    return context.loaders.trajectenVanInwoner.load(inwoner.id);
  }
}
