import diagnostics from 'node:diagnostics_channel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OwnGraph, startOwnGraph, ownDemoWorld } from './graph.test-utils.js';

// The world every subgraph loaded: a Huizen resident with a Wmo melding that has commentaar.
const world = ownDemoWorld();
const melding = world.meldingen.find((m) => m.gemeenteCode === '0406' && m.wet === 'WMO' && m.commentaar !== null)!;
const inwoner = world.inwoners.find((i) => i.id === melding.inwonerId)!;

/** The bodies of the gateway's requests to one subgraph (undici reports each on this channel). */
const sent = new Map<string, string[]>();
function onRequest(message: unknown): void {
  const { request } = message as { request: { origin: string; body?: unknown } };
  const body = typeof request.body === 'string' ? request.body : Buffer.isBuffer(request.body) ? request.body.toString() : '';
  sent.set(request.origin, [...(sent.get(request.origin) ?? []), body]);
}
function requestsTo(subgraph: string): string[] {
  return sent.get(new URL(graph.subgraphs.get(subgraph)!.url).origin) ?? [];
}

let graph: OwnGraph;

beforeAll(async () => {
  graph = await startOwnGraph();
  diagnostics.subscribe('undici:request:create', onRequest);
}, 600_000);

afterAll(async () => {
  diagnostics.unsubscribe('undici:request:create', onRequest);
  await graph?.stop();
});

const RESIDENT = `query Inwoner($id: String!) {
  gemeente(code: "0406") { naam }
  inwoner(id: $id) { id bsn meldingen { id commentaar } }
}`;

type Resident = {
  gemeente: { naam: string };
  inwoner: { id: string; bsn: string | null; meldingen: { id: string; commentaar: string | null }[] | null } | null;
};

describe('field authorization at the gateway', () => {
  it('answers the public part to an anonymous caller and refuses the resident without asking toegang', async () => {
    sent.clear();
    const { status, data, errors } = await graph.query<Resident>(RESIDENT, { id: inwoner.id });
    expect(status).toBe(200);
    expect(data).toEqual({ gemeente: { naam: 'Huizen' }, inwoner: null });
    expect(errors).toEqual([
      expect.objectContaining({ path: ['inwoner'], extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringContaining('Query.inwoner') }),
    ]);
    expect(requestsTo('toegang')).toEqual([]);
  });

  it('answers without any subgraph when every field is refused', async () => {
    sent.clear();
    const { data, errors } = await graph.query(`{ wmoToewijzingen(first: 1) { items { toewijzingsnummer } } }`);
    expect(data).toEqual({ wmoToewijzingen: null });
    expect(errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(requestsTo('wmo')).toEqual([]);
  });

  it('refuses an analist the BSN and toewijzingen but gives the aggregates', async () => {
    const token = await graph.token({ role: 'analist', org: '0406' });
    const { data, errors } = await graph.query(
      `query($id: String!) {
        inwoner(id: $id) { bsn }
        wmoToewijzingen(gemeente: "0406", first: 1) { items { toewijzingsnummer } }
        per: wmoToewijzingenPerProductcategorie(gemeenten: ["0406"], jaar: 2024) { totaal }
      }`,
      { id: inwoner.id },
      token,
    );
    expect(data?.inwoner).toBeNull();
    expect(data?.wmoToewijzingen).toBeNull();
    expect(Array.isArray(data?.per)).toBe(true);
    const refusals = errors?.filter((e) => e.message.startsWith('Geen toegang')) ?? [];
    expect(refusals.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['inwoner'], 'FORBIDDEN'],
      [['wmoToewijzingen'], 'FORBIDDEN'],
    ]);
  });

  it("refuses HBEL's backoffice the BSN and the free text, and toegang is never asked for them", async () => {
    sent.clear();
    const token = await graph.token({ role: 'backoffice', org: 'uo-hbel' });
    const { errors } = await graph.query<Resident>(RESIDENT, { id: inwoner.id }, token);
    // The back office has no BSN nor free-text purpose (ROLE_SCOPES); the resident itself it may ask for.
    expect(errors?.map((e) => [e.path, e.extensions?.code, e.message.split(':')[0]])).toEqual([
      [['inwoner', 'bsn'], 'FORBIDDEN', 'Geen toegang tot Inwoner.bsn'],
      [['inwoner', 'meldingen', '@', 'commentaar'], 'FORBIDDEN', 'Geen toegang tot Melding.commentaar'],
    ]);
    const toegang = requestsTo('toegang');
    expect(toegang.some((body) => body.includes('meldingen'))).toBe(true);
    expect(toegang.some((body) => body.includes('bsn') || body.includes('commentaar'))).toBe(false);
  });

  it("gives HBEL's consulent the BSN and the free text", async () => {
    const token = await graph.token({ role: 'consulent', org: 'uo-hbel' });
    const { data, errors } = await graph.query<Resident>(RESIDENT, { id: inwoner.id }, token);
    expect(errors).toBeUndefined();
    expect(data?.inwoner?.bsn).toBe(inwoner.bsn);
    expect(data?.inwoner?.meldingen).toContainEqual({ id: melding.id, commentaar: melding.commentaar });
  });

  it('refuses through fragments and aliases, and keeps the plan of one caller from another', async () => {
    const query = `query($id: String!) { wie: inwoner(id: $id) { ...Persoon } }
      fragment Persoon on Inwoner { id nummer: bsn }`;
    const aanbieder = await graph.token({ role: 'aanbieder', org: '12345678' });
    const refused = await graph.query(query, { id: inwoner.id }, aanbieder);
    expect(refused.errors?.map((e) => [e.path, e.extensions?.code])).toContainEqual([['wie', 'nummer'], 'FORBIDDEN']);
    const consulent = await graph.token({ role: 'consulent', org: 'uo-hbel' });
    const allowed = await graph.query(query, { id: inwoner.id }, consulent);
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data).toEqual({ wie: { id: inwoner.id, nummer: inwoner.bsn } });
  });
});
