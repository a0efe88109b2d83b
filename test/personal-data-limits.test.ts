import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OwnGraph, startOwnGraph } from './graph.test-utils.js';

// Issue 9, item 10: reads of personal data are bounded per request and per person per hour; a
// request beyond either is refused with PERSONAL_DATA_LIMIT (HTTP 429 for the hour) and the
// refusal is in the Logboek for the fg. A graph of its own with the default bounds stated here
// (the shared graph of the other files raises them for their bulk reads), and Redis with REDIS_URL.
const PER_REQUEST = 25;
const PER_HOUR = 60;
let graph: OwnGraph;

beforeAll(async () => {
  graph = await startOwnGraph({ gatewayEnv: { MAX_RESIDENTS_PER_REQUEST: String(PER_REQUEST), MAX_RESIDENTS_PER_HOUR: String(PER_HOUR) } });
}, 600_000);

afterAll(async () => {
  await graph?.stop();
});

/** Huizen's residents: HBEL holds its whole front door, so it has far more than the bound. */
const list = (first: number) => `{ inwoners(gemeente: "0406", first: ${first}) { items { id voornaam } } }`;

interface Answer {
  status: number;
  traceId: string;
  retryAfter: string | null;
  body: { data?: { inwoners: { items: { id: string; voornaam: string }[] } | null } | null; errors?: { message: string; extensions?: Record<string, any> }[] };
}

async function send(query: string, token: string): Promise<Answer> {
  const traceId = randomBytes(16).toString('hex');
  const response = await fetch(graph.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, traceId, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Answer['body'] };
}

/** What toegang's Logboek holds for a trace, as the fg of HBEL reads it. */
async function toegangLog(traceId: string) {
  const fg = await graph.token({ role: 'fg', org: 'uo-hbel' });
  const { data, errors } = await graph.query(
    `query ($traceId: String!) { logboek { toegang(traceId: $traceId, first: 500) { items { verwerkingsactiviteit betrokkene resultaat actor { organisatie rollen } } } } }`,
    { traceId },
    fg,
  );
  expect(errors).toBeUndefined();
  return data?.logboek.toegang.items as { verwerkingsactiviteit: string; betrokkene: string | null; resultaat: string; actor: { organisatie: string; rollen: string[] } }[];
}

const REFUSAL = { verwerkingsactiviteit: 'persoonsgegevens:leeslimiet-overschreden', betrokkene: null, resultaat: 'mislukt', actor: { organisatie: 'uo-hbel', rollen: ['consulent'] } };

describe('bounded reads of personal data', () => {
  it(`serves a consulent ${PER_REQUEST} residents in one request, refuses ${PER_REQUEST + 1} with PERSONAL_DATA_LIMIT, and records the refusal for the fg`, async () => {
    const consulent = await graph.token({ role: 'consulent', org: 'uo-hbel', subject: 'consulent-per-aanvraag' });
    const within = await send(list(PER_REQUEST), consulent);
    expect(within.status).toBe(200);
    expect(within.body.errors).toBeUndefined();
    expect(within.body.data?.inwoners?.items).toHaveLength(PER_REQUEST);

    const beyond = await send(list(PER_REQUEST + 1), consulent);
    expect(beyond.body.data?.inwoners ?? null).toBeNull();
    expect(beyond.body.errors?.map((error) => error.extensions?.code)).toEqual(['PERSONAL_DATA_LIMIT']);
    expect(beyond.body.errors?.[0].extensions?.sociaalGraph).toEqual({ grens: 'aanvraag', max: PER_REQUEST });
    expect(beyond.body.errors?.[0].message).toMatch(/ten hoogste 25 per aanvraag/);
    // Not a single name of the refused page left the graph.
    expect(JSON.stringify(beyond.body)).not.toMatch(/voornaam"\s*:\s*"/);
    expect(await toegangLog(beyond.traceId)).toEqual([REFUSAL]);
  });

  it(`refuses with HTTP 429 once ${PER_HOUR} residents were read in the hour, recorded for the fg; another person has a budget of their own`, async () => {
    const consulent = await graph.token({ role: 'consulent', org: 'uo-hbel', subject: 'consulent-per-uur' });
    for (let i = 0; i < 2; i++) expect((await send(list(PER_REQUEST), consulent)).body.errors).toBeUndefined();
    // 50 read: 10 left this hour, so 25 more is refused ...
    const over = await send(list(PER_REQUEST), consulent);
    expect(over.status).toBe(429);
    expect(Number(over.retryAfter)).toBeGreaterThan(0);
    expect(Number(over.retryAfter)).toBeLessThanOrEqual(3600);
    expect(over.body.errors?.map((error) => error.extensions?.code)).toEqual(['PERSONAL_DATA_LIMIT']);
    expect(over.body.errors?.[0].extensions?.sociaalGraph).toEqual({ grens: 'uur', max: PER_HOUR - 2 * PER_REQUEST });
    expect(await toegangLog(over.traceId)).toEqual([REFUSAL]);
    // ... and what is left can still be read, then nothing.
    const rest = await send(list(PER_HOUR - 2 * PER_REQUEST), consulent);
    expect(rest.status).toBe(200);
    expect(rest.body.data?.inwoners?.items).toHaveLength(PER_HOUR - 2 * PER_REQUEST);
    const none = await send(list(1), consulent);
    expect(none.status).toBe(429);
    expect(none.body.errors?.[0].extensions?.sociaalGraph).toEqual({ grens: 'uur', max: 0 });
    // Public data is no personal data: still served.
    const publiek = await send('{ gemeente(code: "0406") { naam } }', consulent);
    expect(publiek).toMatchObject({ status: 200, body: { data: { gemeente: { naam: 'Huizen' } } } });

    const other = await graph.token({ role: 'consulent', org: 'uo-hbel', subject: 'andere-consulent' });
    expect((await send(list(PER_REQUEST), other)).body.data?.inwoners?.items).toHaveLength(PER_REQUEST);
  });

  it.skipIf(!process.env.REDIS_URL)('keeps the hourly counts in Redis, shared by every replica: a count per person, no resident', async () => {
    const redis = new Redis(process.env.REDIS_URL!);
    try {
      const keys = await redis.keys(`sociaal-graph-test-${process.pid}:leesbudget:*`);
      for (const key of keys) expect(key).toMatch(/:leesbudget:[\w-]+:\d+$/);
      const values = (await Promise.all(keys.map((key) => redis.get(key)))).map(Number);
      // The three people above: 25 (the refused page counts nothing), 60, and 25.
      expect(values).toEqual(expect.arrayContaining([PER_REQUEST, PER_HOUR]));
      expect(values.filter((value) => value === PER_REQUEST).length).toBeGreaterThanOrEqual(2);
    } finally {
      redis.disconnect();
    }
  });
});
