import { readFileSync } from 'node:fs';
import { developmentPrincipal, pseudonymOf, Scope, testPrincipal, valideerTegenSchema, Wet } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness, TEST_PSEUDONYM_SECRET } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph } from '../schema.js';

/**
 * Declaraties (323) into inkoop through `ontvangDeclaratieBericht` (issue 15, item 1), answered by the 325,
 * and the back office's decision on their lines through `beoordeelDeclaratie` (item 3), on the fixtures of
 * test/berichten/ (verwacht-323.json), on PGlite or, in CI's second run, on PostgreSQL. Every 325 is checked
 * against the 3.2 schema of test's xmllint, not by the code that built it.
 */
const FIXTURES = new URL('../../../../test/berichten/', import.meta.url);
interface Verwachting {
  bestand: string;
  retour: '325';
  retourcodes: string[];
  geaccepteerd: boolean;
}
const verwacht = JSON.parse(readFileSync(new URL('verwacht-323.json', FIXTURES), 'utf8')) as { berichten: Verwachting[] };
const fixture = (bestand: string) => readFileSync(new URL(bestand, FIXTURES), 'utf8');
const wetVan = (bestand: string) => (bestand.startsWith('jeugd') ? Wet.JEUGDWET : Wet.WMO);

const ONTVANG = `mutation ($xml: String!) { ontvangDeclaratieBericht(xml: $xml) {
  berichtnummer identificatie geaccepteerd herhaald retourcodes { code } antwoord { id berichtnummer xml } } }`;
const BEOORDEEL = `mutation ($sleutel: String!, $wet: Wet!, $g: String!, $a: String!, $nr: String!, $o: [DeclaratieregelOordeel!]!) {
  beoordeelDeclaratie(idempotentieSleutel: $sleutel, wet: $wet, gemeenteCode: $g, aanbieder: $a, declaratienummer: $nr, oordelen: $o) {
    declaratienummer aantalGoedgekeurd aantalAfgewezen antwoord { id berichtnummer ontvanger xml } } }`;
interface Antwoord {
  berichtnummer: string;
  identificatie: string;
  geaccepteerd: boolean;
  herhaald: boolean;
  retourcodes: { code: string }[];
  antwoord: { id: string; berichtnummer: string; xml: string };
}

let harness: SubgraphHarness;

beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph, { DEMO_WORLD: 'off' });
  await harness.db.exec(`
    INSERT INTO aanbieder (agb_code, naam, kvk_nummer, vestigingsplaats, soort) VALUES ('12345678', 'Zorg Proef', '12345678', 'Huizen', 'ZORGAANBIEDER');
    INSERT INTO contract (id, naam, contractant_id, aanbieder_agb, wet, soort, procedure, bekostiging, looptijd_van, looptijd_tot, declaratietermijn_dagen)
      VALUES ('c-w', 'Wmo proef', 'regio-gv', '12345678', 'WMO', 'REGIONAAL', 'OPEN_HOUSE', 'PXQ', '2026-01-01', NULL, 30),
             ('c-j', 'Jeugd proef', 'regio-gv', '12345678', 'JEUGDWET', 'REGIONAAL', 'OPEN_HOUSE', 'PXQ', '2026-01-01', NULL, 30);
    INSERT INTO contract_gemeente (contract_id, gemeente_code) VALUES ('c-w', '0406'), ('c-j', '0406');
    INSERT INTO perceel (id, contract_id, naam) VALUES ('pc-w', 'c-w', 'Begeleiding'), ('pc-j', 'c-j', 'Jeugdhulp');
    INSERT INTO product (id, perceel_id, wet, productcategorie, productcode, naam, eenheid, frequentie)
      VALUES ('p-w', 'pc-w', 'WMO', '01', '01A01', 'Begeleiding', '04', '2'), ('p-j', 'pc-j', 'JEUGDWET', '45', '45A03', 'Jeugdhulp', '04', '2');
    INSERT INTO tarief (id, product_id, bedrag, eenheid, geldig_van, geldig_tot) VALUES ('t-w', 'p-w', 6500, '04', '2026-01-01', NULL), ('t-j', 'p-j', 9000, '04', '2026-01-01', NULL);
    INSERT INTO toewijzingsbericht (toewijzingsnummer, gemeente_code, wet, aanbieder_agb, productcategorie, productcode, tarief_id, volume, eenheid, frequentie, ingangsdatum, einddatum)
      VALUES ('48213907', '0406', 'WMO', '12345678', '01', '01A01', 't-w', 8, '04', '2', '2026-09-01', NULL),
             ('31415926', '0406', 'JEUGDWET', '12345678', '45', '45A03', 't-j', 8, '04', '2', '2026-09-01', NULL);
  `);
}, 600_000);

