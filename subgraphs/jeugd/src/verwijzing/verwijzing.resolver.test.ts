import { VERWIJZER_TYPE } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoWorld, firstError, keyOf, worldToewijzingen } from '../jeugd.test-utils.js';
import { subgraph } from '../schema.js';

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

const LIST = `query ($gemeente: String, $first: Int!, $offset: Int!) {
  jeugdVerwijzingen(gemeente: $gemeente, first: $first, offset: $offset) {
    items { id datum gemeenteCode verwijzerNaam verwijzerType { code omschrijving } inwoner { id } gemeente { code }
            toewijzingen { gemeenteCode toewijzingsnummer } }
    pageInfo { totaal offset heeftVolgende }
  }
}`;

type ListData = {
  jeugdVerwijzingen: {
    items: {
      id: string;
      datum: string;
      gemeenteCode: string;
      verwijzerNaam: string | null;
      verwijzerType: { code: string; omschrijving: string };
      inwoner: { id: string };
      toewijzingen: { gemeenteCode: string; toewijzingsnummer: string }[];
    }[];
    pageInfo: { totaal: number; offset: number; heeftVolgende: boolean };
  };
};

describe('jeugdVerwijzingen', () => {
  it('lists the verwijzingen of a gemeente as in the demo world, newest first', async () => {
    const world = demoWorld().verwijzingen.filter((v) => v.gemeenteCode === '0417');
    const { data, errors } = await harness.execute<ListData>(LIST, { gemeente: '0417', first: 30, offset: 0 });
    expect(errors).toBeUndefined();
    const page = data?.jeugdVerwijzingen;
    expect(page?.pageInfo).toEqual({ totaal: world.length, offset: 0, heeftVolgende: world.length > 30 });
    const datums = page?.items.map((v) => v.datum) ?? [];
    expect(datums).toEqual([...datums].sort().reverse());
    for (const item of page?.items ?? []) {
      const expected = world.find((v) => v.id === item.id);
      expect(item).toMatchObject({
        datum: expected?.datum,
        gemeenteCode: '0417',
        verwijzerNaam: expected?.verwijzerNaam,
        verwijzerType: { code: expected?.verwijzerType, omschrijving: VERWIJZER_TYPE.get(expected?.verwijzerType ?? '') },
        inwoner: { id: expected?.inwonerId },
        gemeente: { code: '0417' },
      });
      const toewijzingen = worldToewijzingen().filter((t) => t.verwijzingId === item.id).map(keyOf);
      expect(item.toewijzingen.map(keyOf).sort()).toEqual(toewijzingen.sort());
    }
  });

  it('pages over all gemeenten without overlap', async () => {
    const total = demoWorld().verwijzingen.length;
    const a = await harness.execute<ListData>(LIST, { first: 10, offset: 0 });
    const b = await harness.execute<ListData>(LIST, { first: 10, offset: 10 });
    const ids = (r: typeof a) => r.data?.jeugdVerwijzingen.items.map((v) => v.id) ?? [];
    expect(ids(a)).toHaveLength(10);
    expect(ids(a).filter((id) => ids(b).includes(id))).toEqual([]);
    expect(b.data?.jeugdVerwijzingen.pageInfo).toEqual({ totaal: total, offset: 10, heeftVolgende: true });
  });

  it.each([
    [{ gemeente: '04061' }, 'CBS-gemeentecode'],
    [{ offset: -5 }, 'offset'],
  ])('refuses %o with BAD_USER_INPUT', async (variables, message) => {
    const result = await harness.execute(LIST, { first: 10, offset: 0, ...variables });
    expect(firstError(result)).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining(message) });
  });
});

describe('JeugdTraject', () => {
  it('computes duration and the one-year flag against the peildatum, as the demo world implies', async () => {
    const world = demoWorld();
    const dag = 864e5;
    const inwonerIds = [...new Set(worldToewijzingen().filter((w) => w.gemeenteCode === '0406').map((w) => w.inwonerId))].slice(0, 40);
    const { data, errors } = await harness.execute<{
      _entities: { jeugdTrajecten: { id: string; startdatum: string; einddatum: string | null; duurInDagen: number; langerDanEenJaar: boolean; toewijzingen: { toewijzingsnummer: string }[] }[] }[];
    }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Inwoner {
         jeugdTrajecten { id startdatum einddatum duurInDagen langerDanEenJaar toewijzingen { toewijzingsnummer } } } } }`,
      { r: inwonerIds.map((id) => ({ __typename: 'Inwoner', id })) },
    );
    expect(errors).toBeUndefined();
    const trajecten = data?._entities.flatMap((i) => i.jeugdTrajecten) ?? [];
    expect(trajecten.length).toBeGreaterThanOrEqual(40);
    const seen = new Set<boolean>();
    for (const traject of trajecten) {
      const expected = world.jeugdTrajecten.find((w) => w.id === traject.id);
      expect(expected).toBeDefined();
      if (!expected) continue;
      const einde = expected.einddatum ?? world.peildatum;
      const duur = Math.round((Date.parse(einde) - Date.parse(expected.startdatum)) / dag) + 1;
      const start = new Date(`${expected.startdatum}T00:00:00Z`);
      start.setUTCFullYear(start.getUTCFullYear() + 1);
      const langer = einde >= start.toISOString().slice(0, 10);
      expect(traject).toMatchObject({ startdatum: expected.startdatum, einddatum: expected.einddatum, duurInDagen: duur, langerDanEenJaar: langer });
      seen.add(langer);
      const nummers = worldToewijzingen().filter((w) => w.trajectId === traject.id).map((w) => w.toewijzingsnummer);
      expect(traject.toewijzingen.map((w) => w.toewijzingsnummer).sort()).toEqual(nummers.sort());
    }
    // Both kinds occur, so the flag is really computed.
    expect([...seen].sort()).toEqual([false, true]);
  });
});
