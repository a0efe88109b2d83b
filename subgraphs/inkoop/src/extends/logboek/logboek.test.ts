import { Scope, scopesForRoles, testPrincipal, type WorldDeclaratie } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, loggedExecution, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, defaultWorld, firstError } from '../../inkoop.test-utils.js';
import { subgraph } from '../../schema.js';

// Issue 3, item 7: every read of declaraties leaves one Logboek Dataverwerkingen record per
// toewijzing read (a declaratie names no resident); public contract data leaves none; only the
// fg reads the log back.
const backoffice = testPrincipal({
  organisatie: 'uo-hbel', rollen: ['backoffice'], scopes: scopesForRoles(['backoffice']), actor: 'c0ffee', scope: () => ({ alle: true }),
});
const fg = testPrincipal({ organisatie: 'uo-hbel', rollen: ['fg'], actor: 'f9', scopes: [Scope.LOGBOEK], scope: () => ({ alle: false, gemeenten: [] }) });

const world = defaultWorld();
const DECLARATIES = `query ($gemeente: String!, $aanbieder: String!, $van: String!, $tot: String!) {
  declaraties(gemeente: $gemeente, wet: WMO, aanbieder: $aanbieder, ingediendVanaf: $van, ingediendTot: $tot, first: 500) { items { id } }
}`;

/** The Wmo declaraties of a gemeente's first declaring aanbieder in a period, with the query's variables. */
function declaratiesVan(gemeente: string, van: string, tot: string): { variables: Record<string, string>; rows: WorldDeclaratie[] } {
  const inPeriod = world.declaraties.filter((d) => d.gemeenteCode === gemeente && d.wet === 'WMO' && d.ingediendOp >= van && d.ingediendOp <= tot);
  const aanbieder = inPeriod[0].aanbiederAgb;
  return { variables: { gemeente, aanbieder, van, tot }, rows: inPeriod.filter((d) => d.aanbiederAgb === aanbieder) };
}
const subject = (d: WorldDeclaratie) => `wmo:${d.gemeenteCode}:${d.toewijzingsnummer}`;

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph, {}, { principal: backoffice });
});
afterAll(async () => {
  await harness?.close();
});

describe('Logboek Dataverwerkingen of inkoop', () => {
  it('records one verwerking per toewijzing whose declaraties were read, with the actor in the linked record', async () => {
    const { variables, rows } = declaratiesVan('0406', '2024-01-01', '2024-03-31');
    const toewijzingen = [...new Set(rows.map(subject))].sort();
    // Months of one toewijzing: fewer records than declaraties.
    expect(toewijzingen.length).toBeLessThan(rows.length);
    const { result, actoren, verwerkingen } = await loggedExecution<{ declaraties: { items: { id: string }[] } }>(harness, DECLARATIES, variables);
    expect(dataOf(result).declaraties.items.map((item) => item.id).sort()).toEqual(rows.map((d) => d.id).sort());
    expect(actoren).toBe(1);
    expect(verwerkingen).toEqual(
      toewijzingen.map((betrokkene) => ({
        verwerkingsactiviteit: 'inkoop:declaratie:lezen', betrokkene, betrokkeneSoort: 'toewijzing', resultaat: 'geslaagd',
        actor: { organisatie: 'uo-hbel', rollen: ['backoffice'], actor: 'c0ffee' },
      })),
    );
  });

  it('records nothing for public contract data', async () => {
    const { result, actoren } = await loggedExecution<{ contracten: { items: unknown[] } }>(
      harness,
      `{ contracten(first: 5) { items { id percelen { naam } } } aanbieders(first: 5) { items { agbCode } } }`,
    );
    expect(dataOf(result).contracten.items).toHaveLength(5);
    expect(actoren).toBe(0);
  });

  it('gives the fg its part of the log as Logboek.inkoop, and no one else', async () => {
    const { variables, rows } = declaratiesVan('0317', '2024-01-01', '2024-01-31');
    expect((await harness.execute(DECLARATIES, variables)).errors).toBeUndefined();
    const LOG = `query ($r: [_Any!]!, $b: String!) {
      _entities(representations: $r) { ... on Logboek { inkoop(betrokkene: $b) { items { verwerkingsactiviteit bron actor { rollen } } } } }
    }`;
    const log = { r: [{ __typename: 'Logboek', id: 'logboek' }], b: subject(rows[0]) };
    const { data, errors } = await harness.execute(LOG, log, fg);
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([
      { inkoop: { items: [{ verwerkingsactiviteit: 'inkoop:declaratie:lezen', bron: 'inkoop', actor: { rollen: ['backoffice'] } }] } },
    ]);
    expect(firstError(await harness.execute(LOG, log, backoffice))?.code).toBe('FORBIDDEN');
  });
});
