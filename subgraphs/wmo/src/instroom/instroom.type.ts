import { type Disclosure, OnderdruktAantal, OnderdruktGetal, publishAverage, listSize, Verantwoording, withheld } from '@sociaal-graph/toolkit';
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import type { InstroomRow } from './instroom.sql.js';

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

/** The intake of one gemeente in one period: how many and how much huishoudelijke hulp was assigned. */
@ObjectType({
  description:
    'De instroom in de Wmo van één gemeente in één periode voor of na een maatregel: nieuwe toewijzingen (ingangsdatum in de ' +
    'periode) en hun gemiddelde omvang in uren per week. Bron: Wmo-toewijzingen (iWmo 301). Zie Verantwoording.onderdrukkingsregel.',
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
    description: 'Aantal nieuwe toewijzingen met een omvang in tijd (uren of minuten per dag, week of maand); telt als cel van hun clienten.',
  })
  aantalToewijzingen!: OnderdruktAantal;

  @Field(() => OnderdruktAantal, { description: 'Aantal verschillende clienten met zo een toewijzing.' })
  aantalClienten!: OnderdruktAantal;

  @Field(() => OnderdruktGetal, {
    description:
      'Gemiddelde omvang bij instroom in uren per week (een decimaal): de som van de uren (met celsleutelruis) gedeeld door het ' +
      'gepubliceerde aantal toewijzingen; omgerekend uit volume, eenheid (minuut/uur) en frequentie (per dag x7, per week, per maand ' +
      'x12/52). Onderdrukt als een van beide dat is.',
  })
  gemiddeldeUrenPerWeek!: OnderdruktGetal;
}

/**
 * The published periods: per row the two counts and the hours as cells of the disclosure policy, the
 * average derived from the published values. A period reaching past the end of the data is withheld
 * whole (ONVOLLEDIGE_PERIODE): its cells would grow by the day, and day-to-day differences are single starts.
 */
export function instroomPeriodesOf(rows: readonly InstroomRow[], disclosure: Disclosure): WmoInstroomPeriode[] {
  return rows.map((row) => {
    const base = {
      gemeente: { code: row.gemeenteCode },
      ingangsdatum: row.ingangsdatum,
      periode: row.periode === 'VOOR' ? InstroomPeriode.VOOR : InstroomPeriode.NA,
      van: row.van,
      tot: row.tot,
    };
    if (row.eindeGegevens === null || row.tot > row.eindeGegevens) {
      const onvolledig = withheld('ONVOLLEDIGE_PERIODE');
      return { ...base, aantalToewijzingen: onvolledig, aantalClienten: onvolledig, gemiddeldeUrenPerWeek: onvolledig };
    }
    const [toewijzingen, clienten, uren] = disclosure.publish({
      cells: [
        { kind: 'count', measure: 'wmo.instroom.toewijzingen', value: row.aantalToewijzingen, contributors: row.aantalClienten, key: row.sleutelToewijzingen },
        { kind: 'count', measure: 'wmo.instroom.clienten', value: row.aantalClienten, contributors: row.aantalClienten, key: row.sleutelClienten },
        {
          kind: 'amount', measure: 'wmo.instroom.uren', value: row.urenPerWeek, contributors: row.aantalClienten,
          largest: row.grootsteUrenPerWeek, key: row.sleutelToewijzingen, unit: 0.1,
        },
      ],
    });
    if (!toewijzingen || !clienten || !uren) throw new Error('publish returns one value per cell');
    return { ...base, aantalToewijzingen: toewijzingen, aantalClienten: clienten, gemiddeldeUrenPerWeek: publishAverage(uren, toewijzingen, 1) };
  });
}

/** The answer of `Maatregel.wmoInstroom`: what it was computed over, and the rows. */
@ObjectType({ description: 'De omvang van de Wmo-instroom voor en na een maatregel per gemeente, met verantwoording.' })
export class WmoInstroomEffect {
  @Field(() => Verantwoording, {
    description:
      'Over welke gemeenten is gerekend, welke buiten uw mandaat voor statistiek (Wmo) vallen, en hoe actueel: gegevensTot is de ' +
      'laatste ingangsdatum van een meegetelde toewijzing.',
  })
  verantwoording!: Verantwoording;

  @Directive(listSize(50))
  @Field(() => [WmoInstroomPeriode], { description: 'Per meegetelde gemeente (in de volgorde van Maatregel.statussen) een rij VOOR en een rij NA.' })
  rijen!: WmoInstroomPeriode[];

  @Field(() => Int, { description: 'Lengte van elke periode in maanden: altijd 12 (vaste perioden, geen gekozen vensters).' })
  maanden!: number;
}
