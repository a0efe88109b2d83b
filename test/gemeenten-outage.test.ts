import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphResponse, type OwnGraph, startOwnGraph } from './graph.test-utils.js';

/**
 * Issue 11, item 3: no part takes the graph down. The gemeenten subgraph runs as a process of its
 * own, as under `npm start`, and is hung (SIGSTOP) and then stopped for real. The answers below
 * come from wmo, inkoop and gemeenten; only their gemeente parts may go.
 */
let graph: OwnGraph;
let gemeenten: ChildProcess;
let analist: string;
let consulent: string;

const COUNTS = `{ wmoToewijzingenPerProductcategorie(gemeenten: ["0406"], jaar: 2025) {
  gemeente { code naam } productcategorie { code } totaal aantalToewijzingen { waarde onderdrukt } } }`;
const TOEWIJZINGEN = `{ wmoToewijzingen(gemeente: "0317", first: 3) { items { toewijzingsnummer gemeente { code naam } } pageInfo { totaal } } }`;
const CONTRACTEN = `{ contracten(contractant: "regio-gv", first: 3) { items { naam deelnemendeGemeenten { code naam } } } }`;

/** The three answers: an analist's Wmo counts, a consulent's Wmo rows, public contracts (anonymous). */
async function ask(): Promise<GraphResponse<Record<string, any>>[]> {
  return Promise.all([graph.query(COUNTS, undefined, analist), graph.query(TOEWIJZINGEN, undefined, consulent), graph.query(CONTRACTEN)]);
}

async function ready(): Promise<{ status: number; body: { status: string; subgraphs: Record<string, string> } }> {
  // /ready reuses a check for a second; the state asked about is the one after that.
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  const response = await fetch(graph.gateway.url.replace('/graphql', '/ready'));
  return { status: response.status, body: (await response.json()) as { status: string; subgraphs: Record<string, string> } };
}

/** Everything but gemeenten's fields stands; every error is SUBGRAPH_UNAVAILABLE naming gemeenten. */
function expectOnlyGemeentePartsGone([counts, toewijzingen, contracten]: GraphResponse<Record<string, any>>[]): void {
  for (const response of [counts, toewijzingen, contracten]) {
    expect(response.status).toBe(200);
    expect(response.errors?.length).toBeGreaterThan(0);
    for (const error of response.errors ?? []) {
      expect(error.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
      expect(error.extensions?.serviceName).toBe('gemeenten');
      expect(error.message).toContain('gemeenten');
    }
  }
  const rows = counts.data?.wmoToewijzingenPerProductcategorie as any[];
  expect(rows.length).toBeGreaterThan(1);
  expect(rows.every((row) => row.gemeente === null && typeof row.totaal === 'boolean' && 'waarde' in row.aantalToewijzingen)).toBe(true);
  const items = toewijzingen.data?.wmoToewijzingen.items as any[];
  expect(items).toHaveLength(3);
  expect(items.every((item) => /\S/.test(item.toewijzingsnummer) && item.gemeente === null)).toBe(true);
  expect(toewijzingen.data?.wmoToewijzingen.pageInfo.totaal).toBeGreaterThan(3);
  const contracts = contracten.data?.contracten.items as any[];
  expect(contracts).toHaveLength(3);
  expect(contracts.every((contract) => contract.naam && contract.deelnemendeGemeenten.length > 0 && contract.deelnemendeGemeenten.every((g: unknown) => g === null))).toBe(true);
}

beforeAll(async () => {
  // A short subgraph timeout: a hung gemeenten costs each answer this long, not the default 10 s.
  graph = await startOwnGraph({ ownProcesses: ['gemeenten'], gatewayEnv: { SUBGRAPH_TIMEOUT_MS: '1500' } });
  gemeenten = graph.processes.get('gemeenten') as ChildProcess;
  analist = await graph.token({ role: 'analist', org: '0406' });
  consulent = await graph.token({ role: 'consulent', org: 'uo-hbel' });
}, 600_000);

afterAll(async () => {
  await graph?.stop();
});

describe('the gemeenten subgraph out of the graph', () => {
  it('answers in full while gemeenten runs, and /ready reports every subgraph ok', async () => {
    // These requests also fill the mandate cache of both organisations (MANDATE_CACHE_SECONDS).
    for (const response of await ask()) {
      expect(response.errors).toBeUndefined();
      expect(JSON.stringify(response.data)).toMatch(/"naam":"(Huizen|Eemnes|Blaricum|Laren|Hilversum)/);
    }
    const { status, body } = await ready();
    expect(status).toBe(200);
    expect(body.status).toBe('ready');
    expect(Object.values(body.subgraphs)).toEqual(Array(7).fill('ok'));
  });

  it('hung (SIGSTOP): the other subgraphs’ data comes back, the gemeente parts null with an error naming gemeenten; /ready says timeout', async () => {
    gemeenten.kill('SIGSTOP');
    try {
      expectOnlyGemeentePartsGone(await ask());
      const { status, body } = await ready();
      expect(status).toBe(503);
      expect(body).toMatchObject({ status: 'not ready', subgraphs: { gemeenten: 'timeout', wmo: 'ok', inkoop: 'ok' } });
      expect((await fetch(graph.gateway.url.replace('/graphql', '/health'))).status).toBe(200);
    } finally {
      gemeenten.kill('SIGCONT');
    }
  });

  it('answers in full again once gemeenten runs again', async () => {
    // Requests the gateway sent while gemeenten was stopped are answered late or time out first; the
    // graph is whole again within a few tries (at most 20, one a second).
    let responses = await ask();
    for (let attempt = 1; attempt < 20 && responses.some((response) => response.errors); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      responses = await ask();
    }
    for (const response of responses) expect(response.errors).toBeUndefined();
    expect((await ready()).status).toBe(200);
  });

  it('stopped: the same answers, the gemeente parts null; /ready says unreachable', async () => {
    const exited = new Promise((resolve) => gemeenten.once('exit', resolve));
    gemeenten.kill('SIGTERM');
    await exited;
    expectOnlyGemeentePartsGone(await ask());
    const { status, body } = await ready();
    expect(status).toBe(503);
    expect(body.subgraphs.gemeenten).toBe('unreachable');
  });
});
