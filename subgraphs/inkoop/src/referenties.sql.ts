import type { Queryable, Samenvoeging } from '@sociaal-graph/toolkit';
import { AANBIEDER_COLUMNS, fetchAanbieders } from './aanbieder/aanbieder.sql.js';
import type { Aanbieder } from './aanbieder/aanbieder.type.js';
import { CONTRACT_COLUMNS, fetchContracten } from './contract/contract.sql.js';
import type { Contract } from './contract/contract.type.js';
import { fetchTarieven, TARIEF_COLUMNS } from './tarief/tarief.sql.js';
import type { Tarief } from './tarief/tarief.type.js';

/** Aanbieders, contracts and tariffs by key, asked together (each list may be empty). */
export interface Referenties {
  readonly aanbieders: readonly string[];
  readonly contracten: readonly string[];
  readonly tarieven: readonly string[];
}

export interface ReferentieRijen {
  readonly aanbieders: Aanbieder[];
  readonly contracten: Contract[];
  readonly tarieven: Tarief[];
}

/** Each row answers one key of its kind's array: concurrent requests' lookups run as one statement (statement-merging.ts). */
const PER_SOORT: Samenvoeging = {
  sleutelparameters: [0, 1, 2],
  sleutelVan: ({ soort, rij }: { soort: 'a' | 'c' | 't'; rij: Record<string, unknown> }) =>
    soort === 'a' ? [0, rij.agbCode] : soort === 'c' ? [1, rij.id] : [2, rij.id],
};

/**
 * Aanbieders by AGB code, contracts and tariffs by id, in one statement when more than one kind is asked
 * (the resident view asks all three for its Wmo toewijzingen): each row as the JSON of the same columns as
 * the kind's own statement. Their types survive JSON as the database driver would give them (text, dates
 * as 'YYYY-MM-DD', integers and bigints as numbers, text arrays). One kind alone takes its own statement.
 */
export async function fetchReferenties(db: Queryable, gevraagd: Referenties): Promise<ReferentieRijen> {
  const { aanbieders, contracten, tarieven } = gevraagd;
  const soorten = [aanbieders, contracten, tarieven].filter((keys) => keys.length > 0).length;
  if (soorten <= 1) {
    const [a, c, t] = await Promise.all([
      aanbieders.length ? fetchAanbieders(db, aanbieders) : [],
      contracten.length ? fetchContracten(db, contracten) : [],
      tarieven.length ? fetchTarieven(db, tarieven) : [],
    ]);
    return { aanbieders: a, contracten: c, tarieven: t };
  }
  const rows = await db.query<{ soort: 'a' | 'c' | 't'; rij: unknown }>(
    `SELECT 'a' AS soort, to_jsonb(x) AS rij FROM (SELECT ${AANBIEDER_COLUMNS} FROM aanbieder WHERE agb_code = ANY($1)) x
     UNION ALL SELECT 'c', to_jsonb(x) FROM (SELECT ${CONTRACT_COLUMNS} FROM contract c WHERE c.id = ANY($2)) x
     UNION ALL SELECT 't', to_jsonb(x) FROM (SELECT ${TARIEF_COLUMNS} FROM tarief WHERE id = ANY($3)) x`,
    [aanbieders, contracten, tarieven],
    // Rows by key: one generic plan does for every run (docs/storage.md).
    { plan: 'generiek', samenvoegen: PER_SOORT },
  );
  const result: ReferentieRijen = { aanbieders: [], contracten: [], tarieven: [] };
  for (const { soort, rij } of rows) {
    if (soort === 'a') result.aanbieders.push(rij as Aanbieder);
    else if (soort === 'c') result.contracten.push(rij as Contract);
    else result.tarieven.push(rij as Tarief);
  }
  return result;
}
