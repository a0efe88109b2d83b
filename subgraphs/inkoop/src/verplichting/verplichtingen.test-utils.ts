import type { DemoWorld, WorldToewijzing } from '@sociaal-graph/toolkit';
import { expectAmount, expectCount, expectRelationProtected, type PublishedValue } from '@sociaal-graph/toolkit/testing';
import { expect } from 'vitest';

/**
 * Commitments against declarations recomputed from the demo world with plain date arithmetic, for
 * the subgraph test and the end-to-end test (issue 4 item 2). Independent of the SQL: it starts from
 * the world's toewijzingen (their contract, leveringsvorm and product), not from the loaded tables.
 */
/** What one toewijzing contributes to a cell (for the policy's contributors and largest contribution). */
export interface Bijdrage {
  verwacht: number;
  gedeclareerd: number;
  prognose: number;
}
export interface VerwachteMaand {
  toewijzingen: Set<string>;
  verwacht: number;
  gedeclareerd: number;
  perToewijzing: Map<string, Bijdrage>;
}
export interface VerwachteRij {
  /** `${aanbiederAgb}|${gemeenteCode}` */
  key: string;
  toewijzingen: Set<string>;
  verwacht: number;
  gedeclareerd: number;
  prognose: number;
  geleverd: number;
  nietGedeclareerd: number;
  perToewijzing: Map<string, Bijdrage>;
  maanden: Map<number, VerwachteMaand>;
}

const DAY = 86_400_000;
const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
const DIVISOR: Record<string, (dagenInMaand: number) => number> = { '1': () => 1, '2': () => 7, '4': (dagen) => dagen, '6': () => 1 };

