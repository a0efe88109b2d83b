import { type DisclosureKey, cellNoise } from './cell-key.js';

/**
 * The one disclosure-control policy of the graph (issue 10; README "Wat een aggregaat prijsgeeft"). Every
 * count, amount, share, average and duration that leaves a subgraph as an aggregate goes through
 * `publishTable` (cells and their additive relations) and `derived.ts`; no resolver suppresses on its own.
 *
 * Rules, in order:
 * 1. threshold: a cell is published only when at least 10 persons or households contribute to it; a
 *    cell without contributors (an exact zero) is a cell under 10 like any other (KLEIN_AANTAL);
 * 2. dominance, the (1, 50) rule: an amount is withheld when one contributor makes up more than half
 *    of it (DOMINANTIE);
 * 3. secondary suppression over every declared additive relation (secondary.ts, AFLEIDBAAR);
 * 4. perturbation by cell key: counts are rounded to 5 at random, unbiased, with the chance drawn from
 *    the cell key (a 12 becomes 10 or 15, never the same for a cell with one record more); amounts get
 *    noise of 25-50% of their largest contribution, then are rounded to their unit.
 */

/** Fewer contributors than this and a cell is withheld. */
export const DISCLOSURE_THRESHOLD = 10;

/** Published counts are multiples of this. */
export const COUNT_BASE = 5;

/** The (1, k) dominance rule: the largest contribution may make up at most this share of an amount. */
export const DOMINANCE_SHARE = 0.5;

/** The noise of an amount lies between these shares of its largest contribution (sign from the cell key). */
export const AMOUNT_NOISE = { min: 0.25, max: 0.5 } as const;

/** Default unit published amounts in eurocent are rounded to: 100 euro. */
export const EUROCENT_UNIT = 10_000;

/** Why a value is withheld (the schema's `onderdrukt`). */
export type Onderdrukkingsreden =
  /** fewer than 10 contributing persons or households, an exact zero included */
  | 'KLEIN_AANTAL'
  /** one contributor makes up more than half of an amount */
  | 'DOMINANTIE'
  /** would follow from a published total and the other published cells */
  | 'AFLEIDBAAR'
  /** derived from a withheld value, or its numerator or complement is under 10 */
  | 'AFGELEID_VAN_ONDERDRUKT'
  /** the period reaches past the end of the data, so its cells would grow by the day */
  | 'ONVOLLEDIGE_PERIODE';

/** How a published value was changed (the schema's `bewerking`). */
export type Bewerking =
  /** a count rounded to 5 at random, the chance drawn from the cell key */
  | 'CELSLEUTEL_AFRONDING'
  /** an amount with cell-key noise, rounded to its unit */
  | 'CELSLEUTEL_RUIS'
  /** computed from published (rounded or perturbed) values only */
  | 'AFGELEID';

/** A value as published: `waarde` null exactly when `onderdrukt` says why. */
export interface Published {
  waarde: number | null;
  onderdrukt: Onderdrukkingsreden | null;
  bewerking: Bewerking | null;
}

/**
 * One cell as SQL computed it. `measure` names what it counts or sums (e.g. `wmo.telling.toewijzingen`)
 * and keeps the noise of different measures over the same records apart.
 */
export type Cell = CountCell | AmountCell;

interface CellBase {
  readonly measure: string;
  /** The raw value. */
  readonly value: number;
  /** Distinct persons or households contributing (for a count of toewijzingen: the clients holding them). */
  readonly contributors: number;
  /** The cell key (`cellKeySql`) over the cell's records. */
  readonly key: number;
}

export interface CountCell extends CellBase {
  readonly kind: 'count';
}

export interface AmountCell extends CellBase {
  readonly kind: 'amount';
  /** The largest absolute contribution of one person or household to `value`. */
  readonly largest: number;
  /** Published amounts are multiples of this; default `EUROCENT_UNIT`. */
  readonly unit?: number;
}

/** `total` is the sum of `parts` (indexes into the table's cells). */
export interface AdditiveRelation {
  readonly total: number;
  readonly parts: readonly number[];
}

