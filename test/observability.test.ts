import { generateDemoWorld, readDemoConfig, SERVICE_ATTRIBUTE, setLogLevel, startTelemetry, tapLogLines } from '@sociaal-graph/toolkit';
import { InMemorySpanExporter, type ReadableSpan } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type OwnGraph, startOwnGraph } from './graph.test-utils.js';

// Issue 12, item 2: one trace from the gateway through every subgraph to its SQL statements
// (spans read from an in-memory exporter), the metrics endpoints scraped, and the log lines of a
// run that reads BSNs and names holding none of them. All in one process: the gateway and the
// seven subgraphs of startOwnGraph() share this file's tracer provider and logger.
const exporter = new InMemorySpanExporter();
// Before the graph starts: the first setup in a process is the one that counts.
startTelemetry({ serviceName: 'test', exporter });
setLogLevel('debug');
const lines: string[] = [];
const untap = tapLogLines((line) => lines.push(line));
let graph: OwnGraph;

beforeAll(async () => {
  graph = await startOwnGraph();
}, 600_000);

afterAll(async () => {
  untap();
  await graph?.stop();
});

const DOSSIER = `query Dossier {
  inwoners(gemeente: "0376", wetten: [WMO, JEUGDWET, PARTICIPATIEWET], first: 1) {
    items {
      id
      wmoToewijzingen { toewijzingsnummer aanbieder { agbCode naam } }
      jeugdToewijzingen { productcategorie { omschrijving } }
      uitkeringen { bedragPerMaandTekst }
    }
  }
}`;

async function post(query: string, variables: Record<string, unknown>, token: string) {
  const response = await fetch(graph.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const traceresponse = response.headers.get('traceresponse') ?? '';
  return { traceId: traceresponse.split('-')[1], body: (await response.json()) as { data?: any; errors?: any[] } };
}

const service = (span: ReadableSpan) => span.attributes[SERVICE_ATTRIBUTE];
/** The text of a SQL statement span: PGlite's (toolkit) and the pg instrumentation's (`db.statement` or, newer, `db.query.text`); a pool's connect span has none. */
const statementOf = (span: ReadableSpan) => span.attributes['db.query.text'] ?? span.attributes['db.statement'];

describe('a trace of one cross-subgraph query', () => {
  it('shows the gateway, each subgraph it asked, and their SQL statements, as one tree', async () => {
    const consulent = await graph.token({ role: 'consulent', org: 'uo-hbel' });
    const { traceId, body } = await post(DOSSIER, {}, consulent);
    expect(body.errors).toBeUndefined();
    expect(body.data.inwoners.items).toHaveLength(1);
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);

    const inTrace = () => exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
    // The gateway's server span ends when its answer is written, a moment after the client may read it.
    await vi.waitFor(() => expect(inTrace().some((span) => service(span) === 'gateway')).toBe(true));
    const spans = inTrace();
    const byId = new Map(spans.map((span) => [span.spanContext().spanId, span]));
    const parentOf = (span: ReadableSpan) => byId.get(span.parentSpanContext?.spanId ?? '');
    const ancestors = (span: ReadableSpan): ReadableSpan[] => {
      const parent = parentOf(span);
      return parent ? [parent, ...ancestors(parent)] : [];
    };

    const [root, ...otherRoots] = spans.filter((span) => !parentOf(span));
    expect(otherRoots).toEqual([]);
    expect(service(root)).toBe('gateway');
    expect(root.name).toBe('POST /graphql');
    // @apollo/gateway's own spans sit under it: planning and one fetch per subgraph call.
    expect(spans.filter((span) => span.name === 'gateway.plan' || span.name === 'gateway.fetch').length).toBeGreaterThan(1);

    const servers = spans.filter((span) => span.kind === 1 /* SERVER */ && service(span) !== 'gateway');
    // toegang has the residents, wmo and jeugd their toewijzingen, participatie the uitkeringen, inkoop the aanbieders.
    expect(new Set(servers.map(service))).toEqual(new Set(['toegang', 'wmo', 'jeugd', 'participatie', 'inkoop']));
    for (const server of servers) {
      // Called by the gateway: its parent is a gateway.fetch span under the gateway's root.
      expect(parentOf(server)?.name).toBe('gateway.fetch');
      expect(ancestors(server).at(-1)).toBe(root);
      // Its SQL statements are its children (or deeper), with the text and never a parameter.
      const statements = spans.filter((span) => statementOf(span) !== undefined && ancestors(span).includes(server));
      expect(statements.length, `SQL spans of ${service(server)}`).toBeGreaterThan(0);
      for (const statement of statements) {
        expect(statement.attributes['db.system.name'] ?? statement.attributes['db.system']).toBe('postgresql');
        expect(String(statementOf(statement))).toMatch(/SELECT|INSERT|WITH/i);
        expect(Object.keys(statement.attributes).filter((key) => /param|values/i.test(key))).toEqual([]);
      }
    }
  });

  it('is the trace the Logboek records the reads under', async () => {
    const consulent = await graph.token({ role: 'consulent', org: 'uo-hbel' });
    const { traceId, body } = await post(DOSSIER, {}, consulent);
    expect(body.errors).toBeUndefined();
    const fg = await graph.token({ role: 'fg', org: 'uo-hbel' });
    const log = await graph.query(`query ($traceId: String!) { logboek { toegang(traceId: $traceId) { items { traceId verwerkingsactiviteit } } } }`, { traceId }, fg);
    expect(log.errors).toBeUndefined();
    const items = log.data?.logboek.toegang.items as { traceId: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((item) => item.traceId))).toEqual(new Set([traceId]));
  });
});

