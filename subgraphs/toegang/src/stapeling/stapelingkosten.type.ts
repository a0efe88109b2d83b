import { Eurocent, listSize, OnderdruktAantal, OnderdruktBedrag, STAPELINGKOSTEN_BESCHRIJVING, STAPELINGKOSTEN_KEY, STAPELINGKOSTEN_VELDEN, StapelingKostenpost, Wet } from '@sociaal-graph/toolkit';
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Huishouden } from '../huishouden/huishouden.type.js';

/** The groups of households the cost is given for: all, by number of laws, and by combination. */
export enum StapelingGroep {
  ALLE = 'ALLE',
  EEN_WET = 'EEN_WET',
  TWEE_WETTEN = 'TWEE_WETTEN',
  DRIE_WETTEN = 'DRIE_WETTEN',
  ALLEEN_WMO = 'ALLEEN_WMO',
  ALLEEN_JEUGDWET = 'ALLEEN_JEUGDWET',
  ALLEEN_PARTICIPATIEWET = 'ALLEEN_PARTICIPATIEWET',
  WMO_EN_JEUGDWET = 'WMO_EN_JEUGDWET',
  WMO_EN_PARTICIPATIEWET = 'WMO_EN_PARTICIPATIEWET',
  JEUGDWET_EN_PARTICIPATIEWET = 'JEUGDWET_EN_PARTICIPATIEWET',
}
registerEnumType(StapelingGroep, {
  name: 'StapelingGroep',
  description: 'Een groep huishoudens met ondersteuning, naar de wetten waaronder in het jaar ondersteuning is toegekend.',
  valuesConfig: {
    ALLE: { description: 'Alle huishoudens met ondersteuning onder minstens een wet.' },
    EEN_WET: { description: 'Huishoudens met ondersteuning onder precies een wet.' },
    TWEE_WETTEN: { description: 'Huishoudens met ondersteuning onder precies twee wetten.' },
    DRIE_WETTEN: { description: 'Huishoudens met ondersteuning onder alle drie de wetten.' },
    ALLEEN_WMO: { description: 'Huishoudens met ondersteuning alleen onder de Wmo.' },
    ALLEEN_JEUGDWET: { description: 'Huishoudens met ondersteuning alleen onder de Jeugdwet.' },
    ALLEEN_PARTICIPATIEWET: { description: 'Huishoudens met ondersteuning alleen onder de Participatiewet.' },
    WMO_EN_JEUGDWET: { description: 'Huishoudens met ondersteuning onder precies de Wmo en de Jeugdwet.' },
    WMO_EN_PARTICIPATIEWET: { description: 'Huishoudens met ondersteuning onder precies de Wmo en de Participatiewet.' },
    JEUGDWET_EN_PARTICIPATIEWET: { description: 'Huishoudens met ondersteuning onder precies de Jeugdwet en de Participatiewet.' },
  },
});

/** What one group of households cost in the year. */
@ObjectType({
  description:
    'Wat een groep huishoudens met ondersteuning in het jaar kostte, in totaal en per wet. Een bedrag is onderdrukt als het aantal ' +
    'huishoudens van de groep onderdrukt is (met dezelfde reden), zodat geen som een onderdrukt aantal of bedrag teruggeeft.',
})
export class StapelingKostengroep {
  @Field(() => StapelingGroep, { description: 'De groep huishoudens.' })
  groep!: StapelingGroep;

  @Field(() => OnderdruktAantal, { description: 'Het aantal huishoudens in de groep, zoals StapelingRij het publiceert (onderdrukt en afgerond op 5).' })
  aantalHuishoudens!: OnderdruktAantal;

  @Field(() => OnderdruktBedrag, {
    description:
      'Totale kosten van de groep in eurocent: de som van wmo, jeugdwet en participatiewet. Geen gemiddelde: met het exacte totaal zou ' +
      'een gemiddelde het niet-afgeronde aantal huishoudens prijsgeven; deel zelf door het gepubliceerde aantal voor een benadering.',
  })
  totaal!: OnderdruktBedrag;

  @Field(() => OnderdruktBedrag, { description: 'Gedeclareerde Wmo-kosten van alle leden van de huishoudens in de groep, in eurocent.' })
  wmo!: OnderdruktBedrag;

  @Field(() => OnderdruktBedrag, { description: 'Gedeclareerde Jeugdwetkosten van alle leden van de huishoudens in de groep, in eurocent.' })
  jeugdwet!: OnderdruktBedrag;

  @Field(() => OnderdruktBedrag, {
    description: 'Participatiewetkosten (bijstand naar rato en minimaregelingen) van alle leden van de huishoudens in de groep, in eurocent.',
  })
  participatiewet!: OnderdruktBedrag;
}

/** One of the most expensive households, for a caller whose purpose allows it. */
@ObjectType({
  description:
    'Een van de duurste huishoudens met ondersteuning in de gemeente en het jaar: voor regie op huishoudens met ondersteuning onder ' +
    'meer wetten. Alleen voor wie de hele toegang (alle drie de wetten) van de gemeente uitvoert; elke opvraging staat in het logboek.',
})
export class DuurHuishouden {
  @Field(() => Int, { description: 'Plaats in de lijst, 1 voor het duurste huishouden.' })
  rang!: number;

  @Field(() => Huishouden, { description: 'Het huishouden; zijn leden zijn op te vragen zoals elders, binnen uw mandaat.' })
  huishouden!: Huishouden;

  @Directive(listSize(3))
  @Field(() => [Wet], { description: 'De wetten waaronder het huishouden in het jaar ondersteuning kreeg toegekend.' })
  wetten!: Wet[];

  @Field(() => Eurocent, { description: 'Kosten van het huishouden in het jaar in eurocent: wmo, jeugdwet en participatiewet samen.' })
  totaal!: number;

  @Field(() => Eurocent, { description: 'Gedeclareerde Wmo-kosten van de leden in het jaar, in eurocent.' })
  wmo!: number;

  @Field(() => Eurocent, { description: 'Gedeclareerde Jeugdwetkosten van de leden in het jaar, in eurocent.' })
  jeugdwet!: number;

  @Field(() => Eurocent, { description: 'Participatiewetkosten van de leden in het jaar (bijstand naar rato en minimaregelingen), in eurocent.' })
  participatiewet!: number;
}

/**
 * The cost side of the stacking answer for one gemeente and year. Owned here, extended by wmo and
 * jeugd (the members' toewijzingen), inkoop (their declared amounts) and participatie (benefits):
 * the gateway carries the members out and the amounts back, and this subgraph adds them up.
 */
@Directive(STAPELINGKOSTEN_KEY)
@ObjectType({ description: STAPELINGKOSTEN_BESCHRIJVING })
export class StapelingKosten {
  @Field(() => String, { description: 'CBS-gemeentecode van de gemeente waarover de stapeling is berekend (vier cijfers, "0406").' })
  gemeenteCode!: string;

  @Field(() => Int, { description: 'Het kalenderjaar waarover de stapeling is berekend.' })
  jaar!: number;

  // Filled in by the gateway from inkoop and participatie when a field below @requires them.
  @Directive('@external')
  @Field(() => [StapelingKostenpost], { description: STAPELINGKOSTEN_VELDEN.zorgkosten })
  zorgkosten?: StapelingKostenpost[];

  @Directive('@external')
  @Field(() => [StapelingKostenpost], { description: STAPELINGKOSTEN_VELDEN.participatiekosten })
  participatiekosten?: StapelingKostenpost[];
}
