import {
  type Cell, type Disclosure, OnderdruktAantal, OnderdruktBedrag, OnderdruktGetal, type Published, publishShare, listSize, Verantwoording, Wet, withheld,
} from '@sociaal-graph/toolkit';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Bron } from '../aanlevering/bron.type.js';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import { mustExist } from '../invariant.js';
import type { VerplichtingenRow } from './verplichtingen.sql.js';

const VERWACHT =
  'Verwachte kosten in eurocent: per toewijzing (iWmo/iJw 301, in natura) die in de maand geldt, volume x tarief per eenheid, ' +
  'omgerekend naar de maand volgens de frequentie (WMO757): 1 per dag: x geldige dagen; 2 per week: x geldige dagen / 7; 4 per ' +
  'maand: x geldige dagen / dagen van de maand (naar rato in een gedeeltelijke maand); 6 totaal binnen geldigheidsduur: het hele ' +
  'volume eenmaal, in de maand van de ingangsdatum. Tarief: dat van het product in het contract (van de regio of de gemeente) op de ' +
  'eerste geldige dag in de maand. Per toewijzing en maand afgerond op de eurocent. Toewijzingen onder een lumpsumcontract tellen ' +
  'niet mee: die worden per jaar betaald, niet per declaratie.';
const GEDECLAREERD =
  'Gedeclareerd in eurocent (iWmo/iJw 303/323): de declaratieregels over levering in de periode met status INGEDIEND of ' +
  'GOEDGEKEURD, dus na creditering en correctie (een gecrediteerde regel telt niet, de vervangende wel) en zonder afgewezen regels.';

/** One month of commitments against declarations of one aanbieder at one gemeente. */
@ObjectType({
  description:
    'Verplichtingen tegenover declaraties van een aanbieder bij een gemeente in een maand. Elk bedrag telt de toewijzingen die eraan ' +
    'bijdragen; de maanden tellen op tot het jaar, en waar een onderdrukte maand daaruit zou volgen is ook een andere onderdrukt ' +
    '(zie Verantwoording.onderdrukkingsregel).',
})
export class VerplichtingenMaand {
  @Field(() => Int, { description: 'De maand (1-12) van de levering.' })
  maand!: number;

  @Field(() => Boolean, { description: 'Of de maand voor de peildatum eindigde (geleverd); anders is de maand nog niet (helemaal) geleverd.' })
  geleverd!: boolean;

  @Field(() => OnderdruktAantal, {
    description: 'Aantal toewijzingen die in de maand gelden of waarover voor de maand is gedeclareerd.',
  })
  aantalToewijzingen!: OnderdruktAantal;

  @Field(() => OnderdruktBedrag, { description: VERWACHT })
  verwacht!: OnderdruktBedrag;

  @Field(() => OnderdruktBedrag, { description: GEDECLAREERD })
  gedeclareerd!: OnderdruktBedrag;
}

/**
 * Commitments against declarations of one aanbieder at one gemeente over a year (issue 4 item 2),
 * with its months. `aanbieder` is resolved from `aanbiederAgb`; a toewijzing stands for one client.
 */
@ObjectType({
  description:
    'Verplichtingen (verwachte kosten van de toewijzingen) tegenover declaraties van een aanbieder bij een gemeente onder een wet, ' +
    'over een kalenderjaar en per maand, met de prognose voor het jaar. Bron: de toewijzingsberichten (iWmo/iJw 301) en ' +
    'declaratieregels (303/323) die de regio voor haar contractbeheer bijhoudt, en de tarieven uit haar contracten. Zie ' +
    'Verantwoording.onderdrukkingsregel.',
})
export class Verplichtingen {
  @Field(() => Gemeente, { nullable: true, description: 'De gemeente die de toewijzingen gaf.' })
  gemeente!: Gemeente;

  @Field(() => Wet, { description: 'De wet van de toewijzingen: WMO (iWmo) of JEUGDWET (iJw).' })
  wet!: Wet;

  @Field(() => Int, { description: 'Het kalenderjaar van de levering.' })
  jaar!: number;

  @Field(() => OnderdruktAantal, {
    description: 'Aantal verschillende toewijzingen die in het jaar gelden of waarover in het jaar is gedeclareerd.',
  })
  aantalToewijzingen!: OnderdruktAantal;

  @Field(() => OnderdruktBedrag, { description: `Verwachte kosten over het hele jaar. ${VERWACHT}` })
  verwacht!: OnderdruktBedrag;

  @Field(() => OnderdruktBedrag, { description: `Tot nu toe gedeclareerd over leveringen in het jaar. ${GEDECLAREERD}` })
  gedeclareerd!: OnderdruktBedrag;

  @Field(() => OnderdruktBedrag, {
    description:
      'Prognose van de kosten over het jaar in eurocent, voordat alle declaraties binnen zijn: het gedeclareerde bedrag plus de ' +
      'verwachte kosten (zie verwacht) van elke toewijzing in elke maand waarover zij nog niet gedeclareerd heeft (geen regel INGEDIEND ' +
      'of GOEDGEKEURD), geleverd of nog te leveren.',
  })
  prognose!: OnderdruktBedrag;

  @Field(() => OnderdruktGetal, {
    description:
      'Aandeel (0-1, twee decimalen) van de geleverde toewijzingsmaanden (de toewijzing geldt in de maand en de maand eindigde voor de ' +
      'peildatum) waarover nog geen declaratieregel INGEDIEND of GOEDGEKEURD is; een maand met alleen een gecrediteerde of afgewezen ' +
      'regel telt als niet gedeclareerd. Berekend uit afgeronde aantallen; onderdrukt als de teller of het complement onder 10 ligt.',
  })
  aandeelNietGedeclareerd!: OnderdruktGetal;

