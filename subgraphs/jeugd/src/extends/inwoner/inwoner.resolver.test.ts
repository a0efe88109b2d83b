import { createSubgraphHarness, loggedExecution, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoWorld, keyOf, worldToewijzingen } from '../../jeugd.test-utils.js';
import { subgraph } from '../../schema.js';

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

const ENTITIES = `query ($r: [_Any!]!) {
  _entities(representations: $r) {
    ... on Inwoner {
      id
      jeugdToewijzingen { gemeenteCode toewijzingsnummer verwijzing { id verwijzerType { code } } traject { id } }
      verwijzingen { id datum }
      jeugdTrajecten { id herhaaldBeroep }
    }
  }
}`;

type InwonerData = {
  _entities: {
    id: string;
    jeugdToewijzingen: { gemeenteCode: string; toewijzingsnummer: string; verwijzing: { id: string } | null; traject: { id: string } | null }[];
    verwijzingen: { id: string }[];
    jeugdTrajecten: { id: string; herhaaldBeroep: boolean }[];
  }[];
};

/** Young people with jeugdhulp in the demo world, in a fixed order. */
function jeugdigen(count: number): string[] {
  const ids = [...new Set(worldToewijzingen().map((t) => t.inwonerId))];
  expect(ids.length).toBeGreaterThanOrEqual(count);
  return ids.slice(0, count);
}

const representations = (ids: readonly string[]) => ids.map((id) => ({ __typename: 'Inwoner', id }));

describe('_entities Inwoner', () => {
  it("returns each young person's toewijzingen, verwijzingen and trajecten as in the demo world", async () => {
    const ids = [...jeugdigen(5), 'f'.repeat(32)];
    const { data, errors } = await harness.execute<InwonerData>(ENTITIES, { r: representations(ids) });
    expect(errors).toBeUndefined();
    const world = demoWorld();
    expect(data?._entities.map((inwoner) => inwoner.id)).toEqual(ids);
    for (const inwoner of data?._entities ?? []) {
      const own = worldToewijzingen().filter((t) => t.inwonerId === inwoner.id);
      expect(inwoner.jeugdToewijzingen.map(keyOf).sort()).toEqual(own.map(keyOf).sort());
      for (const t of inwoner.jeugdToewijzingen) {
        const expected = own.find((w) => keyOf(w) === keyOf(t));
        expect(t.verwijzing?.id ?? null).toBe(expected?.verwijzingId);
        expect(t.traject?.id ?? null).toBe(expected?.trajectId);
      }
      const verwijzingen = world.verwijzingen.filter((v) => v.inwonerId === inwoner.id).map((v) => v.id);
      expect(inwoner.verwijzingen.map((v) => v.id).sort()).toEqual(verwijzingen.sort());
      const trajecten = world.jeugdTrajecten.filter((t) => t.inwonerId === inwoner.id);
      expect(inwoner.jeugdTrajecten.map((t) => [t.id, t.herhaaldBeroep]).sort()).toEqual(
        trajecten.map((t) => [t.id, t.herhaaldBeroep]).sort(),
      );
    }
    // The unknown resident simply has no jeugdhulp.
    expect(data?._entities[5]).toEqual({ id: 'f'.repeat(32), jeugdToewijzingen: [], verwijzingen: [], jeugdTrajecten: [] });
  });

  it('costs the same number of SQL statements for 2 and for 20 residents', async () => {
    const query = `query ($r: [_Any!]!) {
      _entities(representations: $r) { ... on Inwoner { jeugdToewijzingen { toewijzingsnummer verwijzing { id } traject { id duurInDagen } } } }
    }`;
    const two = await harness.countStatements<InwonerData>(query, { r: representations(jeugdigen(2)) });
    const twenty = await harness.countStatements<InwonerData>(query, { r: representations(jeugdigen(20)) });
    expect(two.result.errors).toBeUndefined();
    expect(twenty.result.errors).toBeUndefined();
    const rows = twenty.result.data?._entities.flatMap((inwoner) => inwoner.jeugdToewijzingen) ?? [];
    expect(rows.length).toBeGreaterThan(20);
    // toewijzingen by inwoner with their verwijzingen, trajecten by id
    expect(two.statements).toBe(2);
    expect(twenty.statements).toBe(two.statements);
  });

  it("reads the resident view's toewijzingen with their verwijzingen in one statement, and logs a verwijzing read only where one is asked", async () => {
    const metVerwijzing = worldToewijzingen().find((t) => t.verwijzingId !== null);
    expect(metVerwijzing).toBeDefined();
    const id = metVerwijzing!.inwonerId;
    const view = `query ($r: [_Any!]!) {
      _entities(representations: $r) { ... on Inwoner { jeugdToewijzingen { toewijzingsnummer verwijzing { id datum verwijzerType { code } } } } }
    }`;
    const counted = await harness.countStatements<{ _entities: { jeugdToewijzingen: { toewijzingsnummer: string; verwijzing: { id: string; datum: string; verwijzerType: { code: string } } | null }[] }[] }>(
      view,
      { r: representations([id]) },
    );
    expect(counted.result.errors).toBeUndefined();
    expect(counted.statements).toBe(1);
    const world = demoWorld();
    for (const t of counted.result.data!._entities[0]!.jeugdToewijzingen) {
      const expected = worldToewijzingen().find((w) => w.inwonerId === id && w.toewijzingsnummer === t.toewijzingsnummer);
      const verwijzing = world.verwijzingen.find((v) => v.id === expected?.verwijzingId);
      expect(t.verwijzing).toEqual(verwijzing ? { id: verwijzing.id, datum: verwijzing.datum, verwijzerType: { code: verwijzing.verwijzerType } } : null);
    }
    const activiteiten = async (query: string) =>
      (await loggedExecution(harness, query, { r: representations([id]) })).verwerkingen.map((v) => [v.verwerkingsactiviteit, v.betrokkene]);
    expect(await activiteiten(view)).toEqual([
      ['jeugd:toewijzing:lezen', id],
      ['jeugd:verwijzing:lezen', id],
    ]);
    expect(await activiteiten(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Inwoner { jeugdToewijzingen { toewijzingsnummer } } } }`)).toEqual([
      ['jeugd:toewijzing:lezen', id],
    ]);
  });
});
