import { CATALOGUE, PERCELEN_JEUGD, PERCELEN_WMO, type ProductTemplate } from './catalogue.js';
import { executingOrganisation, type Places } from './places.js';
import type { Random } from './random.js';
import type { WetCode, WorldAanbieder, WorldContract, WorldPerceel, WorldProduct, WorldTarief } from './world.js';

export interface Procurement {
  aanbieders: WorldAanbieder[];
  contracten: WorldContract[];
  percelen: WorldPerceel[];
  producten: WorldProduct[];
  tarieven: WorldTarief[];
  /** Finds where a gemeente buys a product: candidates to choose a provider from. */
  offers(gemeenteCode: string, wet: WetCode, productcode: string): readonly Offer[];
  /** The tariff of a product valid on a date. */
  tariefOp(productId: string, datum: string): WorldTarief;
}

export interface Offer {
  readonly contract: WorldContract;
  readonly product: WorldProduct;
}

const YEARS = [2022, 2023, 2024, 2025, 2026];
const FIRST = ['Zorggroep', 'Thuiszorg', 'Stichting', 'Begeleidingshuis', 'Jeugdzorg', 'Kwadrant', 'Zorgcollectief', 'Buurtzorg'];
const SECOND = ['Het Gooi', 'Vechtstreek', 'De Eem', 'Kennemerland', 'IJmond', 'Eemland', 'De Linde', 'Zonnehof', 'Horizon', 'De Brug', 'Duinstreek', 'Meerzicht'];

