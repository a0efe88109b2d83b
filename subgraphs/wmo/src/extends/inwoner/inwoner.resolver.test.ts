import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph } from '../../schema.js';
import { worldToewijzingen } from '../../wmo.test-utils.js';

const QUERY = `query ($r: [_Any!]!) { _entities(representations: $r) {
  ... on Inwoner { id wmoToewijzingen { gemeenteCode toewijzingsnummer ingangsdatum productcategorie { code } } } } }`;

type Entities = {
  _entities: { id: string; wmoToewijzingen: { gemeenteCode: string; toewijzingsnummer: string; ingangsdatum: string }[] }[];
};

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

const inwonerIds = () => [...new Set(worldToewijzingen().map((t) => t.inwonerId))];
const representations = (ids: readonly string[]) => ids.map((id) => ({ __typename: 'Inwoner', id }));

describe('Inwoner.wmoToewijzingen', () => {
  it('lists each inwoner\'s toewijzingen from the demo world, oldest first, [] for none', async () => {
    const ids = [...inwonerIds().slice(0, 5), '0'.repeat(32)];
    const result = await harness.execute<Entities>(QUERY, { r: representations(ids) });
    expect(result.errors).toBeUndefined();
    const entities = result.data?._entities ?? [];
    expect(entities.map((e) => e.id)).toEqual(ids);
    for (const entity of entities) {
      const expected = worldToewijzingen().filter((t) => t.inwonerId === entity.id);
      expect(entity.wmoToewijzingen.map((t) => `${t.gemeenteCode}:${t.toewijzingsnummer}`).sort()).toEqual(
        expected.map((t) => `${t.gemeenteCode}:${t.toewijzingsnummer}`).sort(),
      );
      const dates = entity.wmoToewijzingen.map((t) => t.ingangsdatum);
      expect(dates).toEqual([...dates].sort());
    }
  });

  it('costs the same number of statements for 2 as for 20 inwoners', async () => {
    const ids = inwonerIds();
    expect(ids.length).toBeGreaterThanOrEqual(20);
    const two = await harness.countStatements<Entities>(QUERY, { r: representations(ids.slice(0, 2)) });
    const twenty = await harness.countStatements<Entities>(QUERY, { r: representations(ids.slice(0, 20)) });
    expect(twenty.result.data?._entities).toHaveLength(20);
    expect(two.statements).toBe(1);
    expect(twenty.statements).toBe(two.statements);
  });
});
