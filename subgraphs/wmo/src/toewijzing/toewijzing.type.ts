import {
  Code,
  type Codelijst,
  codeOf,
  EENHEID,
  formatEurocent,
  FREQUENTIE,
  PageInfo,
  requiresAuthentication,
  requiresScope,
  Scope,
  WMO_PRODUCTCATEGORIE,
  WMO_REDEN_BEEINDIGING,
} from '@sociaal-graph/toolkit';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Aanbieder } from '../extends/aanbieder/aanbieder.type.js';
import { Contract } from '../extends/contract/contract.type.js';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import { Inwoner } from '../extends/inwoner/inwoner.type.js';
import { Tarief } from '../extends/tarief/tarief.type.js';
import type { ToewijzingRow } from './toewijzing.sql.js';

/** iWmo Omvang: how much of the product, in which unit, how often. */
@ObjectType({ description: 'Omvang van een Wmo-toewijzing (iWmo Omvang: volume, eenheid en frequentie).' })
export class WmoOmvang {
  @Field(() => Int, { description: 'Aantal eenheden per frequentie.' })
  volume!: number;

  @Field(() => Code, { description: 'Eenheid van het volume (codelijst WJ756, bijvoorbeeld 04 Uur).' })
  eenheid!: Code;

  @Field(() => Code, { description: 'Frequentie van het volume (codelijst WMO757, bijvoorbeeld 2 Per week).' })
  frequentie!: Code;
}

/** A Wmo toewijzing (iWmo 301 ToegewezenProduct), keyed per gemeente by its toewijzingsnummer. */
@Directive(requiresAuthentication)
@Directive(requiresScope(Scope.PERSOONSGEGEVENS))
@Directive('@key(fields: "gemeenteCode toewijzingsnummer")')
@ObjectType({
  description:
    'Een Wmo-toewijzing (beschikte maatwerkvoorziening, iWmo 3.2 ToegewezenProduct) van een gemeente aan een aanbieder voor een inwoner.',
})
export class WmoToewijzing {
  @Field(() => String, { description: 'iWmo ToewijzingNummer, uniek binnen de gemeente voor de Wmo.' })
  toewijzingsnummer!: string;

  @Field(() => String, { description: 'CBS-gemeentecode van de gemeente die toewijst ("0406").' })
  gemeenteCode!: string;

  @Field(() => Gemeente, { nullable: true, description: 'De gemeente die de toewijzing afgeeft.' })
  gemeente!: Gemeente;

  @Field(() => Inwoner, { nullable: true, description: 'De inwoner (client) aan wie de ondersteuning is toegewezen.' })
  inwoner!: Inwoner;

  @Field(() => Code, { description: 'Productcategorie (iWmo codelijst WMO020, 01 tot en met 18).' })
  productcategorie!: Code;

  @Field(() => String, {
    description: 'Productcode (WMO021 of bilateraal); de eerste twee tekens zijn de productcategorie.',
  })
  productcode!: string;

  @Field(() => Aanbieder, { nullable: true, description: 'De aanbieder die de ondersteuning levert.' })
  aanbieder!: Aanbieder;

  @Field(() => Contract, { nullable: true, description: 'Het inkoopcontract waaronder geleverd wordt.' })
  contract!: Contract | null;

  @Field(() => Tarief, { nullable: true, description: 'Het tarief dat gold op de ingangsdatum.' })
  tarief!: Tarief | null;

  @Field(() => WmoOmvang, { description: 'Toegewezen omvang: volume, eenheid en frequentie.' })
  omvang!: WmoOmvang;

  @Field(() => String, { description: 'Leveringsvorm: ZIN (zorg in natura) of PGB (persoonsgebonden budget).' })
  leveringsvorm!: string;

  @Field(() => String, { description: 'Eerste dag waarop de toewijzing geldt (JJJJ-MM-DD).' })
  ingangsdatum!: string;

  @Field(() => String, { nullable: true, description: 'Laatste dag waarop de toewijzing geldt (JJJJ-MM-DD); leeg als zij doorloopt.' })
  einddatum!: string | null;

  @Field(() => Code, {
    nullable: true,
    description: 'Reden van beeindiging (iWmo codelijst WMO588); leeg zolang de toewijzing niet is beeindigd.',
  })
  redenBeeindiging!: Code | null;

  @Field(() => Int, { description: 'Eigen bijdrage per maand in eurocent (abonnementstarief, geind door het CAK).' })
  eigenBijdrage!: number;

  @Field(() => String, { description: 'Eigen bijdrage per maand, opgemaakt voor de lezer ("€ 21,80").' })
  eigenBijdrageTekst!: string;
}

/** One page of the top-level list. */
@ObjectType({ description: 'Een pagina Wmo-toewijzingen.' })
export class WmoToewijzingPage {
  @Field(() => [WmoToewijzing], { description: 'De toewijzingen op deze pagina.' })
  items!: WmoToewijzing[];

  @Field(() => PageInfo, { description: 'Gegevens over de pagina en het totaal.' })
  pageInfo!: PageInfo;
}

/** Maps a stored row to its GraphQL shape. A code outside its list is a data error, not a caller's. */
export function wmoToewijzingOf(row: ToewijzingRow): WmoToewijzing {
  return {
    toewijzingsnummer: row.toewijzingsnummer,
    gemeenteCode: row.gemeenteCode,
    gemeente: { code: row.gemeenteCode },
    inwoner: { id: row.inwonerId },
    productcategorie: requiredCode(WMO_PRODUCTCATEGORIE, row.productcategorie, 'productcategorie'),
    productcode: row.productcode,
    aanbieder: { agbCode: row.aanbiederAgb },
    contract: row.contractId === null ? null : { id: row.contractId },
    tarief: row.tariefId === null ? null : { id: row.tariefId },
    omvang: {
      volume: row.volume,
      eenheid: requiredCode(EENHEID, row.eenheid, 'eenheid'),
      frequentie: requiredCode(FREQUENTIE, row.frequentie, 'frequentie'),
    },
    leveringsvorm: row.leveringsvorm,
    ingangsdatum: row.ingangsdatum,
    einddatum: row.einddatum,
    redenBeeindiging: codeOf(WMO_REDEN_BEEINDIGING, row.redenBeeindiging),
    eigenBijdrage: row.eigenBijdrage,
    eigenBijdrageTekst: formatEurocent(row.eigenBijdrage),
  };
}

function requiredCode(lijst: Codelijst, code: string, veld: string): Code {
  const value = codeOf(lijst, code);
  // The migration's checks and the generator keep codes in their lists; a miss is a bug to surface.
  if (!value) throw new Error(`wmo.toewijzing: ${veld} "${code}" staat niet in de codelijst`);
  return value;
}
