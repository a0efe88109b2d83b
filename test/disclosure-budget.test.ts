import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OwnGraph, startOwnGraph } from './graph.test-utils.js';

// Issue 10, query-set restriction: a bound on how many distinct cells one caller may see per day, over the
// aggregates of every subgraph (toolkit disclosure/budget.ts). A graph of its own with a small bound (the other
// files' graph lifts it for their many slices), and Redis with REDIS_URL (CI's second run), else in process.
const PER_DAY = 40;
let graph: OwnGraph;

beforeAll(async () => {
  graph = await startOwnGraph({ subgraphEnv: { DISCLOSURE_CELLS_PER_DAY: String(PER_DAY) } });
}, 600_000);

afterAll(async () => {
  await graph?.stop();
});

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, any> }[] };
}

async function send(query: string, variables: Record<string, unknown>, token: string): Promise<Answer> {
  const response = await fetch(graph.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Answer['body'] };
}

// Per gemeente a table of 8 cells (total and seven verwijzer types) and the benchmark over all gemeenten, 8 cells
// more that every gemeente of the same year shares.
const STROMEN = `query ($g: [String!]!, $jaar: Int!) { jeugdVerwijsstromen(gemeenten: $g, jaar: $jaar) { gemeenten { gemeente { code } aantalVerwijzingen { waarde } } } }`;
const DECLARATIEGEDRAG = `query { declaratiegedrag(gemeenten: ["0406"], wet: JEUGDWET, jaar: 2025) { rijen { aantalToewijzingen { waarde } } } }`;

describe('daily bound of distinct cells per caller (issue 10)', () => {
  it('counts new cells only, over every subgraph, and refuses past the bound with 429 DISCLOSURE_BUDGET_EXCEEDED', async () => {
    const analist = await graph.token({ role: 'analist', org: 'uo-hbel' });
    // 16, 24, 32 cells: each gemeente adds its 8, the shared benchmark counts once.
    for (const g of ['0406', '0376', '0417']) {
      const answer = await send(STROMEN, { g: [g], jaar: 2025 }, analist);
      expect(answer.status, g).toBe(200);
      expect(answer.body.errors, g).toBeUndefined();
    }
    // Asking the same cells again costs nothing.
    const again = await send(STROMEN, { g: ['0406', '0376', '0417'], jaar: 2025 }, analist);
    expect(again.status).toBe(200);
    expect(again.body.errors).toBeUndefined();

    // Another subgraph (inkoop) knows the 32 cells jeugd published: its many new cells go past the bound.
    const inkoop = await send(DECLARATIEGEDRAG, {}, analist);
    expect(inkoop.status).toBe(429);
    expect(Number(inkoop.retryAfter)).toBeGreaterThan(0);
    expect(inkoop.body.data?.declaratiegedrag ?? null).toBeNull();
    expect(inkoop.body.errors?.[0]?.extensions).toMatchObject({ code: 'DISCLOSURE_BUDGET_EXCEEDED', sociaalGraph: { maxCellenPerDag: PER_DAY, gebruikt: 32 } });

    // Another year is 16 new cells: past 40, refused, and not counted.
    const nextYear = await send(STROMEN, { g: ['0406'], jaar: 2024 }, analist);
    expect(nextYear.status).toBe(429);
    expect(nextYear.body.data?.jeugdVerwijsstromen ?? null).toBeNull();
    expect(nextYear.body.errors?.[0]?.extensions?.code).toBe('DISCLOSURE_BUDGET_EXCEEDED');
    expect(nextYear.body.errors?.[0]?.message).toMatch(/dagbudget/);

    // What was seen stays available; another caller has a budget of its own.
    expect((await send(STROMEN, { g: ['0376'], jaar: 2025 }, analist)).status).toBe(200);
    const ander = await graph.token({ role: 'analist', org: 'regio-gv' });
    const eigen = await send(STROMEN, { g: ['0406'], jaar: 2024 }, ander);
    expect(eigen.status).toBe(200);
    expect(eigen.body.errors).toBeUndefined();
  });

  it('costs nothing for a request without aggregates', async () => {
    const analist = await graph.token({ role: 'analist', org: 'uo-hbel' });
    const answer = await send('{ gemeente(code: "0406") { naam } }', {}, analist);
    expect(answer).toMatchObject({ status: 200, body: { data: { gemeente: { naam: 'Huizen' } } } });
  });
});
