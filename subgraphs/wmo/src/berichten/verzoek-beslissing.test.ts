import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pseudonymOf, Rol, Scope, testPrincipal, uitgaandeBerichten, valideerTegenSchema, Wet } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness, TEST_PSEUDONYM_SECRET } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph as jeugd } from '../../../jeugd/src/schema.js';
import { subgraph as wmo } from '../schema.js';

/**
 * Deciding a verzoek (315/317) taken in through the berichten (docs/mutaties.md "Verzoeken"): toewijzen
 * leaves the toewijzing and its 301 with the aanbieder's reference, onderzoek and afwijzen a 319; each
 * message valid against the 3.2 schema; a decided verzoek cannot be decided again.
 */
const FIXTURES = new URL('../../../../test/berichten/', import.meta.url);
const fixture = (bestand: string) => readFileSync(new URL(bestand, FIXTURES), 'utf8');
const BSN = '999990019';
const INWONER = pseudonymOf(BSN, TEST_PSEUDONYM_SECRET);
const BESLIS = (naam: string) => `mutation ($s: String!, $b: VerzoekBeslissing!) { beslis${naam}Verzoek(idempotentieSleutel: $s, beslissing: $b) {
  status toewijzingsnummers berichtnummer berichtIds } }`;
interface Uitkomst {
  status: string;
  toewijzingsnummers: string[];
  berichtnummer: string;
  berichtIds: string[];
}

let harnesses: Record<'wmo' | 'jeugd', SubgraphHarness>;
beforeAll(async () => {
  harnesses = { wmo: await createSubgraphHarness(wmo, { DEMO_WORLD: 'off' }), jeugd: await createSubgraphHarness(jeugd, { DEMO_WORLD: 'off' }) };
  await harnesses.wmo.db.query(
    `INSERT INTO toewijzing (gemeente_code, toewijzingsnummer, inwoner_id, productcategorie, productcode, aanbieder_agb, contract_id, product_id, tarief_id,
       volume, eenheid, frequentie, leveringsvorm, ingangsdatum, einddatum)
     VALUES ('0406', '48213907', $1, '01', '01A01', '12345678', 'c', 'p', 't', 3, '04', '2', 'ZIN', '2026-09-01', NULL)`,
    [INWONER],
  );
  for (const [h, naam, bestand] of [
    [harnesses.wmo, 'Wmo', 'wmo-315-geldig.xml'],
    [harnesses.wmo, 'Wmo', 'wmo-317-geldig.xml'],
    [harnesses.jeugd, 'Jeugd', 'jeugd-315-geldig.xml'],
  ] as const) {
    const result = await h.execute<Record<string, { geaccepteerd: boolean }>>(`mutation ($xml: String!) { ontvang${naam}Bericht(xml: $xml) { geaccepteerd } }`, { xml: fixture(bestand) });
    expect([bestand, result.errors, Object.values(result.data ?? {})[0]?.geaccepteerd]).toEqual([bestand, undefined, true]);
  }
}, 600_000);
afterAll(async () => {
  await harnesses?.wmo.close();
  await harnesses?.jeugd.close();
});

const beslis = (h: SubgraphHarness, naam: string, b: Record<string, unknown>, sleutel = randomUUID(), principal?: ReturnType<typeof testPrincipal>) =>
  h.execute<Record<string, Uitkomst>>(BESLIS(naam), { s: sleutel, b }, principal);
