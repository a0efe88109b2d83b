import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { listSize, requiresAuthentication, requiresScope, Scope } from '@sociaal-graph/toolkit';
import type { ParticipatieContext } from '../../context.js';
import { Minimaregeling } from '../../minimaregeling/minimaregeling.type.js';
import { Reintegratietraject } from '../../reintegratietraject/reintegratietraject.type.js';
import { Schuldhulptraject } from '../../schuldhulptraject/schuldhulptraject.type.js';
import { Uitkering } from '../../uitkering/uitkering.type.js';
import { Inwoner } from './inwoner.type.js';

/**
 * The Participatiewet lists this subgraph adds to Inwoner. Each goes through a grouped loader, so a
 * list of residents costs one statement per field, whatever its length.
 */
@Resolver(() => Inwoner)
export class InwonerResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @Directive(listSize(20))
  @FieldResolver(() => [Uitkering], {
    // Nullable: when this subgraph fails, only this field goes null, not the other subgraph's entity.
    nullable: true, description: 'Uitkeringen van de inwoner binnen het mandaat van de aanvrager, nieuwste eerst.' })
  uitkeringen(@Root() inwoner: Inwoner, @Ctx() ctx: ParticipatieContext): Promise<Uitkering[]> {
    return ctx.loaders.uitkeringenByInwoner.load(inwoner.id);
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @Directive(listSize(20))
  @FieldResolver(() => [Reintegratietraject], {
    // Nullable: when this subgraph fails, only this field goes null, not the other subgraph's entity.
    nullable: true,
    description: 'Re-integratietrajecten (ook beschut werk) van de inwoner binnen het mandaat van de aanvrager, nieuwste eerst.',
  })
  reintegratietrajecten(@Root() inwoner: Inwoner, @Ctx() ctx: ParticipatieContext): Promise<Reintegratietraject[]> {
    return ctx.loaders.reintegratietrajectenByInwoner.load(inwoner.id);
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @Directive(listSize(20))
  @FieldResolver(() => [Schuldhulptraject], {
    // Nullable: when this subgraph fails, only this field goes null, not the other subgraph's entity.
    nullable: true,
    description: 'Schuldhulptrajecten van de inwoner binnen het mandaat van de aanvrager, nieuwste eerst.',
  })
  schuldhulptrajecten(@Root() inwoner: Inwoner, @Ctx() ctx: ParticipatieContext): Promise<Schuldhulptraject[]> {
    return ctx.loaders.schuldhulptrajectenByInwoner.load(inwoner.id);
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @Directive(listSize(50))
  @FieldResolver(() => [Minimaregeling], {
    // Nullable: when this subgraph fails, only this field goes null, not the other subgraph's entity.
    nullable: true,
    description: 'Toegekende minimaregelingen van de inwoner binnen het mandaat van de aanvrager, nieuwste jaar eerst.',
  })
  minimaregelingen(@Root() inwoner: Inwoner, @Ctx() ctx: ParticipatieContext): Promise<Minimaregeling[]> {
    return ctx.loaders.minimaregelingenByInwoner.load(inwoner.id);
  }
}
