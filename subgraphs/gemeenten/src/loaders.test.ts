import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { world } from './gemeenten.test-utils.js';
import { financienSleutel } from './financien/financien.sql.js';
import { createLoaders } from './loaders.js';
import { subgraph } from './schema.js';
import { geldigOp } from './uitvoeringsarrangement/geldigheid.js';
import { arrangementSleutel } from './uitvoeringsarrangement/uitvoeringsarrangement.sql.js';

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(() => harness.close());

/** Every list and reference under a gemeente, none of which loads a gemeente again. */
const GEMEENTE_LIJSTEN = `code
  arrangementen { wet rol uitvoerder { id naam arrangementen { id } } }
  oud: arrangementen(peildatum: "2016-06-01") { id }
  uitvoerder(wet: JEUGDWET) { id }
  eigenUitvoering(wet: JEUGDWET)
  financien(jaar: 2024) { begroting taakveld { code } }
  financienPerJaar { jaar tekort }
  maatregelen { status maatregel { naam statussen { status } } }
  regio { naam organisatie { id } gemeenten { code } }
  samenwerkingsverbanden { code gemeenten { code } uitvoeringsorganisatie { id } }`;

/** The same plus references back to gemeenten, which the per-request cache may already hold. */
const MET_TERUGVERWIJZINGEN = `${GEMEENTE_LIJSTEN}
  terug: arrangementen { gemeente { naam } uitvoerder { vestigingGemeente { naam } } }
  maatregelen { maatregel { statussen { gemeente { naam } } } }`;

describe('statements per request do not grow with the number of parents', () => {
  const page = (velden: string) => `query($first: Int) { gemeenten(first: $first) { items { ${velden} } } }`;

  it('gemeenten(first: 3) costs as many statements as gemeenten(first: 15)', async () => {
    const small = await harness.countStatements<{ gemeenten: { items: unknown[] } }>(page(GEMEENTE_LIJSTEN), { first: 3 });
    const large = await harness.countStatements<{ gemeenten: { items: unknown[] } }>(page(GEMEENTE_LIJSTEN), { first: 15 });
    expect(small.result.errors).toBeUndefined();
    expect(large.result.errors).toBeUndefined();
    expect(small.result.data?.gemeenten.items).toHaveLength(3);
    expect(large.result.data?.gemeenten.items).toHaveLength(Math.min(15, world.gemeenten.length));
    // On a PostgreSQL pool, answers to one level's batches can arrive in different ticks, so the next
    // level's loads may form an extra batch or two; a statement per gemeente would add twelve or more.
    expect(large.statements).toBeLessThanOrEqual(small.statements + 3);
  });

  it('references back to gemeenten never add statements per parent (the cache may save some)', async () => {
    const small = await harness.countStatements(page(MET_TERUGVERWIJZINGEN), { first: 3 });
    const large = await harness.countStatements(page(MET_TERUGVERWIJZINGEN), { first: 15 });
    expect(large.result.errors).toBeUndefined();
    expect(large.statements).toBeLessThanOrEqual(small.statements);
  });

  it('_entities with 2 or all gemeenten and organisations costs the same', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Gemeente { ${GEMEENTE_LIJSTEN} }
      ... on Organisatie { id arrangementen { wet rol } } } }`;
    const representations = (n: number) => [
      ...world.gemeenten.slice(0, n).map((g) => ({ __typename: 'Gemeente', code: g.code })),
      ...world.organisaties.slice(-n).map((o) => ({ __typename: 'Organisatie', id: o.id })),
    ];
    const small = await harness.countStatements<{ _entities: unknown[] }>(query, { r: representations(2) });
    const large = await harness.countStatements<{ _entities: unknown[] }>(query, { r: representations(world.gemeenten.length) });
    expect(small.result.errors).toBeUndefined();
    expect(large.result.errors).toBeUndefined();
    expect(large.result.data?._entities).toHaveLength(2 * world.gemeenten.length);
    expect(large.statements).toBe(small.statements);
  });
});

describe('an arrangement carries its organisation', () => {
  it('arrangementen with their uitvoerder, nested, cost one statement per level and give the organisation organisatie(id) gives', async () => {
    const uitvoerder = 'uitvoerder { id naam soort vestigingGemeente { code } }';
    const { result, statements } = await harness.countStatements<{ gemeente: { arrangementen: { uitvoerder: { id: string } | null; gemeente: { arrangementen: { uitvoerder: unknown }[] } }[] } }>(
      `{ gemeente(code: "0376") { arrangementen { ${uitvoerder} gemeente { arrangementen { ${uitvoerder} } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    // The gemeente, its arrangements (with their organisations), the vestigingGemeenten; the nested
    // level is the same gemeente and key, which the request's loaders already hold.
    expect(statements).toBe(3);
    const arrangementen = result.data?.gemeente.arrangementen ?? [];
    expect(arrangementen.length).toBeGreaterThan(0);
    for (const { uitvoerder: organisatie, gemeente } of arrangementen) {
      const los = await harness.execute<{ organisatie: unknown }>(`{ organisatie(id: "${organisatie?.id}") { id naam soort vestigingGemeente { code } } }`);
      expect(organisatie).toEqual(los.data?.organisatie);
      expect(gemeente.arrangementen.map((a) => a.uitvoerder)).toEqual(arrangementen.map((a) => a.uitvoerder));
    }
  });
});

describe('batch functions behind the loaders', () => {
  it('answer keys in the order asked, with null for a miss, in one statement', async () => {
    const loaders = createLoaders(harness.db);
    const before = harness.db.statementCount;
    const [gemeenten, organisaties] = await Promise.all([
      loaders.gemeente.loadMany(['0453', '9999', '0317', '0406']),
      loaders.organisatie.loadMany(['iasz', 'onbekend', '0307']),
    ]);
    expect(harness.db.statementCount - before).toBe(2);
    expect(gemeenten.map((g) => (g && !(g instanceof Error) ? g.code : g))).toEqual(['0453', null, '0317', '0406']);
    expect(organisaties.map((o) => (o && !(o instanceof Error) ? o.id : o))).toEqual(['iasz', null, '0307']);
  });

  it('group lists per key, dates and filters mixed in one batch, [] for a parent without rows', async () => {
    const loaders = createLoaders(harness.db);
    const keys = [
      arrangementSleutel('0376', '2016-06-01'),
      arrangementSleutel('9999', '2020-01-01'),
      arrangementSleutel('0376', '2020-01-01'),
      arrangementSleutel('0317', '2014-01-01'),
    ];
    const before = harness.db.statementCount;
    const lists = await loaders.arrangementenPerGemeente.loadMany(keys);
    expect(harness.db.statementCount - before).toBe(1);
    keys.forEach((key, i) => {
      const [gemeente, datum] = key.split('|');
      const expected = world.arrangementen.filter((a) => a.gemeenteCode === gemeente && geldigOp(a, datum)).map((a) => a.id);
      const list = lists[i];
      expect(list instanceof Error ? list : list.map((a) => a.id).sort(), key).toEqual(expected.sort());
    });

    const financienKeys = [financienSleutel('0406', 2025, '6.3'), financienSleutel('0406', null, '6.72a'), financienSleutel('0317', 2030)];
    const financien = await loaders.taakveldFinancien.loadMany(financienKeys);
    expect(financien.map((rows) => (rows instanceof Error ? rows : rows.map((r) => `${r.jaar}:${r.taakveld.code}`)))).toEqual([
      ['2025:6.3'],
      world.financien.filter((f) => f.gemeenteCode === '0406' && f.taakveld === '6.72a').map((f) => `${f.jaar}:6.72a`),
      [],
    ]);
  });
});
