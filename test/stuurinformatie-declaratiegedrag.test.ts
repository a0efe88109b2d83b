import { type WorldDeclaratie } from '@sociaal-graph/toolkit';
import { expectCount, expectRelationProtected, expectShare, type PublishedValue } from '@sociaal-graph/toolkit/testing';
import { describe, expect, it } from 'vitest';
import { useGraph, demoWorld } from './graph.test-utils.js';

// Issue 4 item 3 (declaration behaviour per aanbieder) with item 10 (verantwoording), through the gateway.
// Expected values come from the demo world, computed here with plain date arithmetic, not SQL.
const world = demoWorld();
const graph = useGraph();

const W = 'waarde onderdrukt bewerking';
const QUERY = `query ($g: [String!]!, $wet: Wet!, $jaar: Int!, $perMaand: Boolean, $aanbieder: String) {
  declaratiegedrag(gemeenten: $g, wet: $wet, jaar: $jaar, perMaand: $perMaand, aanbieder: $aanbieder) {
    verantwoording { berekendOver uitgesloten { gemeenteCode wet reden } gegevensTot laatsteDeclaratie onderdrukkingsregel }
    rijen {
      aanbieder { agbCode } gemeente { code } wet jaar maand
      aantalToewijzingen { ${W} } aantalDeclaratieregels { ${W} }
      gemiddeldeVertragingInDagen { ${W} } aandeelNaTermijn { ${W} } aandeelAfgewezen { ${W} } aandeelGecrediteerd { ${W} } aandeelCorrecties { ${W} }
    }
  }
}`;

