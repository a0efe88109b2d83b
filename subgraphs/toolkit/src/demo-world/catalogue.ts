import type { WetCode } from './world.js';

/** A product the region and municipalities buy, with its 2022 tariff (approx., not a real tariff). */
export interface ProductTemplate {
  readonly wet: WetCode;
  readonly perceel: string;
  readonly productcategorie: string;
  readonly productcode: string;
  readonly naam: string;
  readonly eenheid: string;
  readonly frequentie: string;
  /** Eurocent per eenheid in 2022; indexed 4% a year. */
  readonly tarief2022: number;
  /** Volume of a toewijzing per frequentie period: [min, max]. */
  readonly volume: readonly [number, number];
  /** Duration in months [min, max]; null max means open-ended is possible. */
  readonly duurMaanden: readonly [number, number];
  /** Share of toewijzingen without an end date. */
  readonly openEinde: number;
}

const t = (
  wet: WetCode, perceel: string, productcode: string, naam: string, eenheid: string, frequentie: string,
  tarief2022: number, volume: [number, number], duurMaanden: [number, number], openEinde = 0,
): ProductTemplate => ({ wet, perceel, productcategorie: productcode.slice(0, 2), productcode, naam, eenheid, frequentie, tarief2022, volume, duurMaanden, openEinde });

/**
 * The product catalogue. Codes follow the observed pattern categorie + "A" + two digits (anchors
 * §1.5); eenheid WJ756, frequentie WMO757. Tariffs are believable orders of magnitude only.
 */
export const CATALOGUE: readonly ProductTemplate[] = [
  t('WMO', 'Huishoudelijke ondersteuning', '01A01', 'Hulp bij het huishouden (HH1)', '04', '2', 3250, [2, 4], [6, 40], 0.6),
  t('WMO', 'Huishoudelijke ondersteuning', '01A02', 'Hulp bij het huishouden met regie (HH2)', '04', '2', 3650, [2, 5], [6, 40], 0.5),
  t('WMO', 'Huishoudelijke ondersteuning', '01A03', 'Huishoudelijke ondersteuning (periodetarief)', '82', '2', 9500, [1, 1], [6, 40], 0.6),
  t('WMO', 'Begeleiding en dagbesteding', '02A01', 'Begeleiding individueel regulier', '04', '2', 6400, [2, 6], [3, 24]),
  t('WMO', 'Begeleiding en dagbesteding', '02A02', 'Begeleiding individueel specialistisch', '04', '2', 7800, [2, 6], [3, 24]),
  t('WMO', 'Begeleiding en dagbesteding', '02A03', 'Begeleiding licht', '04', '2', 5200, [1, 3], [3, 12]),
  t('WMO', 'Begeleiding en dagbesteding', '03A01', 'Persoonlijke verzorging', '04', '2', 5900, [2, 7], [3, 24], 0.3),
  t('WMO', 'Begeleiding en dagbesteding', '07A01', 'Dagbesteding regulier', '16', '2', 5100, [2, 6], [6, 36], 0.3),
  t('WMO', 'Begeleiding en dagbesteding', '07A02', 'Dagbesteding specialistisch', '16', '2', 6900, [2, 6], [6, 36], 0.3),
  t('WMO', 'Vervoer', '08A01', 'Regiotaxi (collectief vervoer)', '82', '4', 1450, [4, 16], [12, 48], 0.5),
  t('WMO', 'Hulpmiddelen', '11A01', 'Rolstoel (huur)', '82', '4', 6500, [1, 1], [24, 60], 0.5),
  t('WMO', 'Hulpmiddelen', '12A01', 'Scootmobiel (huur)', '82', '4', 7200, [1, 1], [24, 60], 0.5),
  t('WMO', 'Hulpmiddelen', '13A01', 'Woningaanpassing', '83', '6', 100, [1500, 12000], [1, 1]),
  t('WMO', 'Hulpmiddelen', '14A01', 'Overige hulpmiddelen', '82', '6', 85000, [1, 1], [1, 1]),
  t('JEUGDWET', 'Ambulante jeugdhulp', '45A01', 'Jeugdhulp ambulant generalistisch', '04', '4', 8900, [4, 12], [3, 18]),
  t('JEUGDWET', 'Ambulante jeugdhulp', '45A02', 'Jeugdhulp ambulant specialistisch', '04', '4', 10500, [4, 12], [3, 24]),
  t('JEUGDWET', 'Ambulante jeugdhulp', '40A01', 'Persoonlijke verzorging jeugd', '04', '2', 5900, [2, 6], [6, 24]),
  t('JEUGDWET', 'Ambulante jeugdhulp', '42A01', 'Vervoer naar dagbehandeling', '82', '4', 2500, [8, 20], [6, 18]),
  t('JEUGDWET', 'Jeugd-ggz', '54A01', 'Jeugd-ggz behandeling', '04', '4', 11800, [3, 10], [4, 18]),
  t('JEUGDWET', 'Dagbehandeling en verblijf', '41A01', 'Dagbehandeling', '16', '2', 11500, [2, 8], [6, 24]),
  t('JEUGDWET', 'Dagbehandeling en verblijf', '43A01', 'Verblijf inclusief behandeling', '14', '4', 29500, [28, 31], [6, 24]),
  t('JEUGDWET', 'Dagbehandeling en verblijf', '44A01', 'Verblijf exclusief behandeling (gezinshuis)', '14', '4', 17500, [28, 31], [6, 30]),
  t('JEUGDWET', 'Dagbehandeling en verblijf', '43A05', 'Driemilieuvoorziening (lokaal ingekocht)', '14', '4', 38000, [28, 31], [6, 24]),
  t('JEUGDWET', 'Jeugdbescherming en jeugdreclassering', '48A01', 'Ondertoezichtstelling', '82', '4', 135000, [1, 1], [12, 24]),
  t('JEUGDWET', 'Jeugdbescherming en jeugdreclassering', '47A01', 'Jeugdreclassering', '82', '4', 120000, [1, 1], [6, 12]),
  t('JEUGDWET', 'Maatwerk', '50A01', 'Maatwerkarrangement jeugd', '83', '6', 100, [2000, 15000], [1, 1]),
];

/** Share of new Wmo toewijzingen per productcode (HH and hulpmiddelen dominate). */
export const WMO_MIX: readonly (readonly [string, number])[] = [
  ['01A01', 26], ['01A02', 9], ['02A01', 12], ['02A02', 5], ['02A03', 5], ['03A01', 3], ['07A01', 6],
  ['07A02', 2], ['08A01', 10], ['11A01', 6], ['12A01', 8], ['13A01', 5], ['14A01', 3],
];

/** Share of new jeugd toewijzingen per productcode. */
export const JEUGD_MIX: readonly (readonly [string, number])[] = [
  ['45A01', 32], ['45A02', 20], ['54A01', 15], ['40A01', 3], ['42A01', 3], ['41A01', 6], ['43A01', 4],
  ['44A01', 4], ['48A01', 6], ['47A01', 2], ['50A01', 5],
];

export const PERCELEN_WMO = ['Huishoudelijke ondersteuning', 'Begeleiding en dagbesteding', 'Vervoer', 'Hulpmiddelen'] as const;
export const PERCELEN_JEUGD = ['Ambulante jeugdhulp', 'Jeugd-ggz', 'Dagbehandeling en verblijf', 'Jeugdbescherming en jeugdreclassering', 'Maatwerk'] as const;
