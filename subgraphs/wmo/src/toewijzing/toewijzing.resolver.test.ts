import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph } from '../schema.js';
import { actiefOp, firstError, worldToewijzingen } from '../wmo.test-utils.js';

const FIELDS = `toewijzingsnummer gemeenteCode gemeente { code } inwoner { id } productcategorie { code omschrijving }
  productcode aanbieder { agbCode } contract { id } tarief { id } omvang { volume eenheid { code } frequentie { code } }
  leveringsvorm ingangsdatum einddatum redenBeeindiging { code omschrijving } eigenBijdrage eigenBijdrageTekst`;

const LOOKUP = `query ($g: String!, $n: String!) { wmoToewijzing(gemeenteCode: $g, toewijzingsnummer: $n) { ${FIELDS} } }`;

const LIST = `query ($gemeente: String, $productcategorie: String, $actiefOp: String, $aanbieder: String, $first: Int!, $offset: Int!) {
  wmoToewijzingen(gemeente: $gemeente, productcategorie: $productcategorie, actiefOp: $actiefOp, aanbieder: $aanbieder,
                  first: $first, offset: $offset) {
    items { gemeenteCode toewijzingsnummer }
    pageInfo { totaal offset heeftVolgende }
  }
}`;

type ListData = {
  wmoToewijzingen: {
    items: { gemeenteCode: string; toewijzingsnummer: string }[];
    pageInfo: { totaal: number; offset: number; heeftVolgende: boolean };
  };
};

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

