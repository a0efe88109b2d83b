import { Scope } from '../authorization.js';
import type { SubgraphContext } from '../context.js';
import { assertDatum } from '../domain.js';
import { badUserInput } from '../errors.js';
import { queryPage } from '../page-query.js';
import { pageInfo, pageOf } from '../paging.js';
import { assertScope, developmentPrincipal } from '../principal.js';
import type { LogboekArgs, Verwerking, VerwerkingPage } from './verwerking.type.js';

/** The processing activity of reading the log itself (the log is personal data too). */
export const LOGBOEK_LEZEN = 'logboek:lezen';

interface VerwerkingRow {
  id: string;
  traceId: string;
  verzoekId: string | null;
  verwerkingsactiviteit: string;
  betrokkene: string | null;
  betrokkeneSoort: string | null;
  tijdstip: string | Date;
  resultaat: string;
  organisatie: string;
  rollen: string[];
  actor: string;
}

/**
 * One page of this subgraph's log for the fg (`Logboek.<bron>`), oldest first. The gateway
 * already requires the LOGBOEK scope; this is the second line. The read itself is recorded as
 * `logboek:lezen` without a subject, so the fg's own access is accounted for too.
 */
export async function leesLogboek(context: SubgraphContext, args: LogboekArgs, bron: string): Promise<VerwerkingPage> {
  assertScope(context.principal, Scope.LOGBOEK, 'Alleen de functionaris gegevensbescherming mag het logboek lezen.');
  const page = pageOf(args);
  for (const argument of ['traceId', 'verzoekId'] as const) {
    const value = args[argument];
    if (value != null && !/^[0-9a-f]{32}$/.test(value)) {
      throw badUserInput(`${argument} moet 32 hexadecimale tekens zijn, niet "${value}".`, { argument });
    }
  }
  const van = args.van == null ? null : assertDatum(args.van, 'van');
  const tot = args.tot == null ? null : assertDatum(args.tot, 'tot');
  context.logboek.registreerZonderBetrokkene(LOGBOEK_LEZEN);
  const { totaal, items } = await queryPage<VerwerkingRow>(
    context.db,
    `SELECT v.id::text AS id, v.trace_id AS "traceId", v.verzoek_id AS "verzoekId", v.verwerkingsactiviteit, v.betrokkene,
            v.betrokkene_soort AS "betrokkeneSoort", v.tijdstip, v.resultaat, a.organisatie, a.rollen, a.actor
     FROM verwerking v JOIN verwerking_actor a ON a.id = v.actor_id
     WHERE ($1::text IS NULL OR v.trace_id = $1)
       AND ($2::text IS NULL OR v.betrokkene = $2)
       AND ($3::date IS NULL OR v.tijdstip >= $3::date)
       AND ($4::date IS NULL OR v.tijdstip < $4::date + 1)
       AND ($5::text IS NULL OR a.organisatie = $5)
       AND ($6::text IS NULL OR v.verzoek_id = $6)`,
    'tijdstip, id',
    [args.traceId ?? null, args.betrokkene ?? null, van, tot, eigenOrganisatie(context), args.verzoekId ?? null],
    page,
  );
  return { items: items.map((row) => verwerkingOf(row, bron)), pageInfo: pageInfo(totaal, page, items.length) };
}

/**
 * An fg supervises the processing of its own organisation: it reads the records whose actor acted for
 * that organisation, not another organisation's. Every record (`null`) only for the in-process
 * development principal itself, which no request can be: no claim value switches the filter off.
 */
function eigenOrganisatie(context: SubgraphContext): string | null {
  return context.principal === developmentPrincipal ? null : context.principal.organisatie;
}

function verwerkingOf(row: VerwerkingRow, bron: string): Verwerking {
  return {
    traceId: row.traceId,
    verzoekId: row.verzoekId,
    verwerkingsactiviteit: row.verwerkingsactiviteit,
    betrokkene: row.betrokkene,
    betrokkeneSoort: row.betrokkeneSoort,
    // node-postgres gives a Date, PGlite an ISO string.
    tijdstip: new Date(row.tijdstip).toISOString(),
    resultaat: row.resultaat,
    bron,
    actor: { organisatie: row.organisatie, rollen: row.rollen, actor: row.actor },
  };
}
