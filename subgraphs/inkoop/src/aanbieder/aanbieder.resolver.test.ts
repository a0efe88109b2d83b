import type { DemoWorld, WorldDeclaratie } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byText, dataOf, defaultWorld, firstError } from '../inkoop.test-utils.js';
import { subgraph } from '../schema.js';

let harness: SubgraphHarness;
let world: DemoWorld;

beforeAll(async () => {
  world = defaultWorld();
  harness = await createSubgraphHarness(subgraph);
});

afterAll(async () => {
  await harness?.close();
});

/** The aanbieder of the world with the most declaraties (so that its pages are full). */
function busiest(world: DemoWorld): { agbCode: string; declaraties: WorldDeclaratie[] } {
  const byAgb = new Map<string, WorldDeclaratie[]>();
  for (const d of world.declaraties) byAgb.set(d.aanbiederAgb, [...(byAgb.get(d.aanbiederAgb) ?? []), d]);
  const [agbCode, declaraties] = [...byAgb].sort((a, b) => b[1].length - a[1].length)[0];
  return { agbCode, declaraties: declaraties.sort(byText((d) => `${d.ingediendOp}\u0000${d.id}`)) };
}

describe('aanbieder(agbCode)', () => {
  it('finds an aanbieder with its contracts, null on a miss, BAD_USER_INPUT on a malformed code', async () => {
    const aanbieder = world.aanbieders[0];
    const query = `query ($agb: String!) { aanbieder(agbCode: $agb) { agbCode naam kvkNummer vestigingsplaats soort contracten { id } } }`;
    const hit = await harness.execute(query, { agb: aanbieder.agbCode });
    expect(dataOf(hit)).toEqual({
      aanbieder: {
        ...aanbieder,
        contracten: world.contracten
          .filter((c) => c.aanbiederAgb === aanbieder.agbCode)
          .sort(byText((c) => `${c.naam}\u0000${c.id}`))
          .map((c) => ({ id: c.id })),
      },
    });
    expect(dataOf(await harness.execute(query, { agb: '00000000' }))).toEqual({ aanbieder: null });
    expect(firstError(await harness.execute(query, { agb: '1234567' }))).toEqual({
      code: 'BAD_USER_INPUT',
      message: '"1234567" is geen AGB-code (acht cijfers).',
    });
    expect(firstError(await harness.execute(query, { agb: '1234567a' }))?.code).toBe('BAD_USER_INPUT');
  });
});

describe('aanbieders', () => {
  it('pages by name and reports the total', async () => {
    const sorted = [...world.aanbieders].sort(byText((a) => `${a.naam}\u0000${a.agbCode}`));
    const result = await harness.execute<{ aanbieders: { items: { agbCode: string }[]; pageInfo: unknown } }>(
      `{ aanbieders(first: 10, offset: 3) { items { agbCode } pageInfo { totaal offset heeftVolgende } } }`,
    );
    expect(dataOf(result).aanbieders.items.map((a) => a.agbCode)).toEqual(sorted.slice(3, 13).map((a) => a.agbCode));
    expect(dataOf(result).aanbieders.pageInfo).toEqual({ totaal: sorted.length, offset: 3, heeftVolgende: true });
  });

  it('filters on part of the name, case-insensitive, with % taken literally', async () => {
    const expected = world.aanbieders.filter((a) => a.naam.toLowerCase().includes('zorggroep'));
    expect(expected.length).toBeGreaterThan(0);
    const result = await harness.execute<{ aanbieders: { pageInfo: { totaal: number } } }>(
      `{ aanbieders(naam: "ZORGgroep") { pageInfo { totaal } } }`,
    );
    expect(dataOf(result).aanbieders.pageInfo.totaal).toBe(expected.length);
    const literal = await harness.execute(`{ aanbieders(naam: "%") { pageInfo { totaal } } }`);
    expect(dataOf(literal)).toEqual({ aanbieders: { pageInfo: { totaal: 0 } } });
  });

  it('refuses a negative page', async () => {
    const result = await harness.execute(`{ aanbieders(first: -5) { items { agbCode } } }`);
    expect(firstError(result)).toEqual({ code: 'BAD_USER_INPUT', message: 'first moet tussen 0 en 500 liggen, niet -5.' });
  });
});

describe('Aanbieder.declaraties', () => {
  it('pages an aanbieder\'s declaraties by dagtekening', async () => {
    const { agbCode, declaraties } = busiest(world);
    const result = await harness.execute<{ aanbieder: { declaraties: { items: { id: string }[]; pageInfo: unknown } } }>(
      `query ($agb: String!) { aanbieder(agbCode: $agb) { declaraties(first: 7, offset: 4) {
        items { id } pageInfo { totaal offset heeftVolgende } } } }`,
      { agb: agbCode },
    );
    const page = dataOf(result).aanbieder.declaraties;
    expect(page.items.map((d) => d.id)).toEqual(declaraties.slice(4, 11).map((d) => d.id));
    expect(page.pageInfo).toEqual({ totaal: declaraties.length, offset: 4, heeftVolgende: true });
  });

  it('refuses a page beyond the limit', async () => {
    const result = await harness.execute(`{ aanbieder(agbCode: "${world.aanbieders[0].agbCode}") { declaraties(first: 501) { items { id } } } }`);
    expect(firstError(result)?.code).toBe('BAD_USER_INPUT');
  });
});

describe('_entities', () => {
  it('resolves Aanbieder representations, null for a miss', async () => {
    const [a, b] = [world.aanbieders[4], world.aanbieders[1]];
    const result = await harness.execute(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Aanbieder { agbCode naam } } }`,
      { r: [a, { agbCode: '00000000' }, b].map((x) => ({ __typename: 'Aanbieder', agbCode: x.agbCode })) },
    );
    expect(dataOf(result)).toEqual({ _entities: [{ agbCode: a.agbCode, naam: a.naam }, null, { agbCode: b.agbCode, naam: b.naam }] });
  });

  it('costs the same statements for contracts and declaraties of 2 and 20 aanbieders', async () => {
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Aanbieder {
      contracten { percelen { naam } } declaraties(first: 3) { items { id aanbieder { naam } } pageInfo { totaal } } } } }`;
    const representations = (n: number) => ({
      r: world.aanbieders.slice(0, n).map((a) => ({ __typename: 'Aanbieder', agbCode: a.agbCode })),
    });
    const two = await harness.countStatements(query, representations(2));
    const twenty = await harness.countStatements(query, representations(20));
    dataOf(two.result);
    dataOf(twenty.result);
    expect(twenty.statements).toBe(two.statements);
  });
});
