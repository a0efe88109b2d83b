import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphResponse, type RunningGraph, startGraph, demoWorld } from './graph.test-utils.js';

// Issue 3 items 3 (provider) and 8 (aggregate rights per role), through the gateway with real tokens.
const world = demoWorld();
let graph: RunningGraph;

beforeAll(async () => {
  graph = await startGraph();
}, 600_000);

afterAll(async () => {
  await graph?.stop();
});

/** The provider with Wmo toewijzingen in the most gemeenten of the demo world. */
function wmoAanbieder(): string {
  const gemeenten = new Map<string, Set<string>>();
  for (const t of world.wmoToewijzingen) gemeenten.set(t.aanbiederAgb, (gemeenten.get(t.aanbiederAgb) ?? new Set()).add(t.gemeenteCode));
  const [agb] = [...gemeenten].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0])).map(([code]) => code);
  if (!agb) throw new Error('the demo world has no Wmo provider');
  return agb;
}

const TELLINGEN = `query ($g: [String!]!) {
  wmo: wmoToewijzingenPerProductcategorie(gemeenten: $g, jaar: 2025) { gemeente { code } totaal }
}`;
const JEUGD = `query ($g: [String!]!) {
  jeugd: jeugdToewijzingenPerProductcategorie(gemeenten: $g, jaar: 2025) { gemeente { code } totaal }
}`;
const PARTICIPATIE = `query ($g: [String!]!) {
  participatieKengetallen(gemeenten: $g, jaar: 2025) { gemeenteCode binnenMandaat toelichting }
}`;

type Rows = Record<string, { gemeente: { code: string }; totaal: boolean }[] | null>;

/** The gemeenten whose counts of one query a caller gets; `'FORBIDDEN'` when refused (never zero rows). */
async function counted(query: string, gemeenten: readonly string[], token: string): Promise<string[] | string> {
  const response: GraphResponse<Rows> = await graph.query<Rows>(query, { g: gemeenten }, token);
  if (response.errors?.length) return String(response.errors[0]?.extensions?.code);
  const rows = Object.values(response.data ?? {})[0] ?? [];
  return rows.filter((row) => row.totaal).map((row) => row.gemeente.code);
}

/** Which gemeenten of a participatieKengetallen answer are within the caller's aggregate rights. */
async function participatie(gemeenten: readonly string[], token: string): Promise<Record<string, boolean> | string> {
  const response = await graph.query<{ participatieKengetallen: { gemeenteCode: string; binnenMandaat: boolean; toelichting: string | null }[] }>(
    PARTICIPATIE,
    { g: gemeenten },
    token,
  );
  if (response.errors?.length) return String(response.errors[0]?.extensions?.code);
  for (const row of response.data?.participatieKengetallen ?? []) if (!row.binnenMandaat) expect(row.toelichting).toMatch(/niet beschikbaar/);
  return Object.fromEntries((response.data?.participatieKengetallen ?? []).map((row) => [row.gemeenteCode, row.binnenMandaat]));
}