describe('wmoToewijzing', () => {
  it('returns a toewijzing with the values of the demo world', async () => {
    const t = worldToewijzingen().find((w) => w.redenBeeindiging !== null) ?? worldToewijzingen()[0];
    const result = await harness.execute(LOOKUP, { g: t.gemeenteCode, n: t.toewijzingsnummer });
    expect(result.errors).toBeUndefined();
    expect(result.data?.wmoToewijzing).toMatchObject({
      toewijzingsnummer: t.toewijzingsnummer,
      gemeenteCode: t.gemeenteCode,
      gemeente: { code: t.gemeenteCode },
      inwoner: { id: t.inwonerId },
      productcategorie: { code: t.productcategorie },
      productcode: t.productcode,
      aanbieder: { agbCode: t.aanbiederAgb },
      contract: { id: t.contractId },
      tarief: { id: t.tariefId },
      omvang: { volume: t.volume, eenheid: { code: t.eenheid }, frequentie: { code: t.frequentie } },
      leveringsvorm: t.leveringsvorm,
      ingangsdatum: t.ingangsdatum,
      einddatum: t.einddatum,
      redenBeeindiging: t.redenBeeindiging === null ? null : { code: t.redenBeeindiging },
      eigenBijdrage: t.eigenBijdrage,
    });
  });

  it('formats the eigen bijdrage for a reader', async () => {
    const t = worldToewijzingen().find((w) => w.eigenBijdrage > 0);
    expect(t).toBeDefined();
    if (!t) return;
    const result = await harness.execute<{ wmoToewijzing: { eigenBijdrageTekst: string } }>(LOOKUP, {
      g: t.gemeenteCode,
      n: t.toewijzingsnummer,
    });
    const euros = Math.floor(t.eigenBijdrage / 100);
    const cents = String(t.eigenBijdrage % 100).padStart(2, '0');
    expect(result.data?.wmoToewijzing.eigenBijdrageTekst).toBe(`€ ${euros.toLocaleString('nl-NL')},${cents}`);
  });

  it('returns null for a toewijzing that does not exist', async () => {
    const result = await harness.execute(LOOKUP, { g: '0406', n: '999' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.wmoToewijzing).toBeNull();
  });

  it.each([
    ['GM0406', '1', 'CBS-gemeentecode'],
    ['0406', 'W0406-1', 'toewijzingsnummer'],
    ['0406', '', 'toewijzingsnummer'],
    ['0406', 'W0406000123', 'toewijzingsnummer'],
    ['0406', '0123', 'toewijzingsnummer'],
    ['0406', '1234567890', 'toewijzingsnummer'],
  ])('refuses gemeente %s nummer %s with BAD_USER_INPUT', async (g, n, fragment) => {
    const error = firstError(await harness.execute(LOOKUP, { g, n }));
    expect(error?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toContain(fragment);
  });

  it('computes actief on a date', async () => {
    const t = worldToewijzingen().find((w) => w.einddatum !== null) ?? worldToewijzingen()[0];
    const query = `query ($g: String!, $n: String!, $voor: String, $op: String) {
      wmoToewijzing(gemeenteCode: $g, toewijzingsnummer: $n) { voor: actief(op: $voor) op: actief(op: $op) } }`;
    const result = await harness.execute(query, { g: t.gemeenteCode, n: t.toewijzingsnummer, voor: '2015-01-01', op: t.ingangsdatum });
    expect(result.data?.wmoToewijzing).toEqual({ voor: actiefOp(t, '2015-01-01'), op: true });
    expect(firstError(await harness.execute(query, { g: t.gemeenteCode, n: t.toewijzingsnummer, op: '2025-13-01' }))?.code).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('wmoToewijzingen', () => {
  it('counts what the demo world holds for a gemeente, categorie and date', async () => {
    const datum = '2025-06-01';
    const expected = worldToewijzingen().filter(
      (t) => t.gemeenteCode === '0406' && t.productcategorie === '01' && actiefOp(t, datum),
    );
    const result = await harness.execute<ListData>(LIST, {
      gemeente: '0406',
      productcategorie: '01',
      actiefOp: datum,
      first: 500,
      offset: 0,
    });
    expect(result.errors).toBeUndefined();
    expect(expected.length).toBeGreaterThan(0);
    expect(result.data?.wmoToewijzingen.pageInfo.totaal).toBe(expected.length);
    // One page holds them all at the default scale; compare the members, not only the count.
    expect(expected.length).toBeLessThanOrEqual(500);
    expect(new Set(result.data?.wmoToewijzingen.items.map((i) => i.toewijzingsnummer))).toEqual(
      new Set(expected.map((t) => t.toewijzingsnummer)),
    );
  });

  it('filters on aanbieder', async () => {
    const agb = worldToewijzingen()[0].aanbiederAgb;
    const expected = worldToewijzingen().filter((t) => t.aanbiederAgb === agb).length;
    const result = await harness.execute<ListData>(LIST, { aanbieder: agb, first: 0, offset: 0 });
    expect(result.data?.wmoToewijzingen.pageInfo.totaal).toBe(expected);
    expect(result.data?.wmoToewijzingen.items).toEqual([]);
  });

  it('pages with first and offset', async () => {
    const ten = await harness.execute<ListData>(LIST, { gemeente: '0406', first: 10, offset: 0 });
    const second = await harness.execute<ListData>(LIST, { gemeente: '0406', first: 5, offset: 5 });
    expect(second.data?.wmoToewijzingen.items).toEqual(ten.data?.wmoToewijzingen.items.slice(5));
    expect(second.data?.wmoToewijzingen.pageInfo).toMatchObject({
      totaal: worldToewijzingen().filter((t) => t.gemeenteCode === '0406').length,
      offset: 5,
      heeftVolgende: true,
    });
    const total = second.data?.wmoToewijzingen.pageInfo.totaal ?? 0;
    const last = await harness.execute<ListData>(LIST, { gemeente: '0406', first: 10, offset: total - 3 });
    expect(last.data?.wmoToewijzingen.items).toHaveLength(3);
    expect(last.data?.wmoToewijzingen.pageInfo.heeftVolgende).toBe(false);
  });

  it.each([
    [{ first: -1, offset: 0 }, 'first'],
    [{ first: 501, offset: 0 }, 'first'],
    [{ first: 10, offset: -1 }, 'offset'],
    [{ first: 10, offset: 0, productcategorie: '19' }, 'WMO020'],
    [{ first: 10, offset: 0, productcategorie: '1' }, 'WMO020'],
    [{ first: 10, offset: 0, gemeente: '406' }, 'CBS-gemeentecode'],
    [{ first: 10, offset: 0, aanbieder: '1234' }, 'AGB-code'],
    [{ first: 10, offset: 0, actiefOp: '2025-02-30' }, 'JJJJ-MM-DD'],
  ])('refuses %o with BAD_USER_INPUT', async (variables, fragment) => {
    const error = firstError(await harness.execute(LIST, variables));
    expect(error?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toContain(fragment);
  });
});

describe('_entities WmoToewijzing', () => {
  it('resolves representations in order, null for a miss', async () => {
    const [a, b] = worldToewijzingen();
    const result = await harness.execute(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on WmoToewijzing { toewijzingsnummer inwoner { id } } } }`,
      {
        r: [
          { __typename: 'WmoToewijzing', gemeenteCode: b.gemeenteCode, toewijzingsnummer: b.toewijzingsnummer },
          { __typename: 'WmoToewijzing', gemeenteCode: '0406', toewijzingsnummer: '999' },
          { __typename: 'WmoToewijzing', gemeenteCode: a.gemeenteCode, toewijzingsnummer: a.toewijzingsnummer },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      { toewijzingsnummer: b.toewijzingsnummer, inwoner: { id: b.inwonerId } },
      null,
      { toewijzingsnummer: a.toewijzingsnummer, inwoner: { id: a.inwonerId } },
    ]);
  });
});
