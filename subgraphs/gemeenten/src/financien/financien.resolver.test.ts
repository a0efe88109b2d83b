import { formatEurocent } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, roundHalfAwayFromZero, world } from '../gemeenten.test-utils.js';
import { subgraph } from '../schema.js';

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(() => harness.close());

const BEDRAGEN = `begroting prognose realisatie tekort tekortBasis
  begrotingPerInwoner prognosePerInwoner realisatiePerInwoner tekortPerInwoner begrotingTekst realisatieTekst tekortTekst`;

/** What the figures must be, computed from the demo world without the subgraph's SQL. */
function verwacht(rows: { begroting: number; prognose: number; realisatie: number | null }[], inwoners: number) {
  const begroting = rows.reduce((sum, r) => sum + r.begroting, 0);
  const prognose = rows.reduce((sum, r) => sum + r.prognose, 0);
  const gerealiseerd = rows.filter((r) => r.realisatie !== null).length;
  const realisatie = gerealiseerd === rows.length ? rows.reduce((sum, r) => sum + (r.realisatie ?? 0), 0) : null;
  const tekort = rows.reduce((sum, r) => sum + (r.realisatie ?? r.prognose) - r.begroting, 0);
  const perInwoner = (bedrag: number | null) => (bedrag === null ? null : roundHalfAwayFromZero(bedrag / inwoners));
  return {
    begroting,
    prognose,
    realisatie,
    tekort,
    tekortBasis: gerealiseerd === rows.length ? 'REALISATIE' : gerealiseerd === 0 ? 'PROGNOSE' : 'GEMENGD',
    begrotingPerInwoner: perInwoner(begroting),
    prognosePerInwoner: perInwoner(prognose),
    realisatiePerInwoner: perInwoner(realisatie),
    tekortPerInwoner: perInwoner(tekort),
    begrotingTekst: formatEurocent(begroting),
    realisatieTekst: realisatie === null ? null : formatEurocent(realisatie),
    tekortTekst: formatEurocent(tekort),
  };
}

const inwonersVan = (code: string) => world.gemeenten.find((g) => g.code === code)?.inwoners ?? Number.NaN;

describe('Gemeente.financien', () => {
  it('gives every taakveld of a year as in the demo world, amounts beyond 2^31 eurocent included', async () => {
    const result = await harness.execute<{ gemeente: { financien: Record<string, unknown>[] } }>(
      `{ gemeente(code: "0392") { financien(jaar: 2024) { gemeenteCode jaar taakveld { code omschrijving } ${BEDRAGEN} } } }`,
    );
    expect(result.errors).toBeUndefined();
    const rows = world.financien.filter((f) => f.gemeenteCode === '0392' && f.jaar === 2024);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.begroting > 2 ** 31)).toBe(true);
    const actual = result.data?.gemeente.financien ?? [];
    expect(actual).toHaveLength(rows.length);
    for (const row of rows) {
      const found = actual.find((f) => (f.taakveld as { code: string }).code === row.taakveld);
      expect(found, row.taakveld).toEqual({
        gemeenteCode: '0392',
        jaar: 2024,
        taakveld: { code: row.taakveld, omschrijving: expect.any(String) },
        ...verwacht([row], inwonersVan('0392')),
      });
    }
  });

  it('bases the tekort on the prognosis while a year has no realisation', async () => {
    const result = await harness.execute<{ gemeente: { financien: { jaar: number; realisatie: null; tekortBasis: string }[] } }>(
      `{ gemeente(code: "0317") { financien(jaar: 2026) { jaar realisatie tekortBasis } } }`,
    );
    const expected = world.financien.filter((f) => f.gemeenteCode === '0317' && f.jaar === 2026);
    expect(expected.every((f) => f.realisatie === null)).toBe(true);
    expect(result.data?.gemeente.financien).toHaveLength(expected.length);
    expect(result.data?.gemeente.financien.every((f) => f.realisatie === null && f.tekortBasis === 'PROGNOSE')).toBe(true);
  });

  it('filters by taakveld: a code without letter also selects its sub-codes; a valid code without figures gives []', async () => {
    const result = await harness.execute<{ gemeente: { a: { jaar: number; taakveld: { code: string } }[]; b: unknown[] } }>(
      `{ gemeente(code: "0406") { a: financien(taakveld: "6.71") { jaar taakveld { code } } b: financien(taakveld: "6.74c", jaar: 2022) { jaar } } }`,
    );
    const expected = world.financien.filter((f) => f.gemeenteCode === '0406' && /^6\.71[a-z]?$/.test(f.taakveld));
    expect(result.data?.gemeente.a.map((f) => `${f.jaar}:${f.taakveld.code}`).sort()).toEqual(expected.map((f) => `${f.jaar}:${f.taakveld}`).sort());
    // The world has figures from 2023 on.
    expect(result.data?.gemeente.b).toEqual([]);
  });

  it('refuses an unknown taakveld and an impossible year with BAD_USER_INPUT', async () => {
    for (const args of ['taakveld: "7.1"', 'jaar: 1999']) {
      const result = await harness.execute(`{ gemeente(code: "0406") { financien(${args}) { jaar } } }`);
      expect(errorCodes(result), args).toEqual(['BAD_USER_INPUT']);
    }
  });
});

describe('Gemeente.financienPerJaar', () => {
  it('sums the taakvelden per year like the demo world', async () => {
    const result = await harness.execute<{ gemeente: { financienPerJaar: Record<string, unknown>[] } }>(
      `{ gemeente(code: "0406") { financienPerJaar { jaar aantalTaakvelden ${BEDRAGEN} } } }`,
    );
    expect(result.errors).toBeUndefined();
    const jaren = [...new Set(world.financien.filter((f) => f.gemeenteCode === '0406').map((f) => f.jaar))].sort();
    expect(result.data?.gemeente.financienPerJaar).toEqual(
      jaren.map((jaar) => {
        const rows = world.financien.filter((f) => f.gemeenteCode === '0406' && f.jaar === jaar);
        return { jaar, aantalTaakvelden: rows.length, ...verwacht(rows, inwonersVan('0406')) };
      }),
    );
  });
});

describe('iv3Taakvelden', () => {
  it('lists programme 6 of Iv3 2023 with the pre-2023 codes for time series', async () => {
    const result = await harness.execute<{ iv3Taakvelden: { code: string; omschrijving: string }[] }>(`{ iv3Taakvelden { code omschrijving } }`);
    const codes = result.data?.iv3Taakvelden.map((c) => c.code) ?? [];
    expect(codes).toEqual(expect.arrayContaining(['6.1', '6.2', '6.6', '6.71a', '6.72d', '6.73c', '6.74c', '6.81b', '6.82b', '6.71', '6.82']));
    expect(result.data?.iv3Taakvelden.find((c) => c.code === '6.71a')?.omschrijving).toBe('Hulp bij het huishouden (WMO)');
    // Every taakveld the demo world books on is in the list.
    expect(codes).toEqual(expect.arrayContaining([...new Set(world.financien.map((f) => f.taakveld))]));
  });
});
