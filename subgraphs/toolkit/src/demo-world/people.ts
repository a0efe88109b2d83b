import { bsnFrom, pseudonymOf, type Random } from './random.js';
import type { WorldConsulent, WorldGemeente, WorldHuishouden, WorldInwoner, WorldTeam } from './world.js';

const VOORNAMEN = ['Anna', 'Bram', 'Daan', 'Emma', 'Fleur', 'Gijs', 'Hanna', 'Ivo', 'Julia', 'Kees', 'Lotte', 'Milan', 'Noor', 'Olaf', 'Petra', 'Ruben', 'Sanne', 'Thijs', 'Wim', 'Yara', 'Mohamed', 'Fatima', 'Joost', 'Ria'];
const ACHTERNAMEN = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'El Amrani', 'Yilmaz'];

/** Postcode ranges (first four digits) per gemeente, for believable but fictitious addresses. */
const POSTCODE_BASE: Record<string, number> = {
  '0406': 1270, '0376': 1261, '0317': 3755, '0417': 1251, '0402': 1211, '1942': 1401, '1696': 1231,
  '0307': 3811, '0397': 2101, '0377': 2061, '0473': 2041, '0392': 2011, '0396': 1961, '0375': 1941, '0453': 1971,
};

/** Creates households and residents with a keyed pseudonym as their key. */
export class PeopleFactory {
  readonly huishoudens: WorldHuishouden[] = [];
  readonly inwoners: WorldInwoner[] = [];
  private readonly usedBsn = new Set<string>();

  constructor(
    private readonly random: Random,
    private readonly secret: string,
    private readonly peildatum: string,
  ) {}

  huishouden(gemeente: WorldGemeente, samenstelling: string): WorldHuishouden {
    const base = POSTCODE_BASE[gemeente.code] ?? 1000 + (Number(gemeente.code) % 8900);
    const letters = String.fromCharCode(65 + this.random.int(0, 25), 65 + this.random.int(0, 25));
    const huishouden: WorldHuishouden = {
      id: `hh-${gemeente.code}-${this.huishoudens.length + 1}`,
      gemeenteCode: gemeente.code,
      samenstelling,
      postcode: `${base + this.random.int(0, 8)} ${letters}`,
      huisnummer: this.random.int(1, 180),
    };
    this.huishoudens.push(huishouden);
    return huishouden;
  }

  /** A resident aged between minAge and maxAge on the peildatum. */
  inwoner(huishouden: WorldHuishouden, minAge: number, maxAge: number, achternaam?: string): WorldInwoner {
    let bsn: string;
    do bsn = bsnFrom(this.random);
    while (this.usedBsn.has(bsn));
    this.usedBsn.add(bsn);
    const age = this.random.int(minAge, maxAge);
    const year = Number(this.peildatum.slice(0, 4)) - age - 1;
    const geboortedatum = `${year}-${String(this.random.int(1, 12)).padStart(2, '0')}-${String(this.random.int(1, 28)).padStart(2, '0')}`;
    const inwoner: WorldInwoner = {
      id: pseudonymOf(bsn, this.secret),
      bsn,
      gemeenteCode: huishouden.gemeenteCode,
      huishoudenId: huishouden.id,
      voornaam: this.random.pick(VOORNAMEN),
      achternaam: achternaam ?? this.random.pick(ACHTERNAMEN),
      geboortedatum,
      geslacht: this.random.weighted([['1', 48], ['2', 51], ['0', 1]] as const),
      consulentId: null,
    };
    this.inwoners.push(inwoner);
    return inwoner;
  }
}

/** Age on a date. */
export function ageOn(geboortedatum: string, datum: string): number {
  const age = Number(datum.slice(0, 4)) - Number(geboortedatum.slice(0, 4));
  return datum.slice(5) < geboortedatum.slice(5) ? age - 1 : age;
}

/**
 * Teams and consulenten of every organisation with the TOEGANG role; HBEL's teams as in HBEL's documents
 * §1.2 (team A 27+ werk, team B 27-, team C 27+ zorg, schuldhulpverlening).
 */
export function buildTeams(random: Random, toegangOrganisaties: readonly { id: string; naam: string }[]): { teams: WorldTeam[]; consulenten: WorldConsulent[] } {
  const teams: WorldTeam[] = [];
  const consulenten: WorldConsulent[] = [];
  for (const organisatie of toegangOrganisaties) {
    const specs: [string, string | null][] =
      organisatie.id === 'uo-hbel'
        ? [['Team A (werk en participatie)', '27+'], ['Team B (jeugd en jongvolwassenen)', '27-'], ['Team C (zorg en ondersteuning)', '27+'], ['Schuldhulpverleningsteam', null]]
        : [[`Toegangsteam ${organisatie.naam}`, null], [`Team werk en inkomen ${organisatie.naam}`, '27+']];
    specs.forEach(([naam, doelgroep], index) => {
      const team: WorldTeam = { id: `team-${organisatie.id}-${index + 1}`, naam, organisatieId: organisatie.id, doelgroep };
      teams.push(team);
      for (let i = 0; i < 3; i += 1) {
        consulenten.push({ id: `${team.id}-c${i + 1}`, naam: `${random.pick(VOORNAMEN)} ${random.pick(ACHTERNAMEN)}`, teamId: team.id });
      }
    });
  }
  return { teams, consulenten };
}