/** Builds providers and the contracts that buy the catalogue for every gemeente. */
export function buildProcurement(random: Random, places: Places): Procurement {
  const aanbieders: WorldAanbieder[] = [];
  const contracten: WorldContract[] = [];
  const percelen: WorldPerceel[] = [];
  const producten: WorldProduct[] = [];
  const tarieven: WorldTarief[] = [];
  const offerIndex = new Map<string, Offer[]>();
  const usedAgb = new Set<string>();

  const newAanbieder = (soort: string, plaats: string): WorldAanbieder => {
    let agbCode: string;
    do agbCode = `98${String(random.int(100_000, 999_999))}`;
    while (usedAgb.has(agbCode));
    usedAgb.add(agbCode);
    const aanbieder: WorldAanbieder = {
      agbCode,
      naam: `${random.pick(FIRST)} ${random.pick(SECOND)} ${aanbieders.length + 1}`,
      kvkNummer: String(random.int(10_000_000, 99_999_999)),
      vestigingsplaats: plaats,
      soort,
    };
    aanbieders.push(aanbieder);
    return aanbieder;
  };

  const addContract = (spec: Omit<WorldContract, 'id' | 'naam'> & { perceelNamen: readonly string[]; productcodes?: readonly string[] }) => {
    const { perceelNamen, productcodes, ...rest } = spec;
    const contract: WorldContract = { id: `c-${contracten.length + 1}`, naam: `${rest.wet === 'WMO' ? 'Wmo' : 'Jeugdhulp'} ${rest.soort === 'REGIONAAL' ? 'regionaal' : 'lokaal'} ${rest.looptijdVan.slice(0, 4)}`, ...rest };
    contracten.push(contract);
    for (const perceelNaam of perceelNamen) {
      const perceel: WorldPerceel = { id: `${contract.id}-p${percelen.length + 1}`, contractId: contract.id, naam: perceelNaam };
      percelen.push(perceel);
      const templates = CATALOGUE.filter((p) => p.wet === contract.wet && p.perceel === perceelNaam && (productcodes ? productcodes.includes(p.productcode) : p.productcode !== '43A05' && p.productcode !== '01A03'));
      for (const template of templates) addProduct(contract, perceel, template);
    }
  };

  const addProduct = (contract: WorldContract, perceel: WorldPerceel, template: ProductTemplate) => {
    const product: WorldProduct = {
      id: `${perceel.id}-${template.productcode}`,
      perceelId: perceel.id,
      wet: template.wet,
      productcategorie: template.productcategorie,
      productcode: template.productcode,
      naam: template.naam,
      eenheid: template.eenheid,
      frequentie: template.frequentie,
    };
    producten.push(product);
    const spread = 0.95 + random.next() * 0.1;
    for (const year of YEARS) {
      tarieven.push({
        id: `${product.id}-${year}`,
        productId: product.id,
        bedrag: Math.round(template.tarief2022 * spread * 1.04 ** (year - 2022)),
        eenheid: template.eenheid,
        geldigVan: `${year}-01-01`,
        geldigTot: year === YEARS[YEARS.length - 1] ? null : `${year}-12-31`,
      });
    }
    for (const gemeenteCode of contract.deelnemendeGemeenteCodes) {
      const key = `${gemeenteCode}|${template.wet}|${template.productcode}`;
      const list = offerIndex.get(key) ?? [];
      list.push({ contract, product });
      offerIndex.set(key, list);
    }
  };

  const base = { looptijdVan: '2022-01-01', looptijdTot: '2027-12-31', lumpsumPerJaar: null } as const;
  const buy = (contractantId: string, gemeenteCodes: readonly string[], plaats: string, wet: WetCode, soort: string, procedure: string, providers: number) => {
    const perceelSets: readonly (readonly string[])[] =
      wet === 'WMO'
        ? [[PERCELEN_WMO[0]], [PERCELEN_WMO[1]], [PERCELEN_WMO[0], PERCELEN_WMO[1]], [PERCELEN_WMO[2]], [PERCELEN_WMO[3]]]
        : [[PERCELEN_JEUGD[0]], [PERCELEN_JEUGD[0], PERCELEN_JEUGD[1]], [PERCELEN_JEUGD[2]], [PERCELEN_JEUGD[3]], [PERCELEN_JEUGD[4], PERCELEN_JEUGD[0]]];
    for (let i = 0; i < providers; i += 1) {
      const perceelNamen = perceelSets[i % perceelSets.length];
      const soortAanbieder = perceelNamen.includes('Hulpmiddelen') ? 'HULPMIDDELENLEVERANCIER' : perceelNamen.includes('Jeugdbescherming en jeugdreclassering') ? 'GECERTIFICEERDE_INSTELLING' : 'ZORGAANBIEDER';
      const aanbieder = newAanbieder(soortAanbieder, plaats);
      addContract({ ...base, contractantId, aanbiederAgb: aanbieder.agbCode, wet, soort, procedure, bekostiging: 'PXQ', declaratietermijnDagen: 90, deelnemendeGemeenteCodes: gemeenteCodes, perceelNamen });
    }
  };

  const gv = places.regios.find((r) => r.code === 'regio-gv')?.gemeenteCodes ?? [];
  buy('regio-gv', gv, 'Hilversum', 'WMO', 'REGIONAAL', 'OPEN_HOUSE', 10);
  // Eemnes' jeugdhulp is not bought by the Regio (HBEL's documents, docs/domain.md) but through Amersfoort.
  buy('regio-gv', gv.filter((code) => code !== '0317'), 'Hilversum', 'JEUGDWET', 'REGIONAAL', 'OPEN_HOUSE', 10);
  buy('0307', ['0307'], 'Amersfoort', 'WMO', 'LOKAAL', 'EUROPESE_AANBESTEDING', 5);
  buy('0307', ['0307', '0317'], 'Amersfoort', 'JEUGDWET', 'LOKAAL', 'OPEN_HOUSE', 5);
  const zki = [...(places.regios.find((r) => r.code === 'zuid-kennemerland')?.gemeenteCodes ?? []), ...(places.regios.find((r) => r.code === 'ijmond')?.gemeenteCodes ?? [])];
  buy('regio-zki', zki, 'Haarlem', 'JEUGDWET', 'REGIONAAL', 'EUROPESE_AANBESTEDING', 10);
  for (const code of zki) buy(code, [code], places.gemeenten.find((g) => g.code === code)?.naam ?? code, 'WMO', 'LOKAAL', 'EUROPESE_AANBESTEDING', 4);
  // Heemstede and Bloemendaal pay huishoudelijke ondersteuning per week (their documents; docs/domain.md).
  for (const code of ['0397', '0377']) {
    const aanbieder = newAanbieder('ZORGAANBIEDER', code === '0397' ? 'Heemstede' : 'Bloemendaal');
    addContract({ ...base, contractantId: code, aanbiederAgb: aanbieder.agbCode, wet: 'WMO', soort: 'LOKAAL', procedure: 'EUROPESE_AANBESTEDING', bekostiging: 'TAAKGERICHT', declaratietermijnDagen: 60, deelnemendeGemeenteCodes: [code], perceelNamen: ['Huishoudelijke ondersteuning'], productcodes: ['01A03'] });
  }
  // Huizen bought driemilieuvoorzieningen locally when no provider joined the region (HBEL's documents, docs/domain.md).
  const lokaal = newAanbieder('ZORGAANBIEDER', 'Huizen');
  addContract({ ...base, contractantId: '0406', aanbiederAgb: lokaal.agbCode, wet: 'JEUGDWET', soort: 'LOKAAL', procedure: 'ENKELVOUDIG_ONDERHANDS', bekostiging: 'PXQ', declaratietermijnDagen: 90, deelnemendeGemeenteCodes: ['0406'], perceelNamen: ['Dagbehandeling en verblijf'], productcodes: ['43A05'] });
  // IJmond: jeugd lumpsum consortium since 2023 (Heemskerk, seed); it pays per year, not per declaration.
  const consortium = newAanbieder('ZORGAANBIEDER', 'Heemskerk');
  addContract({ contractantId: 'regio-zki', aanbiederAgb: consortium.agbCode, wet: 'JEUGDWET', soort: 'REGIONAAL', procedure: 'PARTNERSCHAP', bekostiging: 'LUMPSUM', looptijdVan: '2023-01-01', looptijdTot: '2028-12-31', declaratietermijnDagen: 0, deelnemendeGemeenteCodes: ['0396', '0375', '0453'], lumpsumPerJaar: 1_450_000_000, perceelNamen: ['Ambulante jeugdhulp'], productcodes: ['45A01', '45A02'] });
  for (let i = 0; i < 3; i += 1) newAanbieder('RE_INTEGRATIEBEDRIJF', i === 0 ? 'Huizen' : i === 1 ? 'Haarlem' : 'Velsen');

  // Synthetic gemeenten (national scale) buy in their region, contracted by its first gemeente.
  for (const regio of places.regios.filter((r) => r.code.startsWith('synthetisch-'))) {
    buy(regio.gemeenteCodes[0], regio.gemeenteCodes, `Modelgemeente ${regio.gemeenteCodes[0]}`, 'WMO', 'REGIONAAL', 'OPEN_HOUSE', 5);
    buy(regio.gemeenteCodes[0], regio.gemeenteCodes, `Modelgemeente ${regio.gemeenteCodes[0]}`, 'JEUGDWET', 'REGIONAAL', 'OPEN_HOUSE', 5);
  }

  const tariffsByProduct = new Map<string, WorldTarief[]>();
  for (const tarief of tarieven) {
    const list = tariffsByProduct.get(tarief.productId) ?? [];
    list.push(tarief);
    tariffsByProduct.set(tarief.productId, list);
  }
  return {
    aanbieders,
    contracten,
    percelen,
    producten,
    tarieven,
    offers: (gemeenteCode, wet, productcode) => {
      // The organisation with the INKOOP role buys; a gemeente's own local contracts come on top.
      const buyer = executingOrganisation(places.arrangementen, gemeenteCode, wet, 'INKOOP');
      const all = offerIndex.get(`${gemeenteCode}|${wet}|${productcode}`) ?? [];
      const own = all.filter((offer) => offer.contract.contractantId === buyer || offer.contract.contractantId === gemeenteCode);
      return own.length > 0 ? own : all;
    },
    tariefOp: (productId, datum) => {
      const list = tariffsByProduct.get(productId) ?? [];
      return list.find((t) => t.geldigVan <= datum && (t.geldigTot === null || datum <= t.geldigTot)) ?? list[0];
    },
  };
}
