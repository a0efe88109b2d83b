import { Code, listSize, type Onderdrukt, OnderdruktAantal, suppressTable, Verantwoording, VERWIJZER_TYPE } from '@sociaal-graph/toolkit';
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
    'Verwijzingen naar jeugdhulp van een type verwijzer (COD327) in een gemeente over een reeks jaren, met het aandeel ervan en dat over alle gemeenten. ' +
    'Bron: de verwijzingen in het jeugddomein (iJw 315 Verwijzer).',
})
export class JeugdVerwijzerAandeel {
  @Field(() => Code, { description: 'Type verwijzer (codelijst COD327, 01-08 zonder 07; bijvoorbeeld 02 Huisarts).' })
  verwijzerType!: Code;

  @Field(() => OnderdruktAantal, {
    description: 'Aantal verwijzingen van dit type met een verwijsdatum in de jaren; afgerond op 5, onder 10 onderdrukt, 0 als er geen zijn.',
  })
  aantalVerwijzingen!: OnderdruktAantal;

  @Field(() => Float, {
    nullable: true,
    description:
      'Aandeel (0-1, drie decimalen) van dit type in alle verwijzingen van de gemeente, berekend uit de gepubliceerde (afgeronde) aantallen; ' +
      'null als het aantal of het totaal onderdrukt is.',
  })
  aandeel!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Aandeel (0-1, drie decimalen) van dit type in alle verwijzingen van dezelfde jaren over alle gemeenten in de gegevens van deze graaf ' +
      '(ook gemeenten buiten uw mandaat; alleen dit verhoudingsgetal, geen aantallen): de vergelijkingswaarde. Null als er in die jaren geen verwijzingen zijn.',
  })
  aandeelAlleGemeenten!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: `Landelijk aandeel (0-1) volgens het CBS; bron: ${LANDELIJK_BRON}. Null waar de bron geen cijfer geeft.`,
  })
  landelijkAandeelCbs!: number | null;
}

/** The referral flows of one gemeente in one year. */
@ObjectType({ description: 'Verwijsstromen jeugdhulp van een gemeente over een reeks kalenderjaren: het totaal en de verdeling per type verwijzer.' })
export class JeugdVerwijsstroom {
  @Field(() => Gemeente, { nullable: true, description: 'De gemeente waar de verwijzingen binnenkwamen.' })
  gemeente!: Gemeente;

  @Field(() => Int, { description: 'Het eerste kalenderjaar van de verwijsdatum waarover is geteld.' })
  vanafJaar!: number;

  @Field(() => Int, { description: 'Het laatste kalenderjaar (inclusief) van de verwijsdatum waarover is geteld.' })
  totEnMetJaar!: number;

  @Field(() => OnderdruktAantal, { description: 'Aantal verwijzingen in de jaren, alle typen samen; afgerond op 5, onder 10 onderdrukt.' })
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

const share = (part: number | null, whole: number | null): number | null =>
  part === null || whole === null || whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;

/**
 * Shapes the counted rows: per gemeente a one-row table of all COD327 types (0 where none, which is no
 * cell) with its total, suppressed as one table, the shares taken from the published numbers.
 */
export function verwijsstromenOf(rows: readonly VerwijsstroomRow[], gemeenten: readonly string[], jaren: { vanaf: number; tot: number }): JeugdVerwijsstroom[] {
  const types = [...VERWIJZER_TYPE.keys()];
  const count = (gemeente: string | null, type: string) =>
    rows.find((row) => row.gemeenteCode === gemeente && row.verwijzerType === type)?.aantal ?? 0;
  const alle = types.map((type) => count(null, type));
  const alleTotaal = alle.reduce((sum, n) => sum + n, 0);
  return gemeenten.map((code) => {
    const raw = types.map((type) => count(code, type));
    const table = suppressTable({ cells: [raw.map((n) => (n === 0 ? null : n))], rowTotals: true });
    const totaal: Onderdrukt = table.rowTotals?.[0] ?? { waarde: null, onderdrukt: 'KLEIN_AANTAL' };
    return {
      gemeente: { code },
      vanafJaar: jaren.vanaf,
      totEnMetJaar: jaren.tot,
      aantalVerwijzingen: totaal,
      perVerwijzer: types.map((type, i) => {
        const cel: Onderdrukt = table.cells[0]?.[i] ?? { waarde: 0, onderdrukt: null };
        return {
          verwijzerType: knownCode(VERWIJZER_TYPE, type),
          aantalVerwijzingen: cel,
          aandeel: share(cel.waarde, totaal.waarde),
          aandeelAlleGemeenten: share(alle[i] ?? 0, alleTotaal),
          landelijkAandeelCbs: LANDELIJK_AANDEEL_CBS[type] ?? null,
        };
      }),
    };
  });
}
