import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import type { Wet } from './domain.js';
import type { GemeenteScope } from './principal.js';
import { buitenScope } from './statistiek.js';
import { ONDERDRUKKINGSREGEL } from './disclosure/policy.js';
import { listSize } from './list-size.js';

/**
 * Why a gemeente that was asked for is not in an aggregate. An aggregate over a gemeente whose law is
 * executed elsewhere says so; it is never a silent zero (docs/mandates.md).
 */
export enum UitsluitingsReden {
  BUITEN_MANDAAT = 'BUITEN_MANDAAT',
}
registerEnumType(UitsluitingsReden, {
  name: 'UitsluitingsReden',
  description: 'Waarom een gevraagde gemeente niet in een stuurgetal is meegeteld.',
  valuesConfig: {
    BUITEN_MANDAAT: {
      description:
        'De vrager heeft voor deze gemeente en wet geen mandaat voor statistiek: meestal voert een andere organisatie de wet ' +
        'daar uit (zie Gemeente.uitvoeringsarrangementen), zoals Amersfoort de Jeugdwet van Eemnes.',
    },
  },
});

/** One asked gemeente left out of an aggregate, with the law and the reason. */
@Directive('@shareable')
@ObjectType({ description: 'Een gevraagde gemeente die niet is meegeteld, met de wet en de reden.' })
export class UitgeslotenGemeente {
  @Field(() => String, { description: 'CBS-gemeentecode (vier cijfers, bijvoorbeeld "0317" voor Eemnes).' })
  gemeenteCode!: string;

  @Field(() => String, { description: 'De wet waarvoor de gemeente is uitgesloten: WMO, JEUGDWET of PARTICIPATIEWET.' })
  wet!: string;

  @Field(() => UitsluitingsReden, { description: 'Waarom de gemeente niet is meegeteld.' })
  reden!: UitsluitingsReden;
}

/**
 * What a steering aggregate was computed over (issue 4, question 10): which gemeenten, which were left
 * out and why, and how fresh the data is. Every steering answer carries one.
 */
@Directive('@shareable')
@ObjectType({
  description:
    'Verantwoording van een stuurgetal: over welke gemeenten het is berekend, welke gevraagde gemeenten zijn uitgesloten en ' +
    'waarom, hoe actueel de gegevens zijn en welke onderdrukkingsregel geldt.',
})
export class Verantwoording {
  @Directive(listSize(1))
  @Field(() => [String], { description: 'CBS-codes van de gemeenten waarover het stuurgetal is berekend, in de gevraagde volgorde.' })
  berekendOver!: string[];

  @Directive(listSize(1))
  @Field(() => [UitgeslotenGemeente], { description: 'Gevraagde gemeenten die niet zijn meegeteld, met de reden; leeg als alles is meegeteld.' })
  uitgesloten!: UitgeslotenGemeente[];

  @Field(() => String, {
    nullable: true,
    description:
      'De laatste datum (JJJJ-MM-DD) in de gegevens waarover is gerekend, bijvoorbeeld de laatste ingangsdatum of mutatie; null als er geen gegevens zijn.',
  })
  gegevensTot!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'De laatste indieningsdatum (JJJJ-MM-DD) van een meegetelde declaratie (iWmo/iJw 303); null als het stuurgetal geen declaraties gebruikt. ' +
      'Aanbieders declareren laat: wat na deze datum is geleverd, is nog niet compleet.',
  })
  laatsteDeclaratie!: string | null;

  @Field(() => String, { description: 'De regel waarmee kleine aantallen zijn onderdrukt en afgerond.' })
  onderdrukkingsregel!: string;
}

/** The asked gemeenten split by the caller's aggregate scope for a law: computed over, and left out. */
export interface MandaatVerdeling {
  readonly binnen: string[];
  readonly uitgesloten: UitgeslotenGemeente[];
}

/** Splits the asked gemeenten (duplicates dropped, order kept) into those inside `scope` and those outside. */
export function verdeelOpMandaat(wet: Wet, scope: GemeenteScope, codes: readonly string[]): MandaatVerdeling {
  const gevraagd = [...new Set(codes)];
  const buiten = new Set(buitenScope(scope, gevraagd));
  return {
    binnen: gevraagd.filter((code) => !buiten.has(code)),
    uitgesloten: gevraagd
      .filter((code) => buiten.has(code))
      .map((gemeenteCode) => ({ gemeenteCode, wet, reden: UitsluitingsReden.BUITEN_MANDAAT })),
  };
}

/** The verantwoording of an aggregate over `verdeling`, with the freshness dates its SQL returned. */
export function verantwoording(
  verdelingen: MandaatVerdeling | readonly MandaatVerdeling[],
  versheid: { gegevensTot?: string | null; laatsteDeclaratie?: string | null },
): Verantwoording {
  const lijst = Array.isArray(verdelingen) ? (verdelingen as readonly MandaatVerdeling[]) : [verdelingen as MandaatVerdeling];
  return {
    berekendOver: [...new Set(lijst.flatMap((v) => v.binnen))],
    uitgesloten: lijst.flatMap((v) => v.uitgesloten),
    gegevensTot: versheid.gegevensTot ?? null,
    laatsteDeclaratie: versheid.laatsteDeclaratie ?? null,
    onderdrukkingsregel: ONDERDRUKKINGSREGEL,
  };
}
