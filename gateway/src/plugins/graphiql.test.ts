import { get, request as httpRequest } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayServer, type RunningGateway } from '../create-gateway.js';
import {
  ALPHA_RESOLVERS,
  ALPHA_SDL,
  composeSupergraph,
  startTinySubgraph,
  type TinySubgraph,
  tempDir,
  testConfig,
} from '../gateway.test-utils.js';
import { createTokenVerifier } from '../auth/token-verifier.js';
import { GRAPHIQL_ASSET_PREFIX } from './graphiql.js';
import { OPERATION_GROUPS } from './graphiql-operations.js';

let alpha: TinySubgraph;
let dir: Awaited<ReturnType<typeof tempDir>>;
let supergraphPath: string;
let gateway: RunningGateway;
let origin: string;

beforeAll(async () => {
  alpha = await startTinySubgraph('alpha', ALPHA_SDL, ALPHA_RESOLVERS);
  dir = await tempDir();
  supergraphPath = await dir.file('supergraph.graphql', composeSupergraph([alpha]));
  gateway = await createGatewayServer(testConfig({ supergraphPath }));
  origin = new URL(gateway.url).origin;
});

afterAll(async () => {
  await gateway?.stop();
  await alpha?.stop();
  await dir?.remove();
});

async function landingPage(url: string): Promise<Response> {
  return fetch(url, { headers: { accept: 'text/html' } });
}

