import { createHash, createHmac, randomBytes } from 'node:crypto';
import { loadDevIssuer } from '@sociaal-graph/gateway';
import { type CallerClaims, operationHash } from '@sociaal-graph/toolkit';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { demoWorld, useGraph } from './graph.test-utils.js';

/**
 * Issue 9 items 1 and 2, against the running subgraphs: only an assertion the gateway signed with the
 * installation's private key, for this subgraph, for exactly this operation, once, within 60 s, and
 * never with the claims of an in-process test principal, reaches any data.
 */
const graph = useGraph();
const world = demoWorld();

const trace = () => randomBytes(16).toString('hex');
const consulent = (): CallerClaims => ({
  org: 'uo-hbel',
  roles: ['consulent'],
  actor: 'test-actor',
  traceId: trace(),
  verzoekId: trace(),
  mandates: { WMO: { TOEGANG: ['0317'], UITVOERING: ['0317'] } },
});

const WMO = '{ wmoToewijzingen(gemeente: "0317", first: 2) { items { toewijzingsnummer } } }';
const INWONERS = '{ inwoners(gemeente: "0317", first: 2) { items { id bsn } } }';
const SUBSIDIES = '{ subsidies(first: 1) { items { id } } }';

function expectRefused(response: { status: number; data?: unknown; errors?: { extensions?: Record<string, unknown> }[] }): void {
  expect(response.status).toBe(401);
  expect(response.data).toBeUndefined();
  expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
}

/** An HS256 assertion as the gateway used to sign them, with `secret`. */
function hs256(claims: CallerClaims, secret: string): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ ...claims, iss: 'sociaal-graph-gateway', aud: 'sociaal-graph-subgraph', iat: now, exp: now + 60 })}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

describe('a subgraph reached directly', () => {
  it('answers an assertion signed with the installation key, bound to it and its operation', async () => {
    const assertion = await graph.assertion(consulent(), { subgraph: 'wmo', query: WMO });
    const response = await graph.askSubgraph('wmo', WMO, undefined, assertion);
    expect(response.status).toBe(200);
    expect(response.data?.wmoToewijzingen.items.length).toBeGreaterThan(0);
  });

  it('refuses an assertion signed with any key written in the repository, or another key of the installation', async () => {
    for (const secret of ['sociaal-graph-ontwikkeling-assertie', 'test-caller-assertion-secret', 'sociaal-graph-ontwikkeling-geheim']) {
      expectRefused(await graph.askSubgraph('wmo', WMO, undefined, hs256(consulent(), secret)));
    }
    // The development issuer's key signs tokens for the gateway; as an assertion key it is worth nothing.
    const issuer = await loadDevIssuer(graph.dataDir);
    const now = Math.floor(Date.now() / 1000);
    const withIssuerKey = await new SignJWT({ ...consulent(), op: operationHash(WMO, undefined) })
      .setProtectedHeader({ alg: 'ES256' }).setIssuer('sociaal-graph-gateway').setAudience('wmo')
      .setJti(randomBytes(16).toString('hex')).setIssuedAt(now).setExpirationTime(now + 60)
      .sign(issuer.privateKey);
    expectRefused(await graph.askSubgraph('wmo', WMO, undefined, withIssuerKey));
  });

  it('refuses an assertion captured at one subgraph at every other, for another query, and the second time', async () => {
    const query = SUBSIDIES;
    const captured = await graph.assertion(consulent(), { subgraph: 'subsidies', query });
    expect((await graph.askSubgraph('subsidies', query, undefined, captured)).status).toBe(200);
    // The second time, with exactly the same operation.
    expectRefused(await graph.askSubgraph('subsidies', query, undefined, captured));
    // Fresh ones, each used once, everywhere else and for another operation.
    for (const [subgraph, other] of [['toegang', INWONERS], ['wmo', WMO], ['toegang', query]] as const) {
      const fresh = await graph.assertion(consulent(), { subgraph: 'subsidies', query });
      expectRefused(await graph.askSubgraph(subgraph, other, undefined, fresh));
    }
    const fresh = await graph.assertion(consulent(), { subgraph: 'subsidies', query });
    expectRefused(await graph.askSubgraph('subsidies', '{ subsidies(first: 2) { items { id } } }', undefined, fresh));
    const withVariables = 'query ($n: Int) { subsidies(first: $n) { items { id } } }';
    const bound = await graph.assertion(consulent(), { subgraph: 'subsidies', query: withVariables, variables: { n: 1 } });
    expectRefused(await graph.askSubgraph('subsidies', withVariables, { n: 50 }, bound));
  });

  it('never honours the claims of an in-process test principal, even signed with the installation key', async () => {
    const testOnly = [
      { ...consulent(), org: 'ontwikkeling' },
      { ...consulent(), roles: ['ontwikkeling'] },
      { ...consulent(), mandates: { WMO: { UITVOERING: '*' } } },
      { ...consulent(), roles: ['backoffice'], mandates: { PARTICIPATIEWET: { UITVOERING: '*' } } },
    ] as unknown as CallerClaims[];
    for (const claims of testOnly) {
      const assertion = await graph.assertion(claims, { subgraph: 'wmo', query: WMO });
      expectRefused(await graph.askSubgraph('wmo', WMO, undefined, assertion));
    }
  });
});

/** An analist of HBEL, with the statistics of its three gemeenten as the gateway gives them. */
const analist = (): CallerClaims => ({
  org: 'uo-hbel',
  roles: ['analist'],
  actor: 'test-actor',
  traceId: trace(),
  verzoekId: trace(),
  mandates: {},
  statistiek: { WMO: ['0317', '0376', '0406'], JEUGDWET: ['0376', '0406'], PARTICIPATIEWET: ['0317', '0376', '0406'] },
});

