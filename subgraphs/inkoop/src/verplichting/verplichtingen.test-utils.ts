import type { DemoWorld, WorldToewijzing } from '@sociaal-graph/toolkit';
import { expect } from 'vitest';

/**
 * Commitments against declarations recomputed from the demo world with plain date arithmetic, for
 * the subgraph test and the end-to-end test (issue 4 item 2). Independent of the SQL: it starts from
 * the world's toewijzingen (their contract, leveringsvorm and product), not from the loaded tables.
 */
export interface VerwachteMaand {
  toewijzingen: Set<string>;
  verwacht: number;
  gedeclareerd: number;
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
    const rij = rijen.get(key) ?? { key, toewijzingen: new Set(), verwacht: 0, gedeclareerd: 0, prognose: 0, geleverd: 0, nietGedeclareerd: 0, maanden: new Map() };
    rijen.set(key, rij);
    const maand = rij.maanden.get(c.maand) ?? { toewijzingen: new Set(), verwacht: 0, gedeclareerd: 0 };
    rij.maanden.set(c.maand, maand);
    for (const target of [rij, maand]) {
      target.toewijzingen.add(c.t.toewijzingsnummer);
      target.verwacht += c.verwacht ?? 0;
      target.gedeclareerd += c.gedeclareerd ?? 0;
    }
    rij.prognose += c.gedeclareerd ?? c.verwacht ?? 0;
    if (c.verwacht !== null && c.geleverd) {
      rij.geleverd += 1;
      if (c.gedeclareerd === null) rij.nietGedeclareerd += 1;
    }
  }
  return { rijen, laatsteDeclaratie, gegevensTot };
}

/** A count as published: null under 10, else rounded to 5. */
export const afgerond = (n: number): number | null => (n < 10 ? null : Math.round(n / 5) * 5);

/** The fields of a published row that the tests ask for. */
export interface GepubliceerdeRij {
  aanbieder: { agbCode: string };
  gemeente: { code: string };
  aantalToewijzingen: { waarde: number | null; onderdrukt: string | null };
  verwacht: { waarde: number | null; onderdrukt: string | null };
  gedeclareerd: { waarde: number | null; onderdrukt: string | null };
  prognose: { waarde: number | null; onderdrukt: string | null };
  aandeelNietGedeclareerd: number | null;
  onderdrukt: string | null;
  maanden: {
    maand: number;
    geleverd: boolean;
    aantalToewijzingen: { waarde: number | null; onderdrukt: string | null };
    verwacht: { waarde: number | null; onderdrukt: string | null };
    gedeclareerd: { waarde: number | null; onderdrukt: string | null };
    onderdrukt: string | null;
  }[];
}

/** Selection set of `rijen` that `GepubliceerdeRij` describes. */
export const RIJ_VELDEN = `aanbieder { agbCode } gemeente { code }
  aantalToewijzingen { waarde onderdrukt } verwacht { waarde onderdrukt } gedeclareerd { waarde onderdrukt }
  prognose { waarde onderdrukt } aandeelNietGedeclareerd onderdrukt
  maanden { maand geleverd aantalToewijzingen { waarde onderdrukt } verwacht { waarde onderdrukt } gedeclareerd { waarde onderdrukt } onderdrukt }`;

const bedrag = (waarde: number, aantal: number) =>
  aantal < 10 ? { waarde: null, onderdrukt: 'KLEIN_AANTAL' } : { waarde, onderdrukt: null };
const aantal = (n: number) => ({ waarde: afgerond(n), onderdrukt: n < 10 ? 'KLEIN_AANTAL' : null });

/**
 * Compares published rows with the expected ones: order (AGB code, gemeente; months ascending), every
 * count and amount exactly, the share within half a thousandth (it is published to three decimals).
 */
export function vergelijkVerplichtingen(world: DemoWorld, jaar: number, rijen: readonly GepubliceerdeRij[], verwacht: Map<string, VerwachteRij>): void {
  const keys = [...verwacht.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  expect(rijen.map((r) => `${r.aanbieder.agbCode}|${r.gemeente.code}`)).toEqual(keys);
  for (const [index, key] of keys.entries()) {
    const e = verwacht.get(key);
    const r = rijen[index];
    if (!e || !r) throw new Error(`geen rij ${key}`);
    const n = e.toewijzingen.size;
    const { aandeelNietGedeclareerd, ...rest } = r;
    expect(rest, key).toEqual({
      aanbieder: r.aanbieder,
      gemeente: r.gemeente,
      aantalToewijzingen: aantal(n),
      verwacht: bedrag(e.verwacht, n),
      gedeclareerd: bedrag(e.gedeclareerd, n),
      prognose: bedrag(e.prognose, n),
      onderdrukt: n < 10 ? 'KLEIN_AANTAL' : null,
      maanden: [...e.maanden.entries()]
        .sort(([a], [b]) => a - b)
        .map(([maand, m]) => ({
          maand,
          geleverd: new Date(Date.UTC(jaar, maand, 0)).toISOString().slice(0, 10) < world.peildatum,
          aantalToewijzingen: aantal(m.toewijzingen.size),
          verwacht: bedrag(m.verwacht, m.toewijzingen.size),
          gedeclareerd: bedrag(m.gedeclareerd, m.toewijzingen.size),
          onderdrukt: m.toewijzingen.size < 10 ? 'KLEIN_AANTAL' : null,
        })),
    });
    if (n < 10 || e.geleverd === 0) {
      expect(aandeelNietGedeclareerd, key).toBeNull();
    } else {
      expect(Math.abs((aandeelNietGedeclareerd ?? Number.NaN) - e.nietGedeclareerd / e.geleverd), key).toBeLessThanOrEqual(0.0005 + 1e-9);
    }
  }
}