interface Rij {
  aanbieder: { agbCode: string };
  gemeente: { code: string };
  wet: string;
  jaar: number;
  maand: number | null;
  aantalToewijzingen: PublishedValue;
  aantalDeclaratieregels: PublishedValue;
  gemiddeldeVertragingInDagen: PublishedValue;
  aandeelNaTermijn: PublishedValue;
  aandeelAfgewezen: PublishedValue;
  aandeelGecrediteerd: PublishedValue;
  aandeelCorrecties: PublishedValue;
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

/** Lines and the distinct toewijzingen (each a client) behind them. */
const telling = (lines: readonly WorldDeclaratie[]) => ({ value: lines.length, contributors: new Set(lines.map((d) => d.toewijzingsnummer)).size });

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
    const perToewijzing = new Map<string, number>();
    for (const d of eerste) perToewijzing.set(d.toewijzingsnummer, (perToewijzing.get(d.toewijzingsnummer) ?? 0) + vertraging(d));
    return {
      key,
      agb,
      gemeente,
      maand: maand === '' ? null : Number(maand),
      toewijzingen: telling(lines).contributors,
      regels: telling(lines),
      eerste: telling(eerste),
      vertraging: { value: eerste.reduce((s, d) => s + vertraging(d), 0), largest: Math.max(0, ...[...perToewijzing.values()].map(Math.abs)) },
      naTermijn: telling(eerste.filter((d) => vertraging(d) > termijn(d))),
      afgewezen: telling(lines.filter((d) => d.status === 'AFGEWEZEN')),
      gecrediteerd: telling(lines.filter((d) => d.status === 'GECREDITEERD')),
      correcties: telling(lines.filter((d) => d.correctieVan !== null)),
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

/** Compares every row of an answer with the independent computation, by the disclosure policy's rules (issue 10). */
function checkRows(antwoord: Antwoord, exp: ReturnType<typeof expected>, wet: string, jaar: number): void {
  const byKey = new Map(antwoord.rijen.map((r) => [`${r.aanbieder.agbCode}|${r.gemeente.code}|${r.maand ?? ''}`, r]));
  expect([...byKey.keys()].sort()).toEqual(exp.rows.map((r) => r.key).sort());
  for (const e of exp.rows) {
    const r = byKey.get(e.key);
    if (!r) throw new Error(`no row ${e.key}`);
    expect([r.wet, r.jaar], e.key).toEqual([wet, jaar]);
    expectCount(r.aantalToewijzingen, { value: e.toewijzingen }, `${e.key} toewijzingen`);
    expectCount(r.aantalDeclaratieregels, e.regels, `${e.key} regels`);
    // A share is withheld where its numerator's toewijzingen are under 10 too: that count is withheld.
    const share = (published: PublishedValue, teller: { value: number; contributors: number }, noemer: number, label: string) =>
      teller.contributors < 10 ? expect(published.waarde, label).toBeNull() : expectShare(published, teller.value, noemer, label);
    share(r.aandeelNaTermijn, e.naTermijn, e.eerste.value, `${e.key} na termijn`);
    share(r.aandeelAfgewezen, e.afgewezen, e.regels.value, `${e.key} afgewezen`);
    share(r.aandeelGecrediteerd, e.gecrediteerd, e.regels.value, `${e.key} gecrediteerd`);
    share(r.aandeelCorrecties, e.correcties, e.regels.value, `${e.key} correcties`);
    // The average lag: a sum with noise of at most half the largest toewijzing's lags over a count within 4 of the truth, in whole days.
    const gemiddeld = r.gemiddeldeVertragingInDagen.waarde;
    const { value: som, largest } = e.vertraging;
    if (e.eerste.contributors < 10 || largest > Math.abs(som) / 2) expect(gemiddeld, `${e.key} vertraging`).toBeNull();
    else if (gemiddeld !== null) {
      const n = e.eerste.value;
      expect(Number.isInteger(gemiddeld), `${e.key} whole days`).toBe(true);
      expect(Math.abs(gemiddeld - som / n), `${e.key} vertraging`).toBeLessThanOrEqual(largest / 2 / (n - 4) + (Math.abs(som) * 4) / (n * (n - 4)) + 0.5 + 1e-9);
    }
  }
}

const exp2025 = () => expected(['0406', '0402'], 'WMO', 2025, false);

describe('declaratiegedrag (issue 4 item 3)', () => {
  it('gives the region inkoper every aanbieder in its gemeenten and excludes a gemeente it does not buy for', async () => {
    const token = await graph.token({ role: 'inkoper', org: 'regio-gv' });
    const antwoord = await ask(token, { g: ['0406', '0402', '0307'], wet: 'WMO', jaar: 2025 });
    const exp = expected(['0406', '0402'], 'WMO', 2025, false);
    expect(exp.rows.filter((r) => r.toewijzingen >= 10).length).toBeGreaterThan(2);
    expect(exp.rows.some((r) => r.naTermijn.value > 0)).toBe(true);
    expect(antwoord.rijen.some((r) => r.aandeelNaTermijn.waarde !== null && r.gemiddeldeVertragingInDagen.waarde !== null), 'an analist sees numbers').toBe(true);
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
    // The year asked separately: the months add up to it, and the year minus the published months gives no withheld month back.
    const [jaarRij] = (await ask(token, { g: ['0406'], wet: 'WMO', jaar: 2025, aanbieder: agb })).rijen;
    if (!jaarRij) throw new Error('no year row');
    const maandRegels = new Map(exp.rows.map((e) => [e.maand, e.regels.contributors]));
    expectRelationProtected(
      jaarRij.aantalDeclaratieregels,
      antwoord.rijen.map((r) => ({ published: r.aantalDeclaratieregels, contributors: maandRegels.get(r.maand) ?? 0 })),
      'regels per maand',
    );
  });

  it('publishes the same year whether asked for one aanbieder or for all, and withholds shares whose numerator is small', async () => {
    const token = await graph.token({ role: 'inkoper', org: 'regio-gv' });
    const alle = await ask(token, { g: ['0406', '0402'], wet: 'WMO', jaar: 2025 });
    const klein = exp2025().rows.filter((e) => e.afgewezen.contributors > 0 && e.afgewezen.contributors < 10);
    expect(klein.length, 'rows with a few rejected toewijzingen in the world').toBeGreaterThan(0);
    for (const e of klein) {
      expect(alle.rijen.find((r) => `${r.aanbieder.agbCode}|${r.gemeente.code}|` === e.key)?.aandeelAfgewezen.waarde, e.key).toBeNull();
    }
    const rij = alle.rijen.find((r) => r.aantalDeclaratieregels.waarde !== null);
    if (!rij) throw new Error('no published row');
    const een = await ask(token, { g: ['0406', '0402'], wet: 'WMO', jaar: 2025, aanbieder: rij.aanbieder.agbCode });
    expect(een.rijen.find((r) => r.gemeente.code === rij.gemeente.code)).toEqual(rij);
  });

  it('is refused to a provider, who reads declaraties but no aggregates', async () => {
    const agb = world.declaraties[0]?.aanbiederAgb ?? '';
    const response = await graph.query(QUERY, { g: ['0406'], wet: 'WMO', jaar: 2025 }, await graph.token({ role: 'aanbieder', org: agb }));
    expect(response.data?.declaratiegedrag ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
