import {
  type Cell, type Disclosure, listSize, OnderdruktAantal, OnderdruktGetal, type Published, publishAverage, publishShare, Verantwoording, Wet, withheld,
} from '@sociaal-graph/toolkit';
import { Field, Int, ObjectType, Directive } from 'type-graphql';
import { mustExist } from '../invariant.js';
import { Bron } from '../aanlevering/bron.type.js';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import { type DeclaratiegedragRow, STANDAARD_TERMIJN_DAGEN } from './declaratiegedrag.sql.js';

const AFGELEID = 'Berekend uit afgeronde aantallen; onderdrukt als de teller of het complement onder 10 ligt.';

/**
 * Declaration behaviour of one aanbieder at one gemeente in one year or month (issue 4 item 3). The
 * `aanbieder` field is resolved from `aanbiederAgb`. Every value goes through the disclosure policy
 * (issue 10), each count a cell of the toewijzingen behind it (a toewijzing stands for one client; the
 * inkoop subgraph knows no persons).
 */
@ObjectType({
  description:
    'Declaratiegedrag van een aanbieder bij een gemeente onder een wet, over een jaar of een maand van de dagtekening: ' +
    'hoe laat na de levering gedeclareerd is, hoe vaak te laat, gecrediteerd, gecorrigeerd of afgewezen. Bron: de ' +
    'declaratieregels (iWmo/iJw 303/323) in het inkoopdomein. Elke waarde telt de toewijzingen die eraan bijdragen; de maanden ' +
    'tellen op tot het jaar (zie Verantwoording.onderdrukkingsregel).',
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

  @Field(() => OnderdruktAantal, { description: 'Aantal verschillende toewijzingen (clienten) waarop in de periode is gedeclareerd.' })
  aantalToewijzingen!: OnderdruktAantal;

  @Field(() => OnderdruktAantal, {
    description:
      'Aantal declaratieregels (prestaties) met dagtekening in de periode, inclusief creditregels en vervangende regels; een cel van de ' +
      'toewijzingen waarop ze gedeclareerd zijn.',
  })
  aantalDeclaratieregels!: OnderdruktAantal;

  @Field(() => OnderdruktGetal, {
    description:
      'Gemiddelde declaratievertraging in hele dagen: dagen tussen het einde van de leveringsmaand en de dagtekening, over de eerste ' +
      'indieningen (regels die geen andere regel corrigeren); de som van de vertragingen (met celsleutelruis) gedeeld door het ' +
      'gepubliceerde aantal eerste indieningen. Onderdrukt als een van beide dat is.',
  })
  gemiddeldeVertragingInDagen!: OnderdruktGetal;

  @Field(() => OnderdruktGetal, {
    description:
      'Aandeel (0-1, twee decimalen) van de eerste indieningen dat later kwam dan de declaratietermijn: de termijn van het ' +
      'contract van de aanbieder voor deze wet en gemeente dat gold bij het begin van de levering, of ' +
      `${STANDAARD_TERMIJN_DAGEN} dagen (acht weken) na de leveringsmaand als er geen contract met een termijn is (bijvoorbeeld lumpsum). ` +
      AFGELEID,
  })
  aandeelNaTermijn!: OnderdruktGetal;

  @Field(() => OnderdruktGetal, {
    description: `Aandeel (0-1, twee decimalen) van de declaratieregels met status AFGEWEZEN (afgewezen door de gemeente, 325). ${AFGELEID}`,
  })
  aandeelAfgewezen!: OnderdruktGetal;

  @Field(() => OnderdruktGetal, {
    description:
      `Aandeel (0-1, twee decimalen) van de declaratieregels met status GECREDITEERD (door de aanbieder ingetrokken met een creditregel). ${AFGELEID}`,
  })
  aandeelGecrediteerd!: OnderdruktGetal;

  @Field(() => OnderdruktGetal, {
    description:
      `Aandeel (0-1, twee decimalen) van de declaratieregels dat een vervangende regel is (corrigeert een eerder gecrediteerde regel). ${AFGELEID}`,
  })
  aandeelCorrecties!: OnderdruktGetal;

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

/** The cells of one raw row, in the order of `KOLOMMEN`. */
function cellen(row: DeclaratiegedragRow): Cell[] {
  const count = (naam: string, value: number, contributors: number, key: number): Cell => ({
    kind: 'count', measure: `inkoop.declaratiegedrag.${naam}`, value, contributors, key,
  });
  return [
    count('toewijzingen', row.aantalToewijzingen, row.aantalToewijzingen, row.sleutelToewijzingen),
    count('regels', row.aantalRegels, row.aantalToewijzingen, row.sleutelRegels),
    count('eerste', row.aantalEerste, row.toewijzingenEerste, row.sleutelEerste),
    count('naTermijn', row.aantalNaTermijn, row.toewijzingenNaTermijn, row.sleutelNaTermijn),
    count('afgewezen', row.aantalAfgewezen, row.toewijzingenAfgewezen, row.sleutelAfgewezen),
    count('gecrediteerd', row.aantalGecrediteerd, row.toewijzingenGecrediteerd, row.sleutelGecrediteerd),
    count('correcties', row.aantalCorrecties, row.toewijzingenCorrecties, row.sleutelCorrecties),
    {
      kind: 'amount', measure: 'inkoop.declaratiegedrag.vertraging', value: row.vertraging, contributors: row.toewijzingenEerste,
      largest: row.grootsteVertraging, key: row.sleutelEerste, unit: 1,
    },
  ];
}

/** Cells per row; columns 1-7 (the lines and the lag) add up from the months to the year, the distinct toewijzingen (0) do not. */
const KOLOMMEN = 8;
const OPTELLEND = [1, 2, 3, 4, 5, 6, 7];

/** One row as published from its cells `p`, starting at `offset`. */
function rijOf(row: DeclaratiegedragRow, wet: Wet, jaar: number, p: readonly Published[], offset: number): Declaratiegedrag {
  const at = (kolom: number): Published => p[offset + kolom] ?? withheld('KLEIN_AANTAL');
  const [toewijzingen, regels, eerste, naTermijn, afgewezen, gecrediteerd, correcties, vertraging] = Array.from({ length: KOLOMMEN }, (_, k) => at(k)) as [
    Published, Published, Published, Published, Published, Published, Published, Published,
  ];
  return {
    aanbiederAgb: row.aanbiederAgb,
    gemeente: { code: row.gemeenteCode },
    wet,
    jaar,
    maand: row.maand,
    aantalToewijzingen: toewijzingen,
    aantalDeclaratieregels: regels,
    gemiddeldeVertragingInDagen: publishAverage(vertraging, eerste, 0),
    aandeelNaTermijn: publishShare(naTermijn, eerste, { numerator: row.aantalNaTermijn, denominator: row.aantalEerste }),
    aandeelAfgewezen: publishShare(afgewezen, regels, { numerator: row.aantalAfgewezen, denominator: row.aantalRegels }),
    aandeelGecrediteerd: publishShare(gecrediteerd, regels, { numerator: row.aantalGecrediteerd, denominator: row.aantalRegels }),
    aandeelCorrecties: publishShare(correcties, regels, { numerator: row.aantalCorrecties, denominator: row.aantalRegels }),
  };
}

/**
 * Rows as the SQL returns them (each year row just before its months) through the disclosure policy: per
 * aanbieder and gemeente the year and its months as one table, so the year minus the published months
 * never gives back a withheld month, whether the caller asked for months or not (a month absent from
 * the SQL has no lines, which its absence already says). The shares and the average lag come from the
 * published counts and the perturbed sum. Returns the months when `perMaand`, else the years.
 */
export function declaratiegedragOf(rows: readonly DeclaratiegedragRow[], wet: Wet, jaar: number, perMaand: boolean, disclosure: Disclosure): Declaratiegedrag[] {
  const groepen: { jaar: DeclaratiegedragRow; maanden: DeclaratiegedragRow[] }[] = [];
  for (const row of rows) {
    if (row.maand === null) groepen.push({ jaar: row, maanden: [] });
    else mustExist(groepen.at(-1), `jaarrij van ${row.aanbiederAgb} ${row.gemeenteCode}`).maanden.push(row);
  }
  return groepen.flatMap((groep) => {
    const table = [groep.jaar, ...groep.maanden];
    const cells = table.flatMap(cellen);
    // Only the rows returned count against the caller's bounds: the others are there to protect them.
    const shown = cells.map((_, i) => i).filter((i) => (i < KOLOMMEN) !== perMaand);
    const p = disclosure.publish(
      { cells, relations: OPTELLEND.map((kolom) => ({ total: kolom, parts: groep.maanden.map((_, i) => KOLOMMEN * (i + 1) + kolom) })) },
      shown,
    );
    return perMaand
      ? groep.maanden.map((maand, i) => rijOf(maand, wet, jaar, p, KOLOMMEN * (i + 1)))
      : [rijOf(groep.jaar, wet, jaar, p, 0)];
  });
}
