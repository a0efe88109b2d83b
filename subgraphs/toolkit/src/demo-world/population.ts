import { JEUGD_MIX, WMO_MIX } from './catalogue.js';
import { PeopleFactory } from './people.js';
import type { ToewijzingFactory } from './provisions.js';
import { addDays, dateBetween, daysBetween, type Random } from './random.js';
import type {
  WorldGemeente, WorldInwoner, WorldJeugdTraject, WorldMinimaregeling, WorldReintegratietraject,
  WorldSchuldhulptraject, WorldToewijzing, WorldUitkering, WorldVerwijzing,
} from './world.js';

/** Heemstede 2018 per 27,302 inhabitants (docs/domain.md): Wmo clients, young people in jeugdhulp, benefits. */
const PER_INHABITANT = { wmo: 838 / 27_302, jeugd: 572 / 27_302, bijstand: 242 / 27_302, schuldhulp: 110 / 27_302 };

/** Share per verwijzer type (COD327), jeugdhulp; HBEL figures from HBEL's documents, docs/domain.md, else national (approx.). */
const VERWIJZERS: Record<string, readonly (readonly [string, number])[]> = {
  '0406': [['02', 47], ['01', 37], ['03', 4], ['04', 6], ['05', 4], ['06', 1], ['08', 1]],
  '0376': [['02', 52], ['01', 30], ['03', 5], ['04', 6], ['05', 5], ['06', 1], ['08', 1]],
  '0417': [['02', 60], ['01', 21], ['03', 5], ['04', 7], ['05', 5], ['06', 1], ['08', 1]],
  default: [['02', 36], ['01', 28], ['03', 8], ['04', 13], ['05', 10], ['06', 4], ['08', 1]],
};

const NORM = { ALLEENSTAANDE: 128_450, ALLEENSTAANDE_OUDER: 128_450, GEHUWDEN: 183_500 } as const;

/** Everything about residents the generator builds, law by law. */
export interface Population {
  wmo: WorldToewijzing[];
  jeugd: WorldToewijzing[];
  verwijzingen: WorldVerwijzing[];
  trajecten: WorldJeugdTraject[];
  uitkeringen: WorldUitkering[];
  reintegratie: WorldReintegratietraject[];
  schuldhulp: WorldSchuldhulptraject[];
  minima: WorldMinimaregeling[];
}