describe('graphiqlPlugin', () => {
  it('serves GraphiQL as the landing page with only local asset URLs', async () => {
    for (const path of ['/graphql', '/']) {
      const response = await landingPage(`${origin}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      const html = await response.text();
      expect(html).toContain('GraphiQL');
      expect(html).toContain('Bearer-token');
      const outside = (html.match(/https?:\/\/[^\s"'<>)]+/g) ?? []).filter((url) => !/^https?:\/\/127\.0\.0\.1[:/]/.test(url));
      expect(outside).toEqual([]);
      const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
      expect(assets.length).toBe(5);
      for (const asset of assets) expect(asset.startsWith(GRAPHIQL_ASSET_PREFIX)).toBe(true);
    }
  });

  it('serves every asset the page names, plain and gzipped', async () => {
    const html = await (await landingPage(gateway.url)).text();
    for (const [, asset] of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
      const plain = await fetch(`${origin}${asset}`, { headers: { 'accept-encoding': 'identity' } });
      expect(plain.status, asset).toBe(200);
      expect(plain.headers.get('content-type')).toMatch(asset.endsWith('.css') ? /text\/css/ : /text\/javascript/);
      const body = Buffer.from(await plain.arrayBuffer());
      expect(body.length).toBeGreaterThan(1_000);
      // Node's fetch decodes gzip on its own, so read the raw bytes with node:http.
      const zipped = await rawGet(`${origin}${asset}`, { 'accept-encoding': 'gzip' });
      expect(zipped.encoding).toBe('gzip');
      expect(gunzipSync(zipped.bytes).equals(body)).toBe(true);
    }
  });

  it('serves nothing else under the asset prefix', async () => {
    for (const path of ['package.json', '../package.json', 'graphiql.js', '']) {
      expect((await fetch(`${origin}${GRAPHIQL_ASSET_PREFIX}${path}`)).status, path).toBe(404);
    }
  });

  it('lists the saved operations of every user group with title, description and text', async () => {
    const response = await fetch(`${origin}${GRAPHIQL_ASSET_PREFIX}operations.json`);
    expect(response.status).toBe(200);
    const { groepen, operaties } = (await response.json()) as {
      groepen: typeof OPERATION_GROUPS;
      operaties: { groep: string; titel: string; beschrijving: string; query: string }[];
    };
    expect(groepen).toEqual(OPERATION_GROUPS);
    expect(new Set(operaties.map((operation) => operation.groep))).toEqual(new Set(Object.keys(OPERATION_GROUPS)));
    for (const operation of operaties) {
      expect(operation.titel, operation.query).not.toBe('');
      expect(operation.beschrijving, operation.titel).not.toBe('');
      expect(operation.query).toMatch(/^\s*query \w+/m);
    }
  });

  it('mints development tokens the gateway accepts when it trusts the development issuer', async () => {
    const info = await fetch(`${origin}${GRAPHIQL_ASSET_PREFIX}dev-token`);
    expect(info.status).toBe(200);
    expect(((await info.json()) as { rollen: string[] }).rollen).toContain('analist');
    const response = await postJson(`${origin}${GRAPHIQL_ASSET_PREFIX}dev-token`, { rol: 'inkoper', organisatie: 'regio-gv' });
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as { token: string };
    const verified = await createTokenVerifier(testConfig({ supergraphPath }).auth, 'memory')(token);
    expect(verified).toMatchObject({ org: 'regio-gv', roles: ['inkoper'] });
  });

  it('refuses a development token for an unknown role or without JSON', async () => {
    const url = `${origin}${GRAPHIQL_ASSET_PREFIX}dev-token`;
    expect((await postJson(url, { rol: 'beheerder', organisatie: 'uo-hbel' })).status).toBe(400);
    expect((await postJson(url, { rol: 'consulent', organisatie: '' })).status).toBe(400);
    const form = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"rol":"consulent","organisatie":"uo-hbel"}' });
    expect(form.status).toBe(405);
  });

  it('refuses a development token from 127.0.0.1 when Host or Origin is not this gateway on loopback (DNS rebinding)', async () => {
    const { port } = new URL(origin);
    const body = JSON.stringify({ rol: 'consulent', organisatie: 'uo-hbel' });
    const foreign: Record<string, string>[] = [
      { host: `evil.example:${port}` },
      { host: `evil.example:${port}`, origin: `http://evil.example:${port}` },
      { host: `127.0.0.1:${port}`, origin: `http://evil.example:${port}` },
      { host: `127.0.0.1:${port}`, origin: 'null' },
      { host: `127.0.0.1:${Number(port) + 1}` },
      { host: `localhost:${port}`, origin: `http://localhost:${Number(port) + 1}` },
      { host: '127.0.0.1' },
    ];
    for (const headers of foreign) {
      for (const method of ['GET', 'POST']) {
        const answer = await rawRequest(`${origin}${GRAPHIQL_ASSET_PREFIX}dev-token`, method, { ...headers, 'content-type': 'application/json' }, body);
        expect(answer.status, `${method} ${JSON.stringify(headers)}`).toBe(403);
        expect(JSON.parse(answer.body), JSON.stringify(headers)).toMatchObject({ code: 'DEV_TOKEN_FORBIDDEN' });
        expect(answer.body).not.toMatch(/eyJ/);
      }
    }
    // The gateway's own names, with and without Origin, still get one.
    for (const headers of <Record<string, string>[]>[{ host: `localhost:${port}`, origin: `http://localhost:${port}` }, { host: `127.0.0.1:${port}` }, { host: `[::1]:${port}`, origin: `http://[::1]:${port}` }]) {
      const answer = await rawRequest(`${origin}${GRAPHIQL_ASSET_PREFIX}dev-token`, 'POST', { ...headers, 'content-type': 'application/json' }, body);
      expect(answer.status, JSON.stringify(headers)).toBe(200);
      expect(JSON.parse(answer.body)).toHaveProperty('token');
    }
  });

  it('offers no development tokens under NODE_ENV=production, even without a JWKS', async () => {
    const production = await createGatewayServer(testConfig({ supergraphPath, production: true }));
    try {
      const url = `${new URL(production.url).origin}${GRAPHIQL_ASSET_PREFIX}dev-token`;
      expect((await fetch(url)).status).toBe(404);
      expect((await postJson(url, { rol: 'consulent', organisatie: 'uo-hbel' })).status).toBe(404);
    } finally {
      await production.stop();
    }
  });

  it('offers no development tokens when a JWKS names the issuer', async () => {
    const real = await createGatewayServer(
      testConfig({ supergraphPath, auth: { jwksFile: `${dir.path}/jwks.json`, issuer: 'https://idp.example', audience: 'sociaal-graph', algorithms: ['ES256'], clockSkewSeconds: 30 } }),
    );
    try {
      const url = `${new URL(real.url).origin}${GRAPHIQL_ASSET_PREFIX}dev-token`;
      expect((await fetch(url)).status).toBe(404);
      expect((await postJson(url, { rol: 'consulent', organisatie: 'uo-hbel' })).status).toBe(404);
    } finally {
      await real.stop();
    }
  });

  it('is replaced by no landing page at all when introspection is off', async () => {
    const closed = await createGatewayServer(testConfig({ supergraphPath, introspection: false }));
    try {
      const response = await landingPage(closed.url);
      expect(response.headers.get('content-type')).not.toMatch(/text\/html/);
      expect(await response.text()).not.toContain('GraphiQL');
    } finally {
      await closed.stop();
    }
  });
});

function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** node:http, because fetch sets Host itself. */
function rawRequest(url: string, method: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end(method === 'POST' ? body : undefined);
  });
}

function rawGet(url: string, headers: Record<string, string>): Promise<{ encoding?: string; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ encoding: response.headers['content-encoding'], bytes: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}
