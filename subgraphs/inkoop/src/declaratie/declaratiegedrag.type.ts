import { listSize, type Onderdrukt, OnderdruktAantal, suppressCount, SUPPRESSION_THRESHOLD, Verantwoording, Wet } from '@sociaal-graph/toolkit';
import { Field, Float, Int, ObjectType, Directive } from 'type-graphql';
import { Bron } from '../aanlevering/bron.type.js';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import { type DeclaratiegedragRow, STANDAARD_TERMIJN_DAGEN } from './declaratiegedrag.sql.js';

/**
 * Declaration behaviour of one aanbieder at one gemeente in one year or month (issue 4 item 3). The
 * `aanbieder` field is resolved from `aanbiederAgb`; every measure is withheld when the row describes
 * fewer than 10 toewijzingen (a toewijzing stands for one client; the inkoop subgraph knows no persons).
 */
@ObjectType({
  description:
    'Declaratiegedrag van een aanbieder bij een gemeente onder een wet, over een jaar of een maand van de dagtekening: ' +
    'hoe laat na de levering gedeclareerd is, hoe vaak te laat, gecrediteerd, gecorrigeerd of afgewezen. Bron: de ' +
    'declaratieregels (iWmo/iJw 303/323) in het inkoopdomein. Gaat een rij over minder dan 10 toewijzingen, dan zijn alle ' +
    'maten onderdrukt (KLEIN_AANTAL).',
})
export class Declaratiegedrag {
  @Field(() => Gemeente, { nullable: true, description: 'De gemeente die de toewijzingen gaf en de declaraties ontving.' })
  gemeente!: Gemeente;

  @Field(() => Wet, { description: 'De wet van de declaraties: WMO (iWmo) of JEUGDWET (iJw).' })
  wet!: Wet;

  @Field(() => Int, { description: 'Het kalenderjaar van de dagtekening (ingediend op) van de declaraties.' })
  jaar!: number;

  @Field(() => Int, { nullable: true, description: 'De maand (1-12) van de dagtekening; null als per jaar is geteld.' })
  maand!: number | null;

  @Field(() => OnderdruktAantal, {
    description:
      'Aantal verschillende toewijzingen (clienten) waarop in de periode is gedeclareerd; afgerond op 5, onder 10 onderdrukt.',
  })
  aantalToewijzingen!: OnderdruktAantal;

  @Field(() => OnderdruktAantal, {
    description: 'Aantal declaratieregels (prestaties) met dagtekening in de periode, inclusief creditregels en vervangende regels; afgerond op 5.',
  })
  aantalDeclaratieregels!: OnderdruktAantal;

  @Field(() => Float, {
    nullable: true,
    description:
      'Gemiddelde declaratievertraging in dagen (een decimaal): dagen tussen het einde van de leveringsmaand en de dagtekening, ' +
      'over de eerste indieningen (regels die geen andere regel corrigeren). Null als onderdrukt.',
  })
  gemiddeldeVertragingInDagen!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mediane declaratievertraging in dagen over de eerste indieningen (zie gemiddeldeVertragingInDagen). Null als onderdrukt.',
  })
  mediaanVertragingInDagen!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Aandeel (0-1, drie decimalen) van de eerste indieningen dat later kwam dan de declaratietermijn: de termijn van het ' +
      'contract van de aanbieder voor deze wet en gemeente dat gold bij het begin van de levering, of ' +
      `${STANDAARD_TERMIJN_DAGEN} dagen (acht weken) na de leveringsmaand als er geen contract met een termijn is (bijvoorbeeld lumpsum). ` +
      'Null als onderdrukt.',
  })
  aandeelNaTermijn!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Aandeel (0-1, drie decimalen) van de declaratieregels met status AFGEWEZEN (afgewezen door de gemeente, 325). Null als onderdrukt.',
  })
  aandeelAfgewezen!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Aandeel (0-1, drie decimalen) van de declaratieregels met status GECREDITEERD (door de aanbieder ingetrokken met een creditregel). ' +
      'Null als onderdrukt.',
  })
  aandeelGecrediteerd!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Aandeel (0-1, drie decimalen) van de declaratieregels dat een vervangende regel is (corrigeert een eerder gecrediteerde regel). ' +
      'Null als onderdrukt.',
  })
  aandeelCorrecties!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'KLEIN_AANTAL als de vertragingen en aandelen zijn onderdrukt (minder dan 10 toewijzingen); null als ze zichtbaar zijn.',
  })
  onderdrukt!: string | null;

  /** AGB code of the aanbieder; the `aanbieder` field resolves it. */
  aanbiederAgb!: string;
}

/** The declaration behaviour answer: the rows and what they were computed over. */
@ObjectType({ description: 'Antwoord op de vraag naar declaratiegedrag: de rijen en hun verantwoording.' })
export class DeclaratiegedragAntwoord {
  @Field(() => Verantwoording, {
    description:
      'Over welke gemeenten is gerekend, welke gevraagde gemeenten buiten het mandaat vielen, en de laatste dagtekening (laatsteDeclaratie).',
  })
  verantwoording!: Verantwoording;

  @Directive(listSize(400))
  @Field(() => [Bron], { description: 'Hoe actueel de declaraties zijn, per gemeente waarover is gerekend: hun laatste aanlevering.' })
  bronnen!: Bron[];

  @Directive(listSize(100))
  @Field(() => [Declaratiegedrag], {
    description: 'Een rij per aanbieder, gemeente en periode met minstens een declaratieregel, op AGB-code, gemeente en maand.',
  })
  rijen!: Declaratiegedrag[];
}

/** Rounds a share to three decimals; null without a denominator. */
function aandeel(teller: number, noemer: number): number | null {
  return noemer === 0 ? null : Math.round((teller / noemer) * 1000) / 1000;
}

/** A raw row as published: counts rounded to 5, every measure withheld under 10 toewijzingen. */
export function declaratiegedragOf(row: DeclaratiegedragRow, wet: Wet, jaar: number): Declaratiegedrag {
  const klein = row.aantalToewijzingen < SUPPRESSION_THRESHOLD;
  const withheld: Onderdrukt = { waarde: null, onderdrukt: 'KLEIN_AANTAL' };
  const maat = (value: number | null) => (klein ? null : value);
  return {
    aanbiederAgb: row.aanbiederAgb,
    gemeente: { code: row.gemeenteCode },
    wet,
    jaar,
    maand: row.maand,
    aantalToewijzingen: suppressCount(row.aantalToewijzingen),
    // Lines of fewer than 10 clients are withheld with them, even when there are 10 or more lines.
    aantalDeclaratieregels: klein ? withheld : suppressCount(row.aantalRegels),
    gemiddeldeVertragingInDagen: maat(row.gemiddeldeVertraging),
    mediaanVertragingInDagen: maat(row.mediaanVertraging),
    aandeelNaTermijn: maat(aandeel(row.aantalNaTermijn, row.aantalEerste)),
    aandeelAfgewezen: maat(aandeel(row.aantalAfgewezen, row.aantalRegels)),
    aandeelGecrediteerd: maat(aandeel(row.aantalGecrediteerd, row.aantalRegels)),
    aandeelCorrecties: maat(aandeel(row.aantalCorrecties, row.aantalRegels)),
    onderdrukt: klein ? 'KLEIN_AANTAL' : null,
  };
}
