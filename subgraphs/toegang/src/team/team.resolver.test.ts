import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { subgraph } from '../schema.js';
import { demoWorld } from '../world.test-utils.js';

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(() => harness?.close());

const TEAMS = `query ($first: Int, $offset: Int) {
  teams(first: $first, offset: $offset) {
    items { id naam doelgroep organisatie { id } consulenten { id team { id } } }
    pageInfo { totaal offset heeftVolgende }
  }
}`;
type Teams = { teams: { items: { id: string; consulenten: { id: string; team: { id: string } }[] }[]; pageInfo: { totaal: number } } };

describe('teams and consulent', () => {
  it('lists every team with its consulenten, as in the demo world', async () => {
    const world = demoWorld();
    const { data, errors } = await harness.execute<Teams>(TEAMS, { first: 500 });
    expect(errors).toBeUndefined();
    expect(data?.teams.pageInfo.totaal).toBe(world.teams.length);
    expect(data?.teams.items.map((t) => t.id).sort()).toEqual(world.teams.map((t) => t.id).sort());
    for (const team of data?.teams.items ?? []) {
      const expected = world.consulenten.filter((c) => c.teamId === team.id).map((c) => c.id);
      expect(team.consulenten.map((c) => c.id).sort()).toEqual(expected.sort());
      for (const consulent of team.consulenten) expect(consulent.team.id).toBe(team.id);
    }
  });

  it('lists teams and their consulenten in a constant number of statements', async () => {
    const one = await harness.countStatements(TEAMS, { first: 1 });
    const all = await harness.countStatements(TEAMS, { first: 500 });
    expect(one.statements).toBe(all.statements);
  });

  it('pages and refuses a negative offset', async () => {
    const { data } = await harness.execute<Teams>(TEAMS, { first: 1, offset: 1 });
    expect(data?.teams.items).toHaveLength(1);
    const { errors } = await harness.execute(TEAMS, { offset: -1 });
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('finds a consulent by id, null when unknown', async () => {
    const consulent = demoWorld().consulenten[0];
    const QUERY = `query ($id: String!) { consulent(id: $id) { id naam team { id } } }`;
    expect((await harness.execute(QUERY, { id: consulent.id })).data).toEqual({
      consulent: { id: consulent.id, naam: consulent.naam, team: { id: consulent.teamId } },
    });
    expect((await harness.execute(QUERY, { id: 'geen-consulent' })).data).toEqual({ consulent: null });
    expect((await harness.execute(QUERY, { id: '' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
