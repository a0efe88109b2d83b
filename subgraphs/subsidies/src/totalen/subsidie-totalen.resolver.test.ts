import { formatEurocent } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph } from '../schema.js';
import { demoWorld } from '../subsidies.test-utils.js';

const world = demoWorld();
let harness: SubgraphHarness;

beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

const TOTALEN = `query ($gemeenten: [String!]!, $jaar: Int!) {
  subsidieTotalen(gemeenten: $gemeenten, jaar: $jaar) {
    gemeenteCode gemeente { code } jaar aantalSubsidies aantalVastgesteld aangevraagd verleend verleendVastgesteld vastgesteld verschil
    verleendTekst vastgesteldTekst verschilTekst
  }
}`;

/** The totals computed from the demo world itself. */
function expected(code: string, jaar: number) {
  const rows = world.subsidies.filter((s) => s.gemeenteCode === code && s.jaar === jaar);
  const settled = rows.filter((s) => s.vastgesteld !== null);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const verleendVastgesteld = sum(settled.map((s) => s.verleend));
  const vastgesteld = sum(settled.map((s) => s.vastgesteld ?? 0));
  return {
    gemeenteCode: code,
    gemeente: { code },
    jaar,
    aantalSubsidies: rows.length,
    aantalVastgesteld: settled.length,
    aangevraagd: sum(rows.map((s) => s.aangevraagd)),
    verleend: sum(rows.map((s) => s.verleend)),
    verleendVastgesteld,
    vastgesteld,
    verschil: vastgesteld - verleendVastgesteld,
    verleendTekst: formatEurocent(sum(rows.map((s) => s.verleend))),
    vastgesteldTekst: formatEurocent(vastgesteld),
    verschilTekst: formatEurocent(vastgesteld - verleendVastgesteld),
  };
}

describe('subsidieTotalen', () => {
  const codes = [...new Set(world.subsidies.map((s) => s.gemeenteCode))];

  it('gives verleend against vastgesteld per gemeente as the demo world has it, in the order asked', async () => {
    const asked = [codes[2], codes[0], '9999', codes[0]];
    const { data, errors } = await harness.execute(TOTALEN, { gemeenten: asked, jaar: 2024 });
    expect(errors).toBeUndefined();
    expect(data?.subsidieTotalen).toEqual([codes[2], codes[0], '9999'].map((code) => expected(code, 2024)));
    expect(expected(codes[0], 2024).aantalVastgesteld).toBeGreaterThan(0);
  });

  it('has nothing settled for a year that is still open', async () => {
    const { data } = await harness.execute(TOTALEN, { gemeenten: codes, jaar: 2026 });
    expect(data?.subsidieTotalen).toEqual(codes.map((code) => expected(code, 2026)));
    expect((data?.subsidieTotalen as { aantalVastgesteld: number }[]).every((row) => row.aantalVastgesteld === 0)).toBe(true);
  });

  it.each([
    [{ gemeenten: ['0406'], jaar: 1990 }, /geen geldig jaar/],
    [{ gemeenten: ['Huizen'], jaar: 2025 }, /CBS-gemeentecode/],
  ])('refuses bad input with BAD_USER_INPUT', async (variables, message) => {
    const { errors } = await harness.execute(TOTALEN, variables);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toMatch(message);
  });
});
