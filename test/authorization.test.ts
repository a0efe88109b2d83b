import { vandaagInNederland } from '@sociaal-graph/toolkit';
import { loadDevIssuer, mintToken } from '@sociaal-graph/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningGraph, startGraph, demoWorld } from './graph.test-utils.js';

// The world every subgraph loaded, computed here independently of the subgraphs' SQL.
const world = demoWorld();
const today = vandaagInNederland();
let graph: RunningGraph;

beforeAll(async () => {
  graph = await startGraph();
}, 600_000);

afterAll(async () => {
  await graph?.stop();
});

/** Whether `org` holds (wet, rol) for `gemeente` in an arrangement valid today, per the demo world. */
function holds(org: string, wet: string, rol: string, gemeente: string): boolean {
  return world.arrangementen.some(
    (a) =>
      a.organisatieId === org && a.wet === wet && a.rol === rol && a.gemeenteCode === gemeente &&
      a.geldigVan <= today && (a.geldigTot === null || today <= a.geldigTot),
  );
}

const TOTALS = `query Totalen($gemeente: String!) {
  wmo: wmoToewijzingen(gemeente: $gemeente, first: 0) { pageInfo { totaal } }
  jeugd: jeugdToewijzingen(gemeente: $gemeente, first: 0) { pageInfo { totaal } }
}`;

type Totals = { wmo: { pageInfo: { totaal: number } }; jeugd: { pageInfo: { totaal: number } } };

async function totals(gemeente: string, token?: string): Promise<{ wmo: number; jeugd: number }> {
  const { data, errors, status } = await graph.query<Totals>(TOTALS, { gemeente }, token);
  expect(status).toBe(200);
  expect(errors).toBeUndefined();
  return { wmo: data?.wmo.pageInfo.totaal ?? -1, jeugd: data?.jeugd.pageInfo.totaal ?? -1 };
}

const count = (list: readonly { gemeenteCode: string }[], gemeente: string) => list.filter((t) => t.gemeenteCode === gemeente).length;

describe('mandates decide rows', () => {
  it("gives HBEL's consulent Eemnes' Wmo but never Eemnes' Jeugdwet", async () => {
    const token = await graph.token({ role: 'consulent', org: 'uo-hbel' });
    expect(count(world.wmoToewijzingen, '0317')).toBeGreaterThan(0);
    expect(await totals('0317', token)).toEqual({ wmo: count(world.wmoToewijzingen, '0317'), jeugd: 0 });
    const { data } = await graph.query(`{ jeugdToewijzingen(gemeente: "0317", first: 5) { items { toewijzingsnummer } } }`, undefined, token);
    expect(data?.jeugdToewijzingen.items).toEqual([]);
  });

  it("gives Amersfoort's consulent Eemnes' Jeugdwet only", async () => {
    const token = await graph.token({ role: 'consulent', org: '0307' });
    expect(count(world.jeugdToewijzingen, '0317')).toBeGreaterThan(0);
    expect(await totals('0317', token)).toEqual({ wmo: 0, jeugd: count(world.jeugdToewijzingen, '0317') });
  });

  it.each([
    ['consulent', 'uo-hbel'],
    ['backoffice', 'uo-hbel'],
    ['consulent', '0307'],
    ['consulent', '0406'],
  ])('shows a %s of %s exactly the toewijzingen of its UITVOERING arrangements, in every gemeente', async (role, org) => {
    const token = await graph.token({ role, org });
    for (const { code } of world.gemeenten) {
      expect(await totals(code, token), `${role} ${org} ${code}`).toEqual({
        wmo: holds(org, 'WMO', 'UITVOERING', code) ? count(world.wmoToewijzingen, code) : 0,
        jeugd: holds(org, 'JEUGDWET', 'UITVOERING', code) ? count(world.jeugdToewijzingen, code) : 0,
      });
    }
  });

  it.each([
    ['inkoper', 'regio-gv'],
    ['analist', 'uo-hbel'],
    ['beleid', '0406'],
  ])('refuses a %s of %s the toewijzingen at the gateway (no persoonsgegevens purpose)', async (role, org) => {
    const { data, errors } = await graph.query(TOTALS, { gemeente: '0406' }, await graph.token({ role, org }));
    expect(data).toEqual({ wmo: null, jeugd: null });
    expect(errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['wmo'], 'FORBIDDEN'], [['jeugd'], 'FORBIDDEN']]);
  });

  it("gives the region's inkoper the declaraties of its contract management, not the consulent", async () => {
    const query = `{ declaraties(gemeente: "0376", wet: WMO, first: 0) { pageInfo { totaal } } }`;
    const expected = world.declaraties.filter((d) => d.gemeenteCode === '0376' && d.wet === 'WMO').length;
    expect(expected).toBeGreaterThan(0);
    const inkoper = await graph.query(query, undefined, await graph.token({ role: 'inkoper', org: 'regio-gv' }));
    expect(inkoper.data?.declaraties.pageInfo.totaal).toBe(expected);
    const consulent = await graph.query(query, undefined, await graph.token({ role: 'consulent', org: 'uo-hbel' }));
    expect(consulent.data?.declaraties.pageInfo.totaal).toBe(0);
  });
});

