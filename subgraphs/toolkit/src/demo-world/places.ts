import { Random } from './random.js';
import type {
  RolCode,
  WetCode,
  WorldArrangement,
  WorldGemeente,
  WorldOrganisatie,
  WorldRegio,
  WorldSamenwerkingsverband,
} from './world.js';

/**
 * The real gemeenten of docs/domain.md "The demo world" (CBS codes; inhabitants from docs/domain.md, the
 * approximate ones marked there), their regions and shared execution organisations.
 */
const GEMEENTEN: readonly [code: string, naam: string, provincie: string, inwoners: number, regio: string][] = [
  ['0406', 'Huizen', 'Noord-Holland', 41_273, 'regio-gv'],
  ['0376', 'Blaricum', 'Noord-Holland', 11_800, 'regio-gv'],
  ['0317', 'Eemnes', 'Utrecht', 9_300, 'regio-gv'],
  ['0417', 'Laren', 'Noord-Holland', 11_200, 'regio-gv'],
  ['0402', 'Hilversum', 'Noord-Holland', 92_000, 'regio-gv'],
  ['1942', 'Gooise Meren', 'Noord-Holland', 58_000, 'regio-gv'],
  ['1696', 'Wijdemeren', 'Noord-Holland', 24_500, 'regio-gv'],
  ['0307', 'Amersfoort', 'Utrecht', 160_000, 'regio-amersfoort'],
  ['0397', 'Heemstede', 'Noord-Holland', 27_302, 'zuid-kennemerland'],
  ['0377', 'Bloemendaal', 'Noord-Holland', 23_500, 'zuid-kennemerland'],
  ['0473', 'Zandvoort', 'Noord-Holland', 17_000, 'zuid-kennemerland'],
  ['0392', 'Haarlem', 'Noord-Holland', 162_000, 'zuid-kennemerland'],
  ['0396', 'Heemskerk', 'Noord-Holland', 40_000, 'ijmond'],
  ['0375', 'Beverwijk', 'Noord-Holland', 42_000, 'ijmond'],
  ['0453', 'Velsen', 'Noord-Holland', 68_500, 'ijmond'],
];

/** HBEL's gemeenten; the demo world generates them denser (DemoConfig.scaleHbel). */
export const HBEL_GEMEENTEN: readonly string[] = ['0406', '0376', '0317', '0417'];
const IASZ = ['0397', '0377'];
const IJMOND_WERKT = ['0396', '0375', '0453'];
const GOOI_EN_VECHTSTREEK = ['0406', '0376', '0317', '0417', '0402', '1942', '1696'];
const ZUID_KENNEMERLAND_IJMOND = ['0397', '0377', '0473', '0392', '0396', '0375', '0453'];

/** National scale (approx.): 342 gemeenten, about 17.9 million inhabitants. */
const NATIONAL_GEMEENTEN = 342;
const NATIONAL_INWONERS = 17_900_000;

export interface Places {
  gemeenten: WorldGemeente[];
  regios: WorldRegio[];
  samenwerkingsverbanden: WorldSamenwerkingsverband[];
  organisaties: WorldOrganisatie[];
  arrangementen: WorldArrangement[];
}

function grootteklasse(inwoners: number): string {
  if (inwoners < 20_000) return 'minder dan 20.000';
  if (inwoners < 50_000) return '20.000-50.000';
  if (inwoners < 100_000) return '50.000-100.000';
  return '100.000 of meer';
}

function gemeente(code: string, naam: string, provincie: string, inwoners: number, regioCode: string): WorldGemeente {
  return {
    code,
    naam,
    provincie,
    inwoners,
    inwonersOnder18: Math.round(inwoners * 0.2),
    huishoudens: Math.round(inwoners / 2.15),
    grootteklasse: grootteklasse(inwoners),
    regioCode,
  };
}

