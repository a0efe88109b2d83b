import type { Codelijst } from '../codelists.js';

/**
 * The message-side code lists of iWmo/iJw 3.2 (shared by both laws), as the standard's
 * enumerations have them; queryable through `codesOf` like the other lists in codelists.ts.
 */
const list = (entries: [string, string][]): Codelijst => new Map(entries);

/** WJ759 RedenWijziging of a ToegewezenProduct. */
export const REDEN_WIJZIGING = list([
  ['01', 'Administratieve correctie (vervallen)'],
  ['02', 'Client overleden'],
  ['03', 'Contractwijziging'],
  ['04', 'Herbeoordeling: verlenging'],
  ['05', 'Herbeoordeling: verkorting'],
  ['06', 'Uitstroom naar ander domein'],
  ['07', 'Verhuizing naar een andere gemeente'],
  ['08', 'Wijziging leveringsvorm'],
  ['09', 'Overstap naar andere aanbieder'],
  ['10', 'Overgang naar nieuwe bekostigingssystematiek'],
  ['11', 'Gemeentelijke herindeling'],
  ['12', 'Geinitieerd door de aanbieder'],
  ['13', 'Verwijderd'],
  ['14', 'Administratieve correctie'],
]);

/** StatusAanlevering of a start or stop product. */
export const STATUS_AANLEVERING = list([
  ['1', 'Eerste aanlevering'],
  ['2', 'Gewijzigde aanlevering'],
  ['3', 'Verwijderen aanlevering'],
  ['9', 'Niet van toepassing (ongewijzigd)'],
]);

/** RedenVerzoek of a 317 verzoek om wijziging. */
export const REDEN_VERZOEK = list([
  ['1', 'Verandering clientsituatie'],
  ['2', 'Wijziging zorgplan'],
]);

/** VerzoekAntwoord of a 319: the answer that is not a toewijzing (a granted verzoek is answered by a 301). */
export const VERZOEK_ANTWOORD = list([
  ['1', 'Verzoek afgewezen'],
  ['2', 'Aanvraag in onderzoek'],
]);

/** RedenAfwijzingVerzoek of a 319 with VerzoekAntwoord 1. */
export const REDEN_AFWIJZING_VERZOEK = list([
  ['1', 'Geen wijziging, maar nieuwe aanvraag'],
  ['2', 'Past niet binnen budget'],
  ['3', 'Geen contract'],
  ['4', 'Past niet binnen contract'],
  ['5', 'Andere gemeente'],
  ['6', 'Stapeling'],
  ['7', 'Zorginhoudelijke afkeur'],
  ['8', 'Woonplaatsbeginsel'],
  ['9', 'Leeftijdsgrens is bereikt'],
]);

