import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayServer, type RunningGateway } from '../create-gateway.js';
import { ALPHA_RESOLVERS, ALPHA_SDL, composeSupergraph, postGraphql, startTinySubgraph, type TinySubgraph, tempDir, testConfig } from '../gateway.test-utils.js';
import { personalVariables } from './personal-data-post-only.js';

let alpha: TinySubgraph;
let dir: Awaited<ReturnType<typeof tempDir>>;
let gateway: RunningGateway;

beforeAll(async () => {
  alpha = await startTinySubgraph('alpha', ALPHA_SDL, ALPHA_RESOLVERS);
  dir = await tempDir();
  gateway = await createGatewayServer(testConfig({ supergraphPath: await dir.file('supergraph.graphql', composeSupergraph([alpha])) }));
});

afterAll(async () => {
  await gateway?.stop();
  await alpha?.stop();
  await dir?.remove();
});

/** A GET as a browser or curl sends it; the preflight header satisfies Apollo's CSRF prevention. */
async function get(query: string, variables?: Record<string, unknown>): Promise<{ status: number; allow: string | null; body: any }> {
  const url = new URL(gateway.url);
  url.searchParams.set('query', query);
  if (variables) url.searchParams.set('variables', JSON.stringify(variables));
  const response = await fetch(url, { headers: { 'apollo-require-preflight': '1' } });
  return { status: response.status, allow: response.headers.get('allow'), body: await response.json() };
}

const GEMEENTE = 'query G($code: String!) { gemeente(code: $code) { naam } }';

describe('personalDataPostOnlyPlugin', () => {
  it('serves a GET without personal variables', async () => {
    const answer = await get(GEMEENTE, { code: '0406' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { gemeente: { naam: 'Huizen' } } });
  });

  it.each([
    ['a variable named bsn', 'query G($bsn: String!) { gemeente(code: $bsn) { naam } }', { bsn: '0406' }],
    ['a variable named after the BSN', 'query G($inwonerBsn: String!) { gemeente(code: $inwonerBsn) { naam } }', { inwonerBsn: '0406' }],
    ['nine digits in any variable', GEMEENTE, { code: '123456782' }],
    ['nine digits deep in a variable', GEMEENTE, { code: '0406', extra: { lijst: ['x 123456782'] } }],
  ])('refuses a GET with %s: 405, Allow: POST, PERSONAL_DATA_IN_URL, saying to use POST', async (_, query, variables) => {
    const answer = await get(query, variables);
    expect(answer.status).toBe(405);
    expect(answer.allow).toBe('POST');
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors.map((error: { extensions: { code: string } }) => error.extensions.code)).toEqual(['PERSONAL_DATA_IN_URL']);
    expect(answer.body.errors[0].message).toMatch(/POST/);
  });

  it('answers the same operation sent as POST', async () => {
    const answer = await postGraphql(gateway.url, { query: 'query G($bsn: String!) { gemeente(code: $bsn) { naam } }', variables: { bsn: '0406' } });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ gemeente: { naam: 'Huizen' } });
  });
});

describe('personalVariables', () => {
  const of = (text: string) => {
    const document = parse(text);
    const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition')!;
    return personalVariables(document, operation as never);
  };

  it('finds variables bound to a resident identifier, in fragments too, and only those the operation defines', () => {
    expect(of('query ($x: String!) { inwonerOpBsn(bsn: $x) { id } }')).toEqual(['x']);
    expect(of('query ($p: String!) { inwoner(id: $p) { id } }')).toEqual(['p']);
    expect(of('query ($b: String) { logboek { wmo(betrokkene: $b) { items { id } } } }')).toEqual(['b']);
    expect(of('query ($p: String!) { ...F } fragment F on Query { inwoner(id: $p) { id } }')).toEqual(['p']);
    expect(of('query ($g: String!) { gemeente(code: $g) { naam } wmoToewijzing(id: $g) { id } }')).toEqual([]);
  });
});
