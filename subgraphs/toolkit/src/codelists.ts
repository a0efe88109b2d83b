import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * One entry of a code list. Codes stay strings with their leading zeros ("01"), as in the
 * iStandaarden; GraphQL enum values cannot start with a digit.
 */
@Directive('@shareable')
@ObjectType({ description: 'Een waarde uit een codelijst (iWmo/iJw 3.2 of CBS), met omschrijving.' })
export class Code {
  @Field(() => String, { description: 'De code zoals in de codelijst, met voorloopnullen.' })
  code!: string;

  @Field(() => String, { description: 'De omschrijving uit de codelijst.' })
  omschrijving!: string;
}

/** A code list: code -> omschrijving, in the order of the source table. */
export type Codelijst = ReadonlyMap<string, string>;

const list = (entries: [string, string][]): Codelijst => new Map(entries);

/** iWmo 3.2 WMO020 productcategorie. */
export const WMO_PRODUCTCATEGORIE = list([
  ['01', 'Hulp bij het huishouden'],
  ['02', 'Begeleiding'],
  ['03', 'Persoonlijke verzorging'],
  ['04', 'Kortdurend verblijf'],
  ['05', 'Woondiensten'],
  ['06', 'Overige ondersteuning gericht op het individu of huishouden/gezin'],
  ['07', 'Dagbesteding'],
  ['08', 'Vervoerdiensten'],
  ['09', 'Overige groepsgerichte ondersteuning'],
  ['10', 'Overige maatwerk arrangementen'],
  ['11', 'Rolstoelen'],
  ['12', 'Vervoervoorzieningen'],
  ['13', 'Woonvoorzieningen'],
  ['14', 'Overige hulpmiddelen'],
  ['15', 'Beschermd wonen'],
  ['16', 'Opvang'],
  ['17', 'Spoedopvang'],
  ['18', 'Overige beschermd wonen en opvang'],
]);

/** iJw 3.2 JZ020 productcategorie: 31-38 (2015, legacy) and 40-55; there are no 39 or 56-58. */
export const JW_PRODUCTCATEGORIE = list([
  ['31', '(2015) Zonder verblijf: uitgevoerd door wijk- of buurtteam'],
  ['32', '(2015) Zonder verblijf: ambulante jeugdhulp op locatie van de aanbieder'],
  ['33', '(2015) Zonder verblijf: daghulp op locatie van de aanbieder'],
  ['34', '(2015) Zonder verblijf: jeugdhulp in het netwerk van de jeugdige'],
  ['35', '(2015) Met verblijf: pleegzorg'],
  ['36', '(2015) Met verblijf: gezinsgericht'],
  ['37', '(2015) Met verblijf: gesloten plaatsing'],
  ['38', '(2015) Met verblijf: overig residentieel'],
  ['40', 'Persoonlijke verzorging'],
  ['41', 'Dagbehandeling'],
  ['42', 'Vervoerdiensten'],
  ['43', 'Jeugdhulp verblijf (incl. behandeling)'],
  ['44', 'Jeugdhulp verblijf (excl. behandeling)'],
  ['45', 'Jeugdhulp ambulant'],
  ['46', 'Jeugdhulp crisis'],
  ['47', 'Jeugdreclassering'],
  ['48', 'Jeugdbescherming'],
  ['49', 'Activiteiten in het preventief justitieel kader'],
  ['50', 'Maatwerkarrangementen jeugd'],
  ['51', 'Generalistische basis-ggz'],
  ['52', 'Specialistische ggz'],
  ['53', 'Kindergeneeskunde'],
  ['54', 'Jeugd-ggz'],
  ['55', 'Landelijk ingekochte zorg'],
]);

/** iWmo/iJw WJ756 eenheid, shared by both laws. */
export const EENHEID = list([
  ['01', 'Minuut'],
  ['04', 'Uur'],
  ['14', 'Etmaal'],
  ['16', 'Dagdeel (4 uur)'],
  ['82', 'Stuks (output)'],
  ['83', "Euro's"],
  ['84', 'Stuks (inspanning)'],
]);

/** iWmo/iJw WMO757 frequentie, shared by both laws. */
export const FREQUENTIE = list([
  ['1', 'Per dag'],
  ['2', 'Per week'],
  ['4', 'Per maand'],
  ['6', 'Totaal binnen geldigheidsduur toewijzing'],
]);

const REDEN_BEEINDIGING_GEDEELD: [string, string][] = [
  ['36', 'Geinitieerd door de gemeente'],
  ['37', 'In verband met wijzigingsverzoek'],
  ['38', 'Overstap naar andere aanbieder'],
  ['39', 'Uitstroom naar ander domein'],
];

/** iWmo WMO588 reden beeindiging. Code 31 means something else in iJw: never mix the two lists. */
export const WMO_REDEN_BEEINDIGING = list([
  ['02', 'Overlijden'],
  ['19', 'Levering volgens plan beeindigd'],
  ['20', 'Levering is tijdelijk beeindigd'],
  ['21', 'Levering is eenzijdig door client beeindigd'],
  ['22', 'Levering is eenzijdig door aanbieder beeindigd'],
  ['23', 'Levering is in overeenstemming voortijdig beeindigd'],
  ['31', 'Verhuizing naar een andere gemeente'],
  ...REDEN_BEEINDIGING_GEDEELD,
]);

/** iJw JZ588 reden beeindiging. */
export const JW_REDEN_BEEINDIGING = list([
  ['02', 'Overlijden'],
  ['20', 'Levering is tijdelijk beeindigd.'],
  ['31', 'Levering is volgens plan beeindigd.'],
  ['32', 'Voortijdig afgesloten: eenzijdig door de client.'],
  ['33', 'Voortijdig afgesloten: eenzijdig door de aanbieder.'],
  ['34', 'Voortijdig afgesloten: in overeenstemming.'],
  ['35', 'Voortijdig afgesloten: wegens externe omstandigheden.'],
  ...REDEN_BEEINDIGING_GEDEELD,
]);

/** iJw COD327 type verwijzer; there is no 07. */
export const VERWIJZER_TYPE = list([
  ['01', 'Gemeente'],
  ['02', 'Huisarts'],
  ['03', 'Jeugdarts'],
  ['04', 'Gecertificeerde instelling'],
  ['05', 'Medisch specialist'],
  ['06', 'Zelfverwijzer/geen verwijzer'],
  ['08', 'Rechter, Officier van Justitie, functionaris Justitiele jeugdinrichting'],
]);

/** The whole list as GraphQL values. */
export function codesOf(lijst: Codelijst): Code[] {
  return [...lijst].map(([code, omschrijving]) => ({ code, omschrijving }));
}

/** One code as a GraphQL value; `null` for a code the list does not have (or no code). */
export function codeOf(lijst: Codelijst, code: string | null | undefined): Code | null {
  if (code == null) return null;
  const omschrijving = lijst.get(code);
  return omschrijving === undefined ? null : { code, omschrijving };
}