const bericht = async (h: SubgraphHarness, id: string) => (await uitgaandeBerichten(h.db, TEST_PSEUDONYM_SECRET, { gemeenten: null, aantal: 100 })).find((b) => b.identificatie === id)!;
const waarde = (xml: string, element: string) => new RegExp(`<(?:\\w+:)?${element}>([^<]*)</(?:\\w+:)?${element}>`).exec(xml)?.[1] ?? null;
const CONTRACT = { contractId: 'c-1', productId: 'p-1', tariefId: 't-1', leveringsvorm: 'ZIN' };
const codes = (r: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => r.errors?.map((e) => e.extensions?.code);

describe('deciding a verzoek om toewijzing or wijziging', () => {
  it('toewijzen grants the requested toewijzing and leaves its 301 with the ReferentieAanbieder; a retry changes nothing; deciding again is refused', async () => {
    const sleutel = randomUUID();
    const invoer = { gemeenteCode: '0406', aanbiederAgb: '12345678', referentieAanbieder: 'VOT-1', besluit: 'TOEWIJZEN', toewijzing: CONTRACT };
    const result = await beslis(harnesses.wmo, 'Wmo', invoer, sleutel);
    expect(result.errors).toBeUndefined();
    const uitkomst = result.data!.beslisWmoVerzoek!;
    expect(uitkomst).toMatchObject({ status: 'TOEGEWEZEN', berichtnummer: '301' });
    const [nummer] = uitkomst.toewijzingsnummers;
    const [rij] = await harnesses.wmo.db.query(`SELECT inwoner_id, productcode, volume, ingangsdatum, contract_id FROM toewijzing WHERE toewijzingsnummer = $1`, [nummer]);
    expect(rij).toEqual({ inwoner_id: INWONER, productcode: '02A03', volume: 4, ingangsdatum: '2026-12-01', contract_id: 'c-1' });
    const xml = (await bericht(harnesses.wmo, uitkomst.berichtIds[0]!)).xml;
    expect(await valideerTegenSchema(Wet.WMO, '301', [xml])).toEqual([[]]);
    expect([waarde(xml, 'ToewijzingNummer'), waarde(xml, 'ReferentieAanbieder'), waarde(xml, 'Bsn')]).toEqual([nummer, 'VOT-1', BSN]);

    const tel = async () => (await harnesses.wmo.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM toewijzing`))[0]!.n;
    const voor = await tel();
    expect((await beslis(harnesses.wmo, 'Wmo', invoer, sleutel)).data?.beslisWmoVerzoek).toEqual(uitkomst);
    expect(await tel()).toBe(voor);
    const opnieuw = await beslis(harnesses.wmo, 'Wmo', { ...invoer, besluit: 'AFWIJZEN', redenAfwijzingVerzoek: '3', toewijzing: null });
    expect(codes(opnieuw)).toEqual(['BAD_USER_INPUT']);
    expect(opnieuw.errors?.[0]?.message).toMatch(/al besloten/);

    // The decision, and the refused second one (its subject known), each recorded under the resident.
    const records = await harnesses.wmo.db.query(`SELECT betrokkene, resultaat FROM verwerking WHERE verwerkingsactiviteit = 'wmo:verzoek:beslissen' ORDER BY tijdstip`);
    expect(records).toEqual([
      { betrokkene: INWONER, resultaat: 'geslaagd' },
      { betrokkene: INWONER, resultaat: 'mislukt' },
    ]);
  }, 600_000);

  it('onderzoek and then afwijzen each leave a 319 with VerzoekAntwoord 2 and 1 (with its reden); a 317 is answered the same way', async () => {
    const verzoek = { gemeenteCode: '0406', aanbiederAgb: '12345678', referentieAanbieder: 'VOW-1' };
    const onderzoek = await beslis(harnesses.wmo, 'Wmo', { ...verzoek, besluit: 'ONDERZOEK' });
    expect(onderzoek.data?.beslisWmoVerzoek).toMatchObject({ status: 'IN_ONDERZOEK', berichtnummer: '319', toewijzingsnummers: [] });
    expect(codes(await beslis(harnesses.wmo, 'Wmo', { ...verzoek, besluit: 'ONDERZOEK' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await beslis(harnesses.wmo, 'Wmo', { ...verzoek, besluit: 'AFWIJZEN' }))).toEqual(['BAD_USER_INPUT']);
    const afwijzing = await beslis(harnesses.wmo, 'Wmo', { ...verzoek, besluit: 'AFWIJZEN', redenAfwijzingVerzoek: '7' });
    expect(afwijzing.data?.beslisWmoVerzoek).toMatchObject({ status: 'AFGEWEZEN', berichtnummer: '319' });
    const xmls = [
      (await bericht(harnesses.wmo, onderzoek.data!.beslisWmoVerzoek!.berichtIds[0]!)).xml,
      (await bericht(harnesses.wmo, afwijzing.data!.beslisWmoVerzoek!.berichtIds[0]!)).xml,
    ];
    expect(await valideerTegenSchema(Wet.WMO, '319', xmls)).toEqual([[], []]);
    expect(xmls.map((x) => [waarde(x, 'ReferentieAanbieder'), waarde(x, 'VerzoekAntwoord'), waarde(x, 'RedenAfwijzingVerzoek')])).toEqual([
      ['VOW-1', '2', null],
      ['VOW-1', '1', '7'],
    ]);
    // The stored verzoek row says where it stands.
    const [rij] = await harnesses.wmo.db.query(`SELECT status FROM verzoek WHERE referentie_aanbieder = 'VOW-1'`);
    expect(rij).toEqual({ status: 'AFGEWEZEN' });
  }, 600_000);

  it('the Jeugdwet verzoek is decided in jeugd; unknown verzoek, another gemeente and a caller without mandate are refused, nothing stored', async () => {
    const verzoek = { gemeenteCode: '0406', aanbiederAgb: '12345678', referentieAanbieder: 'JVT-1' };
    const [jeugdVerzoek] = await harnesses.jeugd.db.query<{ referentie_aanbieder: string }>(`SELECT referentie_aanbieder FROM verzoek`);
    const ref = jeugdVerzoek!.referentie_aanbieder;
    const alleenBlaricum = testPrincipal({ scopes: [Scope.TOEWIJZING_BESCHIKKEN, Scope.PERSOONSGEGEVENS], scope: (_w, rol) => (rol === Rol.UITVOERING ? { alle: false, gemeenten: ['0376'] } : { alle: false, gemeenten: [] }) });
    const tweeGemeenten = testPrincipal({ scopes: [Scope.TOEWIJZING_BESCHIKKEN, Scope.PERSOONSGEGEVENS], scope: (_w, rol) => (rol === Rol.UITVOERING ? { alle: false, gemeenten: ['0376', '0406'] } : { alle: false, gemeenten: [] }) });
    const zonderDoel = testPrincipal({ scopes: [Scope.PERSOONSGEGEVENS], scope: () => ({ alle: true }) });
    const uitgaand = async () => (await uitgaandeBerichten(harnesses.jeugd.db, TEST_PSEUDONYM_SECRET, { gemeenten: null, aantal: 100 })).length;
    const voor = await uitgaand();
    // No mandate for 0406: FORBIDDEN; asking under 0376 for a verzoek of 0406: not found for who may not see 0406, told for who may.
    expect(codes(await beslis(harnesses.jeugd, 'Jeugd', { ...verzoek, referentieAanbieder: ref, besluit: 'ONDERZOEK' }, undefined, alleenBlaricum))).toEqual(['FORBIDDEN']);
    expect(codes(await beslis(harnesses.jeugd, 'Jeugd', { ...verzoek, gemeenteCode: '0376', referentieAanbieder: ref, besluit: 'ONDERZOEK' }, undefined, alleenBlaricum))).toEqual(['NOT_FOUND']);
    expect(codes(await beslis(harnesses.jeugd, 'Jeugd', { ...verzoek, gemeenteCode: '0376', referentieAanbieder: ref, besluit: 'ONDERZOEK' }, undefined, tweeGemeenten))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await beslis(harnesses.jeugd, 'Jeugd', { ...verzoek, referentieAanbieder: ref, besluit: 'ONDERZOEK' }, undefined, zonderDoel))).toEqual(['FORBIDDEN']);
    expect(codes(await beslis(harnesses.jeugd, 'Jeugd', { ...verzoek, referentieAanbieder: 'BESTAAT-NIET', besluit: 'ONDERZOEK' }))).toEqual(['NOT_FOUND']);
    expect(codes(await beslis(harnesses.jeugd, 'Jeugd', { ...verzoek, referentieAanbieder: ref, besluit: 'TOEWIJZEN' }))).toEqual(['BAD_USER_INPUT']);
    expect(await uitgaand()).toBe(voor);

    const toegewezen = await beslis(harnesses.jeugd, 'Jeugd', { ...verzoek, referentieAanbieder: ref, besluit: 'TOEWIJZEN', toewijzing: { ...CONTRACT, productId: null } });
    expect(toegewezen.errors).toBeUndefined();
    expect(toegewezen.data?.beslisJeugdVerzoek).toMatchObject({ status: 'TOEGEWEZEN', berichtnummer: '301' });
    const xml = (await bericht(harnesses.jeugd, toegewezen.data!.beslisJeugdVerzoek!.berichtIds[0]!)).xml;
    expect(await valideerTegenSchema(Wet.JEUGDWET, '301', [xml])).toEqual([[]]);
    expect(waarde(xml, 'ReferentieAanbieder')).toBe(ref);
  }, 600_000);
});
