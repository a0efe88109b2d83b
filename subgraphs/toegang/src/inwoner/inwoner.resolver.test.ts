import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { subgraph } from '../schema.js';
import { demoWorld, inwonersVan, leeftijdOp, wettenVan } from '../world.test-utils.js';
import { leeftijdsklasseVan } from './leeftijdsklasse.js';

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(() => harness?.close());

const INWONER = `query ($id: String!) {
  inwoner(id: $id) {
    id bsn voornaam achternaam geboortedatum leeftijd leeftijdsklasse
    geslacht { code omschrijving } gemeente { code } adres { postcode huisnummer }
    huishouden { id samenstelling } vasteConsulent { id } wetten meldingen { id wet soort datum status }
  }
}`;

describe('inwoner(id)', () => {
  it('returns the resident as in the demo world', async () => {
    const world = demoWorld();
    // A resident with meldingen and a fixed consulent, so every field is exercised.
    const expected = world.inwoners.find((i) => i.consulentId && wettenVan(world, i).size > 0) ?? world.inwoners[0];
    const huishouden = world.huishoudens.find((h) => h.id === expected.huishoudenId);
    const { data, errors } = await harness.execute<{ inwoner: Record<string, unknown> }>(INWONER, { id: expected.id });
    expect(errors).toBeUndefined();
    const leeftijd = leeftijdOp(expected.geboortedatum, world.peildatum);
    expect(data?.inwoner).toMatchObject({
      id: expected.id,
      bsn: expected.bsn,
      voornaam: expected.voornaam,
      achternaam: expected.achternaam,
      geboortedatum: expected.geboortedatum,
      leeftijd,
      leeftijdsklasse: leeftijdsklasseVan(leeftijd),
      geslacht: { code: expected.geslacht },
      gemeente: { code: expected.gemeenteCode },
      adres: { postcode: huishouden?.postcode, huisnummer: huishouden?.huisnummer },
      huishouden: { id: expected.huishoudenId, samenstelling: huishouden?.samenstelling },
      vasteConsulent: expected.consulentId ? { id: expected.consulentId } : null,
    });
    const meldingen = world.meldingen.filter((m) => m.inwonerId === expected.id);
    const got = data?.inwoner.meldingen as { id: string; datum: string }[];
    expect(got.map((m) => m.id).sort()).toEqual(meldingen.map((m) => m.id).sort());
    expect(got.map((m) => m.datum)).toEqual([...got.map((m) => m.datum)].sort().reverse());
    expect(new Set(data?.inwoner.wetten as string[])).toEqual(wettenVan(world, expected));
  });

  it('returns null for an unknown pseudonym', async () => {
    const { data, errors } = await harness.execute(INWONER, { id: '0'.repeat(32) });
    expect(errors).toBeUndefined();
    expect(data).toEqual({ inwoner: null });
  });

  it('refuses a malformed id (a BSN is not a key)', async () => {
    const { errors } = await harness.execute(INWONER, { id: demoWorld().inwoners[0].bsn });
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].message).toMatch(/geen geldig inwoner-id/);
  });
});

describe('inwonerOpBsn', () => {
  const QUERY = `query ($bsn: String!) { inwonerOpBsn(bsn: $bsn) { id bsn } }`;

  it('finds a resident by a valid BSN', async () => {
    const expected = demoWorld().inwoners[3];
    const { data, errors } = await harness.execute(QUERY, { bsn: expected.bsn });
    expect(errors).toBeUndefined();
    expect(data).toEqual({ inwonerOpBsn: { id: expected.id, bsn: expected.bsn } });
  });

  it('returns null for a valid BSN nobody has', async () => {
    // 111222333 passes the elfproef: 9+8+7+12+10+8+9+6-3 = 66.
    const known = new Set(demoWorld().inwoners.map((i) => i.bsn));
    const bsn = ['111222333', '123456782', '999999990'].find((candidate) => !known.has(candidate));
    const { data, errors } = await harness.execute(QUERY, { bsn });
    expect(errors).toBeUndefined();
    expect(data).toEqual({ inwonerOpBsn: null });
  });

  it.each(['123456789', '12345678', '1234567890', '12345678a', ''])('refuses %j (elfproef)', async (bsn) => {
    const { data, errors } = await harness.execute(QUERY, { bsn });
    expect(data?.inwonerOpBsn ?? null).toBeNull();
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].message).toMatch(/elfproef/);
  });
});