/** WJ001 retourcode: the result of checking (part of) a received message. */
export const RETOURCODE = list([
  ['0001', 'Bericht is afgekeurd om technische redenen.'],
  ['0200', 'Geen opmerking over deze berichtklasse.'],
  ['0233', 'Berichtklasse is niet beoordeeld.'],
  ['0611', 'Het ingediende tarief komt niet overeen met het contractuele tarief.'],
  ['8001', 'Declaratie is volledig toegewezen.'],
  ['8017', 'Van deze creditprestatie is geen debetprestatie bekend.'],
  ['8021', 'Referentienummer prestatie is al aangeleverd.'],
  ['8187', 'De prestatie hoort niet bij deze client.'],
  ['8214', 'DeclaratiePeriode is niet de kalendermaand na de voorgaande DeclaratiePeriode terwijl iedere periode zorg geleverd is.'],
  ['8848', 'Dagtekening moet gelijk zijn aan of voor de systeemdatum liggen.'],
  ['9019', 'Het regiebericht kan niet gekoppeld worden aan een toewijzing.'],
  ['9056', 'Identificatie moet per berichtsoort uniek zijn voor de verzendende partij.'],
  ['9063', 'Het bericht kan niet verwerkt worden omdat geen eerder bericht ontvangen is.'],
  ['9069', 'Er is geen actueel startbericht met dezelfde sleutel.'],
  ['9071', 'Het eerdere startbericht kan niet verwijderd worden omdat de zorg al beeindigd is.'],
  ['9074', 'Er is al een eerder bericht ontvangen met dezelfde sleutel.'],
  ['9307', 'Begindatum prestatie ligt niet tussen ingangsdatum en einddatum toewijzing.'],
  ['9308', 'Einddatum prestatie ligt niet tussen ingangsdatum en einddatum toewijzing.'],
  ['9319', 'De ProductPeriode valt niet geheel binnen een DeclaratiePeriode.'],
  ['9321', 'Het ingediende volume overschrijdt het toegewezen volume.'],
  ['9322', 'De som van de ingediende volumes overschrijdt het toegewezen volume.'],
  ['9326', 'De actuele levering is nog niet gestopt met een stopbericht.'],
  ['9332', 'Toewijzing heeft geen uniek nummer binnen wettelijk domein.'],
  ['9333', 'Declaratienummer is niet uniek.'],
  ['9338', 'Niet iedere prestatie is op toewijzingsnummer gerelateerd aan een toegewezen product.'],
  ['9339', 'ProductCategorie in de prestatie is niet gelijk aan die in het toegewezen product.'],
  ['9340', 'ProductCode in de prestatie is niet gelijk aan die in het toegewezen product.'],
  ['9341', 'Eenheid in de prestatie past niet bij de eenheid in het toegewezen product.'],
  ['9346', "Eenheid is niet 83 (euro's), maar IngediendBedrag is niet gelijk aan GeleverdVolume x ProductTarief."],
  ['9347', 'ReferentieAanbieder is niet uniek voor de aanbieder binnen het wettelijk domein.'],
  ['9349', 'Het verzoek om wijziging bevat niet alle actuele toegewezen producten van de client.'],
  ['9350', 'OngewijzigdProduct is niet gerelateerd aan een actueel toegewezen product.'],
  ['9351', 'TeWijzigenProduct is niet gerelateerd aan een actuele toewijzing.'],
  ['9355', 'ReferentieAanbieder in het antwoordbericht komt niet voor in een eerder verzoek.'],
  ['9357', 'GewensteIngangsdatum ligt op of voor de dagtekening maar is niet de ingangsdatum van het oorspronkelijke toegewezen product.'],
  ['9359', 'Er is al een toewijzing gestuurd met deze ReferentieAanbieder.'],
  ['9360', 'Er is al een antwoordbericht "aanvraag in onderzoek" met deze ReferentieAanbieder.'],
  ['9361', 'Het product komt vaker voor met overlappende zorgperiodes.'],
  ['9365', 'Er is al een antwoordbericht met deze ReferentieAanbieder dat niet "aanvraag in onderzoek" is.'],
  ['9366', 'ProductReferentie komt niet voor in een declaratiebericht.'],
  ['9367', 'De waarde komt niet overeen met die uit het heenbericht met dezelfde ProductReferentie.'],
  ['9369', 'Budget is meegegeven, maar de geleverde volumes passen niet binnen het toegewezen budget.'],
  ['9373', 'Budget is gewijzigd, maar GewensteIngangsdatum is niet die van de actuele toewijzing.'],
  ['9374', 'Er is al een verzoek onderhanden.'],
  ['9375', 'Omvang is gevuld terwijl Product in de toewijzing leeg is.'],
  ['9379', 'ReferentieAanbieder verwijst niet naar een verzoek om toewijzing of wijziging.'],
  ['9384', 'Declaratie op een toewijzing met RedenWijziging 13 (verwijderd).'],
  ['9385', 'Toewijzing heeft goedgekeurde declaratieregels.'],
  ['9387', 'Begindatum van de ProductPeriode is niet de eerste dag van de maand en de toewijzing begint niet later in die maand.'],
  ['9388', 'Einddatum van de ProductPeriode is niet de laatste dag van de maand en de toewijzing eindigt niet eerder in die maand.'],
  ['9389', 'Deze prestatie heeft een debetprestatie zonder bijbehorende creditprestatie.'],
  ['9390', 'Er is al een prestatie met dezelfde ProductReferentie met waarde credit.'],
  ['9411', 'Omvang is leeg, terwijl Code in Product bij de toewijzing gevuld is.'],
  ['9412', 'Omvang is niet leeg, terwijl Code in Product bij de toewijzing leeg is.'],
  ['9413', 'StatusAanlevering 1 of 2 en RedenBeeindiging 20, terwijl er al een ander StopProduct met dezelfde sleutel is.'],
  ['9414', 'Einddatum is niet op of na de einddatum van het actuele StopProduct met dezelfde sleutel.'],
  ['9415', 'Er is al een StopProduct met dezelfde sleutel en RedenBeeindiging niet 20, terwijl StatusAanlevering 1 of 2 is.'],
  ['S300', 'Gemeentecode komt niet voor in de lijst van CBS.'],
  ['S329', 'ProductCode hoort niet bij de ProductCategorie.'],
]);
