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
import type { ParticipatieContext } from '../context.js';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';

/** The gemeenten a Participatiewet reach question was computed over, with its verantwoording. */
@ObjectType({
  description:
    'Antwoord op de vraag naar het bereik van de Participatiewet (uitkeringen): de gemeenten waarover gerekend wordt (vraag per gemeente ' +
    'participatieBereik(jaar) op) en de verantwoording.',
})
export class ParticipatieBereikAntwoord {
  @Field(() => Verantwoording, {
    description: 'Over welke gemeenten is gerekend, welke gevraagde gemeenten buiten het mandaat vielen, en de laatste ingangsdatum (gegevensTot).',
  })
  verantwoording!: Verantwoording;

  @Directive(listSize(1))
  @Field(() => [Gemeente], { nullable: 'items', description: 'De gevraagde gemeenten binnen uw mandaat voor statistiek (Participatiewet), in de gevraagde volgorde.' })
  gemeenten!: Gemeente[];
}

/** Reach of the Participatiewet (uitkeringen) per gemeente (issue 4 item 6). */
@Resolver(() => Gemeente)
export class ParticipatieBereikResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.AGGREGATEN))
  @Directive(geaggregeerd)
  @Query(() => ParticipatieBereikAntwoord, {
    nullable: true,
    description:
      'Bereik van de Participatiewet: de gevraagde gemeenten binnen uw mandaat voor statistiek (Participatiewet), met per gemeente het veld ' +
      'participatieBereik(jaar): inwoners met een uitkering per 1.000 inwoners en in-, door- en uitstroom per kwartaal. Gemeenten buiten uw ' +
      'mandaat staan in verantwoording.uitgesloten, nooit als nul.',
  })
  async participatieBereik(
    @Arg('gemeenten', () => [String], { description: 'CBS-gemeentecodes ("0406"), hoogstens 400.' }) gemeenten: string[],
    @Ctx() { db, principal, verzoekId }: ParticipatieContext,
  ): Promise<ParticipatieBereikAntwoord> {
    return bereikAntwoord(db, principal, Wet.PARTICIPATIEWET, gemeenten, 'uitkering', verzoekId);
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.AGGREGATEN))
  @Directive(geaggregeerd)
  // Its work is far above one field's: weight measured in scripts/results/measure-cost-weights.md (docs/demand-control.md).
  @Directive(cost(275))
  @Directive('@requires(fields: "inwoners")')
  @FieldResolver(() => WetBereik, {
    name: 'participatieBereik',
    // Nullable: when this subgraph fails, only this field goes null, not the other subgraph's entity.
    nullable: true,
    description:
      'Bereik van de Participatiewet in deze gemeente in een jaar: inwoners met een uitkering (bijstand, IOAW, IOAZ, Bbz) per 1.000 inwoners ' +
      'en in-, door- en uitstroom per kwartaal; zie Verantwoording.onderdrukkingsregel. Null met een fout FORBIDDEN als de ' +
      'gemeente buiten uw mandaat voor statistiek (Participatiewet) valt.',
  })
  bereikVanGemeente(
    @Root() gemeente: Gemeente,
    @Arg('jaar', () => Int, { description: 'Kalenderjaar (2015 of later).' }) jaar: number,
    @Ctx() { principal, loaders, disclosure }: ParticipatieContext,
  ): Promise<WetBereik> {
    return wetBereikVan({ principal, load: loaders.bereik, disclosure }, Wet.PARTICIPATIEWET, gemeente, jaar, 'inwoners');
  }
}
