import { type Database, groupedLoader, keyedLoader } from '@sociaal-graph/toolkit';
import DataLoader from 'dataloader';
import { loaderFamily } from './loader-family.js';
import { fetchMinimaregelingenByIds, fetchMinimaregelingenByInwoners } from './minimaregeling/minimaregeling.sql.js';
import { pagesByParent, type RowPage } from './page-query.js';
import {
  fetchReintegratietrajectenByIds,
  fetchReintegratietrajectenByInwoners,
} from './reintegratietraject/reintegratietraject.sql.js';
import type { ScopeParameter } from './scope.js';
import { fetchSchuldhulptrajectenByIds, fetchSchuldhulptrajectenByInwoners } from './schuldhulptraject/schuldhulptraject.sql.js';
import { fetchUitkeringenByIds, fetchUitkeringenByInwoners, fetchUitkeringPagesByGemeenten } from './uitkering/uitkering.sql.js';
import type { Uitkering } from './uitkering/uitkering.type.js';

/** Arguments that shape one `Gemeente.uitkeringen` batch. */
export interface UitkeringPageArgs {
  scope: ScopeParameter;
  actiefOp: string | null;
  first: number;
  offset: number;
}

/**
 * The loaders of one request. Every loader takes the caller's scope (it goes into the SQL), so each
 * is a family: one DataLoader per distinct scope and arguments, each batch one statement.
 */
export function createLoaders(db: Database) {
  return {
    uitkering: loaderFamily((scope: ScopeParameter) =>
      keyedLoader((ids: readonly string[]) => fetchUitkeringenByIds(db, ids, scope), (row) => row.id),
    ),
    uitkeringenByInwoner: loaderFamily((scope: ScopeParameter) =>
      groupedLoader((ids: readonly string[]) => fetchUitkeringenByInwoners(db, ids, scope), (row) => row.inwonerId),
    ),
    uitkeringPageByGemeente: loaderFamily(
      (args: UitkeringPageArgs) =>
        new DataLoader<string, RowPage<Uitkering>>(
          async (codes) => pagesByParent(codes, await fetchUitkeringPagesByGemeenten(db, codes, args, args)),
          { maxBatchSize: 1000 },
        ),
    ),
    reintegratietraject: loaderFamily((scope: ScopeParameter) =>
      keyedLoader((ids: readonly string[]) => fetchReintegratietrajectenByIds(db, ids, scope), (row) => row.id),
    ),
    reintegratietrajectenByInwoner: loaderFamily((scope: ScopeParameter) =>
      groupedLoader((ids: readonly string[]) => fetchReintegratietrajectenByInwoners(db, ids, scope), (row) => row.inwonerId),
    ),
    schuldhulptraject: loaderFamily((scope: ScopeParameter) =>
      keyedLoader((ids: readonly string[]) => fetchSchuldhulptrajectenByIds(db, ids, scope), (row) => row.id),
    ),
    schuldhulptrajectenByInwoner: loaderFamily((scope: ScopeParameter) =>
      groupedLoader((ids: readonly string[]) => fetchSchuldhulptrajectenByInwoners(db, ids, scope), (row) => row.inwonerId),
    ),
    minimaregeling: loaderFamily((scope: ScopeParameter) =>
      keyedLoader((ids: readonly string[]) => fetchMinimaregelingenByIds(db, ids, scope), (row) => row.id),
    ),
    minimaregelingenByInwoner: loaderFamily((scope: ScopeParameter) =>
      groupedLoader((ids: readonly string[]) => fetchMinimaregelingenByInwoners(db, ids, scope), (row) => row.inwonerId),
    ),
  };
}

/** The loaders of the participatie subgraph. */
export type ParticipatieLoaders = ReturnType<typeof createLoaders>;