describe('per-resident values of the cost of stacking (issue 9 item 3)', () => {
  const LEDEN = '{ stapeling(gemeenten: ["0406"], jaar: 2025) { rijen { kosten { __typename gemeenteCode jaar leden } } } }';
  const PARTICIPATIEKOSTEN = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
    ... on StapelingKosten { participatiekosten { inwonerId wet bedrag } } } }`;

  it("are refused to an analist's own query at the subgraph, however freshly signed", async () => {
    const leden = await graph.askSubgraph('toegang', LEDEN, undefined, await graph.assertion(analist(), { subgraph: 'toegang', query: LEDEN }));
    expect(leden.status).toBe(200);
    expect(JSON.stringify(leden.data ?? null)).not.toMatch(/[0-9a-f]{32}/);
    expect(leden.errors?.map((error) => error.extensions?.code)).toContain('FORBIDDEN');
    // Any resident's benefits, for pseudonyms of the caller's choosing: refused in participatie too.
    const variables = { representations: [{ __typename: 'StapelingKosten', gemeenteCode: '0406', jaar: 2025, leden: demoResidents('0406') }] };
    const kosten = await graph.askSubgraph(
      'participatie',
      PARTICIPATIEKOSTEN,
      variables,
      await graph.assertion(analist(), { subgraph: 'participatie', query: PARTICIPATIEKOSTEN, variables }),
    );
    expect(kosten.data?._entities?.[0] ?? null).toBeNull();
    expect(kosten.errors?.map((error) => error.extensions?.code)).toContain('FORBIDDEN');
  });

  it('are answered to a step of the query plan, which the gateway names in the assertion', async () => {
    const leden = await graph.askSubgraph(
      'toegang',
      LEDEN,
      undefined,
      await graph.assertion(analist(), { subgraph: 'toegang', query: LEDEN, intern: ['StapelingKosten.leden'] }),
    );
    expect(leden.errors).toBeUndefined();
    expect(leden.data?.stapeling.rijen[0].kosten.leden.length).toBeGreaterThan(0);
  });

  it('never reach a client: the gateway refuses the field in a client operation', async () => {
    const token = await graph.token({ role: 'analist', org: 'uo-hbel' });
    const response = await graph.query(LEDEN, undefined, token);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

function demoResidents(gemeente: string): string[] {
  return world.inwoners.filter((inwoner) => inwoner.gemeenteCode === gemeente).slice(0, 50).map((inwoner) => inwoner.id);
}

describe('the Logboek (issue 9 items 4 and 7)', () => {
  const LOG = `query ($traceId: String, $verzoekId: String) { logboek {
    wmo(traceId: $traceId, verzoekId: $verzoekId, first: 100) { items { traceId verzoekId betrokkene actor { organisatie actor } } pageInfo { totaal } }
  } }`;

  it('keeps the organisation filter whatever the token says: organisation "ontwikkeling" is refused', async () => {
    const fg = await graph.token({ role: 'fg', org: 'ontwikkeling' });
    const response = await graph.query(LOG, {}, fg);
    expect(response.status).toBe(401);
    expect(response.data ?? null).toBeNull();
    // And signed as the gateway would, straight to the subgraph: refused too.
    const claims = { ...consulent(), org: 'ontwikkeling', roles: ['fg'], mandates: {} };
    const direct = await graph.askSubgraph('wmo', LOG, {}, await graph.assertion(claims, { subgraph: 'wmo', query: LOG, variables: {} }));
    expectRefused(direct);
  });

  it("files a read under the gateway's own request id, beside the client's trace id, and the fg finds it by either", async () => {
    const consulentToken = await graph.token({ role: 'consulent', org: 'uo-hbel' });
    // A client that files its read under someone else's trace id.
    const borrowed = randomBytes(16).toString('hex');
    const response = await fetch(graph.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${consulentToken}`, traceparent: `00-${borrowed}-${randomBytes(8).toString('hex')}-01` },
      body: JSON.stringify({ query: WMO.replace('toewijzingsnummer', 'toewijzingsnummer inwoner { id }') }),
    });
    expect(response.status).toBe(200);
    const verzoekId = response.headers.get('x-request-id') ?? '';
    expect(verzoekId).toMatch(/^[0-9a-f]{32}$/);
    expect(verzoekId).not.toBe(borrowed);
    const fg = await graph.token({ role: 'fg', org: 'uo-hbel' });
    const byRequest = await graph.query(LOG, { verzoekId }, fg);
    const byTrace = await graph.query(LOG, { traceId: borrowed }, fg);
    expect(byRequest.errors).toBeUndefined();
    const items = byRequest.data?.logboek.wmo.items as { traceId: string; verzoekId: string; actor: { organisatie: string; actor: string } }[];
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((item) => `${item.traceId}/${item.verzoekId}/${item.actor.organisatie}`))).toEqual(new Set([`${borrowed}/${verzoekId}/uo-hbel`]));
    expect(byTrace.data?.logboek.wmo.items).toEqual(items);
    // The actor is keyed: not the unkeyed SHA-256 of the token's subject.
    const subject = JSON.parse(Buffer.from(consulentToken.split('.')[1], 'base64url').toString()).sub as string;
    expect(items[0].actor.actor).not.toBe(createHash('sha256').update(subject).digest('hex').slice(0, 32));
  });
});
