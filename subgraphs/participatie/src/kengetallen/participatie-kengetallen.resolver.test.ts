import type { Principal } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipatieContext } from '../context.js';
import { createLoaders } from '../loaders.js';
import { demoWorld } from '../participatie.test-utils.js';
import { subgraph } from '../schema.js';
import { ParticipatieKengetallenResolver } from './participatie-kengetallen.resolver.js';

const world = demoWorld();
let harness: SubgraphHarness;

beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

const KENGETALLEN = `query ($gemeenten: [String!]!, $jaar: Int!) {
  participatieKengetallen(gemeenten: $gemeenten, jaar: $jaar) {
    gemeenteCode gemeente { code } jaar binnenMandaat toelichting uitkeringenActief instroom uitstroom schuldhulptrajectenGestart
  }
}`;

/** The figures computed from the demo world itself. */
function expected(code: string, jaar: number) {
  const start = `${jaar}-01-01`;
  const end = `${jaar}-12-31`;
  const inYear = (date: string | null) => date !== null && date >= start && date <= end;
  const uitkeringen = world.uitkeringen.filter((u) => u.gemeenteCode === code);
  return {
    gemeenteCode: code,
    gemeente: { code },
    jaar,
    binnenMandaat: true,
    toelichting: null,
    uitkeringenActief: uitkeringen.filter((u) => u.ingangsdatum <= end && (u.einddatum === null || u.einddatum > end)).length,
    instroom: uitkeringen.filter((u) => inYear(u.ingangsdatum)).length,
    uitstroom: uitkeringen.filter((u) => inYear(u.einddatum)).length,
    schuldhulptrajectenGestart: world.schuldhulptrajecten.filter((t) => t.gemeenteCode === code && inYear(t.startdatum)).length,
  };
}

describe('participatieKengetallen', () => {
  const codes = world.gemeenten.map((g) => g.code);

  it('gives the figures of the demo world per gemeente, in the order asked', async () => {
    const asked = [codes[2], codes[0], codes[1], codes[0]];
    const { data, errors } = await harness.execute(KENGETALLEN, { gemeenten: asked, jaar: 2025 });
    expect(errors).toBeUndefined();
    expect(data?.participatieKengetallen).toEqual([codes[2], codes[0], codes[1]].map((code) => expected(code, 2025)));
    expect(expected(codes[0], 2025).uitkeringenActief).toBeGreaterThan(0);
  });

  it('balances: stock at the end of a year = stock a year before + instroom - uitstroom', async () => {
    const { data } = await harness.execute<{ participatieKengetallen: ReturnType<typeof expected>[] }>(KENGETALLEN, {
      gemeenten: codes,
      jaar: 2024,
    });
    const before = await harness.execute<{ participatieKengetallen: ReturnType<typeof expected>[] }>(KENGETALLEN, {
      gemeenten: codes,
      jaar: 2023,
    });
    data?.participatieKengetallen.forEach((row, i) => {
      const previous = before.data?.participatieKengetallen[i];
      expect(row.uitkeringenActief).toBe((previous?.uitkeringenActief ?? NaN) + (row.instroom ?? NaN) - (row.uitstroom ?? NaN));
    });
  });

  it('reports zero, not absence, for a gemeente without data within the mandate', async () => {
    const { data } = await harness.execute(KENGETALLEN, { gemeenten: ['9999'], jaar: 2025 });
    expect(data?.participatieKengetallen).toEqual([expected('9999', 2025)]);
  });

  it('says a gemeente outside the mandate is not available, never zero', async () => {
    // The harness runs as the development principal (sees all); this caller executes only Huizen.
    const principal: Principal = { organisatie: 'test', rollen: [], scope: () => ({ alle: false, gemeenten: ['0406'] }) };
    const ctx: ParticipatieContext = {
      principal,
      loaders: createLoaders(harness.db, principal),
      db: harness.db,
      traceId: '0'.repeat(32),
    };
    const rows = await new ParticipatieKengetallenResolver().participatieKengetallen(['0376', '0406'], 2025, ctx);
    const { gemeente: _gemeente, ...huizen } = expected('0406', 2025);
    expect(rows).toEqual([
      {
        gemeenteCode: '0376', jaar: 2025, binnenMandaat: false, toelichting: expect.stringMatching(/^Buiten mandaat/),
        uitkeringenActief: null, instroom: null, uitstroom: null, schuldhulptrajectenGestart: null,
      },
      huizen,
    ]);
  });

  it.each([
    [{ gemeenten: ['0406'], jaar: 2014 }, /geen geldig jaar/],
    [{ gemeenten: ['GM0406'], jaar: 2025 }, /CBS-gemeentecode/],
    [{ gemeenten: Array.from({ length: 501 }, () => '0406'), jaar: 2025 }, /ten hoogste 500/],
  ])('refuses bad input with BAD_USER_INPUT', async (variables, message) => {
    const { errors } = await harness.execute(KENGETALLEN, variables);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toMatch(message);
  });
});
