import type { DemoConfig } from '../config.js';
import { generateDeclaraties } from './declarations.js';
import { ageOn, buildTeams, PeopleFactory } from './people.js';
import { buildPlaces, executingOrganisation, HBEL_GEMEENTEN } from './places.js';
import { type Population, populateGemeente } from './population.js';
import { buildProcurement } from './procurement.js';
import { ToewijzingFactory } from './provisions.js';
import { buildFinancien, buildMaatregelen } from './public-finance.js';
import { addDays, Random } from './random.js';
import { opaqueDeclaratieIds, withOpaqueIds } from './opaque-ids.js';
import { buildSubsidies } from './subsidies.js';
import type { DemoWorld, WetCode, WorldConsulent, WorldDeclaratie, WorldInwoner, WorldMelding, WorldTeam } from './world.js';

/** The world's "now": fixed, so that the same seed gives the same world on any day. */
export const PEILDATUM = '2026-11-01';

const COMMENTAAR = [
  'Huisbezoek afgelegd; mantelzorger geeft aan overbelast te zijn.',
  'Inwoner wil graag zelfstandig blijven wonen; netwerk beperkt.',
  'Gesprek met ouders en school; zorgen over thuissituatie.',
  'Schulden spelen mee; doorverwezen naar schuldhulpverlening.',
  'Keukentafelgesprek gevoerd, verslag gedeeld met inwoner.',
];

const cache = new Map<string, DemoWorld>();

/** Each generated world's declaraties as a fresh stream (see `declaratieRows`). */
const declaratieStreams = new WeakMap<DemoWorld, () => Iterable<WorldDeclaratie>>();

/** The demo settings the world follows from. */
export type DemoWorldSettings = Pick<DemoConfig, 'seed' | 'scale' | 'scaleHbel' | 'gemeenten' | 'pseudonymSecret'>;

/**
 * Builds the demo world from a seed and its scales: the same input always gives the same world, so
 * every subgraph process loads a consistent slice. Memoised per process.
 */
export function generateDemoWorld(demo: DemoWorldSettings): DemoWorld {
  const key = worldKey(demo);
  const cached = cache.get(key);
  if (cached) return cached;
  const { world: rest, declaraties } = build(demo);
  const world = withOpaqueIds(rest, demo.pseudonymSecret) as DemoWorld;
  // The declaraties (nationally millions of rows, most of the world) are made only when read: the
  // loader streams them into COPY (`declaratieRows`), and whoever reads `world.declaraties` gets them
  // all, made once and kept. Generated after the opaque ids, from the toewijzingen as those leave them.
  const opaqueId = opaqueDeclaratieIds(demo.pseudonymSecret);
  const stream = () => generateDeclaraties(declaraties.random.copy(), declaraties.toewijzingen, declaraties.procurement, PEILDATUM, opaqueId);
  declaratieStreams.set(world, stream);
  Object.defineProperty(world, 'declaraties', {
    enumerable: true,
    configurable: true,
    get() {
      const rows = [...stream()];
      Object.defineProperty(world, 'declaraties', { value: rows, enumerable: true, writable: false, configurable: false });
      return rows;
    },
  });
  cache.set(key, world);
  return world;
}

/** Whether this process holds the world of these settings already (`generateDemoWorld` then returns it as it is). */
export function demoWorldGenerated(demo: DemoWorldSettings): boolean {
  return cache.has(worldKey(demo));
}

function worldKey(demo: DemoWorldSettings): string {
  return `${demo.seed}|${demo.scale}|${demo.scaleHbel}|${demo.gemeenten}|${demo.pseudonymSecret}`;
}

/**
 * The world's declaraties one at a time, generated as they are read (a fresh, identical stream on each
 * call), without holding them: what a loader feeds COPY with, so that memory stays bounded and the
 * database takes rows while they are made. For a world not made by `generateDemoWorld` (or one whose
 * declaraties were read already), its `declaraties`.
 */
