import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayServer, type RunningGateway } from '../create-gateway.js';
import { loadDevIssuer } from '../dev-issuer/dev-issuer.js';
import { mintToken } from '../dev-issuer/mint-token.js';
import { composeSupergraph, postGraphql, startTinySubgraph, type TinySubgraph, tempDir, testConfig } from '../gateway.test-utils.js';

const SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
type Query { gemeente(code: String!): Gemeente  versie: String }
type Gemeente @key(fields: "code") { code: String! naam: String }`;

let calls = 0;
const RESOLVERS = {
  Query: { gemeente: (_: unknown, args: { code: string }) => (calls++, { code: args.code, naam: 'Huizen' }), versie: () => (calls++, 'v1') },
};

const IN_MANIFEST = 'query Gemeente($code: String!) { gemeente(code: $code) { code naam } }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let subgraph: TinySubgraph;
let dir: Awaited<ReturnType<typeof tempDir>>;
let gateway: RunningGateway;
const token = async (client?: string) => `Bearer ${await mintToken(await loadDevIssuer('memory'), { role: 'subsidiepartner', org: 'sp-1', client })}`;

beforeAll(async () => {
  subgraph = await startTinySubgraph('alpha', SDL, RESOLVERS);
  dir = await tempDir();
  const supergraphPath = await dir.file('supergraph.graphql', composeSupergraph([subgraph]));
  // Two clients with the same manifest, as `npm run compose` writes them; only `voordeur` is safelisted.
  for (const client of ['voordeur', 'verkenner']) {
    await mkdir(join(dir.path, 'clients', client, 'generated'), { recursive: true });
    await writeFile(join(dir.path, 'clients', client, 'generated', 'persisted-documents.json'), JSON.stringify({ [sha256(IN_MANIFEST)]: IN_MANIFEST }));
  }
  gateway = await createGatewayServer(
    testConfig({ supergraphPath, subgraphUrls: { alpha: subgraph.url }, trustedDocumentsDir: join(dir.path, 'clients'), safelistClients: ['voordeur'] }),
  );
}, 60_000);

afterAll(async () => {
  await gateway?.stop();
  await subgraph?.stop();
  await dir?.remove();
});

const byId = (id: string) => ({ variables: { code: '0406' }, extensions: { persistedQuery: { version: 1, sha256Hash: id } } });

describe('trusted documents', () => {
  it('serves a client in safelist mode its manifest operation, by id and by text', async () => {
    for (const body of [byId(sha256(IN_MANIFEST)), { query: IN_MANIFEST, variables: { code: '0406' } }]) {
      const { status, body: answer } = await postGraphql(gateway.url, body, { authorization: await token('voordeur') });
      expect(status).toBe(200);
      expect(answer).toEqual({ data: { gemeente: { code: '0406', naam: 'Huizen' } } });
    }
  });

  it('refuses it anything else with 403 PERSISTED_QUERY_NOT_IN_SAFELIST, before any subgraph is asked', async () => {
    const before = calls;
    const other = '{ versie }';
    for (const body of [{ query: other }, byId(sha256(other)), { query: `${IN_MANIFEST} ` , variables: { code: '0406' } }, { query: other, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(other) } } }]) {
      const { status, body: answer } = await postGraphql(gateway.url, body, { authorization: await token('voordeur') });
      expect(status).toBe(403);
      expect(answer.data).toBeUndefined();
      expect(answer.errors).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/client "voordeur" mag alleen de operaties uit zijn manifest/), extensions: { code: 'PERSISTED_QUERY_NOT_IN_SAFELIST', sociaalGraph: { client: 'voordeur' } } }),
      ]);
    }
    expect(calls).toBe(before);
  });

  it('lets a client outside safelist mode send its manifest by id and any other operation', async () => {
    expect((await postGraphql(gateway.url, byId(sha256(IN_MANIFEST)), { authorization: await token('verkenner') })).body.data).toEqual({ gemeente: { code: '0406', naam: 'Huizen' } });
    expect((await postGraphql(gateway.url, { query: '{ versie }' }, { authorization: await token('verkenner') })).body).toEqual({ data: { versie: 'v1' } });
  });

  it('leaves a token without a client (GraphiQL) to APQ: an unknown id is PERSISTED_QUERY_NOT_FOUND, then the text registers it', async () => {
    const text = '{ versie }';
    const first = await postGraphql(gateway.url, byId(sha256(text)), { authorization: await token() });
    expect(first.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const register = await postGraphql(gateway.url, { query: text, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(text) } } }, { authorization: await token() });
    expect(register.body).toEqual({ data: { versie: 'v1' } });
    expect((await postGraphql(gateway.url, byId(sha256(text)), { authorization: await token() })).body).toEqual({ data: { versie: 'v1' } });
  });

  it('with SAFELIST_CLIENTS=* (the default) holds every client to its manifest, one without a manifest to nothing', async () => {
    const all = await createGatewayServer(testConfig({ supergraphPath: join(dir.path, 'supergraph.graphql'), subgraphUrls: { alpha: subgraph.url }, trustedDocumentsDir: join(dir.path, 'clients'), safelistClients: '*' }));
    try {
      const ask = async (client: string) => (await postGraphql(all.url, { query: IN_MANIFEST, variables: { code: '0406' } }, { authorization: await token(client) })).status;
      expect([await ask('voordeur'), await ask('verkenner'), await ask('onbekend')]).toEqual([200, 200, 403]);
    } finally {
      await all.stop();
    }
  });
});
