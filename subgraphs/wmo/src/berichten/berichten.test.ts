import { readFileSync } from 'node:fs';
import { pseudonymOf, Rol, testPrincipal, valideerTegenSchema, Wet, type Berichtnummer } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness, TEST_PSEUDONYM_SECRET } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph as jeugd } from '../../../jeugd/src/schema.js';
import { subgraph as wmo } from '../schema.js';

/**
 * Message ingest (issue 15, item 1) through the GraphQL mutation of wmo and jeugd, on the fixture set of
 * test/berichten/ (valid and invalid 305, 307, 315, 317 with their expected retour), on PGlite or, in CI's
 * second run, on PostgreSQL. Every answer is checked against the retour's 3.2 schema.
 */
const FIXTURES = new URL('../../../../test/berichten/', import.meta.url);
interface Verwachting {
  bestand: string;
  retour: Berichtnummer;
  retourcodes: string[];
  geaccepteerd: boolean;
}
const verwacht = JSON.parse(readFileSync(new URL('verwacht.json', FIXTURES), 'utf8')) as { berichten: Verwachting[] };
const fixture = (bestand: string) => readFileSync(new URL(bestand, FIXTURES), 'utf8');

const BSN = '999990019';
const ONTVANG = (naam: string) => `mutation ($xml: String!) { ontvang${naam}Bericht(xml: $xml) {
  berichtnummer identificatie geaccepteerd herhaald retourcodes { code } antwoord { id berichtnummer xml } } }`;
interface Antwoord {
  berichtnummer: string;
  identificatie: string;
  geaccepteerd: boolean;
  herhaald: boolean;
  retourcodes: { code: string }[];
  antwoord: { id: string; berichtnummer: string; xml: string };
}

let harnesses: Record<'wmo' | 'jeugd', SubgraphHarness>;

beforeAll(async () => {
  harnesses = {
    wmo: await createSubgraphHarness(wmo, { DEMO_WORLD: 'off' }),
    jeugd: await createSubgraphHarness(jeugd, { DEMO_WORLD: 'off' }),
  };
  const inwoner = pseudonymOf(BSN, TEST_PSEUDONYM_SECRET);
  await harnesses.wmo.db.query(
    `INSERT INTO toewijzing (gemeente_code, toewijzingsnummer, inwoner_id, productcategorie, productcode, aanbieder_agb, contract_id, product_id, tarief_id,
       volume, eenheid, frequentie, leveringsvorm, ingangsdatum, einddatum)
     VALUES ('0406', '48213907', $1, '01', '01A01', '12345678', 'c', 'p', 't', 3, '04', '2', 'ZIN', '2026-09-01', NULL)`,
    [inwoner],
  );
  await harnesses.jeugd.db.query(
    `INSERT INTO toewijzing (gemeente_code, toewijzingsnummer, inwoner_id, productcategorie, productcode, aanbieder_agb, contract_id, tarief_id,
       volume, eenheid, frequentie, leveringsvorm, ingangsdatum, einddatum)
     VALUES ('0406', '31415926', $1, '45', '45A03', '12345678', 'c', 't', 3, '04', '2', 'ZIN', '2026-09-01', NULL)`,
    [inwoner],
  );
}, 600_000);

afterAll(async () => {
  await harnesses?.wmo.close();
  await harnesses?.jeugd.close();
});

const ontvang = async (xml: string, bestand: string) => {
  const [naam, harness] = bestand.startsWith('jeugd') ? (['Jeugd', harnesses.jeugd] as const) : (['Wmo', harnesses.wmo] as const);
  const result = await harness.execute<Record<string, Antwoord>>(ONTVANG(naam), { xml });
  expect(result.errors).toBeUndefined();
  return result.data![`ontvang${naam}Bericht`]!;
};