export function declaratieRows(world: DemoWorld): Iterable<WorldDeclaratie> {
  const materialised = Object.getOwnPropertyDescriptor(world, 'declaraties');
  if (materialised && 'value' in materialised) return world.declaraties;
  return declaratieStreams.get(world)?.() ?? world.declaraties;
}

/**
 * Lets go of the worlds generated in this process (hundreds of MB at the default scale): called once
 * every subgraph of a process has loaded its slice, when nothing reads the world any more.
 */
export function forgetDemoWorlds(): void {
  cache.clear();
}

/** The share of real volumes a gemeente gets: HBEL's four their own (DemoConfig.scaleHbel). */
export function scaleOf(demo: Pick<DemoConfig, 'scale' | 'scaleHbel'>, gemeenteCode: string): number {
  return HBEL_GEMEENTEN.includes(gemeenteCode) ? demo.scaleHbel : demo.scale;
}

/** The world but its declaraties, and what those are generated from. */
function build(demo: DemoWorldSettings): {
  world: Omit<DemoWorld, 'declaraties'>;
  declaraties: { random: Random; toewijzingen: Population['wmo']; procurement: ReturnType<typeof buildProcurement> };
} {
  const random = new Random(demo.seed);
  const places = buildPlaces(random.fork('places'), demo.gemeenten);
  const procurement = buildProcurement(random.fork('procurement'), places);
  const people = new PeopleFactory(random.fork('people'), demo.pseudonymSecret, PEILDATUM);
  const population: Population = { wmo: [], jeugd: [], verwijzingen: [], trajecten: [], uitkeringen: [], reintegratie: [], schuldhulp: [], minima: [] };
  const reintegratieAgbs = procurement.aanbieders.filter((a) => a.soort === 'RE_INTEGRATIEBEDRIJF').map((a) => a.agbCode);
  for (const gemeente of places.gemeenten) {
    const local = random.fork(`gemeente-${gemeente.code}`);
    const toewijzingen = new ToewijzingFactory(local.fork('toewijzingen'), procurement, PEILDATUM);
    populateGemeente(local, gemeente, scaleOf(demo, gemeente.code), people, toewijzingen, population, reintegratieAgbs, PEILDATUM);
  }

  const toegangOrganisaties = [...new Set(places.arrangementen.filter((a) => a.rol === 'TOEGANG').map((a) => a.organisatieId))]
    .map((id) => places.organisaties.find((o) => o.id === id))
    .filter((o): o is NonNullable<typeof o> => o !== undefined);
  const { teams, consulenten } = buildTeams(random.fork('teams'), toegangOrganisaties);
  const { meldingen, inwoners } = buildMeldingen(random.fork('meldingen'), people.inwoners, population, places.arrangementen, teams, consulenten);
  const { maatregelen, statussen } = buildMaatregelen();
  const subsidies = buildSubsidies(random.fork('subsidies'), places.gemeenten, 2025);
  const world: Omit<DemoWorld, 'declaraties'> = {
    seed: demo.seed,
    scale: demo.scale,
    scaleHbel: demo.scaleHbel,
    peildatum: PEILDATUM,
    ...places,
    financien: buildFinancien(random.fork('financien'), places.gemeenten),
    maatregelen,
    maatregelStatussen: statussen,
    teams,
    consulenten,
    huishoudens: people.huishoudens,
    inwoners,
    meldingen,
    wmoToewijzingen: population.wmo,
    jeugdToewijzingen: population.jeugd,
    verwijzingen: population.verwijzingen,
    jeugdTrajecten: population.trajecten,
    uitkeringen: population.uitkeringen,
    reintegratietrajecten: population.reintegratie,
    schuldhulptrajecten: population.schuldhulp,
    minimaregelingen: population.minima,
    subsidiepartners: subsidies.partners,
    subsidies: subsidies.subsidies,
    prestatieafspraken: subsidies.prestatieafspraken,
    voorveldrapportages: subsidies.rapportages,
    aanbieders: procurement.aanbieders,
    contracten: procurement.contracten,
    percelen: procurement.percelen,
    producten: procurement.producten,
    tarieven: procurement.tarieven,
  };
  return { world, declaraties: { random: random.fork('declaraties'), toewijzingen: [...population.wmo, ...population.jeugd], procurement } };
}

