import { JW_PRODUCTCATEGORIE, JW_REDEN_BEEINDIGING, VERWIJZER_TYPE, WMO_REDEN_BEEINDIGING } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actiefOp, demoWorld, firstError, keyOf, worldToewijzingen } from '../jeugd.test-utils.js';
import { subgraph } from '../schema.js';

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

const LOOKUP = `query ($g: String!, $n: String!) {
  jeugdToewijzing(gemeenteCode: $g, toewijzingsnummer: $n) {
    gemeenteCode toewijzingsnummer productcode leveringsvorm ingangsdatum einddatum
    productcategorie { code omschrijving }
    omvang { volume eenheid { code omschrijving } frequentie { code } }
    redenBeeindiging { code omschrijving }
    aanbieder { agbCode } contract { id } tarief { id } inwoner { id } gemeente { code }
    verwijzing { id verwijzerType { code omschrijving } datum }
    traject { id startdatum }
  }
}`;

const LIST = `query ($gemeente: String, $categorie: String, $op: String, $aanbieder: String, $first: Int!, $offset: Int!) {
  jeugdToewijzingen(gemeente: $gemeente, productcategorie: $categorie, actiefOp: $op, aanbieder: $aanbieder,
                    first: $first, offset: $offset) {
    items { gemeenteCode toewijzingsnummer verwijzing { verwijzerType { code } } }
    pageInfo { totaal offset heeftVolgende }
  }
}`;

type ListData = {
  jeugdToewijzingen: {
    items: { gemeenteCode: string; toewijzingsnummer: string; verwijzing: { verwijzerType: { code: string } } | null }[];
    pageInfo: { totaal: number; offset: number; heeftVolgende: boolean };
  };
};

describe('jeugdToewijzing', () => {
  it('returns a toewijzing with the values of the demo world', async () => {
    // A toewijzing ended "volgens plan": JZ588 code 31, which means something else in the Wmo.
    const t = worldToewijzingen().find((w) => w.redenBeeindiging === '31' && w.verwijzingId !== null);
    expect(t).toBeDefined();
    if (!t) return;
    const verwijzing = demoWorld().verwijzingen.find((v) => v.id === t.verwijzingId);
    const { data, errors } = await harness.execute(LOOKUP, { g: t.gemeenteCode, n: t.toewijzingsnummer });
    expect(errors).toBeUndefined();
    expect(data?.jeugdToewijzing).toEqual({
      gemeenteCode: t.gemeenteCode,
      toewijzingsnummer: t.toewijzingsnummer,
      productcode: t.productcode,
      leveringsvorm: t.leveringsvorm,
      ingangsdatum: t.ingangsdatum,
      einddatum: t.einddatum,
      productcategorie: { code: t.productcategorie, omschrijving: JW_PRODUCTCATEGORIE.get(t.productcategorie) },
      omvang: {
        volume: t.volume,
        eenheid: { code: t.eenheid, omschrijving: expect.any(String) },
        frequentie: { code: t.frequentie },
      },
      redenBeeindiging: { code: '31', omschrijving: 'Levering is volgens plan beeindigd.' },
      aanbieder: { agbCode: t.aanbiederAgb },
      contract: { id: t.contractId },
      tarief: { id: t.tariefId },
      inwoner: { id: t.inwonerId },
      gemeente: { code: t.gemeenteCode },
      verwijzing: {
        id: t.verwijzingId,
        verwijzerType: { code: verwijzing?.verwijzerType, omschrijving: VERWIJZER_TYPE.get(verwijzing?.verwijzerType ?? '') },
        datum: verwijzing?.datum,
      },
      traject: { id: t.trajectId, startdatum: demoWorld().jeugdTrajecten.find((tr) => tr.id === t.trajectId)?.startdatum },
    });
    expect(JW_REDEN_BEEINDIGING.get('31')).not.toBe(WMO_REDEN_BEEINDIGING.get('31'));
  });

  it('returns null for a key that does not exist', async () => {
    const { data, errors } = await harness.execute(LOOKUP, { g: '0406', n: '999' });
    expect(errors).toBeUndefined();
    expect(data?.jeugdToewijzing).toBeNull();
  });

  it('refuses a malformed gemeentecode or toewijzingsnummer with BAD_USER_INPUT', async () => {
    const gemeente = await harness.execute(LOOKUP, { g: '406', n: '10000001' });
    expect(firstError(gemeente)).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining('CBS-gemeentecode') });
    const nummer = await harness.execute(LOOKUP, { g: '0406', n: 'J0406000123' });
    expect(firstError(nummer)).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining('geen toewijzingsnummer') });
  });
});

