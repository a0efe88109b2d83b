import { Code, JW_PRODUCTCATEGORIE, ONDERDRUKKINGSREGEL, type Onderdrukt, OnderdruktAantal, suppressTable } from '@sociaal-graph/toolkit';
import { Field, Int, ObjectType } from 'type-graphql';
import { knownCode } from '../codelijst/known-code.js';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import type { TellingRow } from './telling.sql.js';

/** Counts of jeugdhulp toewijzingen and young people of one gemeente and year, per productcategorie or in total. */
@ObjectType({
  description:
    'Aantal jeugdhulptoewijzingen en unieke jeugdigen van een gemeente in een productcategorie (of in totaal), over een ' +
    'kalenderjaar. Kleine aantallen zijn onderdrukt en de rest is afgerond op 5 (zie onderdrukkingsregel).',
})
export class JeugdToewijzingTelling {
  @Field(() => Gemeente, { nullable: true, description: 'De gemeente waarvoor geteld is.' })
  gemeente!: Gemeente;

  @Field(() => Int, { description: 'Het kalenderjaar waarover geteld is.' })
  jaar!: number;

  @Field(() => Code, { nullable: true, description: 'Productcategorie (iJw codelijst JZ020); leeg in de totaalrij.' })
  productcategorie!: Code | null;

  @Field(() => Boolean, { description: 'Of dit de totaalrij van de gemeente is: alle productcategorieen samen.' })
  totaal!: boolean;

  @Field(() => OnderdruktAantal, { description: 'Aantal toewijzingen dat op minstens een dag van het jaar actief was.' })
  aantalToewijzingen!: OnderdruktAantal;

  @Field(() => OnderdruktAantal, {
    description: 'Aantal unieke jeugdigen met zo een toewijzing; in de totaalrij elke jeugdige eenmaal.',
  })
  aantalJeugdigen!: OnderdruktAantal;

  @Field(() => String, { description: 'De regel waarmee de aantallen zijn onderdrukt en afgerond.' })
  onderdrukkingsregel!: string;
}

/**
 * Maps the raw counted rows (cells per productcategorie, then one total row per gemeente, as
 * `selectTellingen` returns them) to their published shape: each gemeente is one table row with its
 * total, suppressed per measure (issue 3 item 8). Only row totals are published: a total over the
 * asked gemeenten would let two requests differ in one gemeente and so difference it back.
 */
export function jeugdToewijzingTellingenOf(rows: readonly TellingRow[], jaar: number): JeugdToewijzingTelling[] {
  const perGemeente = new Map<string, TellingRow[]>();
  for (const row of rows) perGemeente.set(row.gemeenteCode, [...(perGemeente.get(row.gemeenteCode) ?? []), row]);
  return [...perGemeente.entries()].flatMap(([gemeenteCode, group]) => {
    const cellen = group.filter((row) => row.productcategorie !== null);
    const totaal = group.find((row) => row.productcategorie === null);
    if (!totaal) throw new Error(`selectTellingen gaf geen totaalrij voor gemeente ${gemeenteCode}.`);
    const toewijzingen = suppressTable({ cells: [cellen.map((row) => row.aantalToewijzingen)], rowTotals: [totaal.aantalToewijzingen] });
    const jeugdigen = suppressTable({ cells: [cellen.map((row) => row.aantalJeugdigen)], rowTotals: [totaal.aantalJeugdigen] });
    const base = { gemeente: { code: gemeenteCode }, jaar, onderdrukkingsregel: ONDERDRUKKINGSREGEL };
    return [
      ...cellen.map((row, i) => ({
        ...base,
        productcategorie: knownCode(JW_PRODUCTCATEGORIE, row.productcategorie ?? ''),
        totaal: false,
        aantalToewijzingen: published(toewijzingen.cells[0]?.[i]),
        aantalJeugdigen: published(jeugdigen.cells[0]?.[i]),
      })),
      {
        ...base,
        productcategorie: null,
        totaal: true,
        aantalToewijzingen: published(toewijzingen.rowTotals?.[0]),
        aantalJeugdigen: published(jeugdigen.rowTotals?.[0]),
      },
    ];
  });
}

/** suppressTable returns every cell and total it was given; should one be missing, withhold it rather than fail. */
function published(value: Onderdrukt | null | undefined): Onderdrukt {
  return value ?? { waarde: null, onderdrukt: 'KLEIN_AANTAL' };
}