/** Scrapes one metrics endpoint and gives the value of a series by name and labels (any order). */
async function scrape(url: string | undefined): Promise<(name: string, labels?: Record<string, string>) => number> {
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
  const response = await fetch(url!);
  expect(response.status).toBe(200);
  const text = await response.text();
  return (name, labels = {}) => {
    let sum = 0;
    for (const line of text.split('\n')) {
      const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match || match[1] !== name) continue;
      const present = Object.fromEntries([...(match[2] ?? '').matchAll(/([a-z_]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
      if (Object.entries(labels).every(([key, value]) => present[key] === value)) sum += Number(match[3]);
    }
    return sum;
  };
}

describe('the metrics endpoints', () => {
  it('count the gateway operation and the subgraph database', async () => {
    const consulent = await graph.token({ role: 'consulent', org: 'uo-hbel' });
    await post(DOSSIER, {}, consulent);
    const gateway = await scrape(graph.gateway.metricsUrl);
    expect(gateway('sociaal_graph_graphql_operations_total', { operation: 'Dossier', result: 'ok', service: 'gateway' })).toBeGreaterThanOrEqual(1);
    expect(gateway('sociaal_graph_gateway_subgraph_request_duration_seconds_count', { subgraph: 'toegang' })).toBeGreaterThanOrEqual(1);
    const toegang = await scrape(graph.subgraphs.get('toegang')?.metricsUrl);
    expect(toegang('sociaal_graph_graphql_operations_total', { service: 'toegang', result: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(toegang('sociaal_graph_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(toegang('sociaal_graph_db_statements_total')).toBeGreaterThan(0);
  });
});

describe('the log lines of a run that reads BSNs', () => {
  // A Huizen resident with a Wmo melding: HBEL holds the toegang of Huizen's Wmo.
  const world = generateDemoWorld(readDemoConfig({}));
  const melding = world.meldingen.find((m) => m.gemeenteCode === '0406' && m.wet === 'WMO')!;
  const inwoner = world.inwoners.find((i) => i.id === melding.inwonerId)!;

  it('hold no BSN, no name and no value of a variable, but do name the requests by trace', async () => {
    const consulent = await graph.token({ role: 'consulent', org: 'uo-hbel' });
    const start = lines.length;
    const read = await post('query OpBsn($bsn: String!) { inwonerOpBsn(bsn: $bsn) { id bsn voornaam achternaam } }', { bsn: inwoner.bsn }, consulent);
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.inwonerOpBsn.bsn).toBe(inwoner.bsn);
    const byId = await post('query Inwoner($id: String!) { inwoner(id: $id) { id bsn voornaam achternaam geboortedatum } }', { id: inwoner.id }, consulent);
    expect(byId.body.data.inwoner.achternaam).toBe(inwoner.achternaam);
    // Refused and failing requests log too (errors are where values slip in).
    await post('query Fout($bsn: String!) { inwonerOpBsn(bsn: $bsn) { id bestaatNiet } }', { bsn: inwoner.bsn }, consulent);
    await post('query Ongeldig($bsn: String!) { inwonerOpBsn(bsn: $bsn) { id } }', { bsn: `${inwoner.bsn}x` }, consulent);
    await post('query Anoniem($bsn: String!) { inwonerOpBsn(bsn: $bsn) { id } }', { bsn: inwoner.bsn }, 'geen-geldig-token');

    await vi.waitFor(() => expect(lines.slice(start).join('')).toContain(read.traceId));
    const written = lines.slice(start);
    // The run did log: a line per request at debug level, with its trace id.
    expect(written.some((line) => line.includes(read.traceId) && line.includes('"operation":"OpBsn"'))).toBe(true);
    expect(written.some((line) => line.includes(byId.traceId) && line.includes('"service":"toegang"'))).toBe(true);
    const text = written.join('');
    for (const value of [inwoner.bsn, inwoner.id, inwoner.voornaam, inwoner.achternaam, inwoner.geboortedatum]) {
      expect(text, 'a log line holds personal data').not.toContain(value);
    }
  });
});