/** What a response publishes: its cells and every additive relation between them. */
export interface Table {
  readonly cells: readonly Cell[];
  readonly relations?: readonly AdditiveRelation[];
}

/** A withheld value. */
export const withheld = (onderdrukt: Onderdrukkingsreden): Published => ({ waarde: null, onderdrukt, bewerking: null });

/** Rules 1 and 2 for one cell: the reason it is withheld, or null. */
export function primaryReason(cell: Cell): Onderdrukkingsreden | null {
  if (cell.contributors < DISCLOSURE_THRESHOLD) return 'KLEIN_AANTAL';
  if (cell.kind === 'amount' && Math.abs(cell.largest) > DOMINANCE_SHARE * Math.abs(cell.value)) return 'DOMINANTIE';
  return null;
}

/** Rule 4 for a cell that passed rules 1-3. */
export function perturb(cell: Cell, key: DisclosureKey): Published {
  const [u, v] = cellNoise(key, cell.measure, cell.key, cell.value);
  if (cell.kind === 'count') {
    if (!Number.isInteger(cell.value) || cell.value < 0) throw new Error(`Een aantal is een natuurlijk getal, niet ${cell.value}.`);
    const below = Math.floor(cell.value / COUNT_BASE) * COUNT_BASE;
    // Unbiased: a 12 becomes 15 with chance 2/5, else 10.
    const up = u < (cell.value - below) / COUNT_BASE;
    return { waarde: up ? below + COUNT_BASE : below, onderdrukt: null, bewerking: 'CELSLEUTEL_AFRONDING' };
  }
  const unit = cell.unit ?? EUROCENT_UNIT;
  const size = Math.abs(cell.largest) * (AMOUNT_NOISE.min + (AMOUNT_NOISE.max - AMOUNT_NOISE.min) * v);
  const noisy = cell.value + (u < 0.5 ? -size : size);
  return { waarde: Math.round(noisy / unit) * unit, onderdrukt: null, bewerking: 'CELSLEUTEL_RUIS' };
}

/** The rules in words, for `Verantwoording.onderdrukkingsregel`. */
export const ONDERDRUKKINGSREGEL =
  `Een waarde wordt alleen gepubliceerd als ze over minstens ${DISCLOSURE_THRESHOLD} personen of huishoudens gaat, per cel en per ` +
  `kolom (een bedrag per wet telt de huishoudens die aan die wet bijdragen); een nul is ook een cel onder ${DISCLOSURE_THRESHOLD} ` +
  `(KLEIN_AANTAL). Een bedrag waarvan een bijdrager meer dan ${DOMINANCE_SHARE * 100}% uitmaakt, is onderdrukt (DOMINANTIE, de ` +
  '(1,50)-regel). Waar een gepubliceerd totaal (rijen, maanden, groepen, gemeenten, wetten) min de zichtbare delen een onderdrukte ' +
  `cel of een som van cellen onder ${DISCLOSURE_THRESHOLD} zou geven, is ook de kleinste andere cel onderdrukt (AFLEIDBAAR). ` +
  `Aantallen zijn afgerond op ${COUNT_BASE}, naar boven of beneden met een vaste kans per cel uit een celsleutel (de som van de ` +
  'sleutels van de records erin, met een geheim per installatie); bedragen krijgen vaste ruis van 25-50% van hun grootste bijdrage ' +
  'en zijn afgerond op 100 euro: dezelfde cel geeft altijd hetzelfde getal, een cel met een record meer een onafhankelijk ander. ' +
  'Aandelen, gemiddelden en duren zijn berekend uit gepubliceerde waarden en onderdrukt als teller of complement onder ' +
  `${DISCLOSURE_THRESHOLD} ligt (AFGELEID_VAN_ONDERDRUKT). Perioden zijn vaste kalenderperioden of datums uit de graaf; een ` +
  'periode die voorbij het eind van de gegevens loopt, is onderdrukt (ONVOLLEDIGE_PERIODE).';
