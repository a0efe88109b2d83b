import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningGraph, startGraph } from './graph.test-utils.js';

// Issue 3, item 7: every personal-data read leaves its Logboek Dataverwerkingen record; reads of
// public data leave none; only the fg reads the log, by the trace id the client got back.
let graph: RunningGraph;

beforeAll(async () => {
  graph = await startGraph();
}, 600_000);

afterAll(async () => {
  await graph?.stop();
});

/** Sends an operation under a trace of our own and returns the body and the `traceresponse` header. */
async function traced(query: string, token: string | undefined, traceId = randomBytes(16).toString('hex')) {
  const response = await fetch(graph.gateway.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query }),
  });
  return { traceId, traceresponse: response.headers.get('traceresponse'), body: (await response.json()) as { data?: any; errors?: any[] } };
}

const LOG = `query Log($traceId: String!) {
  logboek {
    wmo(traceId: $traceId, first: 500) {
      items { traceId verwerkingsactiviteit betrokkene betrokkeneSoort resultaat bron actor { organisatie rollen actor } }
      pageInfo { totaal }
    }
    toegang(traceId: $traceId, first: 500) { items { verwerkingsactiviteit betrokkene } pageInfo { totaal } }
    jeugd(traceId: $traceId) { pageInfo { totaal } }
    participatie(traceId: $traceId) { pageInfo { totaal } }
    inkoop(traceId: $traceId) { pageInfo { totaal } }
  }
}`;

async function logOf(traceId: string) {
  const fg = await graph.token({ role: 'fg', org: 'uo-hbel' });
  const { data, errors } = await graph.query(LOG, { traceId }, fg);
  expect(errors).toBeUndefined();
  return data?.logboek;
}

describe('Logboek Dataverwerkingen', () => {
  it("records one verwerking per resident a consulent read, with the actor in the linked record", async () => {
    const consulent = await graph.token({ role: 'consulent', org: 'uo-hbel' });
    const { traceId, traceresponse, body } = await traced(
      `{ wmoToewijzingen(gemeente: "0317", first: 20) { items { toewijzingsnummer inwoner { id leeftijd } } } }`,
      consulent,
    );
    expect(body.errors).toBeUndefined();
    // The client learns the trace its request ran under.
    // (flags: 01 where the gateway records the trace, 00 without an exporter)
    expect(traceresponse).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-0[01]$`));
    const residents = [...new Set<string>(body.data.wmoToewijzingen.items.map((item: any) => item.inwoner.id))].sort();
    expect(residents.length).toBeGreaterThan(1);

    const log = await logOf(traceId);
    const wmo = log.wmo.items;
    expect(wmo.map((v: any) => v.betrokkene).sort()).toEqual(residents);
    expect(new Set(wmo.map((v: any) => JSON.stringify({ ...v, betrokkene: undefined })))).toEqual(
      new Set([
        JSON.stringify({
          traceId, verwerkingsactiviteit: 'wmo:toewijzing:lezen', betrokkeneSoort: 'inwoner', resultaat: 'geslaagd', bron: 'wmo',
          actor: { organisatie: 'uo-hbel', rollen: ['consulent'], actor: wmo[0].actor.actor },
        }),
      ]),
    );
    // A pseudonym, never the token's subject.
    expect(wmo[0].actor.actor).toMatch(/^[0-9a-f]{32}$/);
    // The residents' own data came from toegang: one record each there too.
    expect(log.toegang.items.map((v: any) => v.betrokkene).sort()).toEqual(residents);
    expect(new Set(log.toegang.items.map((v: any) => v.verwerkingsactiviteit))).toEqual(new Set(['toegang:inwoner:lezen']));
    // Nothing was read elsewhere.
    expect([log.jeugd.pageInfo.totaal, log.participatie.pageInfo.totaal, log.inkoop.pageInfo.totaal]).toEqual([0, 0, 0]);
  });

  it('leaves no record for public data', async () => {
    const { traceId, body } = await traced(`{ gemeenten(first: 5) { items { code naam } } contracten(first: 5) { items { id } } }`, undefined);
    expect(body.errors).toBeUndefined();
    const log = await logOf(traceId);
    expect(Object.values(log).map((part: any) => part.pageInfo.totaal)).toEqual([0, 0, 0, 0, 0]);
  });

  it('is closed to a consulent', async () => {
    const consulent = await graph.token({ role: 'consulent', org: 'uo-hbel' });
    const { data, errors } = await graph.query(`{ logboek { wmo { items { betrokkene } } } }`, undefined, consulent);
    expect(data?.logboek ?? null).toBeNull();
    expect(errors?.map((error) => error.extensions?.code)).toContain('FORBIDDEN');
  });
});