/** Builds the places of the world; `nationaal` adds synthetic gemeenten up to national size. */
export function buildPlaces(random: Random, scope: 'regio' | 'nationaal'): Places {
  const gemeenten = GEMEENTEN.map(([code, naam, provincie, inwoners, regio]) => gemeente(code, naam, provincie, inwoners, regio));
  const regios: WorldRegio[] = [
    { code: 'regio-gv', naam: 'Regio Gooi en Vechtstreek', organisatieId: 'regio-gv', gemeenteCodes: GOOI_EN_VECHTSTREEK },
    { code: 'regio-amersfoort', naam: 'Regio Amersfoort', organisatieId: null, gemeenteCodes: ['0307'] },
    { code: 'zuid-kennemerland', naam: 'Zuid-Kennemerland', organisatieId: 'regio-zki', gemeenteCodes: ['0397', '0377', '0473', '0392'] },
    { code: 'ijmond', naam: 'IJmond', organisatieId: 'regio-zki', gemeenteCodes: IJMOND_WERKT },
  ];
  if (scope === 'nationaal') {
    const rest = NATIONAL_INWONERS - gemeenten.reduce((sum, g) => sum + g.inwoners, 0);
    const count = NATIONAL_GEMEENTEN - gemeenten.length;
    const weights = Array.from({ length: count }, () => Math.exp(random.next() * 2.5));
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < count; i += 1) {
      const code = String(3000 + i);
      const regioCode = `synthetisch-${Math.floor(i / 12) + 1}`;
      gemeenten.push(gemeente(code, `Modelgemeente ${code}`, 'Nederland', Math.round((rest * weights[i]) / totalWeight), regioCode));
      if (i % 12 === 0) {
        regios.push({ code: regioCode, naam: `Modelregio ${Math.floor(i / 12) + 1}`, organisatieId: null, gemeenteCodes: [] });
      }
      (regios[regios.length - 1].gemeenteCodes as string[]).push(code);
    }
  }
  const organisaties: WorldOrganisatie[] = [
    ...gemeenten.map((g) => ({ id: g.code, naam: `Gemeente ${g.naam}`, soort: 'GEMEENTE' as const, vestigingGemeenteCode: g.code })),
    { id: 'uo-hbel', naam: 'Uitvoeringsorganisatie HBEL (gemeente Huizen)', soort: 'UITVOERINGSORGANISATIE', vestigingGemeenteCode: '0406' },
    { id: 'iasz', naam: 'Intergemeentelijke Afdeling Sociale Zaken Heemstede-Bloemendaal (IASZ)', soort: 'UITVOERINGSORGANISATIE', vestigingGemeenteCode: '0397' },
    { id: 'ijmond-werkt', naam: 'IJmond Werkt!', soort: 'UITVOERINGSORGANISATIE', vestigingGemeenteCode: '0375' },
    { id: 'regio-gv', naam: 'Regio Gooi en Vechtstreek', soort: 'REGIO', vestigingGemeenteCode: '0402' },
    { id: 'regio-zki', naam: 'Jeugdregio Zuid-Kennemerland en IJmond', soort: 'REGIO', vestigingGemeenteCode: '0392' },
  ];
  const samenwerkingsverbanden: WorldSamenwerkingsverband[] = [
    { code: 'hbel', naam: 'HBEL (Huizen, Blaricum, Eemnes, Laren)', organisatieId: 'uo-hbel', gemeenteCodes: HBEL_GEMEENTEN },
    { code: 'iasz', naam: 'IASZ (Heemstede, Bloemendaal)', organisatieId: 'iasz', gemeenteCodes: IASZ },
    { code: 'ijmond-werkt', naam: 'IJmond Werkt (Heemskerk, Beverwijk, Velsen)', organisatieId: 'ijmond-werkt', gemeenteCodes: IJMOND_WERKT },
  ];
  return { gemeenten, regios, samenwerkingsverbanden, organisaties, arrangementen: buildArrangementen(gemeenten) };
}

const WETTEN: readonly WetCode[] = ['WMO', 'JEUGDWET', 'PARTICIPATIEWET'];
const ROLLEN: readonly RolCode[] = ['TOEGANG', 'UITVOERING', 'INKOOP', 'CONTRACTBEHEER'];

/**
 * Who executes what for whom (docs/domain.md "Organisations"): HBEL for Huizen, Blaricum, Eemnes
 * and Laren except Eemnes' Jeugdwet (Amersfoort); the Regio buys and manages contracts; IASZ does
 * the Participatiewet and the Wmo/Jeugdwet back office for Heemstede and Bloemendaal.
 */