describe('a provider (role aanbieder, org its AGB code)', () => {
  it('sees only its own Wmo toewijzingen and declaraties, in every gemeente', async () => {
    const agb = wmoAanbieder();
    const token = await graph.token({ role: 'aanbieder', org: agb });
    const own = world.wmoToewijzingen.filter((t) => t.aanbiederAgb === agb);
    const response = await graph.query<{
      wmoToewijzingen: { items: { gemeenteCode: string; aanbieder: { agbCode: string } }[]; pageInfo: { totaal: number } };
      declaraties: { items: { aanbieder: { agbCode: string } }[]; pageInfo: { totaal: number } };
    }>(
      `{ wmoToewijzingen(first: 500) { items { gemeenteCode aanbieder { agbCode } } pageInfo { totaal } }
         declaraties(first: 100) { items { aanbieder { agbCode } } pageInfo { totaal } } }`,
      {},
      token,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.wmoToewijzingen.pageInfo.totaal).toBe(own.length);
    expect(new Set(response.data?.wmoToewijzingen.items.map((t) => t.aanbieder.agbCode))).toEqual(new Set([agb]));
    expect(new Set(response.data?.wmoToewijzingen.items.map((t) => t.gemeenteCode)).size).toBeGreaterThan(1);
    expect(response.data?.declaraties.pageInfo.totaal).toBe(world.declaraties.filter((d) => d.aanbiederAgb === agb).length);
    expect(new Set(response.data?.declaraties.items.map((d) => d.aanbieder.agbCode))).toEqual(new Set([agb]));
  });

  it("gets null for another provider's toewijzingsnummer", async () => {
    const agb = wmoAanbieder();
    const other = world.wmoToewijzingen.find((t) => t.aanbiederAgb !== agb);
    if (!other) throw new Error('the demo world has one Wmo provider');
    const response = await graph.query(
      `query ($g: String!, $n: String!) { wmoToewijzing(gemeenteCode: $g, toewijzingsnummer: $n) { toewijzingsnummer } }`,
      { g: other.gemeenteCode, n: other.toewijzingsnummer },
      await graph.token({ role: 'aanbieder', org: agb }),
    );
    expect(response.data).toEqual({ wmoToewijzing: null });
  });

  it('is refused (401) when its organisation is no AGB code', async () => {
    const response = await graph.query('{ wmoToewijzingen(first: 1) { pageInfo { totaal } } }', {}, await graph.token({ role: 'aanbieder', org: 'uo-hbel' }));
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('aggregate rights per role (principal.statistiek)', () => {
  it("gives beleid of 0317 Eemnes Eemnes' Jeugdwet, Wmo and Participatiewet aggregates and not Huizen's", async () => {
    const token = await graph.token({ role: 'beleid', org: '0317' });
    expect(await counted(JEUGD, ['0317'], token)).toEqual(['0317']); // executed by Amersfoort, but Eemnes' money
    expect(await counted(TELLINGEN, ['0317'], token)).toEqual(['0317']);
    expect(await counted(JEUGD, ['0406'], token)).toBe('FORBIDDEN');
    expect(await counted(TELLINGEN, ['0406'], token)).toBe('FORBIDDEN');
    expect(await participatie(['0317', '0406'], token)).toEqual({ '0317': true, '0406': false });
  });

  it("gives a controller of 0406 Huizen Huizen's aggregates and not Eemnes'", async () => {
    const token = await graph.token({ role: 'controller', org: '0406' });
    expect(await counted(JEUGD, ['0406'], token)).toEqual(['0406']);
    expect(await counted(TELLINGEN, ['0406'], token)).toEqual(['0406']);
    expect(await counted(TELLINGEN, ['0317'], token)).toBe('FORBIDDEN');
    expect(await participatie(['0317', '0406'], token)).toEqual({ '0317': false, '0406': true });
  });

  it("gives inkoper regio-gv the region's aggregates per law: Eemnes' Wmo, not Eemnes' Jeugdwet", async () => {
    const token = await graph.token({ role: 'inkoper', org: 'regio-gv' });
    const regio = ['0317', '0376', '0406', '0417'];
    expect(await counted(TELLINGEN, regio, token)).toEqual(regio);
    expect(await counted(JEUGD, ['0376', '0406', '0417'], token)).toEqual(['0376', '0406', '0417']);
    expect(await counted(JEUGD, ['0317'], token)).toBe('FORBIDDEN');
    expect(await counted(TELLINGEN, ['0397'], token)).toBe('FORBIDDEN'); // Heemstede is another region
  });

  it("gives analist of 0406 Huizen's aggregates only", async () => {
    const token = await graph.token({ role: 'analist', org: '0406' });
    expect(await counted(TELLINGEN, ['0406'], token)).toEqual(['0406']);
    expect(await counted(JEUGD, ['0406'], token)).toEqual(['0406']);
    expect(await counted(JEUGD, ['0376'], token)).toBe('FORBIDDEN');
  });

  it('gives a subsidiepartner none of the social-domain counts', async () => {
    const token = await graph.token({ role: 'subsidiepartner', org: 'sp-0406-welzijn' });
    expect(await counted(TELLINGEN, ['0406'], token)).toBe('FORBIDDEN');
    expect(await counted(JEUGD, ['0406'], token)).toBe('FORBIDDEN');
    expect(await participatie(['0406'], token)).toEqual({ '0406': false });
  });
});