describe('anonymous callers', () => {
  it('get public data', async () => {
    const { data, errors } = await graph.query(`{ gemeente(code: "0317") { naam arrangementen { wet rol } } }`);
    expect(errors).toBeUndefined();
    expect(data?.gemeente.naam).toBe('Eemnes');
    expect(data?.gemeente.arrangementen.length).toBeGreaterThan(0);
  });

  it('get no resident rows', async () => {
    const totalen = await graph.query(TOTALS, { gemeente: '0376' });
    expect(totalen.data).toEqual({ wmo: null, jeugd: null });
    expect(totalen.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    const { data } = await graph.query(`{ inwoners(gemeente: "0376", first: 5) { items { id } pageInfo { totaal } } }`);
    expect(data?.inwoners).toBeNull();
    const inwoner = world.inwoners.find((i) => i.gemeenteCode === '0376');
    const direct = await graph.query(`query ($id: String!) { inwoner(id: $id) { id } }`, { id: inwoner?.id });
    expect(direct.data?.inwoner ?? null).toBeNull();
  });
});

describe('tokens that are refused', () => {
  const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it.each([
    ['forged (signed with another key)', async () => mintToken(await loadDevIssuer('memory'), { role: 'consulent', org: 'uo-hbel' })],
    ['expired', async () => graph.token({ role: 'consulent', org: 'uo-hbel', now: Date.now() - 3 * 3600_000, expiresInSeconds: 3600 })],
    ['for another audience', async () => graph.token({ role: 'consulent', org: 'uo-hbel', audience: 'een-andere-dienst' })],
    ['from another issuer', async () => graph.token({ role: 'consulent', org: 'uo-hbel', issuer: 'https://elders.example' })],
    ['not valid yet', async () => graph.token({ role: 'consulent', org: 'uo-hbel', notBeforeSeconds: 3600 })],
    ['unsigned (alg none)', async () => {
      const now = Math.floor(Date.now() / 1000);
      const payload = { iss: 'sociaal-graph-ontwikkeling', aud: 'sociaal-graph', sub: 'x', org: 'uo-hbel', roles: ['consulent'], iat: now, exp: now + 600 };
      return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`;
    }],
    ['with a tampered payload', async () => {
      const [header, , signature] = (await graph.token({ role: 'consulent', org: '0307' })).split('.');
      const now = Math.floor(Date.now() / 1000);
      const payload = { iss: 'sociaal-graph-ontwikkeling', aud: 'sociaal-graph', sub: 'x', org: 'uo-hbel', roles: ['consulent'], iat: now, exp: now + 600 };
      return `${header}.${base64url(payload)}.${signature}`;
    }],
    ['not a JWT', async () => 'rommel'],
  ])('refuses a token %s with HTTP 401 and UNAUTHENTICATED, and no data', async (_name, makeToken) => {
    const response = await graph.query(`{ wmoToewijzingen(gemeente: "0317", first: 1) { pageInfo { totaal } } }`, undefined, await makeToken());
    expect(response.status).toBe(401);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.errors?.[0].message).toMatch(/\S/);
  });
});

describe('a subgraph reached directly', () => {
  it('refuses a request without a valid caller assertion and gives nothing', async () => {
    const wmo = graph.subgraphs.get('wmo');
    if (!wmo) throw new Error('wmo is not running');
    const query = JSON.stringify({ query: '{ wmoToewijzingen(first: 5) { items { toewijzingsnummer } } }' });
    for (const headers of [{}, { 'x-sociaal-graph-caller': 'a.b.c' }] as Record<string, string>[]) {
      const response = await fetch(wmo.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: query });
      expect(response.status).toBe(401);
      const body = (await response.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
      expect(body.data).toBeUndefined();
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    expect((await fetch(wmo.url.replace(/\/graphql$/, '/health'))).status).toBe(200);
  });
});
