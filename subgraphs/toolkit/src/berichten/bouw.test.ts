import { describe, expect, it } from 'vitest';
import { Wet } from '../domain.js';
import { openDatabase } from '../database.js';
import { runMigrations } from '../migrations.js';
import { bouwAntwoordbericht, bouwDeclaratieantwoord, bouwRetourbericht, bouwToewijzingbericht } from './bouw.js';
import { BERICHTEN_MIGRATIONS_DIR } from './index.js';
import type { BerichtWet } from './standaard.js';
import { bewaarUitgaandBericht, uitgaandeBerichten } from './uitgaand.js';
import { leesXml } from './xml.js';
import { valideerTegenSchema } from './xsd.js';

const header = (wet: BerichtWet, nummer: '301' | '319' | '325') => ({ wet, nummer, afzender: '0406', ontvanger: '12345678', identificatie: '42', dagtekening: '2026-11-02' });
const client = { bsn: '999990019', geboortedatum: '1940-05-17', geslacht: '2', achternaam: 'Jansen', voorvoegsel: 'de', voorletters: 'M' };

const toewijzing = (wet: BerichtWet) =>
  bouwToewijzingbericht({
    header: header(wet, '301'),
    client,
    producten: [
      {
        toewijzingsnummer: 123456789,
        product: { categorie: wet === Wet.WMO ? '01' : '45', code: wet === Wet.WMO ? '01A01' : '45A03' },
        toewijzingsdatum: '2026-11-01',
        toewijzingstijd: '10:15:00',
        ingangsdatum: '2026-11-15',
        einddatum: null,
        omvang: { volume: 3, eenheid: '04', frequentie: '2' },
      },
      // Aspecific: categorie only, with a budget (the schema allows Product without Code, no Omvang).
      { toewijzingsnummer: 7, product: { categorie: wet === Wet.WMO ? '02' : '50' }, toewijzingsdatum: '2026-11-01', toewijzingstijd: '10:15:00', ingangsdatum: '2026-11-15', einddatum: '2027-11-14', redenWijziging: '04', budget: 250000 },
    ],
  });

