import { CATALOGUE, type ProductTemplate } from './catalogue.js';
import type { Procurement } from './procurement.js';
import { addDays, dateBetween, type Random } from './random.js';
import type { WetCode, WorldToewijzing } from './world.js';

const TEMPLATES = new Map(CATALOGUE.map((template) => [template.productcode, template]));

/** Abonnementstarief (approx.): the Wmo eigen bijdrage per month, in eurocent. */
export const ABONNEMENTSTARIEF = 2180;

export interface ToewijzingRequest {
  readonly inwonerId: string;
  readonly gemeenteCode: string;
  readonly wet: WetCode;
  readonly productcode: string;
  readonly ingangsdatum: string;
  /** A fixed end date, or undefined to draw one from the product's duration. */
  readonly einddatum?: string | null;
  readonly verwijzingId?: string;
  readonly trajectId?: string;
  /** Minima (bijstand) are exempt from the eigen bijdrage. */
  readonly vrijgesteld?: boolean;
}

/** Turns a request into a toewijzing with the contract, product and tariff the gemeente buys it under. */
export class ToewijzingFactory {
  private readonly counters = new Map<string, number>();

  constructor(
    private readonly random: Random,
    private readonly procurement: Procurement,
    private readonly peildatum: string,
  ) {}

  template(productcode: string): ProductTemplate {
    const template = TEMPLATES.get(productcode);
    if (!template) throw new Error(`unknown product ${productcode}`);
    return template;
  }

  /** A planned end date for a product started on a date (null: open-ended). */
  einddatum(productcode: string, ingangsdatum: string): string | null {
    const template = this.template(productcode);
    if (this.random.chance(template.openEinde)) return null;
    const [min, max] = template.duurMaanden;
    return addDays(ingangsdatum, this.random.int(min * 30, max * 30));
  }

  create(request: ToewijzingRequest): WorldToewijzing | null {
    const offers = this.procurement.offers(request.gemeenteCode, request.wet, request.productcode);
    if (offers.length === 0) return null;
    const { contract, product } = this.random.pick(offers);
    const template = this.template(request.productcode);
    const einddatum = request.einddatum === undefined ? this.einddatum(request.productcode, request.ingangsdatum) : request.einddatum;
    const ended = einddatum !== null && einddatum <= this.peildatum;
    const key = `${request.gemeenteCode}|${request.wet}`;
    const number = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, number);
    const pgb = request.wet === 'WMO' && ['01', '02', '03', '07'].includes(template.productcategorie) && this.random.chance(0.08);
    return {
      toewijzingsnummer: `${request.wet === 'WMO' ? 'W' : 'J'}${request.gemeenteCode}${String(number).padStart(6, '0')}`,
      inwonerId: request.inwonerId,
      gemeenteCode: request.gemeenteCode,
      wet: request.wet,
      productcategorie: template.productcategorie,
      productcode: template.productcode,
      aanbiederAgb: contract.aanbiederAgb,
      contractId: contract.id,
      productId: product.id,
      tariefId: this.procurement.tariefOp(product.id, request.ingangsdatum).id,
      volume: this.random.int(template.volume[0], template.volume[1]),
      eenheid: template.eenheid,
      frequentie: template.frequentie,
      leveringsvorm: pgb ? 'PGB' : 'ZIN',
      ingangsdatum: request.ingangsdatum,
      einddatum,
      redenBeeindiging: ended ? this.redenBeeindiging(request.wet) : null,
      eigenBijdrage: request.wet === 'WMO' && !request.vrijgesteld && !pgb && template.frequentie !== '6' ? ABONNEMENTSTARIEF : 0,
      verwijzingId: request.verwijzingId ?? null,
      trajectId: request.trajectId ?? null,
    };
  }

  private redenBeeindiging(wet: WetCode): string {
    return wet === 'WMO'
      ? this.random.weighted([['19', 60], ['02', 15], ['31', 6], ['21', 5], ['23', 5], ['38', 5], ['39', 4]] as const)
      : this.random.weighted([['31', 65], ['32', 8], ['33', 5], ['34', 10], ['38', 7], ['39', 5]] as const);
  }

  /** A start date in the world's window. */
  start(from = '2022-01-01'): string {
    return dateBetween(this.random, from, addDays(this.peildatum, -20));
  }
}
