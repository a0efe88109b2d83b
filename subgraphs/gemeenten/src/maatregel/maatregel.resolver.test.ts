import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { world } from '../gemeenten.test-utils.js';
import { subgraph } from '../schema.js';

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(() => harness.close());

describe('maatregelen', () => {
  it('lists the measures, filtered by law, with their status per gemeente', async () => {
    const result = await harness.execute<{ alle: { id: string }[]; jeugd: { id: string; statussen: { gemeenteCode: string; status: string }[] }[] }>(
      `{ alle: maatregelen { id } jeugd: maatregelen(wet: JEUGDWET) { id statussen { gemeenteCode status } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.alle.map((m) => m.id).sort()).toEqual(world.maatregelen.map((m) => m.id).sort());
    const jeugd = world.maatregelen.filter((m) => m.wet === 'JEUGDWET');
    expect(result.data?.jeugd.map((m) => m.id)).toEqual(jeugd.map((m) => m.id));
    for (const maatregel of result.data?.jeugd ?? []) {
      const expected = world.maatregelStatussen.filter((s) => s.maatregelId === maatregel.id);
      expect(maatregel.statussen).toEqual(
        expected.map((s) => ({ gemeenteCode: s.gemeenteCode, status: s.status })).sort((a, b) => a.gemeenteCode.localeCompare(b.gemeenteCode)),
      );
    }
  });

  it("shows Eemnes' statuses with their exceptions, optionally for one law", async () => {
    const result = await harness.execute<{ gemeente: { alle: unknown[]; jeugd: Record<string, unknown>[] } }>(
      `{ gemeente(code: "0317") { alle: maatregelen { status } jeugd: maatregelen(wet: JEUGDWET) {
          status datum uitzondering gemeente { code } maatregel { id wet niveau } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.gemeente.alle).toHaveLength(world.maatregelStatussen.filter((s) => s.gemeenteCode === '0317').length);
    const jeugd = world.maatregelStatussen.filter(
      (s) => s.gemeenteCode === '0317' && world.maatregelen.find((m) => m.id === s.maatregelId)?.wet === 'JEUGDWET',
    );
    expect(result.data?.gemeente.jeugd).toEqual(
      jeugd.map((s) => ({
        status: s.status,
        datum: s.datum,
        uitzondering: s.uitzondering,
        gemeente: { code: '0317' },
        maatregel: { id: s.maatregelId, wet: 'JEUGDWET', niveau: world.maatregelen.find((m) => m.id === s.maatregelId)?.niveau },
      })),
    );
  });

  it('gives an empty list for a gemeente without measures', async () => {
    const result = await harness.execute(`{ gemeente(code: "0392") { maatregelen { status } } }`);
    expect(result.data).toEqual({ gemeente: { maatregelen: world.maatregelStatussen.filter((s) => s.gemeenteCode === '0392') } });
  });
});
