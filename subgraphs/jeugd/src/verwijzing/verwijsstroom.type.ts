import {
  type Cell, Code, type Disclosure, listSize, OnderdruktAantal, OnderdruktGetal, type Published, publishShare, Verantwoording, VERWIJZER_TYPE, withheld,
} from '@sociaal-graph/toolkit';
import { Field, Float, Int, ObjectType, Directive } from 'type-graphql';
import { knownCode } from '../codelijst/known-code.js';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import type { VerwijsstroomRow } from './verwijsstroom.sql.js';

/**
 * The national share of referrals by the huisarts: "rond de 36%" (CBS Beleidsinformatie Jeugd, as quoted in
 * the HBEL jeugd analysis, docs/domain.md "The demo world"). The documents give no national share for
 * the other verwijzer types.
 */
export const LANDELIJK_AANDEEL_CBS: Readonly<Record<string, number>> = { '02': 0.36 };

const LANDELIJK_BRON =
  'CBS Beleidsinformatie Jeugd, zoals aangehaald in de analyse jeugdhulp van HBEL: huisarts "rond de 36%"; ' +
  'voor de andere verwijzers geven de bronnen geen landelijk aandeel';

/** One verwijzer type within one gemeente's referrals, against the benchmarks. */
@ObjectType({
  description:
    'Verwijzingen naar jeugdhulp van een type verwijzer (COD327) in een gemeente in een kalenderjaar, met het aandeel ervan en dat over alle gemeenten. ' +
    'Bron: de verwijzingen in het jeugddomein (iJw 315 Verwijzer).',
})
export class JeugdVerwijzerAandeel {
  @Field(() => Code, { description: 'Type verwijzer (codelijst COD327, 01-08 zonder 07; bijvoorbeeld 02 Huisarts).' })
  verwijzerType!: Code;

  @Field(() => OnderdruktAantal, {
    description: 'Aantal verwijzingen van dit type met een verwijsdatum in het jaar; een cel van de verwezen jeugdigen (zie Verantwoording.onderdrukkingsregel).',
  })
  aantalVerwijzingen!: OnderdruktAantal;

  @Field(() => OnderdruktGetal, {
    description:
      'Aandeel (0-1, twee decimalen) van dit type in alle verwijzingen van de gemeente, berekend uit de gepubliceerde (afgeronde) aantallen; ' +
      'onderdrukt als een van beide dat is, of als de teller of het complement onder 10 ligt.',
  })
  aandeel!: OnderdruktGetal;

  @Field(() => OnderdruktGetal, {
    description:
      'Aandeel (0-1, twee decimalen) van dit type in alle verwijzingen van hetzelfde jaar over alle gemeenten in de gegevens van deze graaf ' +
      '(ook gemeenten buiten uw mandaat; alleen dit verhoudingsgetal, geen aantallen): de vergelijkingswaarde. Berekend uit afgeronde ' +
      'aantallen zoals aandeel, en zo onderdrukt.',
  })
  aandeelAlleGemeenten!: OnderdruktGetal;

  @Field(() => Float, {
    nullable: true,
    description: `Landelijk aandeel (0-1) volgens het CBS; bron: ${LANDELIJK_BRON}. Null waar de bron geen cijfer geeft.`,
  })
  landelijkAandeelCbs!: number | null;
}

/** The referral flows of one gemeente in one year. */
@ObjectType({ description: 'Verwijsstromen jeugdhulp van een gemeente in een kalenderjaar: het totaal en de verdeling per type verwijzer.' })
export class JeugdVerwijsstroom {
  @Field(() => Gemeente, { nullable: true, description: 'De gemeente waar de verwijzingen binnenkwamen.' })
  gemeente!: Gemeente;

  @Field(() => Int, { description: 'Het kalenderjaar van de verwijsdatum waarover is geteld.' })
  jaar!: number;

  @Field(() => OnderdruktAantal, {
    description: 'Aantal verwijzingen in het jaar, alle typen samen: het totaal waartoe de typen optellen (zie Verantwoording.onderdrukkingsregel).',
  })
  aantalVerwijzingen!: OnderdruktAantal;