/** Expected rows for the gemeenten (already within the caller's scope), law, year and optional aanbieder. */
export function verwachteVerplichtingen(
  world: DemoWorld,
  filter: { gemeenten: readonly string[]; wet: string; jaar: number; aanbieder?: string },
): { rijen: Map<string, VerwachteRij>; laatsteDeclaratie: string | null; gegevensTot: string | null } {
  const lumpsum = new Set(world.contracten.filter((c) => c.bekostiging === 'LUMPSUM').map((c) => c.id));
  const toewijzingen = new Map<string, WorldToewijzing>();
  for (const t of [...world.wmoToewijzingen, ...world.jeugdToewijzingen]) {
    if (t.wet !== filter.wet || !filter.gemeenten.includes(t.gemeenteCode) || t.leveringsvorm !== 'ZIN' || lumpsum.has(t.contractId)) continue;
    if (filter.aanbieder && t.aanbiederAgb !== filter.aanbieder) continue;
    toewijzingen.set(`${t.gemeenteCode}|${t.toewijzingsnummer}`, t);
  }
  // Per toewijzing and month: its commitment and what was declared over it.
  const cellen = new Map<string, { t: WorldToewijzing; maand: number; verwacht: number | null; geleverd: boolean; gedeclareerd: number | null }>();
  const cel = (t: WorldToewijzing, maand: number) => {
    const key = `${t.gemeenteCode}|${t.toewijzingsnummer}|${maand}`;
    const found = cellen.get(key) ?? { t, maand, verwacht: null, geleverd: false, gedeclareerd: null };
    cellen.set(key, found);
    return found;
  };
  for (const t of toewijzingen.values()) {
    for (let maand = 1; maand <= 12; maand += 1) {
      const begin = iso(Date.UTC(filter.jaar, maand - 1, 1));
      const eind = iso(Date.UTC(filter.jaar, maand, 0));
      const geldig = t.ingangsdatum <= eind && (t.einddatum === null || t.einddatum >= begin);
      if (!geldig || (t.frequentie === '6' && t.ingangsdatum < begin)) continue;
      const van = t.ingangsdatum > begin ? t.ingangsdatum : begin;
      const tot = t.einddatum !== null && t.einddatum < eind ? t.einddatum : eind;
      const dagen = (utc(tot) - utc(van)) / DAY + 1;
      const tarief =
        world.tarieven.find((r) => r.productId === t.productId && r.geldigVan <= van && (r.geldigTot === null || van <= r.geldigTot)) ??
        world.tarieven.find((r) => r.id === t.tariefId);
      const divisor = DIVISOR[t.frequentie]?.((utc(eind) - utc(begin)) / DAY + 1) ?? Number.NaN;
      const c = cel(t, maand);
      c.verwacht = Math.round((t.volume * (tarief?.bedrag ?? Number.NaN) * (t.frequentie === '6' ? 1 : dagen)) / divisor);
      c.geleverd = eind < world.peildatum;
    }
  }
  let laatsteDeclaratie: string | null = null;
  let gegevensTot: string | null = null;
  for (const d of world.declaraties) {
    const t = toewijzingen.get(`${d.gemeenteCode}|${d.toewijzingsnummer}`);
    if (!t || d.wet !== filter.wet || !d.leveringVan.startsWith(`${filter.jaar}-`)) continue;
    if (d.status !== 'INGEDIEND' && d.status !== 'GOEDGEKEURD') continue;
    const c = cel(t, Number(d.leveringVan.slice(5, 7)));
    c.gedeclareerd = (c.gedeclareerd ?? 0) + d.bedrag;
    if (laatsteDeclaratie === null || d.ingediendOp > laatsteDeclaratie) laatsteDeclaratie = d.ingediendOp;
    if (gegevensTot === null || d.leveringTot > gegevensTot) gegevensTot = d.leveringTot;
  }
  const rijen = new Map<string, VerwachteRij>();
  for (const c of cellen.values()) {
    const key = `${c.t.aanbiederAgb}|${c.t.gemeenteCode}`;
    const rij = rijen.get(key) ?? {
      key, toewijzingen: new Set(), verwacht: 0, gedeclareerd: 0, prognose: 0, geleverd: 0, nietGedeclareerd: 0, perToewijzing: new Map(), maanden: new Map(),
    };
    rijen.set(key, rij);
    const maand = rij.maanden.get(c.maand) ?? { toewijzingen: new Set(), verwacht: 0, gedeclareerd: 0, perToewijzing: new Map() };
    rij.maanden.set(c.maand, maand);
    for (const target of [rij, maand]) {
      target.toewijzingen.add(c.t.toewijzingsnummer);
      target.verwacht += c.verwacht ?? 0;
      target.gedeclareerd += c.gedeclareerd ?? 0;
      const b = target.perToewijzing.get(c.t.toewijzingsnummer) ?? { verwacht: 0, gedeclareerd: 0, prognose: 0 };
      b.verwacht += c.verwacht ?? 0;
      b.gedeclareerd += c.gedeclareerd ?? 0;
      b.prognose += c.gedeclareerd ?? c.verwacht ?? 0;
      target.perToewijzing.set(c.t.toewijzingsnummer, b);
    }
    rij.prognose += c.gedeclareerd ?? c.verwacht ?? 0;
    if (c.verwacht !== null && c.geleverd) {
      rij.geleverd += 1;
      if (c.gedeclareerd === null) rij.nietGedeclareerd += 1;
    }
  }
  return { rijen, laatsteDeclaratie, gegevensTot };
}

type Waarde = PublishedValue;

/** The fields of a published row that the tests ask for. */
export interface GepubliceerdeRij {
  aanbieder: { agbCode: string };
  gemeente: { code: string };
  aantalToewijzingen: Waarde;
  verwacht: Waarde;
  gedeclareerd: Waarde;
  prognose: Waarde;
  aandeelNietGedeclareerd: Waarde;
  maanden: { maand: number; geleverd: boolean; aantalToewijzingen: Waarde; verwacht: Waarde; gedeclareerd: Waarde }[];
}