  @Directive(listSize(12))
  @Field(() => [VerplichtingenMaand], { description: 'De maanden met een verplichting of declaratie, op volgorde.' })
  maanden!: VerplichtingenMaand[];

  /** AGB code of the aanbieder; the `aanbieder` field resolves it. */
  aanbiederAgb!: string;
}

/** The commitments answer: the rows and what they were computed over. */
@ObjectType({ description: 'Antwoord op de vraag naar verplichtingen tegenover declaraties: de rijen en hun verantwoording.' })
export class VerplichtingenAntwoord {
  @Field(() => Verantwoording, {
    description:
      'Over welke gemeenten is gerekend, welke gevraagde gemeenten buiten het mandaat vielen, de laatste meegetelde leveringsdag ' +
      '(gegevensTot) en dagtekening (laatsteDeclaratie).',
  })
  verantwoording!: Verantwoording;

  @Field(() => String, {
    nullable: true,
    description:
      'De peildatum (JJJJ-MM-DD) van de stand van de gegevens: maanden die daarvoor eindigden zijn geleverd. Null als er geen rijen zijn.',
  })
  peildatum!: string | null;

  @Directive(listSize(400))
  @Field(() => [Bron], {
    description: 'Hoe actueel de toewijzingen en declaraties zijn, per gemeente waarover is gerekend: de laatste aanlevering van elke bron.',
  })
  bronnen!: Bron[];

  @Directive(listSize(100))
  @Field(() => [Verplichtingen], { description: 'Een rij per aanbieder en gemeente met een verplichting of declaratie in het jaar, op AGB-code en gemeente.' })
  rijen!: Verplichtingen[];
}

/** The cells of one raw row: the count of toewijzingen and the three amounts, each over the toewijzingen contributing to it. */
function cellen(row: VerplichtingenRow, maand: string): Cell[] {
  const bedrag = (naam: string, value: number, contributors: number, largest: number): Cell => ({
    kind: 'amount', measure: `inkoop.verplichtingen.${naam}`, value, contributors, largest, key: row.sleutel,
  });
  return [
    { kind: 'count', measure: 'inkoop.verplichtingen.toewijzingen', value: row.aantalToewijzingen, contributors: row.aantalToewijzingen, key: row.sleutel },
    bedrag('verwacht', row.verwacht, row.bijdragersVerwacht, row.grootsteVerwacht),
    bedrag('gedeclareerd', row.gedeclareerd, row.bijdragersGedeclareerd, row.grootsteGedeclareerd),
    ...(maand === 'jaar' ? [bedrag('prognose', row.prognose, row.bijdragersPrognose, row.grootstePrognose)] : []),
  ];
}

/**
 * Publishes one aanbieder and gemeente: the year row and its months as one table, where verwacht and
 * gedeclareerd of the months add up to the year's (a month absent from the SQL is an exact zero the
 * caller knows, so it hides nothing); the counts of distinct toewijzingen do not add up. The share not
 * declared is derived from two counts of toewijzing-months that are not published themselves.
 */
function publiceer(jaar: VerplichtingenRow, maanden: readonly VerplichtingenRow[], disclosure: Disclosure) {
  const count = (naam: string, value: number, key: number): Cell => ({ kind: 'count', measure: `inkoop.verplichtingen.${naam}`, value, contributors: value, key });
  const cells = [
    ...cellen(jaar, 'jaar'),
    count('geleverd', jaar.aantalGeleverd, jaar.sleutelGeleverd),
    count('nietGedeclareerd', jaar.aantalNietGedeclareerd, jaar.sleutelNietGedeclareerd),
    ...maanden.flatMap((m) => cellen(m, 'maand')),
  ];
  const maand = (i: number, kolom: number) => 6 + 3 * i + kolom;
  const relations = [1, 2].map((kolom) => ({ total: kolom, parts: maanden.map((_, i) => maand(i, kolom)) }));
  const p = disclosure.publish({ cells, relations });
  const at = (i: number): Published => p[i] ?? withheld('KLEIN_AANTAL');
  return {
    jaar: {
      aantalToewijzingen: at(0),
      verwacht: at(1),
      gedeclareerd: at(2),
      prognose: at(3),
      aandeelNietGedeclareerd: publishShare(at(5), at(4), { numerator: jaar.aantalNietGedeclareerd, denominator: jaar.aantalGeleverd }),
    },
    maanden: maanden.map((m, i) => ({
      maand: m.maand ?? 0,
      geleverd: m.geleverd === true,
      aantalToewijzingen: at(maand(i, 0)),
      verwacht: at(maand(i, 1)),
      gedeclareerd: at(maand(i, 2)),
    })),
  };
}

/** Rows as the SQL returns them (each year row before its months) turned into published rows. */
export function verplichtingenOf(rows: readonly VerplichtingenRow[], wet: Wet, jaar: number, disclosure: Disclosure): Verplichtingen[] {
  const groepen: { jaar: VerplichtingenRow; maanden: VerplichtingenRow[] }[] = [];
  for (const row of rows) {
    // GROUPING SETS ordered NULLS FIRST: the year row of this aanbieder and gemeente comes just before its months.
    if (row.maand === null) groepen.push({ jaar: row, maanden: [] });
    else mustExist(groepen.at(-1), `jaarrij van ${row.aanbiederAgb} ${row.gemeenteCode}`).maanden.push(row);
  }
  return groepen.map((groep) => {
    const published = publiceer(groep.jaar, groep.maanden, disclosure);
    return { aanbiederAgb: groep.jaar.aanbiederAgb, gemeente: { code: groep.jaar.gemeenteCode }, wet, jaar, ...published.jaar, maanden: published.maanden };
  });
}
