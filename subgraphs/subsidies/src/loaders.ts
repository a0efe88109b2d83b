import { type Database, groupedLoader, keyedLoader, loaderFamily } from '@sociaal-graph/toolkit';
import { fetchPrestatieafsprakenByIds, fetchPrestatieafsprakenBySubsidies } from './prestatieafspraak/prestatieafspraak.sql.js';
import { fetchSubsidiesByGemeenten, fetchSubsidiesByIds, fetchSubsidiesByPartners } from './subsidie/subsidie.sql.js';
import { fetchSubsidiepartnersByIds } from './subsidiepartner/subsidiepartner.sql.js';
import { fetchVoorveldrapportagesByIds } from './voorveldrapportage/voorveldrapportage.sql.js';

/**
 * The loaders of one request: entities by id, and the lists under a partner, a gemeente and a
 * subsidy. Lists that take a `jaar` are families: one DataLoader per year asked.
 */
export function createLoaders(db: Database) {
  return {
    subsidiepartner: keyedLoader((ids: readonly string[]) => fetchSubsidiepartnersByIds(db, ids), (row) => row.id),
    subsidie: keyedLoader((ids: readonly string[]) => fetchSubsidiesByIds(db, ids), (row) => row.id),
    prestatieafspraak: keyedLoader((ids: readonly string[]) => fetchPrestatieafsprakenByIds(db, ids), (row) => row.id),
    voorveldrapportage: keyedLoader((ids: readonly string[]) => fetchVoorveldrapportagesByIds(db, ids), (row) => row.id),
    subsidiesByPartner: loaderFamily((jaar: number | null) =>
      groupedLoader((ids: readonly string[]) => fetchSubsidiesByPartners(db, ids, jaar), (row) => row.partnerId),
    ),
    subsidiesByGemeente: loaderFamily((jaar: number | null) =>
      groupedLoader((codes: readonly string[]) => fetchSubsidiesByGemeenten(db, codes, jaar), (row) => row.gemeenteCode),
    ),
    prestatieafsprakenBySubsidie: groupedLoader(
      (ids: readonly string[]) => fetchPrestatieafsprakenBySubsidies(db, ids),
      (row) => row.subsidieId,
    ),
  };
}

/** The loaders of the subsidies subgraph. */
export type SubsidiesLoaders = ReturnType<typeof createLoaders>;
