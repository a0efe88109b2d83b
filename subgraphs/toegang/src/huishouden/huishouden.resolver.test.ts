import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { subgraph } from '../schema.js';
import { demoWorld } from '../world.test-utils.js';

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(() => harness?.close());

const QUERY = `query ($id: String!) { huishouden(id: $id) { id samenstelling gemeente { code } leden { id geboortedatum } } }`;

describe('huishouden(id)', () => {
  it('returns the household with its members, eldest first', async () => {
    const world = demoWorld();
    const huishouden = world.huishoudens.find((h) => world.inwoners.filter((i) => i.huishoudenId === h.id).length > 1) ?? world.huishoudens[0];
    const leden = world.inwoners
      .filter((i) => i.huishoudenId === huishouden.id)
      .sort((a, b) => a.geboortedatum.localeCompare(b.geboortedatum) || (a.id < b.id ? -1 : 1));
    const { data, errors } = await harness.execute(QUERY, { id: huishouden.id });
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      huishouden: {
        id: huishouden.id,
        samenstelling: huishouden.samenstelling,
        gemeente: { code: huishouden.gemeenteCode },
        leden: leden.map((i) => ({ id: i.id, geboortedatum: i.geboortedatum })),
      },
    });
  });

  it('returns null for an unknown id', async () => {
    const { data, errors } = await harness.execute(QUERY, { id: 'hh-bestaat-niet' });
    expect(errors).toBeUndefined();
    expect(data).toEqual({ huishouden: null });
  });

  it('refuses an empty id', async () => {
    const { errors } = await harness.execute(QUERY, { id: ' ' });
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].message).toMatch(/huishouden/);
  });
});
