import type { Queryable, Wet } from '@sociaal-graph/toolkit';
import type { Contract } from './contract.type.js';

/**
 * Columns of a Contract row; `c` is the contract table. `contract.id` is COLLATE "C" and
 * `contract_gemeente.contract_id` is not: compared under "C", the key's primary-key index (default collation)
 * cannot serve, and every contract scanned and sorted the whole table (issue 14). Compared under the
 * default collation (the same equality: both are deterministic) it is an index-only scan in gemeente order.
 */
export const CONTRACT_COLUMNS = `c.id, c.naam, c.wet, c.soort, c.procedure, c.bekostiging,
  c.looptijd_van AS "looptijdVan", c.looptijd_tot AS "looptijdTot",
  c.declaratietermijn_dagen AS "declaratietermijnDagen", c.lumpsum_per_jaar AS "lumpsumPerJaar",
  c.contractant_id AS "contractantId", c.aanbieder_agb AS "aanbiederAgb",
  ARRAY(SELECT cg.gemeente_code FROM contract_gemeente cg WHERE cg.contract_id = c.id COLLATE "default" ORDER BY cg.gemeente_code)
    AS "deelnemendeGemeenteCodes"`;

/** Batch function: the contracts with these ids, in any order, misses left out. */
export function fetchContracten(db: Queryable, ids: readonly string[]): Promise<Contract[]> {
  return db.query<Contract>(`SELECT ${CONTRACT_COLUMNS} FROM contract c WHERE c.id = ANY($1)`, [ids]);
}

/** Batch function: the contracts of these aanbieders, by name. */
export function fetchContractenByAanbieder(db: Queryable, agbCodes: readonly string[]): Promise<Contract[]> {
  return db.query<Contract>(
    `SELECT ${CONTRACT_COLUMNS} FROM contract c WHERE c.aanbieder_agb = ANY($1) ORDER BY c.naam, c.id`,
    [agbCodes],
  );
}

/** A contract under the gemeente it serves (a contract serves several gemeenten). */
export type GemeenteContract = Contract & { readonly gemeenteCode: string };

/**
 * Batch function: the contracts in which these gemeenten take part, by name; `wet` narrows them
 * to one law (null for all).
 */
export function fetchContractenByGemeente(
  db: Queryable,
  gemeenteCodes: readonly string[],
  wet: Wet | null,
): Promise<GemeenteContract[]> {
  return db.query<GemeenteContract>(
    `SELECT g.gemeente_code AS "gemeenteCode", ${CONTRACT_COLUMNS}
       FROM contract_gemeente g JOIN contract c ON c.id = g.contract_id
      WHERE g.gemeente_code = ANY($1) AND ($2::text IS NULL OR c.wet = $2)
      ORDER BY c.naam, c.id`,
    [gemeenteCodes, wet],
  );
}

/** Filter of the `contracten` query; every field undefined means no filter on it. */
export interface ContractFilter {
  /** Organisation id of the contractant ("regio-gv"). */
  readonly contractant?: string;
  /** CBS code of a deelnemende gemeente. */
  readonly gemeente?: string;
  readonly wet?: Wet;
}

/** One page of contracts by name (then id), with the total that match the filter. */
export async function findContracten(
  db: Queryable,
  filter: ContractFilter,
  page: { first: number; offset: number },
): Promise<{ items: Contract[]; totaal: number }> {
  const where = `($1::text IS NULL OR c.contractant_id = $1)
    AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM contract_gemeente g WHERE g.contract_id = c.id AND g.gemeente_code = $2))
    AND ($3::text IS NULL OR c.wet = $3)`;
  const params = [filter.contractant ?? null, filter.gemeente ?? null, filter.wet ?? null];
  const [counted] = await db.query<{ totaal: number }>(`SELECT count(*) AS totaal FROM contract c WHERE ${where}`, params);
  const items = await db.query<Contract>(
    `SELECT ${CONTRACT_COLUMNS} FROM contract c WHERE ${where} ORDER BY c.naam, c.id LIMIT $4 OFFSET $5`,
    [...params, page.first, page.offset],
  );
  return { items, totaal: counted.totaal };
}
