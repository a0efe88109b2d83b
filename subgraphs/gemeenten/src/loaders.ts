import { type Database, groupedLoader, keyedLoader } from '@sociaal-graph/toolkit';
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
 */
export function createLoaders(db: Database) {
  return {
    gemeente: keyedLoader((codes: readonly string[]) => fetchGemeenten(db, codes), (g) => g.code),
    gemeentenPerRegio: groupedLoader((codes: readonly string[]) => fetchGemeentenPerRegio(db, codes), (g) => g.groepCode),
    gemeentenPerSamenwerkingsverband: groupedLoader(
      (codes: readonly string[]) => fetchGemeentenPerSamenwerkingsverband(db, codes),
      (g) => g.groepCode,
    ),
    regio: keyedLoader((codes: readonly string[]) => fetchRegios(db, codes), (r) => r.code),
    samenwerkingsverband: keyedLoader((codes: readonly string[]) => fetchSamenwerkingsverbanden(db, codes), (s) => s.code),
    samenwerkingsverbandenPerGemeente: groupedLoader(
      (codes: readonly string[]) => fetchSamenwerkingsverbandenPerGemeente(db, codes),
      (s) => s.gemeenteCode,
    ),
    organisatie: keyedLoader((ids: readonly string[]) => fetchOrganisaties(db, ids), (o) => o.id),
    /** Key: `arrangementSleutel(gemeenteCode, peildatum)`. */
    arrangementenPerGemeente: groupedLoader(
      (keys: readonly string[]) => fetchArrangementenOp(db, 'gemeente_code', keys),
      (a) => a.sleutel,
    ),
    /** Key: `arrangementSleutel(organisatieId, peildatum)`. */
    arrangementenPerOrganisatie: groupedLoader(
      (keys: readonly string[]) => fetchArrangementenOp(db, 'organisatie_id', keys),
      (a) => a.sleutel,
    ),
    /** Key: `financienSleutel(gemeenteCode, jaar, taakveld)`. */
    taakveldFinancien: groupedLoader((keys: readonly string[]) => fetchTaakveldFinancien(db, keys), (f) => f.sleutel),
    /** Key: `financienSleutel(gemeenteCode, jaar)`. */
    jaarFinancien: groupedLoader((keys: readonly string[]) => fetchJaarFinancien(db, keys), (f) => f.sleutel),
    maatregel: keyedLoader((ids: readonly string[]) => fetchMaatregelen(db, ids), (m) => m.id),
    statussenPerGemeente: groupedLoader((codes: readonly string[]) => fetchStatussenPerGemeente(db, codes), (s) => s.gemeenteCode),
    statussenPerMaatregel: groupedLoader((ids: readonly string[]) => fetchStatussenPerMaatregel(db, ids), (s) => s.maatregelId),
  };
}

/** The loader set of one request of the gemeenten subgraph. */
export type GemeentenLoaders = ReturnType<typeof createLoaders>;
