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
import type { JeugdContext } from '../context.js';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';

/** The gemeenten a Jeugdwet reach question was computed over, with its verantwoording. */
@ObjectType({
  description:
    'Antwoord op de vraag naar het bereik van de Jeugdwet: de gemeenten waarover gerekend wordt (vraag per gemeente jeugdBereik(jaar) op) en de verantwoording.',
})
export class JeugdBereikAntwoord {
  @Field(() => Verantwoording, {
    description: 'Over welke gemeenten is gerekend, welke gevraagde gemeenten buiten het mandaat vielen, en de laatste ingangsdatum (gegevensTot).',
  })
  verantwoording!: Verantwoording;

  @Directive(listSize(1))
  @Field(() => [Gemeente], { nullable: 'items', description: 'De gevraagde gemeenten binnen uw mandaat voor statistiek (Jeugdwet), in de gevraagde volgorde.' })
  gemeenten!: Gemeente[];
}

/** Reach of the Jeugdwet per gemeente (issue 4 item 6): the root with the mandate split, the numbers on the gemeente. */
@Resolver(() => Gemeente)
export class JeugdBereikResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.AGGREGATEN))
  @Directive(geaggregeerd)
  @Query(() => JeugdBereikAntwoord, {
    nullable: true,
    description:
      'Bereik van de Jeugdwet: de gevraagde gemeenten binnen uw mandaat voor statistiek (Jeugdwet), met per gemeente het veld jeugdBereik(jaar): clienten ' +
      'per 1.000 inwoners onder 18 en in-, door- en uitstroom per kwartaal. Gemeenten buiten uw mandaat staan in verantwoording.uitgesloten, nooit als nul.',
  })
  async jeugdBereik(
    @Arg('gemeenten', () => [String], { description: 'CBS-gemeentecodes ("0406"), hoogstens 400.' }) gemeenten: string[],
    @Ctx() { db, principal, verzoekId }: JeugdContext,
  ): Promise<JeugdBereikAntwoord> {
    return bereikAntwoord(db, principal, Wet.JEUGDWET, gemeenten, 'toewijzing', verzoekId);
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.AGGREGATEN))
  @Directive(geaggregeerd)
  // Its work is far above one field's: weight measured in scripts/results/measure-cost-weights.md (docs/demand-control.md).
  @Directive(cost(275))
  @Directive('@requires(fields: "inwonersOnder18")')
  @FieldResolver(() => WetBereik, {
    name: 'jeugdBereik',
    // Nullable: when this subgraph fails, only this field goes null, not the other subgraph's entity.
    nullable: true,
    description:
      'Bereik van de Jeugdwet in deze gemeente in een jaar: clienten per 1.000 inwoners onder 18 en in-, door- en uitstroom per kwartaal; zie ' +
      'Verantwoording.onderdrukkingsregel. Null met een fout FORBIDDEN als de gemeente buiten uw mandaat voor statistiek (Jeugdwet) valt.',
  })
  bereikVanGemeente(
    @Root() gemeente: Gemeente,
    @Arg('jaar', () => Int, { description: 'Kalenderjaar (2015 of later).' }) jaar: number,
    @Ctx() { principal, loaders, disclosure }: JeugdContext,
  ): Promise<WetBereik> {
    // Jeugdhulp per 1,000 young people under 18, as CBS Beleidsinformatie Jeugd reports it.
    const doelgroep = { code: gemeente.code, inwoners: gemeente.inwonersOnder18 };
    return wetBereikVan({ principal, load: loaders.bereik, disclosure }, Wet.JEUGDWET, doelgroep, jaar, 'inwoners onder 18');
  }
}
