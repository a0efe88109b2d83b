import { Scope, scopesForRoles, testPrincipal, type WorldToewijzing } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, loggedExecution, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstError, worldToewijzingen } from '../../jeugd.test-utils.js';
import { subgraph } from '../../schema.js';

// Issue 3, item 7: every read of a resident's data leaves one Logboek Dataverwerkingen record per
// resident; aggregates and code lists leave none; only the fg reads the log back.
const consulent = testPrincipal({
  organisatie: 'uo-hbel', rollen: ['consulent'], scopes: scopesForRoles(['consulent']), actor: 'c0ffee', scope: () => ({ alle: true }),
});
const fg = testPrincipal({ organisatie: 'uo-hbel', rollen: ['fg'], actor: 'f9', scopes: [Scope.LOGBOEK], scope: () => ({ alle: false, gemeenten: [] }) });

// Two toewijzingen of one resident and one of another; a third resident for the read-back.
const toewijzingen = worldToewijzingen();
const eerste = toewijzingen.find((t) => toewijzingen.some((u) => u !== t && u.inwonerId === t.inwonerId)) as WorldToewijzing;
const tweede = toewijzingen.find((t) => t !== eerste && t.inwonerId === eerste.inwonerId) as WorldToewijzing;
const ander = toewijzingen.find((t) => t.inwonerId !== eerste.inwonerId) as WorldToewijzing;
const derde = toewijzingen.find((t) => t.inwonerId !== eerste.inwonerId && t.inwonerId !== ander.inwonerId) as WorldToewijzing;
const lookup = (t: WorldToewijzing) => `jeugdToewijzing(gemeenteCode: "${t.gemeenteCode}", toewijzingsnummer: "${t.toewijzingsnummer}") { toewijzingsnummer }`;

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph, {}, { principal: consulent });
});
afterAll(async () => {
  await harness?.close();
});

describe('Logboek Dataverwerkingen of jeugd', () => {
  it('records one verwerking per resident read, with the actor in the linked record', async () => {
    const { result, actoren, verwerkingen } = await loggedExecution(harness, `{ a: ${lookup(eerste)} b: ${lookup(tweede)} c: ${lookup(ander)} }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      a: { toewijzingsnummer: eerste.toewijzingsnummer },
      b: { toewijzingsnummer: tweede.toewijzingsnummer },
      c: { toewijzingsnummer: ander.toewijzingsnummer },
    });
    expect(actoren).toBe(1);
    expect(verwerkingen).toEqual(
      [eerste.inwonerId, ander.inwonerId].sort().map((betrokkene) => ({
        verwerkingsactiviteit: 'jeugd:toewijzing:lezen', betrokkene, betrokkeneSoort: 'inwoner', resultaat: 'geslaagd',
        actor: { organisatie: 'uo-hbel', rollen: ['consulent'], actor: 'c0ffee' },
      })),
    );
  });

  it('records nothing for aggregates and code lists', async () => {
    const { result, actoren } = await loggedExecution<{ jeugdToewijzingenPerProductcategorie: unknown[] }>(
      harness,
      `{ jeugdToewijzingenPerProductcategorie(gemeenten: ["${eerste.gemeenteCode}"], jaar: 2024) { totaal } jeugdProductcategorieen { code } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.jeugdToewijzingenPerProductcategorie.length).toBeGreaterThan(0);
    expect(actoren).toBe(0);
  });

  it('gives the fg its part of the log as Logboek.jeugd, and no one else', async () => {
    expect((await harness.execute(`{ ${lookup(derde)} }`)).errors).toBeUndefined();
    const LOG = `query ($r: [_Any!]!, $b: String!) {
      _entities(representations: $r) { ... on Logboek { jeugd(betrokkene: $b) { items { verwerkingsactiviteit bron actor { rollen } } } } }
    }`;
    const variables = { r: [{ __typename: 'Logboek', id: 'logboek' }], b: derde.inwonerId };
    const { data, errors } = await harness.execute(LOG, variables, fg);
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([
      { jeugd: { items: [{ verwerkingsactiviteit: 'jeugd:toewijzing:lezen', bron: 'jeugd', actor: { rollen: ['consulent'] } }] } },
    ]);
    const refused = await harness.execute(LOG, variables, consulent);
    expect(firstError(refused)?.code).toBe('FORBIDDEN');
  });

  it("keeps another organisation's fg out of this organisation's records", async () => {
    const LOG = `query ($r: [_Any!]!, $b: String!) { _entities(representations: $r) { ... on Logboek { jeugd(betrokkene: $b) { pageInfo { totaal } } } } }`;
    const variables = { r: [{ __typename: 'Logboek', id: 'logboek' }], b: eerste.inwonerId };
    const eigen = await harness.execute(LOG, variables, fg);
    expect(eigen.data?._entities).toEqual([{ jeugd: { pageInfo: { totaal: 1 } } }]);
    const amersfoort = await harness.execute(LOG, variables, { ...fg, organisatie: '0307' });
    expect(amersfoort.errors).toBeUndefined();
    expect(amersfoort.data?._entities).toEqual([{ jeugd: { pageInfo: { totaal: 0 } } }]);
  });
});
