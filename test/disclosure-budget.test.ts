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

    // Another subgraph (inkoop) knows the cells jeugd published (up to 32: a cell without records, a type no one was
    // referred by, is one and the same cell wherever it is asked): its many new cells go past the bound.
    const inkoop = await send(DECLARATIEGEDRAG, {}, analist);
    expect(inkoop.status).toBe(429);
    expect(Number(inkoop.retryAfter)).toBeGreaterThan(0);
    expect(inkoop.body.data?.declaratiegedrag ?? null).toBeNull();
    expect(inkoop.body.errors?.[0]?.extensions).toMatchObject({ code: 'DISCLOSURE_BUDGET_EXCEEDED', sociaalGraph: { maxCellenPerDag: PER_DAY } });
    const seen = inkoop.body.errors?.[0]?.extensions?.sociaalGraph?.gebruikt as number;
    expect(seen).toBeGreaterThan(16);
    expect(seen).toBeLessThanOrEqual(32);

    // Earlier years of Huizen, each up to 16 new cells, until one would pass the bound: refused, and not counted.
    let refusal: Answer | undefined;
    for (const jaar of [2024, 2023, 2022, 2021, 2020]) {
      const answer = await send(STROMEN, { g: ['0406'], jaar }, analist);
      if (answer.status === 200) continue;
      refusal = answer;
      break;
    }
    if (!refusal) throw new Error('no refusal within five years of 16 cells each');
    expect(refusal.status).toBe(429);
    expect(refusal.body.data?.jeugdVerwijsstromen ?? null).toBeNull();
    expect(refusal.body.errors?.[0]?.message).toMatch(/dagbudget/);
    const { gebruikt, nieuw } = refusal.body.errors?.[0]?.extensions?.sociaalGraph as { gebruikt: number; nieuw: number };
    expect(gebruikt).toBeLessThanOrEqual(PER_DAY);
    expect(gebruikt + nieuw).toBeGreaterThan(PER_DAY);

    // What was seen stays available; another caller has a budget of its own.
    expect((await send(STROMEN, { g: ['0376'], jaar: 2025 }, analist)).status).toBe(200);
    const ander = await graph.token({ role: 'analist', org: 'regio-gv' });
    const eigen = await send(STROMEN, { g: ['0406'], jaar: 2024 }, ander);
    expect(eigen.status).toBe(200);
    expect(eigen.body.errors).toBeUndefined();
  });

  it('counts an aggregate for every caller who gets it, also when callers with the same rights ask it at the same moment', async () => {
    // People of uo-hbel with the same rights; the gateway merges identical requests in flight of such callers
    // (in-flight deduplication), which must not hand one the cells another was counted for.
    const [alleen, a, b] = await Promise.all(['budget-alleen', 'budget-a', 'budget-b'].map((subject) => graph.token({ role: 'analist', org: 'uo-hbel', subject })));
    const vraag = { g: ['0406', '0376', '0417'], jaar: 2025 };
    // What the question costs one caller: then inkoop's many cells go past the bound (as in the first test), and the
    // refusal says how many were used.
    expect((await send(STROMEN, vraag, alleen)).status).toBe(200);
    const kosten = await send(DECLARATIEGEDRAG, {}, alleen);
    expect(kosten.status).toBe(429);
    const gebruikt = kosten.body.errors?.[0]?.extensions?.sociaalGraph?.gebruikt as number;
    expect(gebruikt).toBeGreaterThan(0);

    // The same question from two people at once, several times: each is counted as if it had asked alone.
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => send(STROMEN, vraag, i % 2 === 0 ? a : b)));
    for (const answer of answers) expect(answer.status).toBe(200);
    for (const token of [a, b]) {
      const refusal = await send(DECLARATIEGEDRAG, {}, token);
      expect(refusal.status).toBe(429);
      expect(refusal.body.errors?.[0]?.extensions?.sociaalGraph).toMatchObject({ gebruikt });
    }
  });

  it('costs nothing for a request without aggregates', async () => {
    const analist = await graph.token({ role: 'analist', org: 'uo-hbel' });
    const answer = await send('{ gemeente(code: "0406") { naam } }', {}, analist);
    expect(answer).toMatchObject({ status: 200, body: { data: { gemeente: { naam: 'Huizen' } } } });
  });
});