function executor(code: string, wet: WetCode, rol: RolCode): { organisatieId: string; grondslag: string } {
  const own = { organisatieId: code, grondslag: 'EIGEN_ORGANISATIE' };
  const buying = rol === 'INKOOP' || rol === 'CONTRACTBEHEER';
  if (code === '0317' && wet === 'JEUGDWET') return { organisatieId: '0307', grondslag: 'DIENSTVERLENINGSOVEREENKOMST' };
  if (HBEL_GEMEENTEN.includes(code)) {
    if (buying && wet !== 'PARTICIPATIEWET') return { organisatieId: 'regio-gv', grondslag: 'GEMEENSCHAPPELIJKE_REGELING' };
    return { organisatieId: 'uo-hbel', grondslag: code === '0406' ? 'EIGEN_ORGANISATIE' : 'MANDAAT' };
  }
  if (GOOI_EN_VECHTSTREEK.includes(code) && buying && wet !== 'PARTICIPATIEWET') {
    return { organisatieId: 'regio-gv', grondslag: 'GEMEENSCHAPPELIJKE_REGELING' };
  }
  if (ZUID_KENNEMERLAND_IJMOND.includes(code) && buying && wet === 'JEUGDWET') {
    return { organisatieId: 'regio-zki', grondslag: 'GEMEENSCHAPPELIJKE_REGELING' };
  }
  if (IASZ.includes(code) && (wet === 'PARTICIPATIEWET' || rol === 'UITVOERING')) {
    return { organisatieId: 'iasz', grondslag: 'GEMEENSCHAPPELIJKE_REGELING' };
  }
  if (IJMOND_WERKT.includes(code) && wet === 'PARTICIPATIEWET' && rol === 'UITVOERING') {
    return { organisatieId: 'ijmond-werkt', grondslag: 'GEMEENSCHAPPELIJKE_REGELING' };
  }
  return own;
}

function buildArrangementen(gemeenten: readonly WorldGemeente[]): WorldArrangement[] {
  const rows: WorldArrangement[] = [];
  for (const g of gemeenten) {
    for (const wet of WETTEN) {
      for (const rol of ROLLEN) {
        const { organisatieId, grondslag } = executor(g.code, wet, rol);
        rows.push({ id: `arr-${g.code}-${wet.toLowerCase()}-${rol.toLowerCase()}`, gemeenteCode: g.code, wet, rol, organisatieId, grondslag, geldigVan: '2015-01-01', geldigTot: null });
      }
    }
  }
  // History: until 2018 Blaricum's Jeugdwet inkoop was its own (subsidised care, HBEL's documents, docs/domain.md).
  rows.push({ id: 'arr-0376-jeugdwet-inkoop-2015', gemeenteCode: '0376', wet: 'JEUGDWET', rol: 'INKOOP', organisatieId: '0376', grondslag: 'EIGEN_ORGANISATIE', geldigVan: '2015-01-01', geldigTot: '2017-12-31' });
  const current = rows.find((row) => row.id === 'arr-0376-jeugdwet-inkoop');
  if (current) Object.assign(current, { geldigVan: '2018-01-01' });
  return rows;
}

/** Per list of arrangementen: the first current row's organisation per gemeente, law and role. */
const executingIndex = new WeakMap<readonly WorldArrangement[], { length: number; organisaties: Map<string, string> }>();

/** The gemeente code of the organisation executing a law in a role for a gemeente (today). */
export function executingOrganisation(arrangementen: readonly WorldArrangement[], gemeenteCode: string, wet: WetCode, rol: RolCode): string {
  // Asked for every toewijzing and every resident's law: a scan of the national world's 4,000 rows each
  // time was most of its generation. The first current row wins, as a scan finds it.
  let index = executingIndex.get(arrangementen);
  if (!index || index.length !== arrangementen.length) {
    const organisaties = new Map<string, string>();
    for (const a of arrangementen) {
      const key = `${a.gemeenteCode}|${a.wet}|${a.rol}`;
      if (a.geldigTot === null && !organisaties.has(key)) organisaties.set(key, a.organisatieId);
    }
    index = { length: arrangementen.length, organisaties };
    executingIndex.set(arrangementen, index);
  }
  return index.organisaties.get(`${gemeenteCode}|${wet}|${rol}`) ?? gemeenteCode;
}
