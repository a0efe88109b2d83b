import { join } from 'node:path';
import type { Database, Queryable } from '../database.js';
import { runSubgraphMigrations } from '../migrations.js';
import { REPO_ROOT } from '../subgraph-list.js';
import type { ImportSubgraph } from './soorten.js';

/** The subgraphs an import writes, each with its own migrations, as their starts create them. */
export const IMPORT_SUBGRAPHS: readonly ImportSubgraph[] = ['toegang', 'wmo', 'jeugd', 'inkoop'];

export async function migrate(db: Database, subgraph: ImportSubgraph): Promise<void> {
  await runSubgraphMigrations(db, { migrationsDir: join(REPO_ROOT, 'subgraphs', subgraph, 'migrations') });
}

/** The aanbieders of the test catalogue: one Wmo contract and one Jeugdwet contract for gemeente 0406. */
export const WMO_AGB = '98000001';
export const JEUGD_AGB = '98000002';

/**
 * A small regional catalogue in inkoop, as contract management keeps it: a Wmo contract (01A01 hulp
 * bij het huishouden, tariffs for 2025 and from 2026) and a Jeugdwet contract (45A01), both for 0406.
 */
export async function catalogus(inkoop: Queryable): Promise<void> {
  await inkoop.query(
    `INSERT INTO aanbieder (agb_code, naam, kvk_nummer, vestigingsplaats, soort) VALUES ($1, 'Thuiszorg Test', '12345678', 'Huizen', 'ZORGAANBIEDER'), ($2, 'Jeugdhulp Test', '87654321', 'Bussum', 'ZORGAANBIEDER')`,
    [WMO_AGB, JEUGD_AGB],
  );
  await inkoop.query(
    `INSERT INTO contract (id, naam, contractant_id, aanbieder_agb, wet, soort, procedure, bekostiging, looptijd_van, looptijd_tot, declaratietermijn_dagen)
     VALUES ('t-1', 'Wmo test', 'regio-gv', $1, 'WMO', 'REGIONAAL', 'OPEN_HOUSE', 'PXQ', '2024-01-01', '2027-12-31', 90),
            ('t-2', 'Jeugd test', 'regio-gv', $2, 'JEUGDWET', 'REGIONAAL', 'OPEN_HOUSE', 'PXQ', '2024-01-01', NULL, 60)`,
    [WMO_AGB, JEUGD_AGB],
  );
  await inkoop.query(`INSERT INTO contract_gemeente (contract_id, gemeente_code) VALUES ('t-1', '0406'), ('t-2', '0406')`);
  await inkoop.query(`INSERT INTO perceel (id, contract_id, naam) VALUES ('t-1-p', 't-1', 'Huishouden'), ('t-2-p', 't-2', 'Ambulant')`);
  await inkoop.query(
    `INSERT INTO product (id, perceel_id, wet, productcategorie, productcode, naam, eenheid, frequentie)
     VALUES ('t-1-01A01', 't-1-p', 'WMO', '01', '01A01', 'HH1', '04', '2'), ('t-2-45A01', 't-2-p', 'JEUGDWET', '45', '45A01', 'Ambulant', '04', '4')`,
  );
  await inkoop.query(
    `INSERT INTO tarief (id, product_id, bedrag, eenheid, geldig_van, geldig_tot)
     VALUES ('t-1-01A01-2025', 't-1-01A01', 3400, '04', '2024-01-01', '2025-12-31'), ('t-1-01A01-2026', 't-1-01A01', 3524, '04', '2026-01-01', NULL),
            ('t-2-45A01-2024', 't-2-45A01', 9800, '04', '2024-01-01', NULL)`,
  );
}

/** `n` distinct BSNs that pass the elfproef, from `start` upward (test numbers, nobody's by intent). */
export function bsns(n: number, start = 990_000_00): string[] {
  const found: string[] = [];
  for (let body = start; found.length < n; body += 1) {
    const digits = String(body).padStart(8, '0');
    const sum = [...digits].reduce((total, digit, i) => total + Number(digit) * (9 - i), 0);
    const check = sum % 11;
    if (check <= 9) found.push(`${digits}${check}`);
  }
  return found;
}

export const CLIENTEN_KOP = 'bsn;voornaam;achternaam;geboortedatum;geslacht;postcode;huisnummer;samenstelling';
export const TOEWIJZINGEN_KOP = 'wet;toewijzingsnummer;bsn;productcategorie;productcode;agb_code;volume;eenheid;frequentie;leveringsvorm;ingangsdatum;einddatum;reden_beeindiging';
export const DECLARATIES_KOP =
  'wet;referentienummer;toewijzingsnummer;agb_code;productcategorie;productcode;begindatum;einddatum;geleverd_volume;eenheid;bedrag;ingediend_op;status;vorig_referentienummer';

/** A clienten file: one household per client. */
export function clientenCsv(nummers: readonly string[]): string {
  return [CLIENTEN_KOP, ...nummers.map((bsn, i) => `${bsn};Voornaam${i};Achternaam${i};01-01-1950;V;3401 AB;${i + 1};ALLEENSTAAND`)].join('\n');
}

/** A toewijzingen file: the clients alternately Wmo (01A01) and Jeugdwet (45A01), all in natura, numbered from 1. */
export function toewijzingenCsv(nummers: readonly string[]): string {
  return [
    TOEWIJZINGEN_KOP,
    ...nummers.map((bsn, i) =>
      i % 2 === 0 ? `WMO;${i + 1};${bsn};01;01A01;${WMO_AGB};3;04;2;ZIN;2026-01-01;;` : `JEUGDWET;${i + 1};${bsn};45;45A01;${JEUGD_AGB};8;04;4;ZIN;2026-02-01;;`,
    ),
  ].join('\n');
}
