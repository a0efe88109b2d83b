import { type WorldDeclaratie } from '@sociaal-graph/toolkit';
import { describe, expect, it } from 'vitest';
import { useGraph, demoWorld } from './graph.test-utils.js';

// Issue 4 item 3 (declaration behaviour per aanbieder) with item 10 (verantwoording), through the gateway.
// Expected values come from the demo world, computed here with plain date arithmetic, not SQL.
const world = demoWorld();
const graph = useGraph();

const QUERY = `query ($g: [String!]!, $wet: Wet!, $jaar: Int!, $perMaand: Boolean, $aanbieder: String) {
  declaratiegedrag(gemeenten: $g, wet: $wet, jaar: $jaar, perMaand: $perMaand, aanbieder: $aanbieder) {
    verantwoording { berekendOver uitgesloten { gemeenteCode wet reden } gegevensTot laatsteDeclaratie onderdrukkingsregel }
    rijen {
      aanbieder { agbCode } gemeente { code } wet jaar maand
      aantalToewijzingen { waarde onderdrukt } aantalDeclaratieregels { waarde onderdrukt }
      gemiddeldeVertragingInDagen mediaanVertragingInDagen aandeelNaTermijn aandeelAfgewezen aandeelGecrediteerd aandeelCorrecties onderdrukt
    }
  }
}`;

interface Rij {
  aanbieder: { agbCode: string };
  gemeente: { code: string };
  wet: string;
  jaar: number;
  maand: number | null;
  aantalToewijzingen: { waarde: number | null; onderdrukt: string | null };
  aantalDeclaratieregels: { waarde: number | null; onderdrukt: string | null };
  gemiddeldeVertragingInDagen: number | null;
  mediaanVertragingInDagen: number | null;
  aandeelNaTermijn: number | null;
  aandeelAfgewezen: number | null;
  aandeelGecrediteerd: number | null;
  aandeelCorrecties: number | null;
  onderdrukt: string | null;
}
interface Antwoord {
  verantwoording: {
    berekendOver: string[];
    uitgesloten: { gemeenteCode: string; wet: string; reden: string }[];
    gegevensTot: string | null;
    laatsteDeclaratie: string | null;
    onderdrukkingsregel: string;
  };
  rijen: Rij[];
}

const DAY = 86_400_000;
const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Days from the last day of the delivery month to the dagtekening. */
function vertraging(d: WorldDeclaratie): number {
  const tot = new Date(utc(d.leveringTot));
  return Math.round((utc(d.ingediendOp) - Date.UTC(tot.getUTCFullYear(), tot.getUTCMonth() + 1, 0)) / DAY);
}

