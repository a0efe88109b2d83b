import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byteOrder, demoWorld } from '../../participatie.test-utils.js';
import { subgraph } from '../../schema.js';

const world = demoWorld();
let harness: SubgraphHarness;

beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

const LISTS = `query ($r: [_Any!]!) {
  _entities(representations: $r) {
    ... on Inwoner {
      id
      uitkeringen { id }
      reintegratietrajecten { id instrument { code } aanbieder { agbCode } }
      schuldhulptrajecten { id schuldbedrag }
      minimaregelingen { id jaar bedrag }
    }
  }
}`;

const representations = (ids: readonly string[]) => ids.map((id) => ({ __typename: 'Inwoner', id }));

/** Residents with something under every list, and residents with a benefit. */
const stacked = world.inwoners
  .map((i) => i.id)
  .filter((id) => world.schuldhulptrajecten.some((t) => t.inwonerId === id) && world.reintegratietrajecten.some((t) => t.inwonerId === id));
const withBenefit = [...new Set(world.uitkeringen.map((u) => u.inwonerId))];

describe('Inwoner lists', () => {
  it('gives each resident the rows of the demo world, newest first', async () => {
    const id = stacked[0];
    const { data, errors } = await harness.execute(LISTS, { r: representations([id, '0'.repeat(32)]) });
    expect(errors).toBeUndefined();
    const newest = <T extends { id: string }>(rows: T[], date: (row: T) => string | number) =>
      rows.sort((a, b) => byteOrder(String(date(b)), String(date(a))) || byteOrder(a.id, b.id));
    const own = <T extends { inwonerId: string }>(rows: readonly T[]) => rows.filter((row) => row.inwonerId === id);
    expect(data?._entities).toEqual([
      {
        id,
        uitkeringen: newest(own(world.uitkeringen), (u) => u.ingangsdatum).map((u) => ({ id: u.id })),
        reintegratietrajecten: newest(own(world.reintegratietrajecten), (t) => t.startdatum).map((t) => ({
          id: t.id,
          instrument: { code: t.instrument },
          aanbieder: t.aanbiederAgb === null ? null : { agbCode: t.aanbiederAgb },
        })),
        schuldhulptrajecten: newest(own(world.schuldhulptrajecten), (t) => t.startdatum).map((t) => ({ id: t.id, schuldbedrag: t.schuldbedrag })),
        minimaregelingen: newest(own(world.minimaregelingen), (m) => m.jaar).map((m) => ({ id: m.id, jaar: m.jaar, bedrag: m.bedrag })),
      },
      { id: '0'.repeat(32), uitkeringen: [], reintegratietrajecten: [], schuldhulptrajecten: [], minimaregelingen: [] },
    ]);
  });

  it('costs the same number of statements for 2 residents as for 20', async () => {
    expect(withBenefit.length).toBeGreaterThanOrEqual(20);
    const two = await harness.countStatements(LISTS, { r: representations(withBenefit.slice(0, 2)) });
    const twenty = await harness.countStatements(LISTS, { r: representations(withBenefit.slice(0, 20)) });
    expect(two.result.errors).toBeUndefined();
    expect(twenty.result.errors).toBeUndefined();
    expect(twenty.statements).toBe(two.statements);
    // One statement per list field.
    expect(two.statements).toBe(4);
  });
});
