import type { DemoWorld } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, defaultWorld } from '../inkoop.test-utils.js';
import { subgraph } from '../schema.js';

let harness: SubgraphHarness;
let world: DemoWorld;

beforeAll(async () => {
  world = defaultWorld();
  harness = await createSubgraphHarness(subgraph);
  // inkoop's demo load (its declaraties) may take minutes on a busy machine.
}, 600_000);

afterAll(async () => {
  await harness?.close();
});

/**
 * The resident view asks inkoop, in one call, for the aanbieder, contract and tarief of every
 * toewijzing on the page: a page of 20 toewijzingen must cost no more statements than one of 2.
 */
describe('_entities of the resident view (Aanbieder, Contract, Tarief)', () => {
  const query = `query ($r: [_Any!]!) { _entities(representations: $r) {
    ... on Aanbieder { agbCode naam } ... on Contract { id naam bekostiging } ... on Tarief { id bedrag bedragTekst geldigVan } } }`;
  const representations = (n: number) => ({
    r: Array.from({ length: n }, (_, i) => [
      { __typename: 'Aanbieder', agbCode: world.aanbieders[i % world.aanbieders.length].agbCode },
      { __typename: 'Contract', id: world.contracten[i % world.contracten.length].id },
      { __typename: 'Tarief', id: world.tarieven[i % world.tarieven.length].id },
    ]).flat(),
  });

  it('answers each representation with its own row', async () => {
    const result = await harness.execute<{ _entities: Record<string, unknown>[] }>(query, representations(3));
    const entities = dataOf(result)._entities;
    expect(entities).toHaveLength(9);
    for (let i = 0; i < 3; i++) {
      expect(entities[3 * i]).toMatchObject({ agbCode: world.aanbieders[i].agbCode, naam: world.aanbieders[i].naam });
      expect(entities[3 * i + 1]).toMatchObject({ id: world.contracten[i].id, naam: world.contracten[i].naam });
      expect(entities[3 * i + 2]).toMatchObject({ id: world.tarieven[i].id, bedrag: world.tarieven[i].bedrag, geldigVan: world.tarieven[i].geldigVan });
    }
  });

  it('costs as many statements for 20 toewijzingen as for 2', async () => {
    const two = await harness.countStatements(query, representations(2));
    const twenty = await harness.countStatements(query, representations(20));
    dataOf(two.result);
    dataOf(twenty.result);
    expect(twenty.statements).toBe(two.statements);
  });
});
