import { listSize, OnderdruktAantal, OnderdruktBedrag, suppressAmount, suppressCount, SUPPRESSION_THRESHOLD, Verantwoording, Wet } from '@sociaal-graph/toolkit';
import { Field, Float, Int, ObjectType, Directive } from 'type-graphql';
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
    'Verplichtingen tegenover declaraties van een aanbieder bij een gemeente in een maand. Gaat de maand over minder dan 10 ' +
    'toewijzingen, dan zijn de bedragen onderdrukt (KLEIN_AANTAL).',
})
export class VerplichtingenMaand {
  @Field(() => Int, { description: 'De maand (1-12) van de levering.' })
  maand!: number;

  @Field(() => Boolean, { description: 'Of de maand voor de peildatum eindigde (geleverd); anders is de maand nog niet (helemaal) geleverd.' })
  geleverd!: boolean;

  @Field(() => OnderdruktAantal, {
    description: 'Aantal toewijzingen die in de maand gelden of waarover voor de maand is gedeclareerd; afgerond op 5, onder 10 onderdrukt.',
  })
  aantalToewijzingen!: OnderdruktAantal;

  @Field(() => OnderdruktBedrag, { description: `${VERWACHT} Onderdrukt onder 10 toewijzingen.` })
  verwacht!: OnderdruktBedrag;

  @Field(() => OnderdruktBedrag, { description: `${GEDECLAREERD} Onderdrukt onder 10 toewijzingen.` })
  gedeclareerd!: OnderdruktBedrag;

  @Field(() => String, { nullable: true, description: 'KLEIN_AANTAL als de bedragen zijn onderdrukt (minder dan 10 toewijzingen); anders null.' })
  onderdrukt!: string | null;
}

/**
 * Commitments against declarations of one aanbieder at one gemeente over a year (issue 4 item 2),
 * with its months. `aanbieder` is resolved from `aanbiederAgb`; a toewijzing stands for one client.
 */
@ObjectType({
  description:
    'Verplichtingen (verwachte kosten van de toewijzingen) tegenover declaraties van een aanbieder bij een gemeente onder een wet, ' +
    'over een kalenderjaar en per maand, met de prognose voor het jaar. Bron: de toewijzingsberichten (iWmo/iJw 301) en ' +
    'declaratieregels (303/323) die de regio voor haar contractbeheer bijhoudt, en de tarieven uit haar contracten. Gaat het jaar ' +
    'over minder dan 10 toewijzingen, dan zijn de bedragen en het aandeel onderdrukt (KLEIN_AANTAL).',
})
export class Verplichtingen {
  @Field(() => Gemeente, { nullable: true, description: 'De gemeente die de toewijzingen gaf.' })
  gemeente!: Gemeente;

  @Field(() => Wet, { description: 'De wet van de toewijzingen: WMO (iWmo) of JEUGDWET (iJw).' })
  wet!: Wet;

  @Field(() => Int, { description: 'Het kalenderjaar van de levering.' })
  jaar!: number;

  @Field(() => OnderdruktAantal, {
    description: 'Aantal verschillende toewijzingen die in het jaar gelden of waarover in het jaar is gedeclareerd; afgerond op 5, onder 10 onderdrukt.',
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
      'of GOEDGEKEURD), geleverd of nog te leveren. Onderdrukt onder 10 toewijzingen.',
  })
  prognose!: OnderdruktBedrag;

  @Field(() => Float, {
    nullable: true,
    description:
      'Aandeel (0-1, drie decimalen) van de geleverde toewijzingsmaanden (de toewijzing geldt in de maand en de maand eindigde voor de ' +
      'peildatum) waarover nog geen declaratieregel INGEDIEND of GOEDGEKEURD is; een maand met alleen een gecrediteerde of afgewezen ' +
      'regel telt als niet gedeclareerd. Null zonder geleverde maanden of als onderdrukt.',
  })
  aandeelNietGedeclareerd!: number | null;

  @Field(() => String, { nullable: true, description: 'KLEIN_AANTAL als de bedragen en het aandeel zijn onderdrukt (minder dan 10 toewijzingen); anders null.' })
  onderdrukt!: string | null;

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

  @Directive(listSize(100))
  @Field(() => [Verplichtingen], { description: 'Een rij per aanbieder en gemeente met een verplichting of declaratie in het jaar, op AGB-code en gemeente.' })
  rijen!: Verplichtingen[];
}

/** The published amounts of a raw row: withheld together under 10 toewijzingen. */
function bedragen(row: VerplichtingenRow) {
  const bedrag = (amount: number) => suppressAmount({ amount, persons: row.aantalToewijzingen });
  return {
    aantalToewijzingen: suppressCount(row.aantalToewijzingen),
    verwacht: bedrag(row.verwacht),
    gedeclareerd: bedrag(row.gedeclareerd),
    onderdrukt: row.aantalToewijzingen < SUPPRESSION_THRESHOLD ? ('KLEIN_AANTAL' as const) : null,
  };
}

/** Rows as the SQL returns them (each year row before its months) turned into published rows. */
export function verplichtingenOf(rows: readonly VerplichtingenRow[], wet: Wet, jaar: number): Verplichtingen[] {
  const result: Verplichtingen[] = [];
  for (const row of rows) {
    if (row.maand === null) {
      const published = bedragen(row);
      const aandeel = row.aantalGeleverd === 0 ? null : Math.round((row.aantalNietGedeclareerd / row.aantalGeleverd) * 1000) / 1000;
      result.push({
        aanbiederAgb: row.aanbiederAgb,
        gemeente: { code: row.gemeenteCode },
        wet,
        jaar,
        ...published,
        prognose: suppressAmount({ amount: row.prognose, persons: row.aantalToewijzingen }),
        aandeelNietGedeclareerd: published.onderdrukt ? null : aandeel,
        maanden: [],
      });
    } else {
      // GROUPING SETS ordered NULLS FIRST: the year row of this aanbieder and gemeente came just before.
      const jaarrij = mustExist(result.at(-1), `jaarrij van ${row.aanbiederAgb} ${row.gemeenteCode}`);
      jaarrij.maanden.push({ maand: row.maand, geleverd: row.geleverd === true, ...bedragen(row) });
    }
  }
  return result;
}