/**
 * One aanvraag per law a resident receives support under (granted before the first provision
 * started), sometimes preceded by a melding; handled by a consulent of the organisation with the
 * TOEGANG role for that gemeente and law, who becomes the resident's fixed contact.
 */
function buildMeldingen(
  random: Random,
  inwoners: readonly WorldInwoner[],
  population: Population,
  arrangementen: Parameters<typeof executingOrganisation>[0],
  teams: readonly WorldTeam[],
  consulenten: readonly WorldConsulent[],
): { meldingen: WorldMelding[]; inwoners: WorldInwoner[] } {
  const firstStart = new Map<string, string>();
  const note = (inwonerId: string, wet: WetCode, datum: string) => {
    const key = `${inwonerId}|${wet}`;
    const current = firstStart.get(key);
    if (!current || datum < current) firstStart.set(key, datum);
  };
  for (const row of population.wmo) note(row.inwonerId, 'WMO', row.ingangsdatum);
  for (const row of population.jeugd) note(row.inwonerId, 'JEUGDWET', row.ingangsdatum);
  for (const row of population.uitkeringen) note(row.inwonerId, 'PARTICIPATIEWET', row.ingangsdatum);

  const consulentenByTeam = new Map<string, WorldConsulent[]>();
  for (const c of consulenten) consulentenByTeam.set(c.teamId, [...(consulentenByTeam.get(c.teamId) ?? []), c]);
  // Per organisation its teams in their order: a filter over every team for every resident's law was quadratic nationally.
  const teamsByOrganisatie = new Map<string, WorldTeam[]>();
  for (const t of teams) teamsByOrganisatie.set(t.organisatieId, [...(teamsByOrganisatie.get(t.organisatieId) ?? []), t]);
  const meldingen: WorldMelding[] = [];
  const vast = new Map<string, string>();
  for (const inwoner of inwoners) {
    for (const wet of ['WMO', 'JEUGDWET', 'PARTICIPATIEWET'] as const) {
      const start = firstStart.get(`${inwoner.id}|${wet}`);
      if (!start) continue;
      const organisatie = executingOrganisation(arrangementen, inwoner.gemeenteCode, wet, 'TOEGANG');
      const orgTeams = teamsByOrganisatie.get(organisatie) ?? [];
      const young = ageOn(inwoner.geboortedatum, start) < 27;
      const team = organisatie === 'uo-hbel'
        ? orgTeams[wet === 'PARTICIPATIEWET' && !young ? 0 : young ? 1 : 2]
        : orgTeams[wet === 'PARTICIPATIEWET' ? 1 : 0];
      const consulent = team ? random.pick(consulentenByTeam.get(team.id) ?? []) : undefined;
      const consulentId = consulent?.id ?? null;
      if (consulentId && !vast.has(inwoner.id)) vast.set(inwoner.id, consulentId);
      if (random.chance(0.2)) {
        meldingen.push({ id: `ml-${meldingen.length + 1}`, inwonerId: inwoner.id, gemeenteCode: inwoner.gemeenteCode, wet, soort: 'MELDING', datum: addDays(start, -random.int(45, 90)), status: 'AFGEROND', consulentId, commentaar: random.pick(COMMENTAAR) });
      }
      meldingen.push({ id: `ml-${meldingen.length + 1}`, inwonerId: inwoner.id, gemeenteCode: inwoner.gemeenteCode, wet, soort: 'AANVRAAG', datum: addDays(start, -random.int(10, 40)), status: 'TOEGEKEND', consulentId, commentaar: random.chance(0.5) ? random.pick(COMMENTAAR) : null });
    }
  }
  return { meldingen, inwoners: inwoners.map((inwoner) => ({ ...inwoner, consulentId: vast.get(inwoner.id) ?? null })) };
}
