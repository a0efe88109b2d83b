import { listSize, OnderdruktAantal, Verantwoording } from '@sociaal-graph/toolkit';
import { Field, Float, InputType, Int, ObjectType, registerEnumType, Directive } from 'type-graphql';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';

/** Whether a period lies before or after a measure took effect in a gemeente. */
export enum InstroomPeriode {
  VOOR = 'VOOR',
  NA = 'NA',
}
registerEnumType(InstroomPeriode, {
  name: 'InstroomPeriode',
  description: 'De periode ten opzichte van de ingangsdatum van een maatregel in een gemeente.',
  valuesConfig: {
    VOOR: { description: 'De maanden direct voor de ingangsdatum (tot en met de dag ervoor).' },
    NA: { description: 'De maanden vanaf de ingangsdatum (de ingangsdatum meegerekend).' },
  },
});

/** When a measure took effect in one gemeente (from `Maatregel.statussen.datum` of the gemeenten subgraph). */
@InputType({
  description:
    'Wanneer een maatregel in een gemeente is ingegaan, meestal MaatregelStatus.datum van de maatregel (bijvoorbeeld het ' +
    'HHM-normenkader: Eemnes later dan de andere HBEL-gemeenten).',
})
export class MaatregelInvoering {
  @Field(() => String, { description: 'CBS-gemeentecode ("0406").' })
  gemeenteCode!: string;

  @Field(() => String, { description: 'Ingangsdatum van de maatregel in deze gemeente (JJJJ-MM-DD).' })
  ingangsdatum!: string;
}

/** The intake of one gemeente in one period: how many and how much huishoudelijke hulp was assigned. */
@ObjectType({
  description:
    'De instroom in de Wmo van één gemeente in één periode voor of na een maatregel: nieuwe toewijzingen (ingangsdatum in de ' +
    'periode) en hun gemiddelde omvang in uren per week. Bron: Wmo-toewijzingen (iWmo 301). Kleine aantallen onderdrukt.',
})
export class WmoInstroomPeriode {
  @Field(() => Gemeente, { nullable: true, description: 'De gemeente.' })
  gemeente!: Gemeente;

  @Field(() => String, { description: 'De ingangsdatum van de maatregel waartegen is vergeleken (JJJJ-MM-DD).' })
  ingangsdatum!: string;

  @Field(() => InstroomPeriode, { description: 'Voor of na de ingangsdatum.' })
  periode!: InstroomPeriode;

  @Field(() => String, { description: 'Eerste dag van de periode (JJJJ-MM-DD).' })
  van!: string;

  @Field(() => String, { description: 'Laatste dag van de periode (JJJJ-MM-DD); na de peildatum van de gegevens is er nog geen instroom.' })
  tot!: string;

  @Field(() => OnderdruktAantal, {
    description: 'Aantal nieuwe toewijzingen met een omvang in tijd (uren of minuten per dag, week of maand); afgerond op 5, onder 10 onderdrukt.',
  })
  aantalToewijzingen!: OnderdruktAantal;

  @Field(() => OnderdruktAantal, { description: 'Aantal verschillende clienten met zo een toewijzing; afgerond op 5, onder 10 onderdrukt.' })
  aantalClienten!: OnderdruktAantal;

  @Field(() => Float, {
    nullable: true,
    description:
      'Gemiddelde omvang bij instroom in uren per week (twee decimalen), omgerekend uit volume, eenheid (minuut/uur) en frequentie ' +
      '(per dag x7, per week, per maand x12/52). Null als onderdrukt (minder dan 10 clienten) of zonder toewijzingen.',
  })
  gemiddeldeUrenPerWeek!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'KLEIN_AANTAL als het gemiddelde is onderdrukt (minder dan 10 clienten); null als het zichtbaar is.',
  })
  onderdrukt!: string | null;
}

/** The answer of `wmoInstroomRondMaatregel`: what it was computed over, and the rows. */
@ObjectType({ description: 'De omvang van de Wmo-instroom voor en na een maatregel per gemeente, met verantwoording.' })
export class WmoInstroomEffect {
  @Field(() => Verantwoording, {
    description:
      'Over welke gemeenten is gerekend, welke buiten uw mandaat voor statistiek (Wmo) vallen, en hoe actueel: gegevensTot is de ' +
      'laatste ingangsdatum van een meegetelde toewijzing.',
  })
  verantwoording!: Verantwoording;

  @Directive(listSize(50))
  @Field(() => [WmoInstroomPeriode], { description: 'Per meegetelde gemeente (in de gevraagde volgorde) een rij VOOR en een rij NA.' })
  rijen!: WmoInstroomPeriode[];

  @Field(() => Int, { description: 'Lengte van elke periode in maanden, zoals gevraagd.' })
  maanden!: number;
}
