import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayServer, type RunningGateway } from './create-gateway.js';
import { mergeEntityFetches } from './entity-fetch-merging.js';
import { composeSupergraph, LINK, postGraphql, startTinySubgraph, type TinySubgraph, tempDir, testConfig } from './gateway.test-utils.js';

/**
 * `hub` hands out a toewijzing with an aanbieder and a contract that `inkoop` owns: the planner
 * fetches both from inkoop side by side, as the resident view does.
 */
const HUB_SDL = `${LINK}
type Query { toewijzingen: [Toewijzing!]! }
type Toewijzing { nummer: String! aanbieder: Aanbieder contract: Contract }
type Aanbieder @key(fields: "agbCode") { agbCode: String! }
type Contract @key(fields: "id") { id: String! }`;

const INKOOP_SDL = `${LINK}
type Aanbieder @key(fields: "agbCode") { agbCode: String! naam: String! }
type Contract @key(fields: "id") { id: String! naam: String }`;

const QUERY = '{ toewijzingen { nummer aanbieder { naam } contract { naam } } }';

let hub: TinySubgraph;
let inkoop: TinySubgraph;
let gateway: RunningGateway;
let dir: Awaited<ReturnType<typeof tempDir>>;

beforeAll(async () => {
  hub = await startTinySubgraph('hub', HUB_SDL, {
    Query: {
      toewijzingen: () => [
        { nummer: 'T1', aanbieder: { agbCode: '01' }, contract: { id: 'c1' } },
        { nummer: 'T2', aanbieder: { agbCode: '02' }, contract: { id: 'kapot' } },
      ],
    },
  });
  inkoop = await startTinySubgraph('inkoop', INKOOP_SDL, {
    Aanbieder: { __resolveReference: (reference: { agbCode: string }) => ({ ...reference, naam: `Aanbieder ${reference.agbCode}` }) },
    Contract: {
      __resolveReference: (reference: { id: string }) => reference,
      naam: (contract: { id: string }) => {
        if (contract.id === 'kapot') throw new Error('contract kapot');
        return `Contract ${contract.id}`;
      },
    },
  });
  dir = await tempDir();
  const sdl = composeSupergraph([hub, inkoop].map(({ name, url, typeDefs }) => ({ name, url, typeDefs: parse(typeDefs.loc!.source.body) })));
  gateway = await createGatewayServer(testConfig({ supergraphPath: await dir.file('supergraph.graphql', sdl) }));
});

afterAll(async () => {
  await gateway?.stop();
  await hub?.stop();
  await inkoop?.stop();
  await dir?.remove();
});

describe('entity fetches to one subgraph side by side', () => {
  it('go as one call, and each part of the answer and each error lands where it would have alone', async () => {
    inkoop.received.length = 0;
    const { status, body } = await postGraphql(gateway.url, { query: QUERY });
    expect(status).toBe(200);
    expect(body.data).toEqual({
      toewijzingen: [
        { nummer: 'T1', aanbieder: { naam: 'Aanbieder 01' }, contract: { naam: 'Contract c1' } },
        { nummer: 'T2', aanbieder: { naam: 'Aanbieder 02' }, contract: { naam: null } },
      ],
    });
    expect(body.errors?.map((error) => error.path)).toEqual([['toewijzingen', 1, 'contract', 'naam']]);
    // One call to inkoop, carrying both fetches' representations.
    expect(inkoop.received).toHaveLength(1);
    expect(inkoop.received[0]!.body.variables).toEqual({
      representations0: [{ __typename: 'Aanbieder', agbCode: '01' }, { __typename: 'Aanbieder', agbCode: '02' }],
      representations1: [{ __typename: 'Contract', id: 'c1' }, { __typename: 'Contract', id: 'kapot' }],
    });
  });

  it('never merges the fetches of two client requests', async () => {
    inkoop.received.length = 0;
    const answers = await Promise.all([postGraphql(gateway.url, { query: QUERY }), postGraphql(gateway.url, { query: QUERY })]);
    for (const { body } of answers) expect(body.data?.toewijzingen).toHaveLength(2);
    expect(inkoop.received).toHaveLength(2);
  });
});

describe('mergeEntityFetches', () => {
  const fetch = (type: string) => `query Q__inkoop__1($representations:[_Any!]!){_entities(representations:$representations){...on ${type}{naam}}}`;
  const merge = mergeEntityFetches([fetch('Aanbieder'), fetch('Contract')])!;

  it('hands each fetch its own entities and errors, with the path it would have had alone', () => {
    const [aanbieders, contracten] = merge.split({
      data: { _entities0: [{ naam: 'A' }], _entities1: [null] },
      errors: [{ message: 'kapot', path: ['_entities1', 0, 'naam'] }] as never,
    });
    expect(aanbieders).toEqual({ data: { _entities: [{ naam: 'A' }] } });
    expect(contracten).toEqual({ data: { _entities: [null] }, errors: [{ message: 'kapot', path: ['_entities', 0, 'naam'] }] });
  });

  it('gives an error of the whole call to every fetch when there is no data, to the first only otherwise', () => {
    const whole = [{ message: 'weg' }] as never;
    expect(merge.split({ data: null, errors: whole }).map((each) => each.errors)).toEqual([whole, whole]);
    expect(merge.split({ data: { _entities0: [], _entities1: [] }, errors: whole }).map((each) => each.errors)).toEqual([whole, undefined]);
  });
});
