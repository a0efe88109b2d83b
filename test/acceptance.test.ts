import { expectCount, expectRelationProtected, type PublishedValue } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OwnGraph, startOwnGraph, ownDemoWorld } from './graph.test-utils.js';

// The world every subgraph loaded, computed here independently of the subgraphs' SQL.
const world = ownDemoWorld();
let graph: OwnGraph;
// Resident data needs a caller with a mandate: HBEL's consulent executes Wmo, Jeugdwet and Participatiewet for Blaricum.
let hbelConsulent: string;

beforeAll(async () => {
  graph = await startOwnGraph();
  hbelConsulent = await graph.token({ role: 'consulent', org: 'uo-hbel' });
}, 600_000);

afterAll(async () => {
  await graph?.stop();
});

describe('one request, several subgraphs', () => {
  it('shows a Blaricum resident with Wmo, Jeugdwet and Participatiewet support across five subgraphs', async () => {
    const found = await graph.query<{ inwoners: { items: { id: string }[] } }>(
      `query { inwoners(gemeente: "0376", wetten: [WMO, JEUGDWET, PARTICIPATIEWET], first: 5) { items { id } } }`,
      undefined,
      hbelConsulent,
    );
    expect(found.errors).toBeUndefined();
    const id = found.data?.inwoners.items[0]?.id;
    expect(id).toBeDefined();

    const { data, errors } = await graph.query(
      `query Inwoner($id: String!) {
        inwoner(id: $id) {
          id
          gemeente { code naam }
          wmoToewijzingen {
            toewijzingsnummer
            productcategorie { code omschrijving }
            aanbieder { agbCode naam }
            contract { id naam bekostiging }
            tarief { bedrag eenheid { code } geldigVan }
            declaraties { id bedrag ingediendOp status }
          }
          jeugdToewijzingen { toewijzingsnummer productcategorie { code } verwijzing { verwijzerType { code omschrijving } } }
          uitkeringen { regeling { code } bedragPerMaand }
        }
      }`,
      { id },
      hbelConsulent,
    );
    expect(errors).toBeUndefined();
    const inwoner = data?.inwoner;
    expect(inwoner.gemeente).toEqual({ code: '0376', naam: 'Blaricum' });

    const expectedWmo = world.wmoToewijzingen.filter((t) => t.inwonerId === id);
    expect(inwoner.wmoToewijzingen.map((t: { toewijzingsnummer: string }) => t.toewijzingsnummer).sort()).toEqual(
      expectedWmo.map((t) => t.toewijzingsnummer).sort(),
    );
    for (const t of inwoner.wmoToewijzingen) {
      const expected = expectedWmo.find((w) => w.toewijzingsnummer === t.toewijzingsnummer);
      const contract = world.contracten.find((c) => c.id === expected?.contractId);
      const aanbieder = world.aanbieders.find((a) => a.agbCode === expected?.aanbiederAgb);
      const tarief = world.tarieven.find((x) => x.id === expected?.tariefId);
      expect(t.aanbieder).toEqual({ agbCode: aanbieder?.agbCode, naam: aanbieder?.naam });
      expect(t.contract.id).toBe(contract?.id);
      expect(t.tarief.bedrag).toBe(tarief?.bedrag);
      // Declaraties are contract management (CONTRACTBEHEER, the region's task), not the consulent's;
      // test/authorization.test.ts checks them for the region's inkoper.
      expect(t.declaraties).toEqual([]);
    }
    const expectedJeugd = world.jeugdToewijzingen.filter((t) => t.inwonerId === id);
    expect(inwoner.jeugdToewijzingen).toHaveLength(expectedJeugd.length);
    for (const t of inwoner.jeugdToewijzingen) {
      const expected = expectedJeugd.find((j) => j.toewijzingsnummer === t.toewijzingsnummer);
      const verwijzing = world.verwijzingen.find((v) => v.id === expected?.verwijzingId);
      expect(t.verwijzing.verwijzerType.code).toBe(verwijzing?.verwijzerType);
    }
    expect(inwoner.uitkeringen).toHaveLength(world.uitkeringen.filter((u) => u.inwonerId === id).length);
    expect(inwoner.uitkeringen.length).toBeGreaterThan(0);
  });

  it('shows that Eemnes has its Jeugdwet executed by Amersfoort', async () => {
    const { data, errors } = await graph.query(
      `{ gemeente(code: "0317") { naam arrangementen { wet rol uitvoerder { id naam } } } }`,
    );
    expect(errors).toBeUndefined();
    const arrangementen = data?.gemeente.arrangementen as { wet: string; rol: string; uitvoerder: { id: string } }[];
    const jeugdUitvoering = arrangementen.find((a) => a.wet === 'JEUGDWET' && a.rol === 'UITVOERING');
    const wmoUitvoering = arrangementen.find((a) => a.wet === 'WMO' && a.rol === 'UITVOERING');
    expect(jeugdUitvoering?.uitvoerder.id).toBe('0307');
    expect(wmoUitvoering?.uitvoerder.id).toBe('uo-hbel');
  });

  it("lists the region's contracts with aanbieder, percelen, products, tariffs and participating gemeenten", async () => {
    const { data, errors } = await graph.query(
      `{ contracten(contractant: "regio-gv", first: 100) {
          items { id aanbieder { agbCode naam } deelnemendeGemeenten { code naam }
            percelen { naam producten { productcode tarieven { bedrag geldigVan geldigTot } } } }
          pageInfo { totaal } } }`,
    );
    expect(errors).toBeUndefined();
    const expected = world.contracten.filter((c) => c.contractantId === 'regio-gv');
    expect(data?.contracten.pageInfo.totaal).toBe(expected.length);
    for (const contract of data?.contracten.items ?? []) {
      const source = expected.find((c) => c.id === contract.id);
      expect(contract.aanbieder.agbCode).toBe(source?.aanbiederAgb);
      expect(contract.aanbieder.naam).toMatch(/\S/);
      expect(contract.deelnemendeGemeenten.map((g: { code: string }) => g.code).sort()).toEqual([...(source?.deelnemendeGemeenteCodes ?? [])].sort());
      const producten = contract.percelen.flatMap((p: { producten: unknown[] }) => p.producten);
      expect(producten.length).toBeGreaterThan(0);
      for (const product of producten) expect(product.tarieven.length).toBe(5);
    }
    // Eemnes takes part in the Regio's Wmo contracts, never in its jeugdhulp contracts.
    for (const contract of data?.contracten.items ?? []) {
      const source = expected.find((c) => c.id === contract.id);
      const codes = contract.deelnemendeGemeenten.map((g: { code: string }) => g.code);
      expect(codes.includes('0317')).toBe(source?.wet === 'WMO');
    }
  });

  it('counts Wmo toewijzingen per gemeente and productcategorie for the HBEL gemeenten in one year, small cells suppressed', async () => {
    const hbel = ['0406', '0376', '0317', '0417'];
    type Row = { gemeente: { code: string; naam: string }; productcategorie: { code: string } | null; totaal: boolean; aantalToewijzingen: PublishedValue };
    const { data, errors } = await graph.query<{ wmoToewijzingenPerProductcategorie: Row[] }>(
      `{ wmoToewijzingenPerProductcategorie(gemeenten: ["0406", "0376", "0317", "0417"], jaar: 2025) {
          gemeente { code naam } productcategorie { code omschrijving } totaal aantalToewijzingen { waarde onderdrukt bewerking } onderdrukkingsregel } }`,
      undefined,
      hbelConsulent,
    );
    expect(errors).toBeUndefined();
    const expected = new Map<string, number>();
    for (const t of world.wmoToewijzingen) {
      if (!hbel.includes(t.gemeenteCode) || t.ingangsdatum > '2025-12-31' || (t.einddatum !== null && t.einddatum < '2025-01-01')) continue;
      for (const key of [`${t.gemeenteCode}|${t.productcategorie}`, `${t.gemeenteCode}|TOTAAL`]) expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const rows = data?.wmoToewijzingenPerProductcategorie ?? [];
    const keyOf = (row: Row) => `${row.gemeente.code}|${row.totaal ? 'TOTAAL' : row.productcategorie?.code}`;
    expect(rows.map(keyOf).sort()).toEqual([...expected.keys()].sort());
    // Toewijzingen are a cell of the clients holding them; the policy's rules are applied here to the world (issue 10).
    const clienten = new Map<string, Set<string>>();
    for (const t of world.wmoToewijzingen) {
      if (!hbel.includes(t.gemeenteCode) || t.ingangsdatum > '2025-12-31' || (t.einddatum !== null && t.einddatum < '2025-01-01')) continue;
      for (const key of [`${t.gemeenteCode}|${t.productcategorie}`, `${t.gemeenteCode}|TOTAAL`]) clienten.set(key, (clienten.get(key) ?? new Set()).add(t.inwonerId));
    }
    let small = 0;
    for (const row of rows) {
      const contributors = clienten.get(keyOf(row))?.size ?? 0;
      if (contributors < 10) small += 1;
      expectCount(row.aantalToewijzingen, { value: expected.get(keyOf(row)) ?? NaN, contributors }, keyOf(row));
    }
    expect(small).toBeGreaterThan(0);
    // No gemeente's published total minus its published cells singles out a withheld cell or a small sum of them.
    for (const code of hbel) {
      const own = rows.filter((row) => row.gemeente.code === code);
      const totaal = own.find((row) => row.totaal);
      if (!totaal) throw new Error(`geen totaal voor ${code}`);
      expectRelationProtected(
        totaal.aantalToewijzingen,
        own.filter((row) => !row.totaal).map((row) => ({ published: row.aantalToewijzingen, contributors: clienten.get(keyOf(row))?.size ?? 0 })),
        code,
      );
    }
    expect(rows[0]?.gemeente.naam).toMatch(/Huizen|Blaricum|Eemnes|Laren/);
  });
});

describe('bad input', () => {
  it.each([
    ['an unknown gemeente code', `{ gemeente(code: "9999") { naam } }`, null],
    ['a malformed gemeente code', `{ gemeente(code: "Huizen") { naam } }`, 'BAD_USER_INPUT'],
    ['a malformed resident id', `{ inwoner(id: "123") { id } }`, 'BAD_USER_INPUT'],
    ['a negative page size', `{ contracten(first: -1) { items { id } } }`, 'BAD_USER_INPUT'],
    ['an unknown productcategorie', `{ wmoToewijzingen(productcategorie: "99") { items { toewijzingsnummer } } }`, 'BAD_USER_INPUT'],
    ['a field that does not exist', `{ gemeente(code: "0406") { bestaatNiet } }`, 'GRAPHQL_VALIDATION_FAILED'],
  ])('answers %s with a clear error and code, never a crash', async (_name, query, code) => {
    // A consulent: residents and toewijzingen are refused to an anonymous caller before any input check.
    const response = await graph.query(query, undefined, hbelConsulent);
    if (code === null) {
      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual({ gemeente: null });
      return;
    }
    expect(response.errors?.[0].extensions?.code).toBe(code);
    expect(response.errors?.[0].message).toMatch(/\S/);
    expect(JSON.stringify(response)).not.toMatch(/stacktrace|    at /);
  });

  it('refuses a body that is not JSON with a 400, not a crash', async () => {
    const response = await fetch(graph.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
  });
});

describe('the gateway itself', () => {
  it('answers /health and serves GraphiQL without outside assets', async () => {
    const base = graph.gateway.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const page = await fetch(`${base}/`, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(html).toContain('graphiql');
    const outside = [...html.matchAll(/(?:src|href)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]).filter((u) => !u.startsWith('http://127.0.0.1'));
    expect(outside).toEqual([]);
  });
});

describe('a failing subgraph', () => {
  it('degrades the answer: the rest of the response stands and the gateway stays up', async () => {
    await graph.subgraphs.get('subsidies')?.stop();
    const { data, errors } = await graph.query(
      `{ gemeente(code: "0406") { naam subsidies(jaar: 2025) { id } wmoToewijzingen(first: 1) { pageInfo { totaal } } } }`,
      undefined,
      hbelConsulent,
    );
    // Only the fields of the stopped subgraph go null; Huizen and its Wmo data stand.
    expect(data?.gemeente?.naam).toBe('Huizen');
    expect(data?.gemeente?.subsidies).toBeNull();
    expect(data?.gemeente?.wmoToewijzingen.pageInfo.totaal).toBeGreaterThan(0);
    expect(errors?.[0].extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
    // @apollo/gateway reports a failed entity fetch without a path; the message names the subgraph.
    expect(errors?.[0].message).toContain('subsidies');
    expect(JSON.stringify(errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|    at /);
    expect((await graph.query(`{ gemeente(code: "0376") { naam } }`)).data).toEqual({ gemeente: { naam: 'Blaricum' } });
  });
});
