import { Eurocent, listSize, Verantwoording } from '@sociaal-graph/toolkit';
import { Field, Float, Int, ObjectType, Directive } from 'type-graphql';

/** Agreed against realised performance of one indicator, summed over a partner's subsidies of a year. */
@ObjectType({
  description:
    'Prestatieafspraken van een partner over een jaar voor één indicator: afgesproken tegenover gerealiseerd (volgens de ' +
    'verantwoording bij de vaststelling). Bron: prestatieafspraken bij de subsidies.',
})
export class PrestatieRealisatie {
  @Field(() => String, { description: 'Wat wordt gemeten, bijvoorbeeld "Ondersteunde mantelzorgers".' })
  indicator!: string;

  @Field(() => String, { description: 'Eenheid van de indicator ("personen", "contacten").' })
  eenheid!: string;

  @Field(() => Int, { description: 'Aantal afspraken over deze indicator.' })
  aantalAfspraken!: number;

  @Field(() => Int, { description: 'Afgesproken aantal, opgeteld over de afspraken, in de eenheid.' })
  afgesproken!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Gerealiseerd aantal, opgeteld over de afspraken waarover al is verantwoord; null als nog niets is verantwoord.',
  })
  gerealiseerd!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Gerealiseerd als percentage van afgesproken, over alleen de verantwoorde afspraken (100 = precies gehaald), op 1 decimaal; ' +
      'null als nog niets is verantwoord.',
  })
  realisatiePercentage!: number | null;
}

/** What a partner reported about its activities for a gemeente over a year (voorveldrapportages). */
@ObjectType({
  description:
    'De voorveldrapportages van een partner voor een gemeente over een jaar, opgeteld: alleen aantallen, nooit personen. ' +
    'Bron: kwartaalrapportages van de partner.',
})
export class VoorveldJaartotaal {
  @Field(() => Int, { description: 'Aantal kwartaalrapportages in het jaar (0 tot en met 4 per activiteit).' })
  aantalRapportages!: number;

  @Field(() => Int, { nullable: true, description: 'Het laatste gerapporteerde kwartaal (1-4); null zonder rapportage.' })
  laatsteKwartaal!: number | null;

  @Field(() => Int, { description: 'Aantal deelnemers, opgeteld over de kwartalen (een deelnemer kan in meer kwartalen tellen).' })
  aantalDeelnemers!: number;

  @Field(() => Int, { description: 'Aantal contacten, opgeteld over de kwartalen.' })
  aantalContacten!: number;
}

/** One partner's subsidies of one year from one gemeente: granted against settled, with performance. */
@ObjectType({
  description:
    'De subsidies van één partner van één gemeente over één jaar: aangevraagd, verleend en vastgesteld (in eurocent), met de ' +
    'prestatieafspraken (afgesproken tegenover gerealiseerd) en de voorveldrapportages. Openbare gegevens over organisaties.',
})
export class PartnerSubsidiejaar {
  /** Subsidiepartner.id; resolved to `partner`. */
  partnerId!: string;

  @Field(() => String, { description: 'CBS-code van de subsidieverlenende gemeente ("0406").' })
  gemeenteCode!: string;

  @Field(() => Int, { description: 'Het subsidiejaar.' })
  jaar!: number;

  @Field(() => Int, { description: 'Aantal subsidies van de partner in het jaar.' })
  aantalSubsidies!: number;

  @Field(() => Int, { description: 'Aantal daarvan dat is vastgesteld.' })
  aantalVastgesteld!: number;

  @Field(() => Eurocent, { description: 'Totaal aangevraagd, in eurocent.' })
  aangevraagd!: number;

  @Field(() => Eurocent, { description: 'Totaal verleend, in eurocent.' })
  verleend!: number;

  @Field(() => Eurocent, { description: 'Totaal budgetplafond van de subsidies, in eurocent.' })
  budgetplafond!: number;

  @Field(() => Eurocent, { nullable: true, description: 'Totaal vastgesteld, in eurocent; null zolang niets is vastgesteld.' })
  vastgesteld!: number | null;

  @Field(() => Eurocent, {
    nullable: true,
    description:
      'Vastgesteld min verleend over de vastgestelde subsidies, in eurocent; negatief is minder besteed dan verleend; null zolang niets is vastgesteld.',
  })
  verschil!: number | null;

  @Directive(listSize(20))
  @Field(() => [PrestatieRealisatie], { description: 'De prestatieafspraken per indicator en eenheid, op indicator gesorteerd.' })
  prestaties!: PrestatieRealisatie[];

  @Field(() => VoorveldJaartotaal, { description: 'Wat de partner voor deze gemeente in het jaar heeft gerapporteerd.' })
  voorveld!: VoorveldJaartotaal;

  @Field(() => String, {
    nullable: true,
    description: 'Einddatum (JJJJ-MM-DD) van het laatste gerapporteerde kwartaal; null zonder rapportage.',
  })
  gerapporteerdTot!: string | null;
}

/** The answer of `subsidiesPerPartner`: what it was computed over, and the rows. */
@ObjectType({ description: 'Subsidies per partner en jaar: verleend tegenover vastgesteld, met prestaties en verantwoording.' })
export class SubsidiesPerPartner {
  @Field(() => Verantwoording, {
    description:
      'Over welke gemeenten is gerekend (subsidies zijn openbaar: niemand is uitgesloten) en hoe actueel: gegevensTot is de einddatum ' +
      'van het laatste gerapporteerde kwartaal in de rijen.',
  })
  verantwoording!: Verantwoording;

  @Directive(listSize(50))
  @Field(() => [PartnerSubsidiejaar], {
    description: 'Per gemeente (in de gevraagde volgorde), jaar (oplopend) en partner (op id) een rij; alleen partners met een subsidie in het jaar.',
  })
  rijen!: PartnerSubsidiejaar[];
}