/** The term of the aanbieder's contract for this law and gemeente at the start of delivery; 56 days when none or 0. */
function termijn(d: WorldDeclaratie): number {
  const contract = world.contracten
    .filter(
      (c) =>
        c.aanbiederAgb === d.aanbiederAgb && c.wet === d.wet && c.deelnemendeGemeenteCodes.includes(d.gemeenteCode) &&
        c.looptijdVan <= d.leveringVan && (c.looptijdTot === null || c.looptijdTot >= d.leveringVan),
    )
    .sort((a, b) => b.looptijdVan.localeCompare(a.looptijdVan) || a.id.localeCompare(b.id))[0];
  return contract && contract.declaratietermijnDagen > 0 ? contract.declaratietermijnDagen : 56;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const rounded5 = (n: number) => (n < 10 ? null : Math.round(n / 5) * 5);
const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** The expected rows (aanbieder, gemeente, maand) of the world's declaraties, raw measures. */
function expected(gemeenten: readonly string[], wet: string, jaar: number, perMaand: boolean, aanbieder?: string) {
  const selected = world.declaraties.filter(
    (d) => gemeenten.includes(d.gemeenteCode) && d.wet === wet && d.ingediendOp.startsWith(`${jaar}-`) && (!aanbieder || d.aanbiederAgb === aanbieder),
  );
  const groups = new Map<string, WorldDeclaratie[]>();
  for (const d of selected) {
    const key = `${d.aanbiederAgb}|${d.gemeenteCode}|${perMaand ? Number(d.ingediendOp.slice(5, 7)) : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const rows = [...groups].map(([key, lines]) => {
    const [agb = '', gemeente = '', maand = ''] = key.split('|');
    const eerste = lines.filter((d) => d.correctieVan === null);
    const lags = eerste.map(vertraging);
    const toewijzingen = new Set(lines.map((d) => d.toewijzingsnummer)).size;
    return {
      key,
      agb,
      gemeente,
      maand: maand === '' ? null : Number(maand),
      toewijzingen,
      regels: lines.length,
      // Mean to one decimal, half up, in integer arithmetic.
      gemiddeld: lags.length ? Math.floor((20 * lags.reduce((s, x) => s + x, 0) + lags.length) / (2 * lags.length)) / 10 : null,
      mediaan: lags.length ? median(lags) : null,
      naTermijn: share(eerste.filter((d) => vertraging(d) > termijn(d)).length, eerste.length),
      afgewezen: share(lines.filter((d) => d.status === 'AFGEWEZEN').length, lines.length),
      gecrediteerd: share(lines.filter((d) => d.status === 'GECREDITEERD').length, lines.length),
      correcties: share(lines.filter((d) => d.correctieVan !== null).length, lines.length),
    };
  });
  const laatste = selected.map((d) => d.ingediendOp).sort().at(-1) ?? null;
  const geleverdTot = selected.map((d) => d.leveringTot).sort().at(-1) ?? null;
  return { rows, laatste, geleverdTot };
}

async function ask(token: string, variables: Record<string, unknown>): Promise<Antwoord> {
  const response = await graph.query<{ declaratiegedrag: Antwoord }>(QUERY, variables, token);
  expect(response.errors).toBeUndefined();
  const antwoord = response.data?.declaratiegedrag;
  if (!antwoord) throw new Error('no declaratiegedrag');
  return antwoord;
}

/** Compares every row of an answer with the independent computation. */
function checkRows(antwoord: Antwoord, exp: ReturnType<typeof expected>, wet: string, jaar: number): void {
  const byKey = new Map(antwoord.rijen.map((r) => [`${r.aanbieder.agbCode}|${r.gemeente.code}|${r.maand ?? ''}`, r]));
  expect([...byKey.keys()].sort()).toEqual(exp.rows.map((r) => r.key).sort());
  for (const e of exp.rows) {
    const r = byKey.get(e.key);
    expect(r?.wet).toBe(wet);
    expect(r?.jaar).toBe(jaar);
    expect(r?.aantalToewijzingen.waarde).toBe(rounded5(e.toewijzingen));
    const klein = e.toewijzingen < 10;
    expect(r?.onderdrukt).toBe(klein ? 'KLEIN_AANTAL' : null);
    if (klein) {
      expect(r?.aantalDeclaratieregels).toEqual({ waarde: null, onderdrukt: 'KLEIN_AANTAL' });
      expect([r?.gemiddeldeVertragingInDagen, r?.mediaanVertragingInDagen, r?.aandeelNaTermijn, r?.aandeelAfgewezen]).toEqual([null, null, null, null]);
      continue;
    }
    expect(r?.aantalDeclaratieregels.waarde).toBe(rounded5(e.regels));
    expect(r?.gemiddeldeVertragingInDagen).toBe(e.gemiddeld);
    expect(r?.mediaanVertragingInDagen).toBe(e.mediaan);
    for (const [field, value] of [
      ['aandeelNaTermijn', e.naTermijn],
      ['aandeelAfgewezen', e.afgewezen],
      ['aandeelGecrediteerd', e.gecrediteerd],
      ['aandeelCorrecties', e.correcties],
    ] as const) {
      // Published to three decimals: at most half a thousandth from the exact share.
      expect(Math.abs((r?.[field] ?? Number.NaN) - (value ?? Number.NaN)), `${e.key} ${field}`).toBeLessThanOrEqual(0.0005 + 1e-9);
    }
  }
}

describe('declaratiegedrag (issue 4 item 3)', () => {
  it('gives the region inkoper every aanbieder in its gemeenten and excludes a gemeente it does not buy for', async () => {
    const token = await graph.token({ role: 'inkoper', org: 'regio-gv' });
    const antwoord = await ask(token, { g: ['0406', '0402', '0307'], wet: 'WMO', jaar: 2025 });
    const exp = expected(['0406', '0402'], 'WMO', 2025, false);
    expect(exp.rows.filter((r) => r.toewijzingen >= 10).length).toBeGreaterThan(2);
    expect(exp.rows.some((r) => r.naTermijn !== null && r.naTermijn > 0)).toBe(true);
    expect(antwoord.verantwoording.berekendOver).toEqual(['0406', '0402']);
    expect(antwoord.verantwoording.uitgesloten).toEqual([{ gemeenteCode: '0307', wet: 'WMO', reden: 'BUITEN_MANDAAT' }]);
    expect(antwoord.verantwoording.laatsteDeclaratie).toBe(exp.laatste);
    expect(antwoord.verantwoording.gegevensTot).toBe(exp.geleverdTot);
    expect(antwoord.verantwoording.onderdrukkingsregel).toMatch(/onder 10/);
    checkRows(antwoord, exp, 'WMO', 2025);
  });

  it("leaves Eemnes' Jeugdwet out for the HBEL analist, with the reason, never as zero", async () => {
    const token = await graph.token({ role: 'analist', org: 'uo-hbel' });
    const antwoord = await ask(token, { g: ['0406', '0317'], wet: 'JEUGDWET', jaar: 2025 });
    expect(world.declaraties.some((d) => d.gemeenteCode === '0317' && d.wet === 'JEUGDWET' && d.ingediendOp.startsWith('2025-'))).toBe(true);
    expect(antwoord.verantwoording.berekendOver).toEqual(['0406']);
    expect(antwoord.verantwoording.uitgesloten).toEqual([{ gemeenteCode: '0317', wet: 'JEUGDWET', reden: 'BUITEN_MANDAAT' }]);
    expect(antwoord.rijen.every((r) => r.gemeente.code === '0406')).toBe(true);
    checkRows(antwoord, expected(['0406'], 'JEUGDWET', 2025, false), 'JEUGDWET', 2025);
  });

  it("gives Huizen's controller one aanbieder per month of its own gemeente only", async () => {
    const [agb] = [...new Set(world.declaraties.filter((d) => d.gemeenteCode === '0406' && d.wet === 'WMO').map((d) => d.aanbiederAgb))]
      .map((code) => [code, world.declaraties.filter((d) => d.aanbiederAgb === code && d.gemeenteCode === '0406').length] as const)
      .sort((a, b) => b[1] - a[1])[0] ?? [''];
    const token = await graph.token({ role: 'controller', org: '0406' });
    const antwoord = await ask(token, { g: ['0406', '0376'], wet: 'WMO', jaar: 2025, perMaand: true, aanbieder: agb });
    const exp = expected(['0406'], 'WMO', 2025, true, agb);
    expect(antwoord.verantwoording.uitgesloten.map((u) => u.gemeenteCode)).toEqual(['0376']);
    expect(antwoord.verantwoording.laatsteDeclaratie).toBe(exp.laatste);
    expect(antwoord.rijen.length).toBe(12);
    checkRows(antwoord, exp, 'WMO', 2025);
  });

  it('is refused to a provider, who reads declaraties but no aggregates', async () => {
    const agb = world.declaraties[0]?.aanbiederAgb ?? '';
    const response = await graph.query(QUERY, { g: ['0406'], wet: 'WMO', jaar: 2025 }, await graph.token({ role: 'aanbieder', org: agb }));
    expect(response.data?.declaratiegedrag ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
