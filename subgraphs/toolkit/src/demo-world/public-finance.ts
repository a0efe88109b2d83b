import type { Random } from './random.js';
import type { WorldFinancieelCijfer, WorldGemeente, WorldMaatregel, WorldMaatregelStatus } from './world.js';

/**
 * Huizen's lasten per inwoner per Iv3 taakveld, 2019, in euro (HBEL's documents, docs/domain.md), booked on the
 * taakvelden in force since 2023: 6.71 (181), 6.72 (270), 6.81 (9) and 6.82 (18) split over their
 * lettered successors by an assumed mix (the totals per old code stay as in the seed).
 */
const HUIZEN_2019_PER_INWONER: readonly [string, number][] = [
  ['6.1', 82], ['6.2', 23], ['6.3', 349], ['6.4', 46], ['6.5', 55], ['6.6', 57],
  ['6.71a', 70], ['6.71b', 75], ['6.71c', 26], ['6.71d', 10],
  ['6.72a', 70], ['6.72b', 60], ['6.72c', 15], ['6.72d', 10], ['6.73a', 25], ['6.73b', 20], ['6.73c', 30],
  ['6.74a', 25], ['6.74b', 10], ['6.74c', 5],
  ['6.81a', 6], ['6.81b', 3], ['6.82a', 14], ['6.82b', 4],
];

/** Maatwerk Wmo and jeugd: where the overruns of the documents are (HBEL's documents, docs/domain.md). */
const OVERRUN_TAAKVELDEN = /^6\.(6|7\d)/;

const YEARS = [2023, 2024, 2025, 2026];

/**
 * Budget, prognosis and realisation per gemeente, taakveld and year, in eurocent: Huizen's 2019 mix
 * per inhabitant, a per-gemeente factor, 4% growth a year, overruns on Jeugd and Wmo maatwerk.
 * The last year has no realisation yet.
 */
export function buildFinancien(random: Random, gemeenten: readonly WorldGemeente[]): WorldFinancieelCijfer[] {
  const rows: WorldFinancieelCijfer[] = [];
  for (const gemeente of gemeenten) {
    const factor = gemeente.code === '0406' ? 1 : 0.85 + random.next() * 0.35;
    for (const jaar of YEARS) {
      for (const [taakveld, perInwoner] of HUIZEN_2019_PER_INWONER) {
        const begroting = Math.round(perInwoner * 100 * gemeente.inwoners * factor * 1.04 ** (jaar - 2019));
        const overrun = OVERRUN_TAAKVELDEN.test(taakveld) ? 0.04 + random.next() * 0.1 : -0.03 + random.next() * 0.06;
        const prognose = Math.round(begroting * (1 + overrun));
        rows.push({
          gemeenteCode: gemeente.code,
          jaar,
          taakveld,
          begroting,
          prognose,
          realisatie: jaar === YEARS[YEARS.length - 1] ? null : Math.round(prognose * (0.98 + random.next() * 0.05)),
        });
      }
    }
  }
  return rows;
}

/** HBEL's measures (HBEL's documents, docs/domain.md) with their status per gemeente, Eemnes' 90+ exception included. */
export function buildMaatregelen(): { maatregelen: WorldMaatregel[]; statussen: WorldMaatregelStatus[] } {
  const hbel = ['0406', '0376', '0317', '0417'];
  const maatregelen: WorldMaatregel[] = [
    { id: 'm-lokale-teams', naam: 'Lokale teams die lichte ondersteuning bieden', niveau: 'LOKAAL_HBEL', wet: 'WMO', omschrijving: 'Begeleiding regulier lokaal organiseren; gestart in 2021, opschalen in 2022.' },
    { id: 'm-hhm-normenkader', naam: 'KPMG-HHM normenkader huishoudelijke hulp', niveau: 'LOKAAL_HBEL', wet: 'WMO', omschrijving: 'Normenkader voor het aantal uren huishoudelijke hulp; lagere indicatie bij instroom.' },
    { id: 'm-versobering-hh', naam: 'Versobering huishoudelijke hulp', niveau: 'REGIONAAL', wet: 'WMO', omschrijving: 'Regionale maatregel: hulp voor een deel van de huishoudens eenmaal in de twee weken.' },
    { id: 'm-dagbesteding-av', naam: 'Dagbesteding als algemene voorziening', niveau: 'LOKAAL_HBEL', wet: 'WMO', omschrijving: 'Dagbesteding zonder beschikking, via programma Doen.' },
    { id: 'm-mantelzorgcompliment', naam: 'Afschaffen mantelzorgcompliment', niveau: 'LOKAAL_HBEL', wet: 'WMO', omschrijving: 'De jaarlijkse waardering voor mantelzorgers is afgeschaft.' },
    { id: 'm-dialoog-verwijzen', naam: 'In dialoog verwijzen Jeugdwet', niveau: 'REGIONAAL', wet: 'JEUGDWET', omschrijving: 'Onderdeel van het regionaal transformatieplan jeugd.' },
  ];
  const statussen: WorldMaatregelStatus[] = [];
  const status = (maatregelId: string, gemeenteCode: string, value: string, datum: string | null, uitzondering: string | null = null) =>
    statussen.push({ maatregelId, gemeenteCode, status: value, datum, uitzondering });
  for (const code of hbel) {
    status('m-lokale-teams', code, 'GEIMPLEMENTEERD', '2021-06-01');
    // Within the years the demo world has toewijzingen (2022 on), so that Maatregel.wmoInstroom has a before and an after.
    status('m-hhm-normenkader', code, 'GEIMPLEMENTEERD', code === '0317' ? '2024-07-01' : '2024-01-01',
      code === '0317' ? 'Uitzondering voor inwoners van 90 jaar en ouder; rustigere invoering.' : null);
    status('m-versobering-hh', code, 'IN_VOORBEREIDING', null);
    status('m-dagbesteding-av', code, 'GEIMPLEMENTEERD', '2020-01-01');
    status('m-mantelzorgcompliment', code, 'GEIMPLEMENTEERD', '2021-01-01');
    status('m-dialoog-verwijzen', code, code === '0317' ? 'NIET_VAN_TOEPASSING' : 'BESLOTEN', code === '0317' ? null : '2021-12-15',
      code === '0317' ? 'Jeugdwet van Eemnes wordt uitgevoerd door Amersfoort.' : null);
  }
  return { maatregelen, statussen };
}