  @Directive(listSize(VERWIJZER_TYPE.size))
  @Field(() => [JeugdVerwijzerAandeel], { description: 'Een regel per type verwijzer uit COD327, in de volgorde van de codelijst.' })
  perVerwijzer!: JeugdVerwijzerAandeel[];
}

/** The referral flows answer: one entry per gemeente computed over, and the verantwoording. */
@ObjectType({ description: 'Antwoord op de vraag naar verwijsstromen jeugdhulp: per gemeente de verdeling, en de verantwoording.' })
export class JeugdVerwijsstromenAntwoord {
  @Field(() => Verantwoording, {
    description: 'Over welke gemeenten is gerekend, welke gevraagde gemeenten buiten het mandaat vielen, en de laatste verwijsdatum (gegevensTot).',
  })
  verantwoording!: Verantwoording;

  @Directive(listSize(1))
  @Field(() => [JeugdVerwijsstroom], { description: 'Een regel per gemeente waarover is gerekend, in de gevraagde volgorde.' })
  gemeenten!: JeugdVerwijsstroom[];
}

/** The published total and types (in COD327 order) of one gemeente, or of all gemeenten in the data. */
interface Gepubliceerd {
  totaal: Published;
  typen: Published[];
  raw: { totaal: number; typen: number[] };
}

/**
 * One gemeente (or all: `gemeente` null) as a table through the disclosure policy: its total and every
 * COD327 type, zeros included (a type without referrals is a cell under 10 like any other), the types
 * adding up to the total. `measure` keeps the benchmark's noise apart from a gemeente's.
 */
function publiceer(rows: readonly VerwijsstroomRow[], alle: boolean, gemeente: string | null, types: readonly string[], disclosure: Disclosure): Gepubliceerd {
  const row = (type: string | null) => rows.find((r) => r.alle === alle && r.gemeenteCode === gemeente && r.verwijzerType === type);
  const cell = (type: string | null): Cell => {
    const r = row(type);
    return { kind: 'count', measure: `jeugd.verwijzingen.${alle ? 'alle' : 'gemeente'}`, value: r?.aantal ?? 0, contributors: r?.personen ?? 0, key: r?.sleutel ?? 0 };
  };
  const cells = [cell(null), ...types.map(cell)];
  const p = disclosure.publish({ cells, relations: [{ total: 0, parts: types.map((_, i) => i + 1) }] });
  const at = (i: number): Published => p[i] ?? withheld('KLEIN_AANTAL');
  return { totaal: at(0), typen: types.map((_, i) => at(i + 1)), raw: { totaal: cells[0]?.value ?? 0, typen: cells.slice(1).map((c) => c.value) } };
}

/** The share of type `i` in the total, from published values only. */
const aandeelVan = (g: Gepubliceerd, i: number): Published =>
  publishShare(g.typen[i] ?? withheld('KLEIN_AANTAL'), g.totaal, { numerator: g.raw.typen[i] ?? 0, denominator: g.raw.totaal });

/**
 * Shapes the counted rows: per gemeente a table of its total and all COD327 types, and one of all
 * gemeenten in the data for the benchmark shares, each through the disclosure policy; the shares come
 * from the published counts.
 */
export function verwijsstromenOf(rows: readonly VerwijsstroomRow[], gemeenten: readonly string[], jaar: number, disclosure: Disclosure): JeugdVerwijsstroom[] {
  if (gemeenten.length === 0) return [];
  const types = [...VERWIJZER_TYPE.keys()];
  const alle = publiceer(rows, true, null, types, disclosure);
  return gemeenten.map((code) => {
    const eigen = publiceer(rows, false, code, types, disclosure);
    return {
      gemeente: { code },
      jaar,
      aantalVerwijzingen: eigen.totaal,
      perVerwijzer: types.map((type, i) => ({
        verwijzerType: knownCode(VERWIJZER_TYPE, type),
        aantalVerwijzingen: eigen.typen[i] ?? withheld('KLEIN_AANTAL'),
        aandeel: aandeelVan(eigen, i),
        aandeelAlleGemeenten: aandeelVan(alle, i),
        landelijkAandeelCbs: LANDELIJK_AANDEEL_CBS[type] ?? null,
      })),
    };
  });
}
