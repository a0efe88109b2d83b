import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentId, generateClients, type GeneratedFile, generatedDir } from './client-codegen.js';
import { CLIENTS } from './client-list.js';
import { REPO_ROOT, SUPERGRAPH_PATH } from './subgraph-list.js';

// Issue 13: each client's generated code is what GraphQL Code Generator makes of its operations and
// the committed supergraph: a stale file or an invalid operation fails here.
describe('generated client code', () => {
  let supergraph: string;
  let fresh: GeneratedFile[];

  beforeAll(async () => {
    supergraph = await readFile(SUPERGRAPH_PATH, 'utf8');
    fresh = await generateClients(supergraph);
  }, 240_000);

  it.each(CLIENTS.map((client) => [client.id, client] as const))('clients/%s/generated/ is up to date', async (_id, client) => {
    const dir = join(REPO_ROOT, generatedDir(client));
    const expected = fresh.filter((file) => file.path.startsWith(dir));
    expect(expected.map((file) => relative(dir, file.path)).sort()).toEqual(['gql.ts', 'graphql.ts', 'index.ts', 'persisted-documents.json']);
    // No file there that the generator does not make (generated code is never edited or added by hand).
    expect((await readdir(dir)).sort()).toEqual(expected.map((file) => relative(dir, file.path)).sort());
    for (const file of expected) {
      const committed = await readFile(file.path, 'utf8');
      expect(committed === file.content, `${relative(REPO_ROOT, file.path)} is stale: run \`npm run compose\` and commit the result`).toBe(true);
    }
  });

  it('gives each manifest entry the sha256 of its document as id', async () => {
    for (const client of CLIENTS) {
      const manifest = JSON.parse(await readFile(join(REPO_ROOT, generatedDir(client), 'persisted-documents.json'), 'utf8')) as Record<string, string>;
      expect(Object.keys(manifest).length, client.id).toBeGreaterThan(0);
      for (const [id, document] of Object.entries(manifest)) expect(id).toBe(documentId(document));
    }
  });

  it('rejects an operation that is invalid against the supergraph, naming it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sociaal-graph-codegen-'));
    try {
      await writeFile(join(dir, 'fout.graphql'), 'query Fout { inwoner(id: "x") { id bestaatNiet } }\n');
      const client = { id: 'proef', titel: 'proef', rol: 'consulent', organisatie: 'uo-hbel', documents: [join(dir, '*.graphql')] };
      await expect(generateClients(supergraph, [client])).rejects.toThrow(/bestaatNiet/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
