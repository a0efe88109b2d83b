import {
  createLogboek,
  type Database,
  gelezenPerInwoner,
  groupedLoader,
  keyedLoader,
  loaderFamily,
  loadersPerVerzoekMetBereik,
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

/** What the loaders of one request are made with: the caller's Participatiewet scope and the Logboek. */
interface Verzoek {
  readonly db: Database;
  readonly scope: ReturnType<typeof participatieScope>;
  readonly logboek: Logboek;
}

/**
 * The loaders of one request, for its caller: every batch statement applies the caller's scope for
 * the Participatiewet (rol UITVOERING), so a row outside it is a miss. `Gemeente.uitkeringen` takes
 * arguments that change its SQL, so it is a family: one DataLoader per distinct page and day. Each is
 * made at its first use, the reach (`bereik`: inwoners with an uitkering; in-, through- and outflow per
 * year, issue 4 item 6) with the context (`loadersPerVerzoekMetBereik`); the resident view reads
 * `uitkeringenByInwoner`.
 */
const ParticipatieLoaders = loadersPerVerzoekMetBereik('uitkering', {
  // What the members cost for the stacking answer (StapelingKosten), one statement per request.
  participatiekosten: ({ db }: Verzoek) => stapelingLoader((keys: readonly StapelingKostenVerwijzing[]) => selectParticipatiekosten(db, keys)),
  /** Uitkering by id; `null` when absent or outside the scope. */
  uitkering: ({ db, scope, logboek }: Verzoek) => keyedLoader((ids: readonly string[]) => fetchUitkeringenByIds(db, ids, scope).then(gelezenPerInwoner(logboek, VERWERKING.UITKERING_LEZEN)), (row) => row.id),
  /** The uitkeringen of a resident, by inwoner id; `[]` for none. */
  uitkeringenByInwoner: ({ db, scope, logboek }: Verzoek) => groupedLoader((ids: readonly string[]) => fetchUitkeringenByInwoners(db, ids, scope).then(gelezenPerInwoner(logboek, VERWERKING.UITKERING_LEZEN)), (row) => row.inwonerId),
  /** One page of uitkeringen under a gemeente, by its code. */
  uitkeringPageByGemeente: ({ db, scope, logboek }: Verzoek) => loaderFamily(
    (args: UitkeringPageArgs) =>
      new DataLoader<string, RowPage<Uitkering>>(
        async (codes) => {
          const pages = pagesByParent(codes, await fetchUitkeringPagesByGemeenten(db, codes, { ...args, scope }, args));
          for (const page of pages) gelezenPerInwoner(logboek, VERWERKING.UITKERING_LEZEN)(page.items);
          return pages;
        },
        { maxBatchSize: 1000 },
      ),
  ),
  /** Reintegratietraject by id; `null` when absent or outside the scope. */
  reintegratietraject: ({ db, scope, logboek }: Verzoek) => keyedLoader((ids: readonly string[]) => fetchReintegratietrajectenByIds(db, ids, scope).then(gelezenPerInwoner(logboek, VERWERKING.REINTEGRATIETRAJECT_LEZEN)), (row) => row.id),
  /** The re-integratietrajecten of a resident, by inwoner id; `[]` for none. */
  reintegratietrajectenByInwoner: ({ db, scope, logboek }: Verzoek) => groupedLoader(
    (ids: readonly string[]) => fetchReintegratietrajectenByInwoners(db, ids, scope).then(gelezenPerInwoner(logboek, VERWERKING.REINTEGRATIETRAJECT_LEZEN)),
    (row) => row.inwonerId,
  ),
  /** Schuldhulptraject by id; `null` when absent or outside the scope. */
  schuldhulptraject: ({ db, scope, logboek }: Verzoek) => keyedLoader((ids: readonly string[]) => fetchSchuldhulptrajectenByIds(db, ids, scope).then(gelezenPerInwoner(logboek, VERWERKING.SCHULDHULPTRAJECT_LEZEN)), (row) => row.id),
  /** The schuldhulptrajecten of a resident, by inwoner id; `[]` for none. */
  schuldhulptrajectenByInwoner: ({ db, scope, logboek }: Verzoek) => groupedLoader(
    (ids: readonly string[]) => fetchSchuldhulptrajectenByInwoners(db, ids, scope).then(gelezenPerInwoner(logboek, VERWERKING.SCHULDHULPTRAJECT_LEZEN)),
    (row) => row.inwonerId,
  ),
  /** Minimaregeling by id; `null` when absent or outside the scope. */
  minimaregeling: ({ db, scope, logboek }: Verzoek) => keyedLoader((ids: readonly string[]) => fetchMinimaregelingenByIds(db, ids, scope).then(gelezenPerInwoner(logboek, VERWERKING.MINIMAREGELING_LEZEN)), (row) => row.id),
  /** The minimaregelingen of a resident, by inwoner id; `[]` for none. */
  minimaregelingenByInwoner: ({ db, scope, logboek }: Verzoek) => groupedLoader(
    (ids: readonly string[]) => fetchMinimaregelingenByInwoners(db, ids, scope).then(gelezenPerInwoner(logboek, VERWERKING.MINIMAREGELING_LEZEN)),
    (row) => row.inwonerId,
  ),
});

export type ParticipatieLoaders = InstanceType<typeof ParticipatieLoaders>;

export function createLoaders(db: Database, principal: Principal, logboek: Logboek = createLogboek(), verzoekId?: string): ParticipatieLoaders {
  return new ParticipatieLoaders({ db, scope: participatieScope(principal), logboek }, verzoekId);
}

/** Processing activities of the participatie subgraph, as the Logboek Dataverwerkingen records them. */
export const VERWERKING = {
  UITKERING_LEZEN: 'participatie:uitkering:lezen',
  REINTEGRATIETRAJECT_LEZEN: 'participatie:reintegratietraject:lezen',
  SCHULDHULPTRAJECT_LEZEN: 'participatie:schuldhulptraject:lezen',
  MINIMAREGELING_LEZEN: 'participatie:minimaregeling:lezen',
} as const;

/** The loaders of the participatie subgraph. */
