import DataLoader from 'dataloader';
import { type Database, groupedLoader, keyedLoader, loaderFamily, type Principal } from '@sociaal-graph/toolkit';
import { consulentenByIds, consulentenByTeam } from './consulent/consulent.sql.js';
import { huishoudensByIds } from './huishouden/huishouden.sql.js';
import { type InwonerFilter, inwonerPaginas, inwonersByBsn, inwonersByHuishouden, inwonersByIds } from './inwoner/inwoner.sql.js';
import { meldingenByInwoner } from './melding/melding.sql.js';
import { type ToegangScope, toegangScope } from './scope.js';
import { teamsByIds } from './team/team.sql.js';

/**
 * The loaders of one request. Staff data (consulenten, teams) is loaded directly; resident data
 * goes through `residents`, whose SQL filters every row by the caller's scope.
 */
export function createLoaders(db: Database, principal: Principal) {
  return {
    consulent: keyedLoader((ids: readonly string[]) => consulentenByIds(db, ids), (row) => row.id),
    consulentenVanTeam: groupedLoader((ids: readonly string[]) => consulentenByTeam(db, ids), (row) => row.teamId),
    team: keyedLoader((ids: readonly string[]) => teamsByIds(db, ids), (row) => row.id),
    residents: createResidentLoaders(db, toegangScope(principal)),
  };
}

export type ToegangLoaders = ReturnType<typeof createLoaders>;
export type ResidentLoaders = ReturnType<typeof createResidentLoaders>;

/** Loaders of residents, households and meldingen within one caller's scope. */
function createResidentLoaders(db: Database, scope: ToegangScope) {
  return {
    scope,
    inwoner: keyedLoader((ids: readonly string[]) => inwonersByIds(db, ids, scope), (row) => row.id),
    inwonerOpBsn: keyedLoader((bsns: readonly string[]) => inwonersByBsn(db, bsns, scope), (row) => row.bsn),
    ledenVanHuishouden: groupedLoader(
      (ids: readonly string[]) => inwonersByHuishouden(db, ids, scope),
      (row) => row.huishoudenId,
    ),
    huishouden: keyedLoader((ids: readonly string[]) => huishoudensByIds(db, ids, scope), (row) => row.id),
    meldingenVanInwoner: groupedLoader((ids: readonly string[]) => meldingenByInwoner(db, ids, scope), (row) => row.inwonerId),
    /** A page of residents per gemeente for one filter: `Gemeente.inwoners` under N gemeenten is one statement. */
    inwonerPagina: loaderFamily(
      (filter: InwonerFilter) =>
        new DataLoader((codes: readonly string[]) => inwonerPaginas(db, codes, filter, scope), {
          // The same cap as the toolkit's loaders: one `= ANY($1)` array per statement.
          maxBatchSize: 1000,
        }),
    ),
  };
}
