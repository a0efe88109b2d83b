import { type Database, groupedLoader, keyedLoader, loaderFamily, pagesByParent, type Principal, type RowPage } from '@sociaal-graph/toolkit';
import DataLoader from 'dataloader';
import { fetchMinimaregelingenByIds, fetchMinimaregelingenByInwoners } from './minimaregeling/minimaregeling.sql.js';
import {
  fetchReintegratietrajectenByIds,
  fetchReintegratietrajectenByInwoners,
} from './reintegratietraject/reintegratietraject.sql.js';
import { participatieScope } from './scope.js';
import { fetchSchuldhulptrajectenByIds, fetchSchuldhulptrajectenByInwoners } from './schuldhulptraject/schuldhulptraject.sql.js';
import { fetchUitkeringenByIds, fetchUitkeringenByInwoners, fetchUitkeringPagesByGemeenten } from './uitkering/uitkering.sql.js';
import type { Uitkering } from './uitkering/uitkering.type.js';

/** Arguments that shape one `Gemeente.uitkeringen` batch. */
export interface UitkeringPageArgs {
  actiefOp: string | null;
  first: number;
  offset: number;
}

/**
 * The loaders of one request, for its caller: every batch statement applies the caller's scope for
 * the Participatiewet (rol UITVOERING), so a row outside it is a miss. `Gemeente.uitkeringen` takes
 * arguments that change its SQL, so it is a family: one DataLoader per distinct page and day.
 */
export function createLoaders(db: Database, principal: Principal) {
  const scope = participatieScope(principal);
  return {
    /** Uitkering by id; `null` when absent or outside the scope. */
    uitkering: keyedLoader((ids: readonly string[]) => fetchUitkeringenByIds(db, ids, scope), (row) => row.id),
    /** The uitkeringen of a resident, by inwoner id; `[]` for none. */
    uitkeringenByInwoner: groupedLoader((ids: readonly string[]) => fetchUitkeringenByInwoners(db, ids, scope), (row) => row.inwonerId),
    /** One page of uitkeringen under a gemeente, by its code. */
    uitkeringPageByGemeente: loaderFamily(
      (args: UitkeringPageArgs) =>
        new DataLoader<string, RowPage<Uitkering>>(
          async (codes) => pagesByParent(codes, await fetchUitkeringPagesByGemeenten(db, codes, { ...args, scope }, args)),
          { maxBatchSize: 1000 },
        ),
    ),
    /** Reintegratietraject by id; `null` when absent or outside the scope. */
    reintegratietraject: keyedLoader((ids: readonly string[]) => fetchReintegratietrajectenByIds(db, ids, scope), (row) => row.id),
    /** The re-integratietrajecten of a resident, by inwoner id; `[]` for none. */
    reintegratietrajectenByInwoner: groupedLoader(
      (ids: readonly string[]) => fetchReintegratietrajectenByInwoners(db, ids, scope),
      (row) => row.inwonerId,
    ),
    /** Schuldhulptraject by id; `null` when absent or outside the scope. */
    schuldhulptraject: keyedLoader((ids: readonly string[]) => fetchSchuldhulptrajectenByIds(db, ids, scope), (row) => row.id),
    /** The schuldhulptrajecten of a resident, by inwoner id; `[]` for none. */
    schuldhulptrajectenByInwoner: groupedLoader(
      (ids: readonly string[]) => fetchSchuldhulptrajectenByInwoners(db, ids, scope),
      (row) => row.inwonerId,
    ),
    /** Minimaregeling by id; `null` when absent or outside the scope. */
    minimaregeling: keyedLoader((ids: readonly string[]) => fetchMinimaregelingenByIds(db, ids, scope), (row) => row.id),
    /** The minimaregelingen of a resident, by inwoner id; `[]` for none. */
    minimaregelingenByInwoner: groupedLoader(
      (ids: readonly string[]) => fetchMinimaregelingenByInwoners(db, ids, scope),
      (row) => row.inwonerId,
    ),
  };
}

/** The loaders of the participatie subgraph. */
export type ParticipatieLoaders = ReturnType<typeof createLoaders>;
