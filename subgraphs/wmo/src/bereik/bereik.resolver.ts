import {
  geaggregeerd,
  bereikAntwoord,
  requiresAuthentication,
  requiresScope,
  Scope,
  Verantwoording,
  WetBereik,
  wetBereikVan,
  Wet,
  listSize,
  cost,
} from '@sociaal-graph/toolkit';
import { Arg, Ctx, Directive, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { WmoContext } from '../context.js';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';

/** The gemeenten a Wmo reach question was computed over, with its verantwoording. */
@ObjectType({
  description:
    'Antwoord op de vraag naar het bereik van de Wmo: de gemeenten waarover gerekend wordt (vraag per gemeente wmoBereik(jaar) op) en de verantwoording.',
})
export class WmoBereikAntwoord {
  @Field(() => Verantwoording, {
    description: 'Over welke gemeenten is gerekend, welke gevraagde gemeenten buiten het mandaat vielen, en de laatste ingangsdatum (gegevensTot).',
  })
  verantwoording!: Verantwoording;

  @Directive(listSize(1))
  @Field(() => [Gemeente], { nullable: 'items', description: 'De gevraagde gemeenten binnen uw mandaat voor statistiek (Wmo), in de gevraagde volgorde.' })
  gemeenten!: Gemeente[];
}

/** Reach of the Wmo per gemeente (issue 4 item 6): the root with the mandate split, the numbers on the gemeente. */
@Resolver(() => Gemeente)
export class WmoBereikResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.AGGREGATEN))
  @Directive(geaggregeerd)
  @Query(() => WmoBereikAntwoord, {
    nullable: true,
    description:
      'Bereik van de Wmo: de gevraagde gemeenten binnen uw mandaat voor statistiek (Wmo), met per gemeente het veld wmoBereik(jaar): clienten ' +
      'per 1.000 inwoners en in-, door- en uitstroom per kwartaal. Gemeenten buiten uw mandaat staan in verantwoording.uitgesloten, nooit als nul.',
  })
  async wmoBereik(
    @Arg('gemeenten', () => [String], { description: 'CBS-gemeentecodes ("0406"), hoogstens 400.' }) gemeenten: string[],
    @Ctx() { db, principal, verzoekId }: WmoContext,
  ): Promise<WmoBereikAntwoord> {
    return bereikAntwoord(db, principal, Wet.WMO, gemeenten, 'toewijzing', verzoekId);
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.AGGREGATEN))
  @Directive(geaggregeerd)
  // Its work is far above one field's: weight measured in scripts/results/measure-cost-weights.md (docs/demand-control.md).
  @Directive(cost(350))
  @Directive('@requires(fields: "inwoners")')
  @FieldResolver(() => WetBereik, {
    name: 'wmoBereik',
    // Nullable: when this subgraph fails, only this field goes null, not the other subgraph's entity.
    nullable: true,
    description:
      'Bereik van de Wmo in deze gemeente in een jaar: clienten per 1.000 inwoners en in-, door- en uitstroom per kwartaal; zie ' +
      'Verantwoording.onderdrukkingsregel. Null met een fout FORBIDDEN als de gemeente buiten uw mandaat voor statistiek (Wmo) valt.',
  })
  bereikVanGemeente(
    @Root() gemeente: Gemeente,
    @Arg('jaar', () => Int, { description: 'Kalenderjaar (2015 of later).' }) jaar: number,
    @Ctx() { principal, loaders, disclosure }: WmoContext,
  ): Promise<WetBereik> {
    return wetBereikVan({ principal, load: loaders.bereik, disclosure }, Wet.WMO, gemeente, jaar, 'inwoners');
  }
}
