import { readFileSync } from 'node:fs';
import { pseudonymOf, testPrincipal } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness, TEST_PSEUDONYM_SECRET } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph as jeugd } from '../../../jeugd/src/schema.js';
import { subgraph as wmo } from '../schema.js';

/**
 * The gemeente's own 301 of a backlog (issue 15, item 1; docs/berichten.md "301 backlog") through the same
 * mutation as the provider's messages: the fixtures of test/berichten/ (wmo-301-*, jeugd-301-*) in order, each
 * with its expected codes (test/berichten/verwacht-301.json); a refused one changes nothing.
 */
const FIXTURES = new URL('../../../../test/berichten/', import.meta.url);
const verwacht = JSON.parse(readFileSync(new URL('verwacht-301.json', FIXTURES), 'utf8')) as { berichten: { bestand: string; retourcodes: string[]; geaccepteerd: boolean }[] };
const fixture = (bestand: string) => readFileSync(new URL(bestand, FIXTURES), 'utf8');
const BSN = '999990020';
const ONTVANG = (naam: string) => `mutation ($xml: String!) { ontvang${naam}Bericht(xml: $xml) { berichtnummer geaccepteerd herhaald retourcodes { code } antwoord { id } } }`;
interface Antwoord {
  berichtnummer: string;
  geaccepteerd: boolean;
  herhaald: boolean;
  retourcodes: { code: string }[];
  antwoord: { id: string } | null;
}

let harnesses: Record<'wmo' | 'jeugd', SubgraphHarness>;
beforeAll(async () => {
  harnesses = { wmo: await createSubgraphHarness(wmo, { DEMO_WORLD: 'off' }), jeugd: await createSubgraphHarness(jeugd, { DEMO_WORLD: 'off' }) };
}, 600_000);
afterAll(async () => {
  await harnesses?.wmo.close();
  await harnesses?.jeugd.close();
});

const ontvang = async (bestand: string, xml = fixture(bestand), principal?: ReturnType<typeof testPrincipal>) => {
  const [naam, harness] = bestand.startsWith('jeugd') ? (['Jeugd', harnesses.jeugd] as const) : (['Wmo', harnesses.wmo] as const);
  return harness.execute<Record<string, Antwoord>>(ONTVANG(naam), { xml }, principal);
};
const toewijzingen = async (h: SubgraphHarness) =>
  h.db.query<{ toewijzingsnummer: string; inwoner_id: string; productcode: string | null; volume: number | null; ingangsdatum: string; einddatum: string | null; contract_id: string | null }>(
    `SELECT toewijzingsnummer, inwoner_id, productcode, volume, ingangsdatum, einddatum, contract_id FROM toewijzing ORDER BY toewijzingsnummer`,
  );

describe('301 backlog through ontvangWmoBericht and ontvangJeugdBericht', () => {
  it('stores every valid 301 as toewijzingen and refuses each invalid one with its codes, changing nothing', async () => {
    const gezien = [];
    for (const v of verwacht.berichten) {
      const voor = { wmo: await toewijzingen(harnesses.wmo), jeugd: await toewijzingen(harnesses.jeugd) };
      const result = await ontvang(v.bestand);
      expect(result.errors).toBeUndefined();
      const antwoord = Object.values(result.data!)[0]!;
      // The gemeente's own message: no retour is stored for anyone to collect.
      expect(antwoord.antwoord).toBeNull();
      gezien.push({ bestand: v.bestand, retourcodes: antwoord.retourcodes.map((c) => c.code), geaccepteerd: antwoord.geaccepteerd });
      if (!v.geaccepteerd) expect([v.bestand, { wmo: await toewijzingen(harnesses.wmo), jeugd: await toewijzingen(harnesses.jeugd) }]).toEqual([v.bestand, voor]);
    }
    expect(gezien).toEqual(verwacht.berichten);
    const inwoner = pseudonymOf(BSN, TEST_PSEUDONYM_SECRET);
    // The two Wmo toewijzingen (the first ended earlier by the later 301 with a RedenWijziging) and the Jeugdwet one.
    expect(await toewijzingen(harnesses.wmo)).toEqual([
      { toewijzingsnummer: '123456789', inwoner_id: inwoner, productcode: '02A03', volume: 3, ingangsdatum: '2026-06-01', einddatum: '2026-12-31', contract_id: null },
      { toewijzingsnummer: '123456790', inwoner_id: inwoner, productcode: '01A01', volume: 3, ingangsdatum: '2026-06-01', einddatum: null, contract_id: null },
    ]);
    expect(await toewijzingen(harnesses.jeugd)).toEqual([
      { toewijzingsnummer: '555000111', inwoner_id: inwoner, productcode: '45A03', volume: 3, ingangsdatum: '2026-06-01', einddatum: '2027-05-31', contract_id: null },
    ]);
  }, 600_000);

  it('the same 301 again changes nothing and gives the same codes; the toewijzing reads back through the graph without a contract', async () => {
    const eerste = await ontvang('wmo-301-code-niet-in-categorie.xml');
    const tweede = await ontvang('wmo-301-code-niet-in-categorie.xml');
    expect(tweede.data).toEqual({ ontvangWmoBericht: { ...eerste.data!.ontvangWmoBericht, herhaald: true } });
    const gelezen = await harnesses.wmo.execute<{ wmoToewijzing: { productcode: string; contract: unknown } | null }>(
      `{ wmoToewijzing(gemeenteCode: "0406", toewijzingsnummer: "123456790") { productcode contract { id } } }`,
    );
    expect(gelezen.errors).toBeUndefined();
    expect(gelezen.data?.wmoToewijzing).toEqual({ productcode: '01A01', contract: null });
  }, 600_000);

  it('an aanbieder cannot bring in a 301 (FORBIDDEN, nothing stored); every 301 taken in is in the Logboek under the resident', async () => {
    const xml = fixture('wmo-301-geldig.xml').replace('>T-1<', '>T-99<').replace(/>12345679(0|1)</g, '>77777777$1<');
    const result = await ontvang('wmo-301-geldig.xml', xml, testPrincipal({ aanbieder: '12345678', scope: () => ({ alle: false, gemeenten: [] }) }));
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await toewijzingen(harnesses.wmo)).map((t) => t.toewijzingsnummer)).toEqual(['123456789', '123456790']);
    const records = await harnesses.wmo.db.query<{ activiteit: string; betrokkene: string; resultaat: string }>(
      `SELECT verwerkingsactiviteit AS activiteit, betrokkene, resultaat FROM verwerking WHERE verwerkingsactiviteit LIKE 'wmo:bericht:301:%' ORDER BY tijdstip`,
    );
    const inwoner = pseudonymOf(BSN, TEST_PSEUDONYM_SECRET);
    expect(records.filter((r) => r.activiteit === 'wmo:bericht:301:ontvangen' && r.resultaat === 'geslaagd').map((r) => r.betrokkene)).toEqual([inwoner, inwoner]);
    expect(records.some((r) => r.activiteit === 'wmo:bericht:301:ontvangen:herhaling' && r.betrokkene === inwoner)).toBe(true);
    expect(records.every((r) => r.betrokkene !== BSN)).toBe(true);
  }, 600_000);
});
