import { badUserInput, type Code, type Codelijst, Wet } from '@sociaal-graph/toolkit';

/**
 * Iv3 taakvelden of programme 6 (sociaal domein), Iv3-informatievoorschrift 2023 v1.0
 * (anchors-domain.md §2.3). The pre-2023 codes 6.71, 6.72, 6.81 and 6.82 may no longer be booked
 * on but stay here for time series; each sits just above the codes that replaced it.
 */
export const IV3_TAAKVELD: Codelijst = new Map([
  ['6.1', 'Samenkracht en burgerparticipatie'],
  ['6.2', 'Toegang en eerstelijnsvoorzieningen'],
  ['6.3', 'Inkomensregelingen'],
  ['6.4', 'WSW en beschut werk'],
  ['6.5', 'Arbeidsparticipatie'],
  ['6.6', 'Maatwerkvoorzieningen (WMO)'],
  ['6.71', 'Maatwerkdienstverlening 18+ (tot 2023)'],
  ['6.71a', 'Hulp bij het huishouden (WMO)'],
  ['6.71b', 'Begeleiding (WMO)'],
  ['6.71c', 'Dagbesteding (WMO)'],
  ['6.71d', 'Overige maatwerkarrangementen (WMO)'],
  ['6.72', 'Maatwerkdienstverlening 18- (tot 2023)'],
  ['6.72a', 'Jeugdhulp begeleiding'],
  ['6.72b', 'Jeugdhulp behandeling'],
  ['6.72c', 'Jeugdhulp dagbesteding'],
  ['6.72d', 'Jeugdhulp zonder verblijf overig'],
  ['6.73a', 'Pleegzorg'],
  ['6.73b', 'Gezinsgericht'],
  ['6.73c', 'Jeugdhulp met verblijf overig'],
  ['6.74a', 'Jeugdhulp behandeling GGZ zonder verblijf'],
  ['6.74b', 'Jeugdhulp crisis/LTA/GGZ-verblijf'],
  ['6.74c', 'Gesloten plaatsing'],
  ['6.81', 'Geëscaleerde zorg 18+ (tot 2023)'],
  ['6.81a', 'Beschermd wonen (WMO)'],
  ['6.81b', 'Maatschappelijke- en vrouwenopvang (WMO)'],
  ['6.82', 'Geëscaleerde zorg 18- (tot 2023)'],
  ['6.82a', 'Jeugdbescherming'],
  ['6.82b', 'Jeugdreclassering'],
]);

/** A taakveld filter must be a code of the list; "6.71" also selects 6.71a-d (see `financien`). */
export function assertTaakveld(taakveld: string, argument = 'taakveld'): string {
  if (!IV3_TAAKVELD.has(taakveld)) {
    throw badUserInput(`"${taakveld}" is geen Iv3-taakveld van programma 6 (zie iv3Taakvelden, bijvoorbeeld "6.71a").`, {
      argument,
    });
  }
  return taakveld;
}

/** The taakveld as a Code; a code outside the list keeps its code and says it is unknown. */
export function taakveldCode(code: string): Code {
  return { code, omschrijving: IV3_TAAKVELD.get(code) ?? 'Onbekend taakveld (niet in de Iv3-lijst van programma 6)' };
}

/**
 * The law a taakveld's spending falls under (Iv3-informatievoorschrift 2023, taakveld definitions of
 * financiengemeenten.nl): 6.3-6.5 Participatiewet (inkomen, beschut werk, re-integratie; 6.4 also holds
 * the old WSW), 6.6, 6.71 and 6.81 Wmo, 6.72-6.74 and 6.82 Jeugdwet. 6.1 and 6.2 (samenkracht, toegang)
 * serve all laws together and have none.
 */
export function taakveldWet(taakveld: string): Wet | null {
  if (/^6\.[345]$/.test(taakveld)) return Wet.PARTICIPATIEWET;
  if (/^6\.(6|71|81)/.test(taakveld)) return Wet.WMO;
  if (/^6\.(72|73|74|82)/.test(taakveld)) return Wet.JEUGDWET;
  return null;
}

/**
 * The pre-2023 code a taakveld was booked on (6.73 and 6.74 were split off 6.72 "Maatwerkdienstverlening
 * 18-"), so that figures compare with older tables such as Huizen's 2019 benchmark (HBEL's documents, docs/domain.md).
 */
export function taakveldTot2023(taakveld: string): string {
  if (/^6\.(71|81|82)[a-z]$/.test(taakveld)) return taakveld.slice(0, -1);
  if (/^6\.7[234][a-z]$/.test(taakveld)) return '6.72';
  return taakveld;
}
