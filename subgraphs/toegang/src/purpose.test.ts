import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scope, testPrincipal } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { subgraph } from './schema.js';
import { demoWorld } from './world.test-utils.js';

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(() => harness?.close());

const QUERY = `query ($id: String!) { inwoner(id: $id) { id bsn meldingen { id commentaar } } }`;
type Result = { inwoner: { id: string; bsn: string | null; meldingen: { id: string; commentaar: string | null }[] } | null };

/** Every gemeente, with only the given purposes. */
const caller = (scopes: Scope[]) => testPrincipal({ scope: () => ({ alle: true }), scopes });

describe('BSN and free text in toegang (second line behind the gateway)', () => {
  const world = demoWorld();
  const melding = world.meldingen.find((m) => m.commentaar !== null)!;
  const inwoner = world.inwoners.find((i) => i.id === melding.inwonerId)!;

  it('returns both to a caller with the BSN and free-text purposes', async () => {
    const { data, errors } = await harness.execute<Result>(QUERY, { id: inwoner.id }, caller([Scope.PERSOONSGEGEVENS, Scope.BSN, Scope.VRIJE_TEKST]));
    expect(errors).toBeUndefined();
    expect(data?.inwoner?.bsn).toBe(inwoner.bsn);
    expect(data?.inwoner?.meldingen).toContainEqual({ id: melding.id, commentaar: melding.commentaar });
  });

  it('returns null with FORBIDDEN for each without its purpose, and the rest of the resident', async () => {
    const { data, errors } = await harness.execute<Result>(QUERY, { id: inwoner.id }, caller([Scope.PERSOONSGEGEVENS]));
    expect(data?.inwoner?.id).toBe(inwoner.id);
    expect(data?.inwoner?.bsn).toBeNull();
    expect(data?.inwoner?.meldingen.every((m) => m.commentaar === null)).toBe(true);
    const refused = new Set(errors?.map((e) => `${e.extensions?.code} ${e.message.split(':')[0]}`));
    expect(refused).toEqual(new Set(['FORBIDDEN Geen toegang tot Inwoner.bsn', 'FORBIDDEN Geen toegang tot Melding.commentaar']));
  });
});
