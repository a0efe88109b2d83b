import type { Procurement } from './procurement.js';
import { addDays, daysBetween, monthEnd, monthStart, nextMonth, type Random } from './random.js';
import type { WorldDeclaratie, WorldToewijzing } from './world.js';

/**
 * Declarations (iWmo/iJw 323 shape) of every P x Q toewijzing in natura: one per delivered month,
 * submitted after a lag — most within 1-3 months, a tail of 6-24 months, a few years late
 * (docs/domain.md). Nothing is submitted after the peildatum: those months are not declared yet.
 *
 * A generator, one row at a time: nationally these are millions of rows (most of the world), so the
 * loader streams them into COPY as they are made instead of holding them all (`declaratieRows`).
 * The toewijzingen carry their final (opaque) numbers already; `opaqueId` turns the generated
 * sequence id (`d-17`) into the row's published id.
 */
export function* generateDeclaraties(
  random: Random, toewijzingen: readonly WorldToewijzing[], procurement: Procurement, peildatum: string, opaqueId: (id: string) => string,
): Generator<WorldDeclaratie> {
  const contracts = new Map(procurement.contracten.map((contract) => [contract.id, contract]));
  const counter = { made: 0 };
  for (const toewijzing of toewijzingen) {
    if (toewijzing.leveringsvorm !== 'ZIN' || contracts.get(toewijzing.contractId)?.bekostiging === 'LUMPSUM') continue;
    const lastDelivered = addDays(peildatum, -1);
    const end = toewijzing.einddatum && toewijzing.einddatum < lastDelivered ? toewijzing.einddatum : lastDelivered;
    for (let month = monthStart(toewijzing.ingangsdatum); month <= end; month = nextMonth(month)) {
      const van = month < toewijzing.ingangsdatum ? toewijzing.ingangsdatum : month;
      const tot = monthEnd(month) > end ? end : monthEnd(month);
      const volume = deliveredVolume(toewijzing, van, tot);
      if (volume > 0) yield* declaratiesOfMonth(random, counter, toewijzing, procurement, van, tot, volume, peildatum, opaqueId);
      // A total within the toewijzing's validity ('6') is delivered and declared once.
      if (toewijzing.frequentie === '6') break;
    }
  }
}

function deliveredVolume(toewijzing: WorldToewijzing, van: string, tot: string): number {
  const days = daysBetween(van, tot) + 1;
  switch (toewijzing.frequentie) {
    case '1':
      return toewijzing.volume * days;
    case '2':
      return Math.round((toewijzing.volume * days) / 7);
    case '4':
      return Math.round((toewijzing.volume * days) / (daysBetween(monthStart(van), monthEnd(van)) + 1));
    default:
      return toewijzing.volume;
  }
}

function lagInDays(random: Random): number {
  return random.weighted([
    [random.int(5, 60), 70],
    [random.int(61, 180), 16],
    [random.int(181, 730), 11],
    [random.int(731, 1_500), 3],
  ] as const);
}

/** The month's declaration, or a credited one and its correction; `counter` numbers them across the world. */
function* declaratiesOfMonth(
  random: Random, counter: { made: number }, toewijzing: WorldToewijzing, procurement: Procurement,
  van: string, tot: string, volume: number, peildatum: string, opaqueId: (id: string) => string,
): Generator<WorldDeclaratie> {
  const ingediendOp = addDays(monthEnd(van), lagInDays(random));
  if (ingediendOp > peildatum) return;
  const tarief = procurement.tariefOp(toewijzing.productId, van);
  // One object per row, no shared base spread into each: millions of rows nationally, and the garbage
  // collector was a third of the generation's time. Fields in the order they always had.
  const row = (id: string, geleverdVolume: number, ingediendOp: string, status: WorldDeclaratie['status'], correctieVan: string | null): WorldDeclaratie => ({
    gemeenteCode: toewijzing.gemeenteCode,
    wet: toewijzing.wet,
    toewijzingsnummer: toewijzing.toewijzingsnummer,
    aanbiederAgb: toewijzing.aanbiederAgb,
    productcategorie: toewijzing.productcategorie,
    productcode: toewijzing.productcode,
    leveringVan: van,
    leveringTot: tot,
    eenheid: toewijzing.eenheid,
    id,
    geleverdVolume,
    bedrag: geleverdVolume * tarief.bedrag,
    ingediendOp,
    status,
    correctieVan,
  });
  counter.made += 1;
  const id = opaqueId(`d-${counter.made}`);
  const recent = ingediendOp > addDays(peildatum, -21);
  const outcome = recent ? 'INGEDIEND' : random.weighted([['GOEDGEKEURD', 91], ['AFGEWEZEN', 5], ['CORRECTIE', 4]] as const);
  if (outcome !== 'CORRECTIE') {
    yield row(id, volume, ingediendOp, outcome, null);
    return;
  }
  // A correction: the first declaration is credited and a new one replaces it.
  const corrected = Math.max(1, volume - random.int(0, Math.max(1, Math.round(volume * 0.2))));
  const correctedOn = addDays(ingediendOp, random.int(20, 90));
  yield row(id, volume, ingediendOp, 'GECREDITEERD', null);
  if (correctedOn <= peildatum) {
    counter.made += 1;
    yield row(opaqueId(`d-${counter.made}`), corrected, correctedOn, correctedOn > addDays(peildatum, -21) ? 'INGEDIEND' : 'GOEDGEKEURD', id);
  }
}