describe('inwoners(gemeente, wetten)', () => {
  const QUERY = `query ($gemeente: String!, $wetten: [Wet!], $first: Int, $offset: Int) {
    inwoners(gemeente: $gemeente, wetten: $wetten, first: $first, offset: $offset) {
      items { id gemeente { code } wetten } pageInfo { totaal offset heeftVolgende }
    }
  }`;
  type Page = { inwoners: { items: { id: string; wetten: string[] }[]; pageInfo: { totaal: number; offset: number; heeftVolgende: boolean } } };

  it('pages through a gemeente by pseudonym', async () => {
    const expected = inwonersVan(demoWorld(), '0406');
    const { data, errors } = await harness.execute<Page>(QUERY, { gemeente: '0406', first: 7, offset: 5 });
    expect(errors).toBeUndefined();
    expect(data?.inwoners.items.map((i) => i.id)).toEqual(expected.slice(5, 12).map((i) => i.id));
    expect(data?.inwoners.pageInfo).toEqual({ totaal: expected.length, offset: 5, heeftVolgende: expected.length > 12 });
  });

  it('keeps the total on a page past the end', async () => {
    const total = inwonersVan(demoWorld(), '0376').length;
    const { data } = await harness.execute<Page>(QUERY, { gemeente: '0376', first: 10, offset: total + 3 });
    expect(data?.inwoners).toEqual({ items: [], pageInfo: { totaal: total, offset: total + 3, heeftVolgende: false } });
  });

  it('finds Blaricum residents with meldingen under Wmo, Jeugdwet and Participatiewet', async () => {
    const world = demoWorld();
    const alleDrie = inwonersVan(world, '0376').filter((i) => wettenVan(world, i).size === 3);
    expect(alleDrie.length).toBeGreaterThan(0);
    const { data, errors } = await harness.execute<Page>(QUERY, {
      gemeente: '0376',
      wetten: ['WMO', 'JEUGDWET', 'PARTICIPATIEWET'],
      first: 500,
    });
    expect(errors).toBeUndefined();
    expect(data?.inwoners.items.map((i) => i.id)).toEqual(alleDrie.map((i) => i.id));
    expect(data?.inwoners.pageInfo.totaal).toBe(alleDrie.length);
    for (const item of data?.inwoners.items ?? []) expect(item.wetten).toEqual(['WMO', 'JEUGDWET', 'PARTICIPATIEWET']);
  });

  it('filters on one law', async () => {
    const world = demoWorld();
    const expected = inwonersVan(world, '0376').filter((i) => wettenVan(world, i).has('JEUGDWET'));
    const { data } = await harness.execute<Page>(QUERY, { gemeente: '0376', wetten: ['JEUGDWET'], first: 500 });
    expect(data?.inwoners.pageInfo.totaal).toBe(expected.length);
  });

  it('gives the same page without pageInfo (the resident view), and counts pageInfo asked in a fragment or kept by @include', async () => {
    const world = demoWorld();
    const alleDrie = inwonersVan(world, '0376').filter((i) => wettenVan(world, i).size === 3);
    const variables = { gemeente: '0376', wetten: ['WMO', 'JEUGDWET', 'PARTICIPATIEWET'], first: 2, metPagina: true };
    const zonder = await harness.execute<Page>(
      `query ($gemeente: String!, $wetten: [Wet!], $first: Int) { inwoners(gemeente: $gemeente, wetten: $wetten, first: $first) { items { id } } }`,
      variables,
    );
    expect(zonder.errors).toBeUndefined();
    expect(zonder.data?.inwoners).toEqual({ items: alleDrie.slice(0, 2).map((i) => ({ id: i.id })) });
    const fragment = await harness.execute<Page>(
      `query ($gemeente: String!, $wetten: [Wet!], $first: Int, $metPagina: Boolean!) {
        inwoners(gemeente: $gemeente, wetten: $wetten, first: $first) { items { id } ...Pagina @include(if: $metPagina) }
      }
      fragment Pagina on InwonerPage { pageInfo { totaal heeftVolgende } }`,
      variables,
    );
    expect(fragment.errors).toBeUndefined();
    expect(fragment.data?.inwoners.pageInfo).toEqual({ totaal: alleDrie.length, heeftVolgende: alleDrie.length > 2 });
    const overgeslagen = await harness.execute<Page>(
      `query ($gemeente: String!, $wetten: [Wet!], $first: Int, $metPagina: Boolean!) {
        inwoners(gemeente: $gemeente, wetten: $wetten, first: $first) { items { id } pageInfo @include(if: $metPagina) { totaal } }
      }`,
      { ...variables, metPagina: false },
    );
    expect(overgeslagen.errors).toBeUndefined();
    expect(overgeslagen.data?.inwoners).toEqual(zonder.data?.inwoners);
  });

  it.each([
    [{ gemeente: '0406', first: -1 }, /first/],
    [{ gemeente: '0406', first: 501 }, /first/],
    [{ gemeente: '0406', offset: -5 }, /offset/],
    [{ gemeente: '376' }, /CBS-gemeentecode/],
  ])('refuses %j', async (variables, message) => {
    const { errors } = await harness.execute(QUERY, variables);
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].message).toMatch(message);
  });
});