/** Generates the clients of one gemeente: households whose members receive support under one or more laws. */
export function populateGemeente(
  random: Random,
  gemeente: WorldGemeente,
  scale: number,
  people: PeopleFactory,
  toewijzingen: ToewijzingFactory,
  out: Population,
  reintegratieAgbs: readonly string[],
  peildatum: string,
): void {
  let wmoLeft = Math.round(gemeente.inwoners * PER_INHABITANT.wmo * scale);
  let jeugdLeft = Math.round(gemeente.inwoners * PER_INHABITANT.jeugd * scale);
  let bijstandLeft = Math.round(gemeente.inwoners * PER_INHABITANT.bijstand * scale);
  const bijstandClients: WorldInwoner[] = [];
  const code = gemeente.code;

  const wmo = (inwoner: WorldInwoner, productcode?: string, vrijgesteld = false) => {
    const count = productcode ? 1 : random.weighted([[1, 72], [2, 22], [3, 6]] as const);
    for (let i = 0; i < count; i += 1) {
      const row = toewijzingen.create({ inwonerId: inwoner.id, gemeenteCode: code, wet: 'WMO', productcode: productcode ?? random.weighted(WMO_MIX), ingangsdatum: toewijzingen.start(), vrijgesteld });
      if (row) out.wmo.push(row);
    }
    wmoLeft -= 1;
  };

  const jeugd = (inwoner: WorldInwoner, productcode?: string) => {
    const trajectCount = random.chance(0.28) ? 2 : 1;
    let start = toewijzingen.start();
    for (let t = 0; t < trajectCount; t += 1) {
      const verwijzing: WorldVerwijzing = {
        id: `vw-${code}-${out.verwijzingen.length + 1}`,
        inwonerId: inwoner.id,
        gemeenteCode: code,
        verwijzerType: random.weighted(VERWIJZERS[code] ?? VERWIJZERS.default),
        verwijzerNaam: null,
        datum: addDays(start, -random.int(7, 45)),
      };
      out.verwijzingen.push({ ...verwijzing, verwijzerNaam: verwijzerNaam(verwijzing.verwijzerType) });
      const trajectId = `tr-${code}-${out.trajecten.length + 1}`;
      const code1 = productcode ?? random.weighted(JEUGD_MIX);
      const first = toewijzingen.create({ inwonerId: inwoner.id, gemeenteCode: code, wet: 'JEUGDWET', productcode: code1, ingangsdatum: start, verwijzingId: verwijzing.id, trajectId });
      if (!first) return;
      const rows = [first];
      // About a third of trajectories combine a second form of help (e.g. ambulant plus ggz).
      if (random.chance(0.3)) {
        const second = toewijzingen.create({ inwonerId: inwoner.id, gemeenteCode: code, wet: 'JEUGDWET', productcode: random.weighted(JEUGD_MIX), ingangsdatum: addDays(start, random.int(14, 120)), verwijzingId: verwijzing.id, trajectId });
        if (second && second.ingangsdatum < peildatum) rows.push(second);
      }
      out.jeugd.push(...rows);
      const ends = rows.map((row) => row.einddatum);
      const einddatum = ends.includes(null) ? null : ends.reduce((a, b) => ((a ?? '') > (b ?? '') ? a : b), ends[0]);
      out.trajecten.push({ id: trajectId, inwonerId: inwoner.id, gemeenteCode: code, startdatum: start, einddatum, herhaaldBeroep: t > 0 });
      // Herhaald beroep: a new trajectory some months after the first one ended.
      if (einddatum === null || einddatum >= addDays(peildatum, -120)) break;
      start = addDays(einddatum, random.int(60, 400));
      if (start >= addDays(peildatum, -20)) break;
    }
    jeugdLeft -= 1;
  };

  const bijstand = (inwoner: WorldInwoner, normcategorie: keyof typeof NORM) => {
    const ingangsdatum = toewijzingen.start('2019-01-01');
    const ended = random.chance(0.3);
    const einddatum = ended ? dateBetween(random, addDays(ingangsdatum, 90), addDays(peildatum, -1)) : null;
    out.uitkeringen.push({
      id: `uk-${code}-${out.uitkeringen.length + 1}`,
      inwonerId: inwoner.id,
      gemeenteCode: code,
      regeling: random.weighted([['ALGEMENE_BIJSTAND', 90], ['IOAW', 5], ['IOAZ', 2], ['BBZ', 3]] as const),
      normcategorie,
      bedragPerMaand: NORM[normcategorie],
      ingangsdatum,
      einddatum: einddatum && einddatum > ingangsdatum ? einddatum : null,
      redenBeeindiging: einddatum && einddatum > ingangsdatum ? random.weighted([['WERK', 55], ['VERHUIZING', 15], ['PENSIOEN', 10], ['OVERIG', 20]] as const) : null,
    });
    bijstandClients.push(inwoner);
    bijstandLeft -= 1;
    if (random.chance(0.55)) {
      const startdatum = dateBetween(random, ingangsdatum, addDays(peildatum, -30));
      const loopt = random.chance(0.4);
      out.reintegratie.push({
        id: `ri-${code}-${out.reintegratie.length + 1}`,
        inwonerId: inwoner.id,
        gemeenteCode: code,
        instrument: random.weighted([['WERKFIT', 40], ['PARTICIPATIEPLEK', 20], ['BESCHUT_WERK', 8], ['JOBCOACHING', 20], ['LOONKOSTENSUBSIDIE', 12]] as const),
        aanbiederAgb: reintegratieAgbs.length > 0 && random.chance(0.6) ? random.pick(reintegratieAgbs) : null,
        startdatum,
        einddatum: loopt ? null : minDate(addDays(startdatum, random.int(60, 540)), addDays(peildatum, -1)),
        resultaat: loopt ? 'LOOPT' : random.weighted([['WERK_GEVONDEN', 35], ['AFGEBROKEN', 25], ['AFGEROND', 40]] as const),
      });
    }
    for (const jaar of [2023, 2024, 2025, 2026]) {
      if (random.chance(0.4)) out.minima.push(minima(code, inwoner.id, 'INDIVIDUELE_INKOMENSTOESLAG', jaar, 45_000 + random.int(0, 10) * 1_000, out));
      if (random.chance(0.3)) out.minima.push(minima(code, inwoner.id, 'BIJZONDERE_BIJSTAND', jaar, random.int(80, 1_500) * 100, out));
      if (random.chance(0.5)) out.minima.push(minima(code, inwoner.id, 'COLLECTIEVE_ZORGVERZEKERING', jaar, 12 * 1_850, out));
    }
  };

  // Young adults with support under all three laws (verlengde jeugdhulp, begeleiding, bijstand).
  const allThree = jeugdLeft > 0 && bijstandLeft > 0 && wmoLeft > 0 ? Math.max(1, Math.round(jeugdLeft * 0.02)) : 0;
  for (let i = 0; i < allThree; i += 1) {
    const huishouden = people.huishouden(gemeente, 'ALLEENSTAAND');
    const inwoner = people.inwoner(huishouden, 18, 22);
    jeugd(inwoner, '45A01');
    wmo(inwoner, '02A01', true);
    bijstand(inwoner, 'ALLEENSTAANDE');
  }

  // Families with children in jeugdhulp; a parent may have bijstand or Wmo begeleiding (stacking).
  while (jeugdLeft > 0) {
    const eenouder = random.chance(0.35);
    const huishouden = people.huishouden(gemeente, eenouder ? 'EENOUDERGEZIN' : 'GEZIN_MET_KINDEREN');
    const parent = people.inwoner(huishouden, 28, 55);
    let parentIsClient = false;
    if (bijstandLeft > 0 && random.chance(eenouder ? 0.5 : 0.25)) {
      bijstand(parent, eenouder ? 'ALLEENSTAANDE_OUDER' : 'GEHUWDEN');
      parentIsClient = true;
    }
    if (wmoLeft > 0 && random.chance(0.08)) {
      wmo(parent, '02A01', parentIsClient);
    }
    const children = Math.min(jeugdLeft, random.chance(0.2) ? 2 : 1);
    for (let c = 0; c < children; c += 1) {
      const child = people.inwoner(huishouden, random.chance(0.9) ? 0 : 18, random.chance(0.9) ? 17 : 22, parent.achternaam);
      jeugd(child);
    }
    if (parentIsClient && random.chance(0.5)) {
      for (const jaar of [2024, 2025, 2026]) out.minima.push(minima(code, parent.id, 'KINDPAKKET', jaar, 25_000, out));
    }
  }

  while (bijstandLeft > 0) {
    const samenstelling = random.weighted([['ALLEENSTAAND', 60], ['EENOUDERGEZIN', 25], ['PAAR', 15]] as const);
    const huishouden = people.huishouden(gemeente, samenstelling);
    const inwoner = people.inwoner(huishouden, 19, 66);
    bijstand(inwoner, samenstelling === 'PAAR' ? 'GEHUWDEN' : samenstelling === 'EENOUDERGEZIN' ? 'ALLEENSTAANDE_OUDER' : 'ALLEENSTAANDE');
    if (wmoLeft > 0 && random.chance(0.18)) wmo(inwoner, undefined, true);
  }

  while (wmoLeft > 0) {
    const paar = random.chance(0.45);
    const huishouden = people.huishouden(gemeente, paar ? 'PAAR' : 'ALLEENSTAAND');
    const elderly = random.chance(0.75);
    const inwoner = people.inwoner(huishouden, elderly ? 65 : 27, elderly ? 99 : 64);
    wmo(inwoner);
    if (paar && wmoLeft > 0 && random.chance(0.25)) wmo(people.inwoner(huishouden, elderly ? 65 : 27, elderly ? 97 : 64, inwoner.achternaam));
  }

  // Schuldhulpverlening: mostly for residents with bijstand.
  const schuldhulp = Math.round(gemeente.inwoners * PER_INHABITANT.schuldhulp * scale);
  for (let i = 0; i < schuldhulp && bijstandClients.length > 0; i += 1) {
    const inwoner = random.pick(bijstandClients);
    const startdatum = toewijzingen.start('2021-01-01');
    const afgesloten = random.chance(0.45);
    out.schuldhulp.push({
      id: `sh-${code}-${out.schuldhulp.length + 1}`,
      inwonerId: inwoner.id,
      gemeenteCode: code,
      fase: afgesloten ? 'AFGESLOTEN' : random.weighted([['AANMELDING', 15], ['STABILISATIE', 35], ['SCHULDREGELING', 40], ['NAZORG', 10]] as const),
      startdatum,
      einddatum: afgesloten ? minDate(addDays(startdatum, random.int(90, 1_100)), addDays(peildatum, -1)) : null,
      schuldbedrag: random.int(2_000, 60_000) * 100,
      aantalSchuldeisers: random.int(1, 18),
    });
  }
}

function minima(gemeenteCode: string, inwonerId: string, regeling: string, jaar: number, bedrag: number, out: Population): WorldMinimaregeling {
  return { id: `mr-${gemeenteCode}-${out.minima.length + 1}`, inwonerId, gemeenteCode, regeling, jaar, bedrag };
}

function verwijzerNaam(type: string): string | null {
  return type === '02' ? 'Huisartsenpraktijk' : type === '01' ? 'Gemeentelijke toegang' : type === '04' ? 'Gecertificeerde instelling' : null;
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** Days a trajectory lasted until its end or the peildatum. */
export function trajectDuur(traject: WorldJeugdTraject, peildatum: string): number {
  return daysBetween(traject.startdatum, traject.einddatum && traject.einddatum < peildatum ? traject.einddatum : peildatum);
}
