import DataLoader from 'dataloader';
import { createLogboek, type Database, groupedLoader, keyedLoader, loaderFamily, loadersPerVerzoek, type Logboek, type Principal } from '@sociaal-graph/toolkit';
import { consulentenByIds, consulentenByTeam } from './consulent/consulent.sql.js';
import { huishoudensByIds } from './huishouden/huishouden.sql.js';
import { type InwonerFilter, inwonerPaginas, inwonersByBsn, inwonersByHuishouden, inwonersByIds } from './inwoner/inwoner.sql.js';
import { meldingenByInwoner } from './melding/melding.sql.js';
import { type ToegangScope, toegangScope } from './scope.js';
import { selectStapelingHuishoudens, stapelingSleutel } from './stapeling/stapelingkosten.sql.js';
import { teamsByIds } from './team/team.sql.js';

/** What the loaders of one request are made with. */
interface Verzoek {
  readonly db: Database;
  readonly principal: Principal;
  readonly logboek: Logboek;
}

/**
 * The loaders of one request. Staff data (consulenten, teams) is loaded directly; resident data
 * goes through `residents`, whose SQL filters every row by the caller's scope. Each is made at its
 * first use (`loadersPerVerzoek`): the resident view reads `residents.inwoner` here.
 */
const ToegangLoaders = loadersPerVerzoek({
  consulent: ({ db }: Verzoek) => keyedLoader((ids: readonly string[]) => consulentenByIds(db, ids), (row) => row.id),
  consulentenVanTeam: ({ db }: Verzoek) => groupedLoader((ids: readonly string[]) => consulentenByTeam(db, ids), (row) => row.teamId),
  team: ({ db }: Verzoek) => keyedLoader((ids: readonly string[]) => teamsByIds(db, ids), (row) => row.id),
  residents: ({ db, principal, logboek }: Verzoek) => createResidentLoaders(db, toegangScope(principal), logboek),
  // The households of the stacking answer's cost (StapelingKosten): one statement per request, shared by its fields.
  stapelingHuishoudens: ({ db }: Verzoek) => groupedLoader((sleutels: readonly string[]) => selectStapelingHuishoudens(db, sleutels), stapelingSleutel),
});

export function createLoaders(db: Database, principal: Principal, logboek: Logboek = createLogboek()): ToegangLoaders {
  return new ToegangLoaders({ db, principal, logboek });
}

/** Processing activities of the toegang subgraph, as the Logboek Dataverwerkingen records them. */
export const VERWERKING = {
  INWONER_LEZEN: 'toegang:inwoner:lezen',
  HUISHOUDEN_LEZEN: 'toegang:huishouden:lezen',
  MELDING_LEZEN: 'toegang:melding:lezen',
  /** The costs of a household named in the stacking answer's most expensive list. */
  STAPELING_KOSTEN_LEZEN: 'toegang:stapeling:kosten-huishouden:lezen',
} as const;

export type ToegangLoaders = InstanceType<typeof ToegangLoaders>;

/** What the resident loaders of one request are made with: the caller's scope and the Logboek. */
interface ResidentVerzoek {
  readonly db: Database;
  readonly scope: ToegangScope;
  readonly logboek: Logboek;
}

/** Every resident row read is logged with its subject (Logboek Dataverwerkingen). */
function inwonersGelezen(logboek: Logboek) {
  return <R extends { id: string }>(rows: R[]) => logboek.gelezen(VERWERKING.INWONER_LEZEN, rows, (row) => row.id);
}

/** Loaders of residents, households and meldingen within one caller's scope, each made at its first use. */
const ResidentLoaderSet = loadersPerVerzoek({
  inwoner: ({ db, scope, logboek }: ResidentVerzoek) => keyedLoader((ids: readonly string[]) => inwonersByIds(db, ids, scope).then(inwonersGelezen(logboek)), (row) => row.id),
  inwonerOpBsn: ({ db, scope, logboek }: ResidentVerzoek) =>
    keyedLoader((bsns: readonly string[]) => inwonersByBsn(db, bsns, scope).then(inwonersGelezen(logboek)), (row) => row.bsn),
  ledenVanHuishouden: ({ db, scope, logboek }: ResidentVerzoek) =>
    groupedLoader(
      (ids: readonly string[]) => inwonersByHuishouden(db, ids, scope).then(inwonersGelezen(logboek)),
      (row) => row.huishoudenId,
    ),
  huishouden: ({ db, scope, logboek }: ResidentVerzoek) =>
    keyedLoader(
      async (ids: readonly string[]) =>
        logboek.gelezen(VERWERKING.HUISHOUDEN_LEZEN, await huishoudensByIds(db, ids, scope), (row) => row.id, 'huishouden'),
      (row) => row.id,
    ),
  meldingenVanInwoner: ({ db, scope, logboek }: ResidentVerzoek) =>
    groupedLoader(
      async (ids: readonly string[]) =>
        logboek.gelezen(VERWERKING.MELDING_LEZEN, await meldingenByInwoner(db, ids, scope), (row) => row.inwonerId),
      (row) => row.inwonerId,
    ),
  /** A page of residents per gemeente for one filter: `Gemeente.inwoners` under N gemeenten is one statement. */
  inwonerPagina: ({ db, scope, logboek }: ResidentVerzoek) =>
    loaderFamily(
      (filter: InwonerFilter) =>
        new DataLoader(
          async (codes: readonly string[]) => {
            const paginas = await inwonerPaginas(db, codes, filter, scope);
            for (const pagina of paginas) inwonersGelezen(logboek)(pagina.inwoners);
            return paginas;
          },
          // The same cap as the toolkit's loaders: one `= ANY($1)` array per statement.
          { maxBatchSize: 1000 },
        ),
    ),
});

/** The resident loaders of one request, with the caller's scope they filter by. */
export class ResidentLoaders extends ResidentLoaderSet {
  readonly scope: ToegangScope;

  constructor(verzoek: ResidentVerzoek) {
    super(verzoek);
    this.scope = verzoek.scope;
  }
}

function createResidentLoaders(db: Database, scope: ToegangScope, logboek: Logboek): ResidentLoaders {
  return new ResidentLoaders({ db, scope, logboek });
}
