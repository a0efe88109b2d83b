import DataLoader from 'dataloader';
import { createLogboek, type Database, groupedLoader, keyedLoader, loaderFamily, type Logboek, type Principal } from '@sociaal-graph/toolkit';
import { consulentenByIds, consulentenByTeam } from './consulent/consulent.sql.js';
import { huishoudensByIds } from './huishouden/huishouden.sql.js';
import { type InwonerFilter, inwonerPaginas, inwonersByBsn, inwonersByHuishouden, inwonersByIds } from './inwoner/inwoner.sql.js';
import { meldingenByInwoner } from './melding/melding.sql.js';
import { type ToegangScope, toegangScope } from './scope.js';
import { selectStapelingHuishoudens, stapelingSleutel } from './stapeling/stapelingkosten.sql.js';
import { teamsByIds } from './team/team.sql.js';

/**
 * The loaders of one request. Staff data (consulenten, teams) is loaded directly; resident data
 * goes through `residents`, whose SQL filters every row by the caller's scope.
 */
export function createLoaders(db: Database, principal: Principal, logboek: Logboek = createLogboek()) {
  return {
    consulent: keyedLoader((ids: readonly string[]) => consulentenByIds(db, ids), (row) => row.id),
    consulentenVanTeam: groupedLoader((ids: readonly string[]) => consulentenByTeam(db, ids), (row) => row.teamId),
    team: keyedLoader((ids: readonly string[]) => teamsByIds(db, ids), (row) => row.id),
    residents: createResidentLoaders(db, toegangScope(principal), logboek),
    // The households of the stacking answer's cost (StapelingKosten): one statement per request, shared by its fields.
    stapelingHuishoudens: groupedLoader((sleutels: readonly string[]) => selectStapelingHuishoudens(db, sleutels), stapelingSleutel),
  };
}

/** Processing activities of the toegang subgraph, as the Logboek Dataverwerkingen records them. */
export const VERWERKING = {
  INWONER_LEZEN: 'toegang:inwoner:lezen',
  HUISHOUDEN_LEZEN: 'toegang:huishouden:lezen',
  MELDING_LEZEN: 'toegang:melding:lezen',
  /** The costs of a household named in the stacking answer's most expensive list. */
  STAPELING_KOSTEN_LEZEN: 'toegang:stapeling:kosten-huishouden:lezen',
} as const;

export type ToegangLoaders = ReturnType<typeof createLoaders>;
export type ResidentLoaders = ReturnType<typeof createResidentLoaders>;

/** Loaders of residents, households and meldingen within one caller's scope. */
function createResidentLoaders(db: Database, scope: ToegangScope, logboek: Logboek) {
  // Every resident row read is logged with its subject (Logboek Dataverwerkingen).
  const inwonersGelezen = <R extends { id: string }>(rows: R[]) => logboek.gelezen(VERWERKING.INWONER_LEZEN, rows, (row) => row.id);
  return {
    scope,
    inwoner: keyedLoader((ids: readonly string[]) => inwonersByIds(db, ids, scope).then(inwonersGelezen), (row) => row.id),
    inwonerOpBsn: keyedLoader((bsns: readonly string[]) => inwonersByBsn(db, bsns, scope).then(inwonersGelezen), (row) => row.bsn),
    ledenVanHuishouden: groupedLoader(
      (ids: readonly string[]) => inwonersByHuishouden(db, ids, scope).then(inwonersGelezen),
      (row) => row.huishoudenId,
    ),
    huishouden: keyedLoader(
      async (ids: readonly string[]) =>
        logboek.gelezen(VERWERKING.HUISHOUDEN_LEZEN, await huishoudensByIds(db, ids, scope), (row) => row.id, 'huishouden'),
      (row) => row.id,
    ),
    meldingenVanInwoner: groupedLoader(
      async (ids: readonly string[]) =>
        logboek.gelezen(VERWERKING.MELDING_LEZEN, await meldingenByInwoner(db, ids, scope), (row) => row.inwonerId),
      (row) => row.inwonerId,
    ),
    /** A page of residents per gemeente for one filter: `Gemeente.inwoners` under N gemeenten is one statement. */
    inwonerPagina: loaderFamily(
      (filter: InwonerFilter) =>
        new DataLoader(
          async (codes: readonly string[]) => {
            const paginas = await inwonerPaginas(db, codes, filter, scope);
            for (const pagina of paginas) inwonersGelezen(pagina.inwoners);
            return paginas;
          },
          // The same cap as the toolkit's loaders: one `= ANY($1)` array per statement.
          { maxBatchSize: 1000 },
        ),
    ),
  };
}
