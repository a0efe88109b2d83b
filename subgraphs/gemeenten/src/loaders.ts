import { type Database, groupedLoader, keyedLoader, loadersPerVerzoek } from '@sociaal-graph/toolkit';
import { fetchTaakveldFinancien, fetchJaarFinancien } from './financien/financien.sql.js';
import { fetchGemeenten, fetchGemeentenPerRegio } from './gemeente/gemeente.sql.js';
import {
  fetchMaatregelen,
  fetchStatussenPerGemeente,
  fetchStatussenPerMaatregel,
} from './maatregel/maatregel.sql.js';
import { fetchOrganisaties } from './organisatie/organisatie.sql.js';
import { fetchRegios } from './regio/regio.sql.js';
import {
  fetchGemeentenPerSamenwerkingsverband,
  fetchSamenwerkingsverbanden,
  fetchSamenwerkingsverbandenPerGemeente,
} from './samenwerkingsverband/samenwerkingsverband.sql.js';
import { fetchArrangementenOp } from './uitvoeringsarrangement/uitvoeringsarrangement.sql.js';

/**
 * The loaders of one request: entities by key and every list under a parent, each one SQL
 * statement per batch. Keys with a date or filter are strings built by the `*Sleutel` helpers.
 * Each is made at its first use (`loadersPerVerzoek`): a call of the resident view reads one (`gemeente`).
 */
const GemeentenLoaders = loadersPerVerzoek({
  gemeente: (db: Database) => keyedLoader((codes: readonly string[]) => fetchGemeenten(db, codes), (g) => g.code),
  gemeentenPerRegio: (db: Database) => groupedLoader((codes: readonly string[]) => fetchGemeentenPerRegio(db, codes), (g) => g.groepCode),
  gemeentenPerSamenwerkingsverband: (db: Database) => groupedLoader(
    (codes: readonly string[]) => fetchGemeentenPerSamenwerkingsverband(db, codes),
    (g) => g.groepCode,
  ),
  regio: (db: Database) => keyedLoader((codes: readonly string[]) => fetchRegios(db, codes), (r) => r.code),
  samenwerkingsverband: (db: Database) => keyedLoader((codes: readonly string[]) => fetchSamenwerkingsverbanden(db, codes), (s) => s.code),
  samenwerkingsverbandenPerGemeente: (db: Database) => groupedLoader(
    (codes: readonly string[]) => fetchSamenwerkingsverbandenPerGemeente(db, codes),
    (s) => s.gemeenteCode,
  ),
  organisatie: (db: Database) => keyedLoader((ids: readonly string[]) => fetchOrganisaties(db, ids), (o) => o.id),
  /** Key: `arrangementSleutel(gemeenteCode, peildatum)`. */
  arrangementenPerGemeente: (db: Database) => groupedLoader(
    (keys: readonly string[]) => fetchArrangementenOp(db, 'gemeente_code', keys),
    (a) => a.sleutel,
  ),
  /** Key: `arrangementSleutel(organisatieId, peildatum)`. */
  arrangementenPerOrganisatie: (db: Database) => groupedLoader(
    (keys: readonly string[]) => fetchArrangementenOp(db, 'organisatie_id', keys),
    (a) => a.sleutel,
  ),
  /** Key: `financienSleutel(gemeenteCode, jaar, taakveld)`. */
  taakveldFinancien: (db: Database) => groupedLoader((keys: readonly string[]) => fetchTaakveldFinancien(db, keys), (f) => f.sleutel),
  /** Key: `financienSleutel(gemeenteCode, jaar)`. */
  jaarFinancien: (db: Database) => groupedLoader((keys: readonly string[]) => fetchJaarFinancien(db, keys), (f) => f.sleutel),
  maatregel: (db: Database) => keyedLoader((ids: readonly string[]) => fetchMaatregelen(db, ids), (m) => m.id),
  statussenPerGemeente: (db: Database) => groupedLoader((codes: readonly string[]) => fetchStatussenPerGemeente(db, codes), (s) => s.gemeenteCode),
  statussenPerMaatregel: (db: Database) => groupedLoader((ids: readonly string[]) => fetchStatussenPerMaatregel(db, ids), (s) => s.maatregelId),
});

export function createLoaders(db: Database): GemeentenLoaders {
  return new GemeentenLoaders(db);
}

/** The loader set of one request of the gemeenten subgraph. */
export type GemeentenLoaders = InstanceType<typeof GemeentenLoaders>;
