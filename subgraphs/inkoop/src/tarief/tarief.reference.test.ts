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

  it('reads them in one statement when the gateway asks them side by side (its merged call), each row as its own kind\'s statement gives it', async () => {
    const velden = {
      Aanbieder: 'agbCode naam kvkNummer vestigingsplaats soort',
      Contract: 'id naam wet soort procedure bekostiging looptijdVan looptijdTot declaratietermijnDagen lumpsumPerJaar lumpsumPerJaarTekst deelnemendeGemeenten { code }',
      Tarief: 'id bedrag geldigVan geldigTot bedragTekst eenheid { code }',
    };
    const n = 12;
    const contracten = [...world.contracten.filter((c) => c.lumpsumPerJaar === null).slice(0, n / 2), ...world.contracten.filter((c) => c.lumpsumPerJaar !== null).slice(0, n / 2)];
    const perSoort = {
      Aanbieder: world.aanbieders.slice(0, n).map((a) => ({ __typename: 'Aanbieder', agbCode: a.agbCode })),
      // With and without a lumpsum (checked below): nulls, dates, bigints and arrays all cross the JSON.
      Contract: contracten.map((c) => ({ __typename: 'Contract', id: c.id })),
      Tarief: world.tarieven.slice(0, n).map((t) => ({ __typename: 'Tarief', id: t.id })),
    };
    const soorten = ['Aanbieder', 'Contract', 'Tarief'] as const;
    const merged = `query (${soorten.map((_, i) => `$r${i}: [_Any!]!`).join(', ')}) {
      ${soorten.map((soort, i) => `_entities${i}: _entities(representations: $r${i}) { ... on ${soort} { ${velden[soort]} } }`).join('\n')} }`;
    const samen = await harness.countStatements<Record<string, unknown[]>>(merged, Object.fromEntries(soorten.map((soort, i) => [`r${i}`, perSoort[soort]])));
    const lumpsums = new Set(contracten.map((c) => c.lumpsumPerJaar === null));
    expect(lumpsums.size).toBe(2);
    expect(samen.statements).toBe(1);
    const data = dataOf(samen.result);
    for (const [i, soort] of soorten.entries()) {
      const alleen = await harness.execute<{ _entities: unknown[] }>(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on ${soort} { ${velden[soort]} } } }`, { r: perSoort[soort] });
      expect(data[`_entities${i}`]).toEqual(dataOf(alleen)._entities);
      expect(data[`_entities${i}`]!.every((entity) => entity !== null)).toBe(true);
    }
  });
});
