import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../database.js';
import { pseudonymOf } from '../demo-world/random.js';
import { createScratchDatabase, type ScratchDatabase } from '../testing/scratch-database.js';
import { TEST_PSEUDONYM_SECRET } from '../testing/secrets.js';
import { BestandFout } from './csv.js';
import { importeer, type ImportOpdracht } from './importeer.js';
import {
  bsns, catalogus, clientenCsv, DECLARATIES_KOP, IMPORT_SUBGRAPHS, JEUGD_AGB, migrate, TOEWIJZINGEN_KOP, toewijzingenCsv, WMO_AGB,
} from './import.test-utils.js';
import type { ImportSubgraph } from './soorten.js';

// A random secret per run, as every test's (no secret is ever written in the code).
const SECRET = TEST_PSEUDONYM_SECRET;
const serverUrl = process.env.DATABASE_URL;
const scratch: ScratchDatabase[] = [];
afterAll(async () => {
  for (const db of scratch) await db.drop();
});

type Databases = Record<ImportSubgraph, Database>;

describe.each([
  ['pglite', async (): Promise<Databases> => Object.fromEntries(await Promise.all(IMPORT_SUBGRAPHS.map(async (s) => [s, await openDatabase({ schema: s })]))) as Databases],
  ...(serverUrl
    ? [['postgres', async (): Promise<Databases> => {
        const db = await createScratchDatabase(serverUrl);
        scratch.push(db);
        return Object.fromEntries(await Promise.all(IMPORT_SUBGRAPHS.map(async (s) => [s, await openDatabase({ url: db.url, schema: s })]))) as Databases;
      }] as const]
    : []),
] as const)('CSV import on %s', (_kind, open: () => Promise<Databases>) => {
  let dbs: Databases;
  // Opened and migrated once (four PGlite instances take long to start); each test starts from empty tables.
  beforeAll(async () => {
    dbs = await open();
    for (const s of IMPORT_SUBGRAPHS) await migrate(dbs[s], s);
  }, 600_000);
  afterAll(async () => {
    for (const db of Object.values(dbs ?? {})) await db.close();
  });
  beforeEach(async () => {
    for (const s of IMPORT_SUBGRAPHS) {
      const tables = await dbs[s].query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'`, [s],
      );
      await dbs[s].query(`TRUNCATE ${tables.map((t) => t.table_name).join(', ')} CASCADE`);
    }
    await catalogus(dbs.inkoop);
  });

  const run = (soort: ImportOpdracht['soort'], csv: string, proef = false, stand = '2026-11-30') =>
    importeer({ soort, gemeente: '0406', csv, proef, pseudonymSecret: SECRET, stand, databases: dbs });
  const count = async (db: Database, table: string) => Number((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

  it('imports clients, toewijzingen and declaraties; the BSN becomes the pseudonym and is stored in toegang only', async () => {
    const [a, b] = bsns(2);
    expect((await run('clienten', clientenCsv([a, b]))).nieuw).toEqual([2, 3]);
    const toewijzingen = await run('toewijzingen', toewijzingenCsv([a, b]));
    expect(toewijzingen).toMatchObject({ regels: 2, nieuw: [2, 3], gewijzigd: [], ongewijzigd: [], geweigerd: [] });
    expect(await dbs.toegang.query(`SELECT id, bsn FROM inwoner ORDER BY bsn`)).toEqual([a, b].map((bsn) => ({ id: pseudonymOf(bsn, SECRET), bsn })));
    // wmo: the contract, product and tarief found in the catalogue as of the ingangsdatum.
    expect(await dbs.wmo.query(`SELECT toewijzingsnummer::text AS nummer, inwoner_id, contract_id, product_id, tarief_id, volume FROM toewijzing`)).toEqual([
      { nummer: '1', inwoner_id: pseudonymOf(a, SECRET), contract_id: 't-1', product_id: 't-1-01A01', tarief_id: 't-1-01A01-2026', volume: 3 },
    ]);
    expect(await dbs.jeugd.query(`SELECT toewijzingsnummer::text AS nummer, inwoner_id, tarief_id FROM toewijzing`)).toEqual([
      { nummer: '2', inwoner_id: pseudonymOf(b, SECRET), tarief_id: 't-2-45A01-2024' },
    ]);
    expect(await dbs.inkoop.query(`SELECT wet, toewijzingsnummer::text AS nummer, aanbieder_agb FROM toewijzingsbericht ORDER BY wet`)).toEqual([
      { wet: 'JEUGDWET', nummer: '2', aanbieder_agb: JEUGD_AGB },
      { wet: 'WMO', nummer: '1', aanbieder_agb: WMO_AGB },
    ]);
    // No BSN anywhere but toegang: search every text column of the other schemas.
    for (const s of ['wmo', 'jeugd', 'inkoop'] as const) {
      const tables = await dbs[s].query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1`, [s]);
      for (const { table_name } of tables) {
        const hits = await dbs[s].query(`SELECT 1 FROM ${table_name} t WHERE t::text LIKE $1 OR t::text LIKE $2`, [`%${a}%`, `%${b}%`]);
        expect(hits, `${s}.${table_name}`).toEqual([]);
      }
    }

    const declaraties = [
      DECLARATIES_KOP,
      `WMO;R1;1;${WMO_AGB};01;01A01;01-01-2026;31-01-2026;13;04;458,12;12-02-2026;GECREDITEERD;`,
      `WMO;R2;1;${WMO_AGB};01;01A01;01-01-2026;31-01-2026;12;04;1.422,88;20-02-2026;INGEDIEND;R1`,
      `JEUGDWET;R1;2;${JEUGD_AGB};45;45A01;2026-02-01;2026-02-28;8;04;784.00;2026-03-15;GOEDGEKEURD;`,
    ].join('\n');
    expect(await run('declaraties', declaraties)).toMatchObject({ nieuw: [2, 3, 4], geweigerd: [] });
    expect(await dbs.inkoop.query(`SELECT id, bedrag, correctie_van FROM declaratie ORDER BY id`)).toEqual([
      { id: `d-${WMO_AGB}-R1`, bedrag: 45812, correctie_van: null },
      { id: `d-${WMO_AGB}-R2`, bedrag: 142288, correctie_van: `d-${WMO_AGB}-R1` },
      { id: `d-${JEUGD_AGB}-R1`, bedrag: 78400, correctie_van: null },
    ].sort((x, y) => (x.id < y.id ? -1 : 1)));
    // Each delivery that feeds a steering answer is recorded with the export's stand.
    expect(await dbs.inkoop.query(`SELECT bron, wet, kanaal, to_char(bijgewerkt_tot, 'YYYY-MM-DD') AS tot, aantal FROM aanlevering ORDER BY bron, wet`)).toEqual([
      { bron: 'DECLARATIES', wet: 'JEUGDWET', kanaal: 'CSV_IMPORT', tot: '2026-11-30', aantal: 1 },
      { bron: 'DECLARATIES', wet: 'WMO', kanaal: 'CSV_IMPORT', tot: '2026-11-30', aantal: 2 },
      { bron: 'TOEWIJZINGEN', wet: 'JEUGDWET', kanaal: 'CSV_IMPORT', tot: '2026-11-30', aantal: 1 },
      { bron: 'TOEWIJZINGEN', wet: 'WMO', kanaal: 'CSV_IMPORT', tot: '2026-11-30', aantal: 1 },
    ]);
  });

  it('a dry run reports new, changed, unchanged and refused lines and changes nothing; the same file twice changes nothing', async () => {
    const nummers = bsns(4);
    await run('clienten', clientenCsv(nummers));
    await run('toewijzingen', toewijzingenCsv(nummers.slice(0, 3)));
    const bericht = await dbs.inkoop.query(`SELECT * FROM toewijzingsbericht ORDER BY wet, toewijzingsnummer`);
    const aanleveringen = await count(dbs.inkoop, 'aanlevering');
    // Line 2 as it is, line 3 with another volume, line 4 ended, line 5 new, line 6 refused.
    const [eerste, tweede, derde] = toewijzingenCsv(nummers.slice(0, 3)).split('\n').slice(1);
    const gewijzigd = [
      TOEWIJZINGEN_KOP, eerste, tweede.replace(';8;04;4;', ';10;04;4;'), derde.replace(/;;$/, ';30-06-2026;19'),
      `JEUGDWET;4;${nummers[3]};45;45A01;${JEUGD_AGB};8;04;4;PGB;2026-02-01;;`, `WMO;5;${nummers[3]};01;01A01;${WMO_AGB};3;04;2;ZIN;2023-01-01;;`,
    ].join('\n');
    const proef = await run('toewijzingen', gewijzigd, true);
    expect(proef).toMatchObject({ proef: true, regels: 5, nieuw: [5], gewijzigd: [3, 4], ongewijzigd: [2] });
    expect(proef.geweigerd).toEqual([{ regel: 6, redenen: [`agb_code: geen contract van aanbieder ${WMO_AGB} voor de Wmo in gemeente 0406 op 2023-01-01`] }]);
    expect(await dbs.inkoop.query(`SELECT * FROM toewijzingsbericht ORDER BY wet, toewijzingsnummer`)).toEqual(bericht);
    expect(await count(dbs.jeugd, 'toewijzing')).toBe(1);
    expect(await count(dbs.inkoop, 'aanlevering')).toBe(aanleveringen);

    const echt = await run('toewijzingen', gewijzigd);
    expect(echt).toMatchObject({ proef: false, nieuw: [5], gewijzigd: [3, 4], ongewijzigd: [2] });
    expect(await dbs.jeugd.query(`SELECT toewijzingsnummer::text AS n, volume, leveringsvorm FROM toewijzing ORDER BY 1`)).toEqual([
      { n: '2', volume: 10, leveringsvorm: 'ZIN' }, { n: '4', volume: 8, leveringsvorm: 'PGB' },
    ]);
    expect(await dbs.wmo.query(`SELECT toewijzingsnummer::text AS n, einddatum, reden_beeindiging FROM toewijzing ORDER BY 1`)).toEqual([
      { n: '1', einddatum: null, reden_beeindiging: null }, { n: '3', einddatum: '2026-06-30', reden_beeindiging: '19' },
    ]);
    // A PGB goes to the SVB, not to an aanbieder: no 301 for inkoop.
    expect(await count(dbs.inkoop, 'toewijzingsbericht')).toBe(3);

    const nogmaals = await run('toewijzingen', gewijzigd);
    expect(nogmaals).toMatchObject({ nieuw: [], gewijzigd: [], ongewijzigd: [2, 3, 4, 5] });
    expect(await count(dbs.wmo, 'toewijzing')).toBe(2);
    expect(await count(dbs.jeugd, 'toewijzing')).toBe(2);
  });

  it('refuses each bad line with every reason and stores the good ones', async () => {
    const [a, b, c] = bsns(3);
    await run('clienten', clientenCsv([a, b]));
    const csv = [
      TOEWIJZINGEN_KOP,
      `WMO;1;${a};01;01A01;${WMO_AGB};3;04;2;ZIN;2026-01-01;;`,
      `WMO;2;123456789;01;01A01;${WMO_AGB};3;04;2;ZIN;2026-01-01;;`,
      `WMO;3;${b};19;02A01;1234;3;05;3;ZIN;31-02-2026;;`,
      `JEUGDWET;4;${c};45;45A01;${JEUGD_AGB};8;04;4;ZIN;2026-02-01;2026-01-01;`,
      `WMO;1;${b};01;01A01;${WMO_AGB};3;04;2;ZIN;2026-01-01;;`,
      `WMO;W0406000002;${b};01;01A02;${WMO_AGB};3;04;2;ZIN;2026-01-01;;`,
      `WMO;7;${b};01`,
    ].join('\n');
    const rapport = await run('toewijzingen', csv);
    expect(rapport.nieuw).toEqual([2]);
    expect(rapport.geweigerd).toEqual([
      { regel: 3, redenen: ['bsn: voldoet niet aan de elfproef'] },
      {
        regel: 4,
        redenen: [
          'productcategorie: "19" staat niet in de productcategorieen van de Wmo (WMO020)',
          'agb_code: "1234" is geen AGB-code (acht cijfers)',
          'eenheid: "05" staat niet in de eenheden (WJ756)',
          'frequentie: "3" staat niet in de frequenties (WMO757)',
          'ingangsdatum: "31-02-2026" is geen datum (JJJJ-MM-DD of DD-MM-JJJJ)',
        ],
      },
      { regel: 5, redenen: ['einddatum: 2026-01-01 ligt voor de ingangsdatum 2026-02-01'] },
      { regel: 6, redenen: ['toewijzingsnummer: staat voor deze wet al op regel 2'] },
      { regel: 7, redenen: ['toewijzingsnummer: "W0406000002" is geen toewijzingsnummer (een geheel getal van hoogstens negen cijfers)'] },
      { regel: 8, redenen: expect.arrayContaining(['regel heeft 4 velden in plaats van 13', 'volume: ontbreekt']) as unknown as string[] },
    ]);
    // A valid line for a client toegang does not know, and one for a productcode outside the contract.
    const tweede = await run('toewijzingen', [TOEWIJZINGEN_KOP, `JEUGDWET;4;${c};45;45A01;${JEUGD_AGB};8;04;4;ZIN;2026-02-01;;`, `WMO;8;${b};01;01A02;${WMO_AGB};3;04;2;ZIN;2026-01-01;;`].join('\n'));
    expect(tweede.geweigerd).toEqual([
      { regel: 2, redenen: ['bsn: client niet bekend in toegang (importeer eerst de clienten)'] },
      { regel: 3, redenen: [`productcode: 01A02 staat niet in het contract van aanbieder ${WMO_AGB}`] },
    ]);
    expect(await count(dbs.wmo, 'toewijzing')).toBe(1);
    expect(await count(dbs.jeugd, 'toewijzing')).toBe(0);
  });

  it('refuses a whole file with an unknown or missing column, writing nothing', async () => {
    const [a] = bsns(1);
    await expect(run('clienten', clientenCsv([a]).replace('samenstelling', 'gezin'))).rejects.toThrow(BestandFout);
    await expect(run('clienten', clientenCsv([a]).replace('samenstelling', 'gezin'))).rejects.toThrow(/Onbekende kolom\(men\): gezin/);
    await expect(run('declaraties', `${DECLARATIES_KOP.replace(';status', '')}\n`)).rejects.toThrow(/Verplichte kolom\(men\) ontbreken: status/);
    expect(await count(dbs.toegang, 'inwoner')).toBe(0);
  });

  it('refuses a declaratie for an unknown toewijzing, another aanbieder, or a correction of an unknown line', async () => {
    const [a] = bsns(1);
    await run('clienten', clientenCsv([a]));
    await run('toewijzingen', toewijzingenCsv([a]));
    const rapport = await run('declaraties', [
      DECLARATIES_KOP,
      `WMO;R1;1;${WMO_AGB};01;01A01;01-01-2026;31-01-2026;13;04;458,12;12-02-2026;GOEDGEKEURD;`,
      `WMO;R2;99;${WMO_AGB};01;01A01;01-01-2026;31-01-2026;13;04;458,12;12-02-2026;GOEDGEKEURD;`,
      `WMO;R3;1;${JEUGD_AGB};01;01A01;01-01-2026;31-01-2026;13;04;458,12;12-02-2026;GOEDGEKEURD;`,
      `WMO;R4;1;${WMO_AGB};01;01A01;01-01-2026;31-01-2026;13;04;458,12;12-02-2026;INGEDIEND;R0`,
      `WMO;R5;1;${WMO_AGB};01;01A01;01-01-2026;31-01-2026;13;04;12,3456;12-02-2026;BETAALD;`,
    ].join('\n'));
    expect(rapport.nieuw).toEqual([2]);
    expect(rapport.geweigerd).toEqual([
      { regel: 3, redenen: ['toewijzingsnummer: 99 is voor de Wmo in gemeente 0406 niet bekend als toewijzing in natura (importeer eerst de toewijzingen)'] },
      { regel: 4, redenen: [`agb_code: de toewijzing is gegeven aan aanbieder ${WMO_AGB}, niet aan ${JEUGD_AGB}`] },
      { regel: 5, redenen: ['vorig_referentienummer: de gecorrigeerde regel is niet bekend (niet opgeslagen en niet aanvaard in dit bestand)'] },
      { regel: 6, redenen: ['bedrag: "12,3456" is geen bedrag in euro\'s (bijvoorbeeld 1234,56)', 'status: "BETAALD" is niet een van INGEDIEND, GOEDGEKEURD, AFGEWEZEN, GECREDITEERD'] },
    ]);
    expect(await count(dbs.inkoop, 'declaratie')).toBe(1);
  });
});
