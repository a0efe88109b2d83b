import { Code, listSize, Verantwoording, Wet } from '@sociaal-graph/toolkit';
import { Field, Int, ObjectType, registerEnumType, Directive } from 'type-graphql';
import { FinancienBedragen } from './financien.type.js';

/** How the taakvelden are grouped in a comparison (issue 4 question 1). */
export enum TaakveldIndeling {
  IV3_2023 = 'IV3_2023',
  IV3_TOT_2023 = 'IV3_TOT_2023',
  WET = 'WET',
}
registerEnumType(TaakveldIndeling, {
  name: 'TaakveldIndeling',
  description: 'Hoe de Iv3-taakvelden van programma 6 in een vergelijking zijn gegroepeerd.',
  valuesConfig: {
    IV3_2023: { description: 'Per taakveld zoals geboekt (Iv3-informatievoorschrift 2023, bijvoorbeeld 6.71a).' },
    IV3_TOT_2023: {
      description:
        'Per taakveld van voor 2023: 6.71a-d als 6.71, 6.72a-d en 6.73-6.74 als 6.72, 6.81a-b als 6.81, 6.82a-b als 6.82; ' +
        'vergelijkbaar met oudere tabellen zoals de Huizen-tabel 2019 (lasten per inwoner per taakveld).',
    },
    WET: { description: 'Per wet opgeteld (taakveld leeg); 6.1 en 6.2 samen in een rij zonder wet.' },
  },
});

/** The per-inhabitant figures of a benchmark group: its sums divided by its inhabitants. */
@ObjectType({
  description:
    'De bedragen per inwoner van een vergelijkingsgroep gemeenten: de som over de groep gedeeld door het totale inwonertal ' +
    'van de groep (gewogen gemiddelde, zoals CBS/Iv3 "lasten per inwoner"), in eurocent en afgerond.',
})
export class FinancienReferentie {
  @Field(() => String, {
    description: 'De groep: een CBS-grootteklasse ("20.000-50.000") of "Nederland" (alle gemeenten met cijfers in de graph).',
  })
  groep!: string;

  @Field(() => Int, { description: 'Aantal gemeenten in de groep met cijfers voor dit jaar en taakveld.' })
  aantalGemeenten!: number;

  @Field(() => Int, { nullable: true, description: 'Begroting per inwoner van de groep, in eurocent (afgerond).' })
  begrotingPerInwoner!: number | null;

  @Field(() => Int, { nullable: true, description: 'Prognose per inwoner van de groep, in eurocent (afgerond).' })
  prognosePerInwoner!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Realisatie per inwoner van de groep, in eurocent (afgerond), over de gemeenten die een realisatie hebben; null als geen ervan er een heeft.',
  })
  realisatiePerInwoner!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Tekort (realisatie, anders prognose, min begroting) per inwoner van de groep, in eurocent (afgerond).',
  })
  tekortPerInwoner!: number | null;
}

/** One gemeente's figures for a year and taakveld (or wet), next to its size class and the whole country. */
@ObjectType({
  description:
    'Begroting, prognose, realisatie en tekort van een gemeente voor één jaar en taakveld (of wet), in totaal en per inwoner, ' +
    'naast het gemiddelde per inwoner van haar grootteklasse en van Nederland. Bron: Iv3-cijfers van de gemeenten.',
})
export class TaakveldVergelijking extends FinancienBedragen {
  @Field(() => String, { description: 'CBS-code van de gemeente.' })
  gemeenteCode!: string;

  @Field(() => Int, { description: 'Begrotingsjaar.' })
  jaar!: number;

  @Field(() => Code, {
    nullable: true,
    description: 'Iv3-taakveld volgens de gekozen indeling (zie iv3Taakvelden); null bij indeling WET.',
  })
  taakveld!: Code | null;

  @Field(() => Wet, {
    nullable: true,
    description: 'De wet waaronder de uitgaven vallen; null voor 6.1 en 6.2 (samenkracht, toegang), die alle wetten samen dienen.',
  })
  wet!: Wet | null;

  @Field(() => FinancienReferentie, { description: 'Het gemiddelde per inwoner van de gemeenten in dezelfde CBS-grootteklasse.' })
  grootteklasse!: FinancienReferentie;

  @Field(() => FinancienReferentie, { description: 'Het gemiddelde per inwoner van alle gemeenten met cijfers ("Nederland").' })
  nederland!: FinancienReferentie;
}

/** The answer of `financienVergelijking`: what it was computed over, and the rows. */
@ObjectType({ description: 'Begroting, prognose en realisatie van gemeenten naast hun vergelijkingsgroepen, met verantwoording.' })
export class FinancienVergelijking {
  @Field(() => Verantwoording, {
    description:
      'Over welke gemeenten is gerekend (begrotingen zijn openbaar: niemand is uitgesloten) en hoe actueel: gegevensTot is het einde ' +
      'van het laatste jaar met een realisatie (jaarrekening) in de rijen.',
  })
  verantwoording!: Verantwoording;

  @Directive(listSize(60))
  @Field(() => [TaakveldVergelijking], {
    description: 'Per gemeente (in de gevraagde volgorde), jaar en taakveld of wet een rij.',
  })
  rijen!: TaakveldVergelijking[];
}
