import {
  createBereikLoader,
  createLogboek,
  type Database,
  groupedLoader,
  keyedLoader,
  loaderFamily,
  type Logboek,
  pagesByParent,
  type Principal,
  type RowPage,
  stapelingLoader,
  type StapelingKostenVerwijzing,
} from '@sociaal-graph/toolkit';
import DataLoader from 'dataloader';
import { selectParticipatiekosten } from './extends/stapelingkosten/stapelingkosten.sql.js';
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
export function createLoaders(db: Database, principal: Principal, logboek: Logboek = createLogboek(), verzoekId?: string) {
  const scope = participatieScope(principal);
  // Every row read is a read of its resident's data (Logboek Dataverwerkingen).
  const gelezen =
    (activiteit: string) =>
    <R extends { inwonerId: string }>(rows: R[]) =>
      logboek.gelezen(activiteit, rows, (row) => row.inwonerId);
  return {
    // What the members cost for the stacking answer (StapelingKosten), one statement per request.
    participatiekosten: stapelingLoader((keys: readonly StapelingKostenVerwijzing[]) => selectParticipatiekosten(db, keys)),
    /** Reach (inwoners with an uitkering; in-, through- and outflow) per year, by gemeente code (issue 4 item 6). */
    bereik: createBereikLoader(db, 'uitkering', verzoekId),
    /** Uitkering by id; `null` when absent or outside the scope. */
    uitkering: keyedLoader((ids: readonly string[]) => fetchUitkeringenByIds(db, ids, scope).then(gelezen(VERWERKING.UITKERING_LEZEN)), (row) => row.id),
    /** The uitkeringen of a resident, by inwoner id; `[]` for none. */
    uitkeringenByInwoner: groupedLoader((ids: readonly string[]) => fetchUitkeringenByInwoners(db, ids, scope).then(gelezen(VERWERKING.UITKERING_LEZEN)), (row) => row.inwonerId),
    /** One page of uitkeringen under a gemeente, by its code. */
    uitkeringPageByGemeente: loaderFamily(
      (args: UitkeringPageArgs) =>
        new DataLoader<string, RowPage<Uitkering>>(
          async (codes) => {
            const pages = pagesByParent(codes, await fetchUitkeringPagesByGemeenten(db, codes, { ...args, scope }, args));
            for (const page of pages) gelezen(VERWERKING.UITKERING_LEZEN)(page.items);
            return pages;
          },
          { maxBatchSize: 1000 },
        ),
    ),
    /** Reintegratietraject by id; `null` when absent or outside the scope. */
    reintegratietraject: keyedLoader((ids: readonly string[]) => fetchReintegratietrajectenByIds(db, ids, scope).then(gelezen(VERWERKING.REINTEGRATIETRAJECT_LEZEN)), (row) => row.id),
    /** The re-integratietrajecten of a resident, by inwoner id; `[]` for none. */
    reintegratietrajectenByInwoner: groupedLoader(
      (ids: readonly string[]) => fetchReintegratietrajectenByInwoners(db, ids, scope).then(gelezen(VERWERKING.REINTEGRATIETRAJECT_LEZEN)),
      (row) => row.inwonerId,
    ),
    /** Schuldhulptraject by id; `null` when absent or outside the scope. */
    schuldhulptraject: keyedLoader((ids: readonly string[]) => fetchSchuldhulptrajectenByIds(db, ids, scope).then(gelezen(VERWERKING.SCHULDHULPTRAJECT_LEZEN)), (row) => row.id),
    /** The schuldhulptrajecten of a resident, by inwoner id; `[]` for none. */
    schuldhulptrajectenByInwoner: groupedLoader(
      (ids: readonly string[]) => fetchSchuldhulptrajectenByInwoners(db, ids, scope).then(gelezen(VERWERKING.SCHULDHULPTRAJECT_LEZEN)),
      (row) => row.inwonerId,
    ),
    /** Minimaregeling by id; `null` when absent or outside the scope. */
    minimaregeling: keyedLoader((ids: readonly string[]) => fetchMinimaregelingenByIds(db, ids, scope).then(gelezen(VERWERKING.MINIMAREGELING_LEZEN)), (row) => row.id),
    /** The minimaregelingen of a resident, by inwoner id; `[]` for none. */
    minimaregelingenByInwoner: groupedLoader(
      (ids: readonly string[]) => fetchMinimaregelingenByInwoners(db, ids, scope).then(gelezen(VERWERKING.MINIMAREGELING_LEZEN)),
      (row) => row.inwonerId,
    ),
  };
}

/** Processing activities of the participatie subgraph, as the Logboek Dataverwerkingen records them. */
export const VERWERKING = {
  UITKERING_LEZEN: 'participatie:uitkering:lezen',
  REINTEGRATIETRAJECT_LEZEN: 'participatie:reintegratietraject:lezen',
  SCHULDHULPTRAJECT_LEZEN: 'participatie:schuldhulptraject:lezen',
  MINIMAREGELING_LEZEN: 'participatie:minimaregeling:lezen',
} as const;

/** The loaders of the participatie subgraph. */
export type ParticipatieLoaders = ReturnType<typeof createLoaders>;
