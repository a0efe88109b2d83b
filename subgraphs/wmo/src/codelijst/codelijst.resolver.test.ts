import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph } from '../schema.js';

let harness: SubgraphHarness;
beforeAll(async () => {
  // Code lists need no rows: skip the demo world.
  harness = await createSubgraphHarness(subgraph, { DEMO_WORLD: 'off' });
});
afterAll(async () => {
  await harness?.close();
});

describe('code lists', () => {
  it('serves WMO020, WMO588 and WMO757 with their leading zeros', async () => {
    const result = await harness.execute<Record<string, { code: string; omschrijving: string }[]>>(
      `{ wmoProductcategorieen { code omschrijving } wmoRedenenBeeindiging { code omschrijving } frequenties { code omschrijving } }`,
    );
    expect(result.errors).toBeUndefined();
    const categorieen = result.data?.wmoProductcategorieen ?? [];
    expect(categorieen).toHaveLength(18);
    expect(categorieen[0]).toEqual({ code: '01', omschrijving: 'Hulp bij het huishouden' });
    expect(categorieen.at(-1)?.code).toBe('18');
    expect(result.data?.wmoRedenenBeeindiging.map((r) => r.code)).toEqual(['02', '19', '20', '21', '22', '23', '31', '36', '37', '38', '39']);
    expect(result.data?.wmoRedenenBeeindiging.find((r) => r.code === '31')?.omschrijving).toBe('Verhuizing naar een andere gemeente');
    expect(result.data?.frequenties.map((f) => f.code)).toEqual(['1', '2', '4', '6']);
  });
});
