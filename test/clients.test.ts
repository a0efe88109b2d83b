import { describe, expect, it } from 'vitest';
import { aanbiederExample } from '../clients/aanbieder/example.js';
import { analistExample } from '../clients/analist/example.js';
import { backofficeExample } from '../clients/backoffice/example.js';
import { consulentExample } from '../clients/consulent/example.js';
import { InwonersMetMeldingDocument } from '../clients/consulent/generated/graphql.js';
import { GraphRequestError, request } from '../clients/graph-client.js';
import { regioExample } from '../clients/regio/example.js';
import { demoWorld, useGraph } from './graph.test-utils.js';

// Issue 13: each client's example runs against the graph with its typed documents, sent as trusted
// documents (id only) with a token of the development issuer that names the client.
const graph = useGraph();
const world = demoWorld();
/** The provider with the most Wmo toewijzingen in the demo world. */
const AGB = [...world.wmoToewijzingen.reduce((counts, t) => counts.set(t.aanbiederAgb, (counts.get(t.aanbiederAgb) ?? 0) + 1), new Map<string, number>())]
  .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];

const address = async (role: string, org: string, client: string) => ({ url: graph.gateway.url, token: await graph.token({ role, org, client }) });

describe('example clients against the graph', () => {
  it('consulent: the work list of Eemnes and the first resident file', async () => {
    const result = await consulentExample(await address('consulent', 'uo-hbel', 'consulent'));
    expect(result.inwonersMetWmoMelding).toBeGreaterThan(0);
    expect(result.eerste?.naam).toMatch(/\S+ \S+/);
    expect(result.eerste?.meldingen).toBeGreaterThan(0);
  });

  it('backoffice: toewijzingen with declaraties, and declaraties to pay', async () => {
    const result = await backofficeExample(await address('backoffice', 'uo-hbel', 'backoffice'));
    expect(result.wmoToewijzingen).toBeGreaterThan(0);
    expect(result.wmoDeclaraties).toBeGreaterThan(0);
  });

  it('regio: contracts with products, and declaraties', async () => {
    const result = await regioExample(await address('inkoper', 'regio-gv', 'regio'));
    expect(result.contracten).toBeGreaterThan(0);
    expect(result.producten).toBeGreaterThan(0);
    expect(result.declaraties).toBeGreaterThan(0);
  });

  it('aanbieder: its own toewijzingen and declaraties', async () => {
    const result = await aanbiederExample(await address('aanbieder', AGB, 'aanbieder'));
    expect(result.wmoToewijzingen).toBe(world.wmoToewijzingen.filter((t) => t.aanbiederAgb === AGB).length);
    expect(result.declaraties).toBeGreaterThan(0);
  });

  it('analist: the reach of each law in Huizen', async () => {
    const [huizen] = await analistExample(await address('analist', '0406', 'analist'));
    expect(huizen.gemeente).toBe('Huizen');
    expect(huizen.wmoPer1000).toBeGreaterThan(0);
  });

  it("refuses a client its document under another client's token (safelist mode is the default)", async () => {
    const regio = await address('inkoper', 'regio-gv', 'regio');
    const refused = await request(regio, InwonersMetMeldingDocument, { gemeente: '0317', wet: 'WMO' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GraphRequestError);
    expect(refused).toMatchObject({ status: 403, errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_IN_SAFELIST' } }] });
    // Nor may it send the text instead.
    const text = 'query { gemeenten(first: 1) { items { code } } }';
    const byText = await graph.query(text, undefined, regio.token);
    expect(byText.status).toBe(403);
    expect(byText.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_IN_SAFELIST');
  });
});