const W = '{ waarde onderdrukt bewerking }';
/** Selection set of `rijen` that `GepubliceerdeRij` describes. */
export const RIJ_VELDEN = `aanbieder { agbCode } gemeente { code }
  aantalToewijzingen ${W} verwacht ${W} gedeclareerd ${W} prognose ${W} aandeelNietGedeclareerd ${W}
  maanden { maand geleverd aantalToewijzingen ${W} verwacht ${W} gedeclareerd ${W} }`;

/** The truth of one amount column of a cell: its sum, the toewijzingen contributing to it and the largest. */
function waarheid(per: Map<string, Bijdrage>, kolom: keyof Bijdrage) {
  const bedragen = [...per.values()].map((b) => b[kolom]).filter((b) => b !== 0);
  return { value: bedragen.reduce((a, b) => a + b, 0), contributors: bedragen.length, largest: Math.max(0, ...bedragen.map(Math.abs)) };
}

/**
 * Compares published rows with the expected ones by the policy's rules (issue 10): order (AGB code,
 * gemeente; months ascending); each count and amount within what the policy allows of the truth or
 * withheld for a rule that holds; the months and the year of each amount a protected relation; the
 * share from counts rounded to 5, withheld where its numerator or complement is under 10.
 */
export function vergelijkVerplichtingen(world: DemoWorld, jaar: number, rijen: readonly GepubliceerdeRij[], verwacht: Map<string, VerwachteRij>): void {
  const keys = [...verwacht.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  expect(rijen.map((r) => `${r.aanbieder.agbCode}|${r.gemeente.code}`)).toEqual(keys);
  for (const [index, key] of keys.entries()) {
    const e = verwacht.get(key);
    const r = rijen[index];
    if (!e || !r) throw new Error(`geen rij ${key}`);
    expectCount(r.aantalToewijzingen, { value: e.toewijzingen.size }, key);
    for (const kolom of ['verwacht', 'gedeclareerd', 'prognose'] as const) expectAmount(r[kolom], waarheid(e.perToewijzing, kolom), 10_000, `${key} ${kolom}`);
    const maanden = [...e.maanden.entries()].sort(([a], [b]) => a - b);
    expect(r.maanden.map((m) => [m.maand, m.geleverd]), key).toEqual(
      maanden.map(([maand]) => [maand, new Date(Date.UTC(jaar, maand, 0)).toISOString().slice(0, 10) < world.peildatum]),
    );
    maanden.forEach(([maand, m], i) => {
      const p = r.maanden[i];
      if (!p) throw new Error(`geen maand ${maand} in ${key}`);
      expectCount(p.aantalToewijzingen, { value: m.toewijzingen.size }, `${key} ${maand}`);
      for (const kolom of ['verwacht', 'gedeclareerd'] as const) expectAmount(p[kolom], waarheid(m.perToewijzing, kolom), 10_000, `${key} ${maand} ${kolom}`);
    });
    // Months to the year: the case of issue 10 (year minus eleven published months gave the twelfth).
    for (const kolom of ['verwacht', 'gedeclareerd'] as const) {
      expectRelationProtected(
        r[kolom],
        maanden.map(([, m], i) => ({ published: r.maanden[i]![kolom], contributors: waarheid(m.perToewijzing, kolom).contributors })),
        `${key} ${kolom}`,
      );
    }
    const { geleverd: d, nietGedeclareerd: n } = e;
    if (n < 10 || d - n < 10) {
      expect(r.aandeelNietGedeclareerd.waarde, key).toBeNull();
    } else if (r.aandeelNietGedeclareerd.waarde !== null) {
      // Numerator and denominator each within 4 of the truth, the share to two decimals.
      const bound = (4 / d) * (1 + n / d) / (1 - 4 / d) + 0.005;
      expect(Math.abs(r.aandeelNietGedeclareerd.waarde - n / d), key).toBeLessThanOrEqual(bound + 1e-9);
    }
  }
}
