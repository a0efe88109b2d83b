import { describe, expect, it } from 'vitest';
import { testDemoConfig } from '../testing/secrets.js';
import { declaratieRows, generateDemoWorld } from './generate.js';
import { pseudonymOf } from './random.js';

const world = generateDemoWorld(testDemoConfig());

function elfproef(bsn: string): boolean {
  const digits = [...bsn].map(Number);
  const sum = digits.slice(0, 8).reduce((total, d, i) => total + d * (9 - i), 0) - digits[8];
  return bsn.length === 9 && sum % 11 === 0;
}

describe('the demo world', () => {
  it('is the same for the same seed and different for another', () => {
    const again = generateDemoWorld({ ...testDemoConfig(), pseudonymSecret: 'ander-geheim' });
    expect(again.wmoToewijzingen.length).toBe(world.wmoToewijzingen.length);
    expect(again.inwoners[0].bsn).toBe(world.inwoners[0].bsn);
    expect(again.inwoners[0].id).not.toBe(world.inwoners[0].id);
    const otherSeed = generateDemoWorld(testDemoConfig({ DEMO_SEED: '7' }));
    expect(otherSeed.inwoners[0].bsn).not.toBe(world.inwoners[0].bsn);
  });

  it('keys residents by an HMAC pseudonym of a BSN that passes the elfproef', () => {
    const secret = testDemoConfig().pseudonymSecret;
    for (const inwoner of world.inwoners.slice(0, 200)) {
      expect(elfproef(inwoner.bsn)).toBe(true);
      expect(inwoner.id).toBe(pseudonymOf(inwoner.bsn, secret));
    }
    expect(new Set(world.inwoners.map((i) => i.id)).size).toBe(world.inwoners.length);
  });

  it('has Eemnes Jeugdwet executed by Amersfoort and its Wmo by HBEL', () => {
    const eemnes = (wet: string, rol: string) => world.arrangementen.find((a) => a.gemeenteCode === '0317' && a.wet === wet && a.rol === rol && a.geldigTot === null)?.organisatieId;
    expect(eemnes('JEUGDWET', 'UITVOERING')).toBe('0307');
    expect(eemnes('WMO', 'UITVOERING')).toBe('uo-hbel');
    expect(eemnes('WMO', 'INKOOP')).toBe('regio-gv');
  });

  it('buys every toewijzing under a contract the gemeente takes part in, with a tariff of that product', () => {
    const contracts = new Map(world.contracten.map((c) => [c.id, c]));
    const tariffs = new Map(world.tarieven.map((t) => [t.id, t]));
    const wrong = [...world.wmoToewijzingen, ...world.jeugdToewijzingen].filter(
      (t) =>
        !contracts.get(t.contractId)?.deelnemendeGemeenteCodes.includes(t.gemeenteCode) ||
        tariffs.get(t.tariefId)?.productId !== t.productId ||
        t.productcode.slice(0, 2) !== t.productcategorie,
    );
    expect(wrong).toEqual([]);
  });

  it('has Eemnes jeugdhulp bought through Amersfoort, never through the Regio', () => {
    const contracts = new Map(world.contracten.map((c) => [c.id, c]));
    const eemnes = world.jeugdToewijzingen.filter((t) => t.gemeenteCode === '0317');
    expect(eemnes.length).toBeGreaterThan(0);
    for (const t of eemnes) expect(contracts.get(t.contractId)?.contractantId).toBe('0307');
  });

  it('streams the declaraties a loader reads as the rows the world holds, the same on every read', () => {
    // A world of its own (another secret), so that its declaraties have not been read yet.
    const fresh = generateDemoWorld({ ...testDemoConfig(), pseudonymSecret: 'stroom-geheim-'.repeat(3) });
    const first = [...declaratieRows(fresh)];
    const again = [...declaratieRows(fresh)];
    expect(first.length).toBeGreaterThan(10_000);
    expect(again).toEqual(first);
    // Reading `declaraties` makes the same rows, and from then on the loader gets those.
    expect(fresh.declaraties).toEqual(first);
    expect(declaratieRows(fresh)).toBe(fresh.declaraties);
    // The ids are the secret's: a credited row's correction points at a row of the stream, and the
    // rows name the toewijzingen by the numbers the toewijzingen carry.
    const ids = new Set(first.map((d) => d.id));
    expect(ids.size).toBe(first.length);
    const corrections = first.filter((d) => d.correctieVan !== null);
    expect(corrections.length).toBeGreaterThan(0);
    for (const d of corrections) expect(ids.has(d.correctieVan!)).toBe(true);
    const nummers = new Set([...fresh.wmoToewijzingen, ...fresh.jeugdToewijzingen].map((t) => `${t.wet}|${t.toewijzingsnummer}`));
    expect(first.filter((d) => !nummers.has(`${d.wet}|${d.toewijzingsnummer}`))).toEqual([]);
    const otherSecret = new Set(world.declaraties.map((d) => d.id));
    expect(first.filter((d) => otherSecret.has(d.id))).toEqual([]);
  });

  it('declares after delivery, never after the peildatum, and leaves recent months undeclared', () => {
    // One assertion over all 75,000 rows: per-row expects make this test take seconds.
    const wrong = world.declaraties.filter((d) => !(d.ingediendOp > d.leveringTot && d.ingediendOp <= world.peildatum));
    expect(wrong).toEqual([]);
    const late = world.declaraties.filter((d) => Date.parse(d.ingediendOp) - Date.parse(d.leveringTot) > 365 * 864e5);
    expect(late.length).toBeGreaterThan(0);
    expect(late.length / world.declaraties.length).toBeLessThan(0.1);
  });

  it('has in Blaricum a resident with Wmo, Jeugdwet and Participatiewet support', () => {
    const has = (rows: readonly { inwonerId: string }[], id: string) => rows.some((r) => r.inwonerId === id);
    const three = world.inwoners.filter((i) => i.gemeenteCode === '0376' && has(world.wmoToewijzingen, i.id) && has(world.jeugdToewijzingen, i.id) && has(world.uitkeringen, i.id));
    expect(three.length).toBeGreaterThan(0);
  });

  it('gives rows about residents ids that reveal neither how many there are nor their order', () => {
    const counter = /(^|-)\d{1,7}$|^[WJ]\d{10}$/;
    const ids = [
      ...world.huishoudens.map((r) => r.id), ...world.meldingen.map((r) => r.id), ...world.verwijzingen.map((r) => r.id),
      ...world.jeugdTrajecten.map((r) => r.id), ...world.uitkeringen.map((r) => r.id), ...world.reintegratietrajecten.map((r) => r.id),
      ...world.schuldhulptrajecten.map((r) => r.id), ...world.minimaregelingen.map((r) => r.id), ...world.declaraties.map((r) => r.id),
      ...world.wmoToewijzingen.map((r) => r.toewijzingsnummer), ...world.jeugdToewijzingen.map((r) => r.toewijzingsnummer),
    ];
    expect(ids.filter((id) => counter.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    // A resident's meldingen in id order are not their order in time more often than chance would have it.
    const perResident = new Map<string, { id: string; datum: string }[]>();
    for (const m of world.meldingen) perResident.set(m.inwonerId, [...(perResident.get(m.inwonerId) ?? []), m]);
    const pairs = [...perResident.values()].filter((rows) => rows.length === 2 && rows[0].datum !== rows[1].datum);
    const inOrder = pairs.filter(([a, b]) => (a.id < b.id) === (a.datum < b.datum)).length;
    expect(pairs.length).toBeGreaterThan(200);
    expect(Math.abs(inOrder / pairs.length - 0.5)).toBeLessThan(0.1);
    // The same installation (secret) gets the same ids on every start; another gets others.
    const again = generateDemoWorld({ ...testDemoConfig({}), pseudonymSecret: 'ander-geheim' });
    expect(again.meldingen[0].id).not.toBe(world.meldingen[0].id);
    expect(generateDemoWorld({ ...testDemoConfig({}) }).meldingen[0].id).toBe(world.meldingen[0].id);
    // References follow the new ids.
    const nummers = new Set([...world.wmoToewijzingen, ...world.jeugdToewijzingen].map((t) => t.toewijzingsnummer));
    expect(world.declaraties.filter((d) => !nummers.has(d.toewijzingsnummer))).toEqual([]);
    const huishoudens = new Set(world.huishoudens.map((h) => h.id));
    expect(world.inwoners.filter((i) => !huishoudens.has(i.huishoudenId))).toEqual([]);
  });

  it('grows with the scale parameter outside HBEL, and keeps HBEL at its own', () => {
    const bigger = generateDemoWorld(testDemoConfig({ DEMO_SCALE: '0.2' }));
    expect(bigger.wmoToewijzingen.length).toBeGreaterThan(world.wmoToewijzingen.length * 1.6);
    const clients = (w: typeof world, gemeente: string) => new Set(w.wmoToewijzingen.filter((t) => t.gemeenteCode === gemeente).map((t) => t.inwonerId)).size;
    expect(clients(bigger, '0397')).toBeGreaterThan(clients(world, '0397') * 4);
    expect(clients(bigger, '0406')).toBe(clients(world, '0406'));
  });

  it('generates HBEL denser than the rest by default, so that its analysts see numbers', () => {
    const perInhabitant = (code: string) => {
      const gemeente = world.gemeenten.find((g) => g.code === code)!;
      return new Set(world.wmoToewijzingen.filter((t) => t.gemeenteCode === code).map((t) => t.inwonerId)).size / gemeente.inwoners;
    };
    // DEMO_SCALE_HBEL 0.6 against DEMO_SCALE 0.04: fifteen times Heemstede's (or Hilversum's) rate in Huizen and Laren.
    for (const hbel of ['0406', '0417']) {
      for (const other of ['0397', '0402']) expect(perInhabitant(hbel) / perInhabitant(other)).toBeGreaterThan(10);
    }
  });
});