const tellingen = async () => {
  const tel = async (h: SubgraphHarness, tabel: string) => Number((await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${tabel}`))[0]!.n);
  return {
    wmoLevering: await tel(harnesses.wmo, 'levering'),
    wmoVerzoek: await tel(harnesses.wmo, 'verzoek'),
    jeugdLevering: await tel(harnesses.jeugd, 'levering'),
    jeugdVerzoek: await tel(harnesses.jeugd, 'verzoek'),
  };
};

describe('message ingest through ontvangWmoBericht and ontvangJeugdBericht', () => {
  it('answers every fixture with its expected retour, valid against the 3.2 schema; a failing message changes nothing', async () => {
    const gezien: { bestand: string; retour: string; retourcodes: string[]; geaccepteerd: boolean }[] = [];
    for (const v of verwacht.berichten) {
      const voor = await tellingen();
      const antwoord = await ontvang(fixture(v.bestand), v.bestand);
      gezien.push({ bestand: v.bestand, retour: antwoord.antwoord.berichtnummer, retourcodes: antwoord.retourcodes.map((c) => c.code), geaccepteerd: antwoord.geaccepteerd });
      const wet = v.bestand.startsWith('jeugd') ? Wet.JEUGDWET : Wet.WMO;
      expect([v.bestand, (await valideerTegenSchema(wet, v.retour, [antwoord.antwoord.xml]))[0]]).toEqual([v.bestand, []]);
      if (!v.geaccepteerd) expect([v.bestand, await tellingen()]).toEqual([v.bestand, voor]);
    }
    expect(gezien).toEqual(verwacht.berichten.map(({ bestand, retour, retourcodes, geaccepteerd }) => ({ bestand, retour, retourcodes, geaccepteerd })));
    // What the accepted ones changed: one start (stopped since) per law, the Wmo 315 and 317, the Jeugdwet 315.
    expect(await tellingen()).toEqual({ wmoLevering: 1, wmoVerzoek: 2, jeugdLevering: 1, jeugdVerzoek: 1 });
    const [levering] = await harnesses.wmo.db.query(`SELECT begindatum, einddatum, reden_beeindiging FROM levering`);
    expect(levering).toEqual({ begindatum: '2026-10-01', einddatum: '2026-10-31', reden_beeindiging: '19' });
  }, 600_000);

  it('the same message again changes nothing and returns the first answer; another message under its identificatie gets 9056', async () => {
    const xml = fixture('wmo-305-geldig.xml');
    const eerste = await ontvang(xml, 'wmo-305-geldig.xml');
    const voor = await tellingen();
    const tweede = await ontvang(xml, 'wmo-305-geldig.xml');
    expect(tweede).toEqual({ ...eerste, herhaald: true });
    expect(await tellingen()).toEqual(voor);
    const ander = await ontvang(xml.replace('<wmo305:Begindatum>2026-10-01<', '<wmo305:Begindatum>2026-10-02<'), 'wmo-305-geldig.xml');
    expect(ander).toMatchObject({ geaccepteerd: false, herhaald: false, retourcodes: [{ code: '9056' }] });
    expect(await tellingen()).toEqual(voor);
  }, 600_000);

  it('records every message taken in as a processing activity in the Logboek, under the resident\'s pseudonym', async () => {
    const inwoner = pseudonymOf(BSN, TEST_PSEUDONYM_SECRET);
    const records = async (h: SubgraphHarness) =>
      h.db.query<{ activiteit: string; betrokkene: string; resultaat: string; organisatie: string }>(
        `SELECT v.verwerkingsactiviteit AS activiteit, v.betrokkene, v.resultaat, a.organisatie FROM verwerking v JOIN verwerking_actor a ON a.id = v.actor_id
         WHERE v.verwerkingsactiviteit LIKE '%:bericht:%'`,
      );
    const wmoRecords = await records(harnesses.wmo);
    const jeugdRecords = await records(harnesses.jeugd);
    // Each accepted message type is recorded as geslaagd under the resident, each refused one as mislukt.
    for (const nummer of ['305', '307', '315', '317']) {
      expect([nummer, wmoRecords.some((r) => r.activiteit === `wmo:bericht:${nummer}:ontvangen` && r.resultaat === 'geslaagd' && r.betrokkene === inwoner)]).toEqual([nummer, true]);
      expect([nummer, wmoRecords.some((r) => r.activiteit === `wmo:bericht:${nummer}:ontvangen` && r.resultaat === 'mislukt')]).toEqual([nummer, true]);
    }
    for (const nummer of ['305', '315']) expect([nummer, jeugdRecords.some((r) => r.activiteit === `jeugd:bericht:${nummer}:ontvangen` && r.betrokkene === inwoner)]).toEqual([nummer, true]);
    expect(wmoRecords.some((r) => r.activiteit === 'wmo:bericht:305:ontvangen:herhaling')).toBe(true);
    // As many records as messages offered with a valid BSN (the one failing the elfproef still names a resident: its pseudonym).
    expect(wmoRecords.every((r) => /^[0-9a-f]{32}$/.test(r.betrokkene) && r.organisatie !== '')).toBe(true);
    expect(JSON.stringify([...wmoRecords, ...jeugdRecords])).not.toContain(BSN);
  }, 600_000);

  it('keeps the BSN out of its tables: only the pseudonym, and the client part encrypted', async () => {
    for (const h of [harnesses.wmo, harnesses.jeugd]) {
      for (const tabel of ['levering', 'verzoek', 'ontvangen_bericht', 'uitgaand_bericht', 'berichtclient', 'toewijzing']) {
        const rijen = await h.db.query<{ t: string }>(`SELECT t::text AS t FROM ${tabel} t`);
        expect(rijen.filter((rij) => rij.t.includes(BSN))).toEqual([]);
      }
    }
  }, 600_000);

  it('refuses a caller for a gemeente outside its arrangement (FORBIDDEN, nothing stored); an aanbieder collects only its own answers', async () => {
    const blaricum = testPrincipal({ scope: () => ({ alle: false, gemeenten: ['0376'] }) });
    const voor = await tellingen();
    const xml = fixture('wmo-315-geldig.xml').replace('<iwmo:Identificatie>V-1<', '<iwmo:Identificatie>V-99<').replace('VOT-1', 'VOT-99');
    const result = await harnesses.wmo.execute(ONTVANG('Wmo'), { xml }, blaricum);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await tellingen()).toEqual(voor);

    const LIJST = `{ uitgaandeWmoBerichten(aantal: 100) { berichtnummer ontvanger } }`;
    const eigen = await harnesses.wmo.execute<{ uitgaandeWmoBerichten: { berichtnummer: string; ontvanger: string }[] }>(
      LIJST,
      {},
      testPrincipal({ aanbieder: '12345678', scope: () => ({ alle: false, gemeenten: [] }) }),
    );
    expect(eigen.data?.uitgaandeWmoBerichten.length).toBeGreaterThan(10);
    const ander = await harnesses.wmo.execute<{ uitgaandeWmoBerichten: unknown[] }>(LIJST, {}, testPrincipal({ aanbieder: '87654321', scope: () => ({ alle: false, gemeenten: [] }) }));
    expect(ander.data?.uitgaandeWmoBerichten).toEqual([]);
    const elders = await harnesses.wmo.execute<{ uitgaandeWmoBerichten: unknown[] }>(LIJST, {}, blaricum);
    expect(elders.data?.uitgaandeWmoBerichten).toEqual([]);
    void Rol;
  }, 600_000);
});