describe('jeugdToewijzingen', () => {
  it('filters by gemeente, productcategorie, date and aanbieder like the demo world', async () => {
    const sample = worldToewijzingen().find((w) => w.gemeenteCode === '0406' && w.productcategorie === '45');
    expect(sample).toBeDefined();
    if (!sample) return;
    const op = sample.ingangsdatum;
    const expected = worldToewijzingen().filter(
      (w) => w.gemeenteCode === '0406' && w.productcategorie === '45' && actiefOp(w, op) && w.aanbiederAgb === sample.aanbiederAgb,
    );
    const { data, errors } = await harness.execute<ListData>(LIST, {
      gemeente: '0406', categorie: '45', op, aanbieder: sample.aanbiederAgb, first: 500, offset: 0,
    });
    expect(errors).toBeUndefined();
    expect(data?.jeugdToewijzingen.pageInfo.totaal).toBe(expected.length);
    expect(data?.jeugdToewijzingen.items.map(keyOf).sort()).toEqual(expected.map(keyOf).sort());
  });

  it("holds Eemnes' jeugdhulp, which Amersfoort executes", async () => {
    const expected = worldToewijzingen().filter((w) => w.gemeenteCode === '0317').length;
    expect(expected).toBeGreaterThan(0);
    const { data } = await harness.execute<ListData>(LIST, { gemeente: '0317', first: 0, offset: 0 });
    expect(data?.jeugdToewijzingen.pageInfo).toEqual({ totaal: expected, offset: 0, heeftVolgende: true });
  });

  it('gives each toewijzing the verwijzer type of its verwijzing in the demo world', async () => {
    const typeOf = new Map(demoWorld().verwijzingen.map((v) => [v.id, v.verwijzerType]));
    const expected = new Map(worldToewijzingen().map((w) => [keyOf(w), w.verwijzingId && typeOf.get(w.verwijzingId)]));
    const { data } = await harness.execute<ListData>(LIST, { gemeente: '0376', first: 200, offset: 0 });
    const items = data?.jeugdToewijzingen.items ?? [];
    expect(items.length).toBeGreaterThan(10);
    for (const item of items) expect(item.verwijzing?.verwijzerType.code ?? null).toBe(expected.get(keyOf(item)));
  });

  it('pages without overlap and reports the total', async () => {
    const total = worldToewijzingen().length;
    const first = await harness.execute<ListData>(LIST, { first: 7, offset: 0 });
    const second = await harness.execute<ListData>(LIST, { first: 7, offset: 7 });
    const last = await harness.execute<ListData>(LIST, { first: 7, offset: total - 3 });
    const keys = (r: typeof first) => r.data?.jeugdToewijzingen.items.map(keyOf) ?? [];
    expect(keys(first)).toHaveLength(7);
    expect(keys(second)).toHaveLength(7);
    expect(keys(first).filter((k) => keys(second).includes(k))).toEqual([]);
    expect(first.data?.jeugdToewijzingen.pageInfo).toEqual({ totaal: total, offset: 0, heeftVolgende: true });
    expect(last.data?.jeugdToewijzingen.pageInfo).toEqual({ totaal: total, offset: total - 3, heeftVolgende: false });
    expect(keys(last)).toHaveLength(3);
  });

  it.each([
    [{ categorie: '39' }, 'geen productcategorie van de Jeugdwet'],
    [{ categorie: '56' }, 'geen productcategorie van de Jeugdwet'],
    [{ categorie: '01' }, 'geen productcategorie van de Jeugdwet'],
    [{ gemeente: 'GM0406' }, 'CBS-gemeentecode'],
    [{ op: '2025-02-30' }, 'geen datum'],
    [{ aanbieder: '1234' }, 'AGB-code'],
    [{ first: -1 }, 'first'],
    [{ first: 501 }, 'first'],
    [{ offset: -1 }, 'offset'],
  ])('refuses %o with BAD_USER_INPUT', async (variables, message) => {
    const result = await harness.execute(LIST, { first: 10, offset: 0, ...variables });
    expect(firstError(result)).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining(message) });
  });
});

describe('_entities JeugdToewijzing', () => {
  it('resolves representations in order, null for a miss', async () => {
    const [a, b] = worldToewijzingen().filter((w) => w.gemeenteCode === '0417');
    const representations = [
      { __typename: 'JeugdToewijzing', gemeenteCode: b.gemeenteCode, toewijzingsnummer: b.toewijzingsnummer },
      { __typename: 'JeugdToewijzing', gemeenteCode: '0417', toewijzingsnummer: '999' },
      { __typename: 'JeugdToewijzing', gemeenteCode: a.gemeenteCode, toewijzingsnummer: a.toewijzingsnummer },
    ];
    const { result, statements } = await harness.countStatements(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on JeugdToewijzing { toewijzingsnummer inwoner { id } } } }`,
      { r: representations },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      { toewijzingsnummer: b.toewijzingsnummer, inwoner: { id: b.inwonerId } },
      null,
      { toewijzingsnummer: a.toewijzingsnummer, inwoner: { id: a.inwonerId } },
    ]);
    expect(statements).toBe(1);
  });
});
