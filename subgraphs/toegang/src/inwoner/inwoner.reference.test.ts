import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { subgraph } from '../schema.js';
import { demoWorld } from '../world.test-utils.js';

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(() => harness?.close());

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Inwoner { id gemeente { code } huishouden { id samenstelling } meldingen { id wet consulent { naam } } }
  }
}`;

const representations = (ids: readonly string[]) => ids.map((id) => ({ __typename: 'Inwoner', id }));

describe('_entities for Inwoner', () => {
  it('resolves representations in order, null for an unknown one', async () => {
    const world = demoWorld();
    const [a, b] = [world.inwoners[10], world.inwoners[2]];
    const { data, errors } = await harness.execute<{ _entities: ({ id: string; meldingen: { id: string }[] } | null)[] }>(ENTITIES, {
      representations: representations([a.id, 'f'.repeat(32), b.id]),
    });
    expect(errors).toBeUndefined();
    expect(data?._entities.map((e) => e?.id ?? null)).toEqual([a.id, null, b.id]);
    expect(data?._entities[0]?.meldingen.length).toBe(world.meldingen.filter((m) => m.inwonerId === a.id).length);
  });

  it('costs the same statements for 2 and for 20 residents (meldingen, consulent and huishouden batched)', async () => {
    const world = demoWorld();
    const withMeldingen = world.inwoners.filter((i) => world.meldingen.some((m) => m.inwonerId === i.id));
    expect(withMeldingen.length).toBeGreaterThanOrEqual(20);
    const two = await harness.countStatements(ENTITIES, { representations: representations(withMeldingen.slice(0, 2).map((i) => i.id)) });
    const twenty = await harness.countStatements(ENTITIES, {
      representations: representations(withMeldingen.slice(20, 40).map((i) => i.id)),
    });
    expect(two.result.errors).toBeUndefined();
    expect(twenty.result.errors).toBeUndefined();
    expect(twenty.statements).toBe(two.statements);
    // inwoner, huishouden, meldingen, consulent.
    expect(two.statements).toBe(4);
  });
});
