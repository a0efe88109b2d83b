import { Scope, scopesForRoles, testPrincipal, type WorldUitkering } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, loggedExecution, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoWorld } from '../../participatie.test-utils.js';
import { subgraph } from '../../schema.js';

// Issue 3, item 7: every read of a resident's data leaves one Logboek Dataverwerkingen record per
// resident; aggregates leave none; only the fg reads the log back.
const consulent = testPrincipal({
  organisatie: 'uo-hbel', rollen: ['consulent'], scopes: scopesForRoles(['consulent']), actor: 'c0ffee', scope: () => ({ alle: true }),
});
const fg = testPrincipal({ organisatie: 'uo-hbel', rollen: ['fg'], actor: 'f9', scopes: [Scope.LOGBOEK], scope: () => ({ alle: false, gemeenten: [] }) });

// Uitkeringen of three different residents: two to read, one for the read-back.
const world = demoWorld();
const [eerste, ander, derde] = world.uitkeringen.filter(
  (u, i, all) => all.findIndex((v) => v.inwonerId === u.inwonerId) === i,
) as [WorldUitkering, WorldUitkering, WorldUitkering];

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph, {}, { principal: consulent });
});
afterAll(async () => {
  await harness?.close();
});

describe('Logboek Dataverwerkingen of participatie', () => {
  it('records one verwerking per resident read, with the actor in the linked record', async () => {
    // The first resident is read twice: by id and under the resident.
    const { result, actoren, verwerkingen } = await loggedExecution(
      harness,
      `query ($a: String!, $b: String!, $r: [_Any!]!) {
        a: uitkering(id: $a) { id } b: uitkering(id: $b) { id }
        _entities(representations: $r) { ... on Inwoner { uitkeringen { id } } }
      }`,
      { a: eerste.id, b: ander.id, r: [{ __typename: 'Inwoner', id: eerste.inwonerId }] },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ a: { id: eerste.id }, b: { id: ander.id }, _entities: [{ uitkeringen: [{ id: eerste.id }] }] });
    expect(actoren).toBe(1);
    expect(verwerkingen).toEqual(
      [eerste.inwonerId, ander.inwonerId].sort().map((betrokkene) => ({
        verwerkingsactiviteit: 'participatie:uitkering:lezen', betrokkene, betrokkeneSoort: 'inwoner', resultaat: 'geslaagd',
        actor: { organisatie: 'uo-hbel', rollen: ['consulent'], actor: 'c0ffee' },
      })),
    );
  });

  it('records nothing for aggregates', async () => {
    const { result, actoren } = await loggedExecution<{ participatieKengetallen: unknown[] }>(
      harness,
      `{ participatieKengetallen(gemeenten: ["${eerste.gemeenteCode}"], jaar: 2024) { gemeenteCode uitkeringenActief { waarde } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.participatieKengetallen).toHaveLength(1);
    expect(actoren).toBe(0);
  });

  it('gives the fg its part of the log as Logboek.participatie, and no one else', async () => {
    expect((await harness.execute(`{ uitkering(id: "${derde.id}") { id } }`)).errors).toBeUndefined();
    const LOG = `query ($r: [_Any!]!, $b: String!) {
      _entities(representations: $r) { ... on Logboek { participatie(betrokkene: $b) { items { verwerkingsactiviteit bron actor { rollen } } } } }
    }`;
    const variables = { r: [{ __typename: 'Logboek', id: 'logboek' }], b: derde.inwonerId };
    const { data, errors } = await harness.execute(LOG, variables, fg);
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([
      { participatie: { items: [{ verwerkingsactiviteit: 'participatie:uitkering:lezen', bron: 'participatie', actor: { rollen: ['consulent'] } }] } },
    ]);
    const refused = await harness.execute(LOG, variables, consulent);
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});