describe('outgoing messages against the 3.2 schemas (xmllint, not the builders)', () => {
  for (const wet of [Wet.WMO, Wet.JEUGDWET] as const) {
    it(`${wet}: a 301, a 319 and a 325 are valid`, async () => {
      const antwoord = bouwAntwoordbericht({ header: header(wet, '319'), referentieAanbieder: 'REF-1', verzoekAntwoord: '1', redenAfwijzingVerzoek: '3' });
      const declaratieantwoord = bouwDeclaratieantwoord({
        header: header(wet, '325'),
        declaratie: { identificatie: 'D-77', dagtekening: '2026-10-05', basisschemaXsdVersie: '1.0.0', berichtXsdVersie: '1.0.0' },
        retourcodes: ['0200'],
        antwoord: {
          declaratienummer: 'DN-2026-10',
          totaalIngediend: { bedrag: 30000, debetCredit: 'D' },
          totaalToegekend: { bedrag: 20000, debetCredit: 'D' },
          retourcodes: ['0200'],
          clienten: [
            {
              bsn: client.bsn,
              retourcodes: ['0200'],
              prestaties: [
                {
                  productReferentie: 'P1',
                  toewijzingsnummer: 123456789,
                  productcategorie: '01',
                  productcode: '01A01',
                  productPeriode: { begindatum: '2026-09-01', einddatum: '2026-09-30' },
                  geleverdVolume: 4,
                  eenheid: '04',
                  productTarief: 2500,
                  ingediendBedrag: { bedrag: 10000, debetCredit: 'D' },
                  retourcodes: ['9346'],
                },
              ],
            },
          ],
        },
      });
      const [errors301] = await valideerTegenSchema(wet, '301', [toewijzing(wet)]);
      const [errors319] = await valideerTegenSchema(wet, '319', [antwoord]);
      const [errors325] = await valideerTegenSchema(wet, '325', [declaratieantwoord]);
      expect({ errors301, errors319, errors325 }).toEqual({ errors301: [], errors319: [], errors325: [] });
      expect(leesXml(toewijzing(wet))).toMatchObject({ wet, nummer: '301' });
    });
  }

  it('the schema refuses what the standard refuses: a ten-digit BSN, a toewijzingsnummer over nine digits, a missing Ingangsdatum', async () => {
    const goed = toewijzing(Wet.WMO);
    const fout = [
      goed.replace('<wmo301:Bsn>999990019</wmo301:Bsn>', '<wmo301:Bsn>9999900190</wmo301:Bsn>'),
      goed.replace('<wmo301:ToewijzingNummer>123456789<', '<wmo301:ToewijzingNummer>1234567890<'),
      goed.replace(/<wmo301:Ingangsdatum>2026-11-15<\/wmo301:Ingangsdatum>/, ''),
    ];
    // Validated together with a valid one (as a folder is): each error belongs to its own message only.
    const results = await valideerTegenSchema(Wet.WMO, '301', [fout[0]!, goed, fout[1]!, fout[2]!]);
    expect(results.map((errors) => errors.length > 0)).toEqual([true, false, true, true]);
  });

  it('a retour (306) returns the heenbericht with retourcodes on the header and on every class, and is valid', async () => {
    const heen = `<?xml version="1.0" encoding="UTF-8"?>
<jw305:Bericht xmlns:jw305="http://www.istandaarden.nl/ijw/3_2/jw305/schema" xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema">
  <jw305:Header><jw305:BerichtCode>438</jw305:BerichtCode><jw305:BerichtVersie>3</jw305:BerichtVersie><jw305:BerichtSubversie>2</jw305:BerichtSubversie>
    <jw305:Afzender>12345678</jw305:Afzender><jw305:Ontvanger>0406</jw305:Ontvanger>
    <jw305:BerichtIdentificatie><ijw:Identificatie>S-1</ijw:Identificatie><ijw:Dagtekening>2026-11-02</ijw:Dagtekening></jw305:BerichtIdentificatie>
    <jw305:XsdVersie><ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie><ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie></jw305:XsdVersie></jw305:Header>
  <jw305:Client><jw305:Bsn>999990019</jw305:Bsn><jw305:Geboortedatum><ijw:Datum>2015-01-01</ijw:Datum></jw305:Geboortedatum><jw305:Geslacht>1</jw305:Geslacht>
    <jw305:Naam><ijw:Geslachtsnaam><ijw:Achternaam>Vries</ijw:Achternaam></ijw:Geslachtsnaam></jw305:Naam>
    <jw305:StartProducten>
      <jw305:StartProduct><jw305:ToewijzingNummer>5</jw305:ToewijzingNummer><jw305:Begindatum>2026-11-01</jw305:Begindatum><jw305:StatusAanlevering>1</jw305:StatusAanlevering></jw305:StartProduct>
      <jw305:StartProduct><jw305:ToewijzingNummer>6</jw305:ToewijzingNummer><jw305:Begindatum>2026-11-01</jw305:Begindatum><jw305:StatusAanlevering>1</jw305:StatusAanlevering></jw305:StartProduct>
    </jw305:StartProducten></jw305:Client>
</jw305:Bericht>`;
    expect((await valideerTegenSchema(Wet.JEUGDWET, '305', [heen]))[0]).toEqual([]);
    const gelezen = leesXml(heen);
    const clientDeel = gelezen.bericht.Client as Record<string, unknown>;
    const producten = (clientDeel.StartProducten as { StartProduct: object[] }).StartProduct;
    const retour = bouwRetourbericht({
      wet: Wet.JEUGDWET,
      nummer: '306',
      heen: { wet: Wet.JEUGDWET, nummer: '305', afzender: '12345678', ontvanger: '0406', identificatie: 'S-1', dagtekening: '2026-11-02', basisschemaXsdVersie: '1.0.0', berichtXsdVersie: '1.0.0' },
      identificatie: '9',
      dagtekening: '2026-11-03',
      client: clientDeel,
      oordeel: { bericht: ['0200'], klassen: new Map([[producten[1]!, ['9019']]]) },
    });
    expect((await valideerTegenSchema(Wet.JEUGDWET, '306', [retour]))[0]).toEqual([]);
    const codes = [...retour.matchAll(/<jw306:RetourCode>(\w+)</g)].map((match) => match[1]);
    // header, first product, second product, client (a class's codes close it)
    expect(codes).toEqual(['0200', '0200', '9019', '0200']);
  });
});

