import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningGraph, startGraph, demoWorld } from './graph.test-utils.js';

// Issue 3 acceptance: "every personal-data read in the end-to-end tests leaves its audit record".
// Each way into a resident's data the graph offers (root lists, lookups, fields on another subgraph's
// entity) is read under a trace of its own; the fg of the same organisation then finds exactly one
// record per subject in the subgraph that served it, and none in the others.
const world = demoWorld();
const BRONNEN = ['toegang', 'wmo', 'jeugd', 'participatie', 'inkoop'] as const;
type Bron = (typeof BRONNEN)[number];

let graph: RunningGraph;
let consulent: string;
let backoffice: string;
let fg: string;

beforeAll(async () => {
  graph = await startGraph();
  [consulent, backoffice, fg] = await Promise.all([
    graph.token({ role: 'consulent', org: 'uo-hbel' }),
    graph.token({ role: 'backoffice', org: 'uo-hbel' }),
    graph.token({ role: 'fg', org: 'uo-hbel' }),
  ]);
}, 600_000);

afterAll(async () => {
  await graph?.stop();
});

/** A Huizen resident with a Wmo toewijzing and an uitkering: HBEL executes both laws there. */
const wmoClienten = new Set(world.wmoToewijzingen.filter((t) => t.gemeenteCode === '0406').map((t) => t.inwonerId));
const resident = world.uitkeringen.find((u) => u.gemeenteCode === '0406' && wmoClienten.has(u.inwonerId))!.inwonerId;

/** Collects the strings under every `key` in a response. */
function collect(node: unknown, key: string, into: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) collect(item, key, into);
  else if (node !== null && typeof node === 'object') {
    for (const [field, value] of Object.entries(node as Record<string, unknown>)) {
      if (field === key && typeof value === 'string') into.push(value);
      else collect(value, key, into);
    }
  }
  return into;
}

interface Lezing {
  readonly naam: string;
  readonly query: string;
  readonly token: () => string;
  /** The subjects each subgraph must have recorded, from the response. */
  readonly verwacht: (data: any) => Partial<Record<Bron, string[]>>;
}

const residentsOf = (data: unknown) => collect(data, 'inwonerId');

const LEZINGEN: Lezing[] = [
  ...(
    [
      ['wmoToewijzingen', 'wmo'],
      ['jeugdToewijzingen', 'jeugd'],
      ['jeugdVerwijzingen', 'jeugd'],
      ['uitkeringen', 'participatie'],
      ['reintegratietrajecten', 'participatie'],
      ['schuldhulptrajecten', 'participatie'],
      ['minimaregelingen', 'participatie'],
    ] as const
  ).map(([veld, bron]): Lezing => ({
    naam: `${veld} (root list)`,
    query: `{ ${veld}(gemeente: "0406", first: 8) { items { inwoner { inwonerId: id } } } }`,
    token: () => consulent,
    verwacht: (data) => ({ [bron]: residentsOf(data) }),
  })),
  {
    naam: 'inwoners with their meldingen (toegang)',
    query: `{ inwoners(gemeente: "0406", first: 6) { items { inwonerId: id voornaam meldingen { id } } } }`,
    token: () => consulent,
    verwacht: (data) => ({ toegang: residentsOf(data) }),
  },
  {
    naam: "one resident's file across the subgraphs (entity fields)",
    query: `query ($id: String!) {
      inwoner(id: $id) { inwonerId: id achternaam uitkeringen { id } wmoToewijzingen { toewijzingsnummer } }
    }`,
    token: () => consulent,
    verwacht: () => ({ toegang: [resident], participatie: [resident], wmo: [resident] }),
  },
  {
    naam: 'declaraties of the back office (subject: the toewijzing)',
    query: `{ declaraties(gemeente: "0406", wet: WMO, first: 8) { items { wet gemeenteCode toewijzingsnummer } } }`,
    token: () => backoffice,
    verwacht: (data) => ({
      inkoop: data.declaraties.items.map((d: any) => `${d.wet.toLowerCase()}:${d.gemeenteCode}:${d.toewijzingsnummer}`),
    }),
  },
  {
    // The members' pseudonyms travel through wmo, jeugd, participatie and inkoop for the sums, but only the households
    // named to the caller are read as personal data (their costs and the household itself), in toegang.
    naam: 'the most expensive households of the stacking answer (subject: the household)',
    query: `{ stapeling(gemeenten: ["0406"], jaar: 2025) { rijen { kosten { duursteHuishoudens(aantal: 3) { huishouden { id } totaal } } } } }`,
    token: () => consulent,
    verwacht: (data) => ({ toegang: data.stapeling.rijen[0].kosten.duursteHuishoudens.map((d: any) => d.huishouden.id) }),
  },
];

const LOG = `query Log($traceId: String!) {
  logboek {
    ${BRONNEN.map((bron) => `${bron}(traceId: $traceId, first: 200) { items { betrokkene verwerkingsactiviteit } pageInfo { totaal } }`).join('\n    ')}
  }
}`;

async function traced(query: string, token: string): Promise<{ traceId: string; data: any; errors?: unknown }> {
  const traceId = randomBytes(16).toString('hex');
  const response = await fetch(graph.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
    body: JSON.stringify({ query, variables: { id: resident } }),
  });
  const body = (await response.json()) as { data: any; errors?: unknown };
  return { traceId, ...body };
}

describe('every personal-data read leaves its Logboek record', () => {
  it.each(LEZINGEN)('$naam', async ({ query, token, verwacht }) => {
    const { traceId, data, errors } = await traced(query, token());
    expect(errors).toBeUndefined();
    const expected = verwacht(data);
    // Otherwise the comparison below would pass on an empty answer.
    expect(Object.values(expected).flat().length).toBeGreaterThan(0);

    const log = await graph.query(LOG, { traceId }, fg);
    expect(log.errors).toBeUndefined();
    for (const bron of BRONNEN) {
      const items = log.data?.logboek[bron].items as { betrokkene: string; verwerkingsactiviteit: string }[];
      // One record per activity and subject: a resident read twice in one request is recorded once.
      const pairs = items.map((v) => `${v.verwerkingsactiviteit} ${v.betrokkene}`);
      expect(pairs.length, bron).toBe(new Set(pairs).size);
      expect([...new Set(items.map((v) => v.betrokkene))].sort(), bron).toEqual([...new Set(expected[bron] ?? [])].sort());
    }
  });
});