afterAll(async () => {
  await harness?.close();
});

const ontvang = async (xml: string) => {
  const result = await harness.execute<{ ontvangDeclaratieBericht: Antwoord }>(ONTVANG, { xml });
  expect(result.errors).toBeUndefined();
  return result.data!.ontvangDeclaratieBericht;
};
const tel = async (sql: string) => Number((await harness.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`))[0]!.n);
const tellingen = async () => ({
  declaratie: await tel('declaratie'),
  ingediend: await tel(`declaratie WHERE status = 'INGEDIEND'`),
  declaratiebericht: await tel('declaratiebericht'),
  aanlevering: await tel('aanlevering'),
});

describe('declaraties (323) through ontvangDeclaratieBericht', () => {
  it('answers every fixture with its expected 325, valid against the 3.2 schema; a rejected message changes nothing', async () => {
    const gezien: Verwachting[] = [];
    for (const v of verwacht.berichten) {
      const voor = await tellingen();
      const antwoord = await ontvang(fixture(v.bestand));
      gezien.push({ bestand: v.bestand, retour: antwoord.antwoord.berichtnummer as '325', retourcodes: antwoord.retourcodes.map((c) => c.code), geaccepteerd: antwoord.geaccepteerd });
      expect([v.bestand, (await valideerTegenSchema(wetVan(v.bestand), '325', [antwoord.antwoord.xml]))[0]]).toEqual([v.bestand, []]);
      if (!v.geaccepteerd) expect([v.bestand, await tellingen()]).toEqual([v.bestand, voor]);
    }
    expect(gezien).toEqual(verwacht.berichten);
    // Stored: P-1, P-2 (DEC-1), P-5 (DEC-2), PJ-1 (DEC-J1); each awaiting the back office.
    expect(await tellingen()).toEqual({ declaratie: 4, ingediend: 4, declaratiebericht: 3, aanlevering: 3 });
    const regels = await harness.db.query(`SELECT product_referentie, declaratienummer, toewijzingsnummer, bedrag::int AS bedrag, ingediend_op::text AS ingediend_op FROM declaratie ORDER BY product_referentie`);
    expect(regels).toEqual([
      { product_referentie: 'P-1', declaratienummer: 'DEC-1', toewijzingsnummer: '48213907', bedrag: 39000, ingediend_op: '2026-11-05' },
      { product_referentie: 'P-2', declaratienummer: 'DEC-1', toewijzingsnummer: '48213907', bedrag: 26000, ingediend_op: '2026-11-05' },
      { product_referentie: 'P-5', declaratienummer: 'DEC-2', toewijzingsnummer: '48213907', bedrag: 13000, ingediend_op: '2026-11-05' },
      { product_referentie: 'PJ-1', declaratienummer: 'DEC-J1', toewijzingsnummer: '31415926', bedrag: 54000, ingediend_op: '2026-11-05' },
    ]);
  }, 600_000);

  it('the 325 of a partly rejected 323 names each prestatie with its codes and keeps the BSN out of the tables', async () => {
    // The graph shows an outgoing message by its BerichtIdentificatie, not by the store's number.
    const [rij] = await harness.db.query<{ id: string }>(
      `SELECT u.identificatie AS id FROM ontvangen_bericht o JOIN uitgaand_bericht u ON u.id = o.retour_id WHERE o.identificatie = 'D-2'`,
    );
    const { data } = await harness.execute<{ uitgaandeDeclaratieBerichten: { id: string; xml: string }[] }>(`{ uitgaandeDeclaratieBerichten(aantal: 100) { id xml } }`);
    const xml = data!.uitgaandeDeclaratieBerichten.find((b) => b.id === rij!.id)!.xml;
    const perPrestatie = [...xml.matchAll(/<wmo325:Prestatie>.*?ReferentieNummer>([^<]+)<.*?<wmo325:RetourCodes>(.*?)<\/wmo325:RetourCodes>/gs)].map((m) => [
      m[1],
      [...m[2]!.matchAll(/RetourCode>(\w+)</g)].map((c) => c[1]),
    ]);
    expect(perPrestatie).toEqual([['P-3', ['9346']], ['P-4', ['9338']], ['P-5', ['0233']], ['P-6', ['S329', '9340']], ['P-1', ['8021']]]);
    expect(xml).toContain('<wmo325:Bsn>999990019</wmo325:Bsn>');
    for (const tabel of ['declaratie', 'declaratiebericht', 'ontvangen_bericht', 'uitgaand_bericht', 'aanlevering']) {
      const rijen = await harness.db.query<{ t: string }>(`SELECT t::text AS t FROM ${tabel} t`);
      expect([tabel, rijen.filter((r) => r.t.includes('999990019'))]).toEqual([tabel, []]);
    }
    // Taking in a 323 is a processing of its clients' data: recorded in the Logboek under each client's pseudonym, never the BSN.
    const records = await harness.db.query<{ betrokkene: string; resultaat: string }>(
      `SELECT DISTINCT betrokkene, resultaat FROM verwerking WHERE verwerkingsactiviteit = 'inkoop:bericht:323:ontvangen' ORDER BY 2`,
    );
    expect(records).toContainEqual({ betrokkene: pseudonymOf('999990019', TEST_PSEUDONYM_SECRET), resultaat: 'geslaagd' });
    expect(JSON.stringify(records)).not.toContain('999990019');
  }, 600_000);

  it('the same message again changes nothing and returns the first answer; another text under its identificatie gets 9056', async () => {
    const xml = fixture('wmo-323-geldig.xml');
    const voor = await tellingen();
    const eerste = await ontvang(xml);
    expect(eerste).toMatchObject({ herhaald: true, geaccepteerd: true, retourcodes: [{ code: '0233' }] });
    expect(await ontvang(xml)).toEqual(eerste);
    expect(await tellingen()).toEqual(voor);
    const ander = await ontvang(xml.replace('<wmo323:DeclaratieNummer>DEC-1<', '<wmo323:DeclaratieNummer>DEC-1X<'));
    expect(ander).toMatchObject({ geaccepteerd: false, herhaald: false, retourcodes: [{ code: '9056' }] });
    expect(await tellingen()).toEqual(voor);
  }, 600_000);

  it('shows the ingested declaraties as the source of the steering answers, with their freshness (kanaal BERICHT)', async () => {
    const { data, errors } = await harness.execute<{ declaratiegedrag: { bronnen: unknown[] }; verplichtingen: { bronnen: unknown[] } }>(
      `query ($g: [String!]!) {
        declaratiegedrag(gemeenten: $g, wet: WMO, jaar: 2026) { bronnen { gemeenteCode bron bijgewerktTot kanaal } }
        verplichtingen(gemeenten: $g, wet: JEUGDWET, jaar: 2026) { bronnen { gemeenteCode bron bijgewerktTot kanaal } }
      }`,
      { g: ['0406'] },
    );
    expect(errors).toBeUndefined();
    expect(data!.declaratiegedrag.bronnen).toEqual([{ gemeenteCode: '0406', bron: 'DECLARATIES', bijgewerktTot: '2026-11-05', kanaal: 'BERICHT' }]);
    expect(data!.verplichtingen.bronnen).toContainEqual({ gemeenteCode: '0406', bron: 'DECLARATIES', bijgewerktTot: '2026-11-05', kanaal: 'BERICHT' });
  }, 600_000);
});

describe('beoordeelDeclaratie', () => {
  const backoffice = (gemeenten: string[], scopes = developmentPrincipal.scopes) =>
    testPrincipal({ organisatie: 'uo-hbel', rollen: ['backoffice'], actor: 'medewerker-1', scopes, scope: () => ({ alle: false, gemeenten }) });
  const beoordeel = (vars: Record<string, unknown>, principal = backoffice(['0406'])) =>
    harness.execute<{ beoordeelDeclaratie: { declaratienummer: string; aantalGoedgekeurd: number; aantalAfgewezen: number; antwoord: { id: string; berichtnummer: string; ontvanger: string; xml: string } } }>(
      BEOORDEEL,
      { sleutel: 'beoordeling-0001', wet: 'WMO', g: '0406', a: '12345678', nr: 'DEC-1', ...vars },
      principal,
    );
  const oordelen = [
    { productReferentie: 'P-1', goedkeuren: true },
    { productReferentie: 'P-2', goedkeuren: false, retourcode: '9321' },
  ];

  it('refuses bad input and callers without the mandate, and changes nothing', async () => {
    const voor = await tellingen();
    const code = async (vars: Record<string, unknown>, principal?: ReturnType<typeof backoffice>) => (await beoordeel(vars, principal)).errors?.[0]?.extensions?.code;
    expect(await code({ o: oordelen }, backoffice(['0376']))).toBe('FORBIDDEN');
    expect(await code({ o: oordelen }, backoffice(['0406'], [Scope.PERSOONSGEGEVENS, Scope.DECLARATIES]))).toBe('FORBIDDEN');
    expect(await code({ o: [oordelen[0]] })).toBe('BAD_USER_INPUT'); // not every open line
    expect(await code({ o: [oordelen[0], { productReferentie: 'P-2', goedkeuren: false }] })).toBe('BAD_USER_INPUT'); // no retourcode
    expect(await code({ o: [oordelen[0], { productReferentie: 'P-2', goedkeuren: false, retourcode: '8001' }] })).toBe('BAD_USER_INPUT');
    expect(await code({ o: oordelen, nr: 'DEC-404' })).toBe('BAD_USER_INPUT');
    expect(await code({ o: oordelen, sleutel: 'kort' })).toBe('BAD_USER_INPUT');
    expect(await tellingen()).toEqual(voor);
    expect(await tel(`verwerking WHERE verwerkingsactiviteit LIKE 'inkoop:declaratie:beoordelen%'`)).toBe(0);
  }, 600_000);

  it('approves and rejects the lines, stores the 325 for the aanbieder (valid against the schema) and records it in the Logboek; a retry changes nothing', async () => {
    const result = await beoordeel({ o: oordelen });
    expect(result.errors).toBeUndefined();
    const uitkomst = result.data!.beoordeelDeclaratie;
    expect(uitkomst).toMatchObject({ declaratienummer: 'DEC-1', aantalGoedgekeurd: 1, aantalAfgewezen: 1, antwoord: { berichtnummer: '325', ontvanger: '12345678' } });
    expect((await valideerTegenSchema(Wet.WMO, '325', [uitkomst.antwoord.xml]))[0]).toEqual([]);
    // Only the rejected prestatie is named, with its code; 39000 of 65000 granted.
    expect([...uitkomst.antwoord.xml.matchAll(/<\w+:ReferentieNummer>([^<]+)</g)].map((m) => m[1])).toEqual(['P-2']);
    expect(uitkomst.antwoord.xml).toMatch(/<wmo325:TotaalToegekendBedrag>\s*<iwmo:Bedrag>39000<\/iwmo:Bedrag>/);
    expect(uitkomst.antwoord.xml).toContain('<wmo325:RetourCode>9321</wmo325:RetourCode>');
    expect(await harness.db.query(`SELECT product_referentie, status, retourcode FROM declaratie WHERE declaratienummer = 'DEC-1' ORDER BY 1`)).toEqual([
      { product_referentie: 'P-1', status: 'GOEDGEKEURD', retourcode: null },
      { product_referentie: 'P-2', status: 'AFGEWEZEN', retourcode: '9321' },
    ]);
    const records = await harness.db.query(`SELECT verwerkingsactiviteit, resultaat FROM verwerking WHERE verwerkingsactiviteit = 'inkoop:declaratie:beoordelen'`);
    expect(records).toEqual([{ verwerkingsactiviteit: 'inkoop:declaratie:beoordelen', resultaat: 'geslaagd' }]);

    const uitgaand = await tel('uitgaand_bericht');
    const herhaling = await beoordeel({ o: [...oordelen].reverse() });
    expect(herhaling.data?.beoordeelDeclaratie).toEqual(uitkomst);
    // No second 325, no second change; the answer shown again is recorded as a retry.
    expect(await tel('uitgaand_bericht')).toBe(uitgaand);
    expect(await harness.db.query(`SELECT verwerkingsactiviteit, count(*)::int AS n FROM verwerking WHERE verwerkingsactiviteit LIKE 'inkoop:declaratie:%' GROUP BY 1 ORDER BY 1`)).toEqual([
      { verwerkingsactiviteit: 'inkoop:declaratie:beoordelen', n: 1 },
      { verwerkingsactiviteit: 'inkoop:declaratie:beoordelen:herhaling', n: 1 },
    ]);
    const andereInvoer = await beoordeel({ o: [oordelen[0], { ...oordelen[1], retourcode: '0611' }] });
    expect(andereInvoer.errors?.[0]?.extensions?.code).toBe('IDEMPOTENTIESLEUTEL_HERGEBRUIKT');
    // Decided lines are not open any more.
    expect((await beoordeel({ o: oordelen, sleutel: 'beoordeling-0002' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  }, 600_000);

  it('a declaratie granted in full gets 8001; one partly rejected on arrival does not', async () => {
    const nieuw = fixture('wmo-323-geldig.xml').replace('>D-1<', '>D-20<').replace('>DEC-1<', '>DEC-20<').replace('>P-1<', '>P-20<').replace('>P-2<', '>P-21<');
    expect(await ontvang(nieuw)).toMatchObject({ geaccepteerd: true, retourcodes: [{ code: '0233' }] });
    const geheel = await beoordeel({ sleutel: 'beoordeling-0003', nr: 'DEC-20', o: [{ productReferentie: 'P-21', goedkeuren: true }, { productReferentie: 'P-20', goedkeuren: true }] });
    expect(geheel.errors).toBeUndefined();
    const xml = geheel.data!.beoordeelDeclaratie.antwoord.xml;
    expect(xml).toMatch(/<wmo325:TotaalToegekendBedrag>\s*<iwmo:Bedrag>65000<\/iwmo:Bedrag>/);
    expect(xml).not.toContain('<wmo325:Clienten>');
    expect(xml).toMatch(/<wmo325:RetourCode>8001<\/wmo325:RetourCode>\s*<\/wmo325:RetourCodes>\s*<\/wmo325:DeclaratieAntwoord>/);
    // DEC-J1: PJ-2 was rejected on arrival, so granting PJ-1 grants 54000 of 108000.
    const jeugd = await beoordeel({ sleutel: 'beoordeling-0004', wet: 'JEUGDWET', nr: 'DEC-J1', o: [{ productReferentie: 'PJ-1', goedkeuren: true }] });
    expect(jeugd.errors).toBeUndefined();
    expect(jeugd.data!.beoordeelDeclaratie.antwoord.xml).not.toContain('8001');
    expect((await valideerTegenSchema(Wet.JEUGDWET, '325', [jeugd.data!.beoordeelDeclaratie.antwoord.xml]))[0]).toEqual([]);
  }, 600_000);
});