describe('outgoing-message store', () => {
  it('keeps a message encrypted, lists it for its aanbieder, and stores it once under one key', async () => {
    const db = await openDatabase({ schema: 'berichten_test' });
    try {
      await runMigrations(db, BERICHTEN_MIGRATIONS_DIR);
      const geheim = 'een-geheim-van-minstens-tweeendertig-tekens!';
      const nieuw = {
        wet: Wet.WMO,
        berichtnummer: '301',
        afzender: '0406',
        ontvanger: '12345678',
        gemeenteCode: '0406',
        aanbiederAgb: '12345678',
        dagtekening: '2026-11-02',
        sleutel: 'toewijzen:abc',
        bouw: (identificatie: string) => toewijzing(Wet.WMO).replace('<iwmo:Identificatie>42<', `<iwmo:Identificatie>${identificatie}<`),
      } as const;
      const eerste = await db.transaction((tx) => bewaarUitgaandBericht(tx, geheim, nieuw));
      const tweede = await db.transaction((tx) => bewaarUitgaandBericht(tx, geheim, nieuw));
      expect(tweede.id).toBe(eerste.id);
      expect(eerste.xml).toContain(`<iwmo:Identificatie>${eerste.identificatie}<`);
      const opgeslagen = await db.query<{ xml: Uint8Array }>(`SELECT xml_versleuteld AS xml FROM uitgaand_bericht`);
      expect(opgeslagen).toHaveLength(1);
      expect(Buffer.from(opgeslagen[0]!.xml).toString('latin1')).not.toContain(client.bsn);
      expect((await uitgaandeBerichten(db, geheim, { aanbiederAgb: '12345678', gemeenten: null, aantal: 10 })).map((b) => b.xml)).toEqual([eerste.xml]);
      expect(await uitgaandeBerichten(db, geheim, { aanbiederAgb: '87654321', gemeenten: null, aantal: 10 })).toEqual([]);
      expect(await uitgaandeBerichten(db, geheim, { gemeenten: ['0376'], aantal: 10 })).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('gives messages identifications that show neither order nor how many went to others, and collects after one by it (issue 10 item 2)', async () => {
    const db = await openDatabase({ schema: 'berichten_opaak' });
    try {
      await runMigrations(db, BERICHTEN_MIGRATIONS_DIR);
      const geheim = 'een-geheim-van-minstens-tweeendertig-tekens!';
      const bewaar = (aanbiederAgb: string, sleutel: string) =>
        db.transaction((tx) =>
          bewaarUitgaandBericht(tx, geheim, {
            wet: Wet.WMO, berichtnummer: '301', afzender: '0406', ontvanger: aanbiederAgb, gemeenteCode: '0406', aanbiederAgb, dagtekening: '2026-11-02', sleutel,
            bouw: (identificatie: string) => toewijzing(Wet.WMO).replace('<iwmo:Identificatie>42<', `<iwmo:Identificatie>${identificatie}<`),
          }),
        );
      // Two messages for one aanbieder with three for another in between: numbered in order, the gap said so.
      const eerste = await bewaar('12345678', 'a');
      for (const sleutel of ['b', 'c', 'd']) await bewaar('87654321', sleutel);
      const tweede = await bewaar('12345678', 'e');
      for (const b of [eerste, tweede]) expect(b.identificatie).toMatch(/^[1-9][0-9]{11}$/);
      expect(Math.abs(Number(tweede.identificatie) - Number(eerste.identificatie))).toBeGreaterThan(1000);
      expect(await valideerTegenSchema(Wet.WMO, '301', [eerste.xml, tweede.xml])).toEqual([[], []]);
      // The collector's cursor is the identificatie of the last message it got; the store's order holds.
      const alle = await uitgaandeBerichten(db, geheim, { gemeenten: null, aantal: 10 });
      expect(alle.map((b) => b.identificatie)).toEqual([eerste.identificatie, ...alle.slice(1, 4).map((b) => b.identificatie), tweede.identificatie]);
      expect((await uitgaandeBerichten(db, geheim, { aanbiederAgb: '12345678', gemeenten: null, naId: eerste.identificatie, aantal: 10 })).map((b) => b.identificatie)).toEqual([tweede.identificatie]);
      expect(await uitgaandeBerichten(db, geheim, { aanbiederAgb: '12345678', gemeenten: null, naId: tweede.identificatie, aantal: 10 })).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
