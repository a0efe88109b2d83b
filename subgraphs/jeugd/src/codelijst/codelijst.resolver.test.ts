import { JW_PRODUCTCATEGORIE, JW_REDEN_BEEINDIGING, VERWIJZER_TYPE } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph } from '../schema.js';

let harness: SubgraphHarness;
beforeAll(async () => {
  // Code lists need no data: skip the demo world.
  harness = await createSubgraphHarness(subgraph, { DEMO_WORLD: 'off' });
});
afterAll(async () => {
  await harness?.close();
});

describe('code lists', () => {
  it('lists the iJw code lists in source order, with the JZ588 meaning of code 31', async () => {
    const { data, errors } = await harness.execute<Record<string, { code: string; omschrijving: string }[]>>(
      `{ jeugdProductcategorieen { code omschrijving } jeugdRedenenBeeindiging { code omschrijving } verwijzerTypen { code omschrijving } }`,
    );
    expect(errors).toBeUndefined();
    expect(data?.jeugdProductcategorieen.map((c) => c.code)).toEqual([...JW_PRODUCTCATEGORIE.keys()]);
    expect(data?.jeugdProductcategorieen.map((c) => c.code)).not.toContain('39');
    expect(data?.jeugdProductcategorieen.map((c) => c.code)).not.toContain('56');
    expect(data?.jeugdRedenenBeeindiging).toHaveLength(JW_REDEN_BEEINDIGING.size);
    expect(data?.jeugdRedenenBeeindiging.find((c) => c.code === '31')?.omschrijving).toBe('Levering is volgens plan beeindigd.');
    expect(data?.verwijzerTypen.map((c) => c.code)).toEqual([...VERWIJZER_TYPE.keys()]);
    expect(data?.verwijzerTypen.map((c) => c.code)).not.toContain('07');
  });
});
