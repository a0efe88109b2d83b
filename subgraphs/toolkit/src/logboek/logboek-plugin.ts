import { hash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { SubgraphContext } from '../context.js';
import { createLogger, type Logger, traceFields } from '../observability/logger.js';
import type { Leesbudget } from '../principal.js';
import type { Verwerkingsregel } from './logboek.js';
import { schrijfVerwerkingenGebundeld } from './schrijf-verwerkingen.js';

/**
 * Response extension in which a subgraph tells the gateway which residents one call read personal
 * data of: one hash per resident, of the trace id and the pseudonym, so the gateway counts
 * distinct residents over all calls of one request without learning or keeping a pseudonym.
 * Only sent when the gateway set a `leesbudget`; @apollo/gateway never passes it to a client.
 */
export const GELEZEN_INWONERS_EXTENSION = 'sociaalGraphGelezenInwoners';

/**
 * Response extension (`true`) by which a subgraph tells the gateway that this call recorded
 * processing in its Logboek, whoever or whatever it concerned. The gateway then never shares the
 * answer with another caller (in-flight deduplication): each caller's reads are logged as its own.
 */
export const VERWERKT_EXTENSION = 'sociaalGraphVerwerkt';

/** The processing activity recorded when a request is refused for reading too many residents. */
export const LEESLIMIET_ACTIVITEIT = 'persoonsgegevens:leeslimiet-overschreden';

/**
 * The hash under which a resident read in one trace is reported to the gateway. SHA-256 in one shot
 * (`crypto.hash`, no Hash object per resident; a third of createHash's cost): the same bytes out.
 */
export function gelezenInwonerHash(traceId: string, inwonerId: string): string {
  return hash('sha256', `${traceId}:${inwonerId}`, 'base64url').slice(0, 22);
}

/** The error that replaces a response that would read more residents than its `leesbudget`. */
export function leeslimietError(budget: Leesbudget, gelezen: number): GraphQLFormattedError {
  const message =
    budget.grens === 'uur'
      ? `Het uurbudget voor persoonsgegevens is op: deze aanvraag zou gegevens van ${gelezen} inwoners lezen, er ${budget.max === 1 ? 'is' : 'zijn'} dit uur nog ${budget.max} over. Probeer het later opnieuw; de functionaris gegevensbescherming ziet deze weigering.`
      : `Deze aanvraag zou persoonsgegevens van ${gelezen} inwoners lezen; ten hoogste ${budget.max} per aanvraag. Vraag minder tegelijk op (een kleinere pagina, één huishouden); de functionaris gegevensbescherming ziet deze weigering.`;
  return { message, extensions: { code: 'PERSONAL_DATA_LIMIT', sociaalGraph: { grens: budget.grens, max: budget.max } } };
}

/** The error that replaces a response whose reads could not be logged. */
export const LOGBOEK_ONBEREIKBAAR: GraphQLFormattedError = {
  message: 'De verwerking kon niet in het logboek worden vastgelegd; de gegevens worden daarom niet getoond.',
  extensions: { code: 'LOGBOEK_ONBEREIKBAAR' },
};

export interface LogboekPluginOptions {
  /** Where a failed write is logged with its cause. Default one line on stderr. */
  log?: (message: string, error: unknown, trace?: { trace_id?: string; span_id?: string }) => void;
}

/**
 * Writes the request's Logboek Dataverwerkingen records in `willSendResponse`, after execution
 * and before the response leaves the subgraph, in one statement with the records of the requests
 * that finish meanwhile (group commit, `schrijfVerwerkingenGebundeld`: under load a response waits
 * for one shared statement rather than behind a queue of statements of its own kind). A request
 * that read nothing personal writes nothing. When its write fails, no personal data may leave
 * unlogged: the response becomes `data: null` with one `LOGBOEK_ONBEREIKBAAR` error. Over the one-process
 * graph's channel (`SubgraphContext.vastleggingAchteraf`) the response goes without waiting for the write, which
 * is handed on with it: the gateway then holds its client's answer for it, and withholds it all when it fails.
 *
 * Here, where the subjects of every read are known, the bound on bulk reads is kept too: a call
 * that read personal data of more distinct residents than the caller's `leesbudget` allows sends
 * none of it (`data: null`, `PERSONAL_DATA_LIMIT`), and the refusal itself is recorded for the fg
 * (activity `persoonsgegevens:leeslimiet-overschreden`, result `mislukt`, with the caller's audit
 * record), not the residents it would have shown.
 */
export function logboekPlugin(options: LogboekPluginOptions = {}): ApolloServerPlugin<SubgraphContext<unknown>> {
  const log = options.log ?? defaultLog;
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          // A request refused before its context was complete read nothing.
          const regels = contextValue.logboek?.regels() ?? [];
          if (regels.length === 0) return;
          if (response.body.kind !== 'single') throw new Error('incremental delivery is not used here');
          const { principal, traceId, verzoekId, logboek, db } = contextValue;
          const { leesbudget } = principal;
          const inwoners = new Set<string>();
          for (const regel of regels) if (regel.soort === 'inwoner') inwoners.add(regel.betrokkene as string);
          const refused = leesbudget !== undefined && inwoners.size > leesbudget.max;
          const schrijf = (resultaat: 'geslaagd' | 'mislukt', vastTeLeggen: readonly Verwerkingsregel[]) =>
            schrijfVerwerkingenGebundeld(db, {
              traceId,
              verzoekId,
              spanId: logboek.spanId,
              organisatie: principal.organisatie,
              rollen: principal.rollen,
              actor: principal.actor ?? 'onbekend',
              tijdstip: new Date(),
              resultaat,
              regels: vastTeLeggen,
            });
          const mislukt = (error: unknown) => log('logboek write failed; response withheld', error, traceFields({ traceId, spanId: logboek.spanId }));
          // Errors mean the answer may be incomplete; the rows were read all the same.
          const resultaat = response.body.singleResult.errors?.length ? 'mislukt' : 'geslaagd';
          const achteraf = contextValue.vastleggingAchteraf;
          if (achteraf && !refused) {
            // Over the channel the gateway holds its client's answer until this write is stored, and
            // withholds it all when it fails; the subgraphs' thread meanwhile writes while the gateway's
            // thread plans the next calls (issue 14: a resident view alone waited for two writes).
            const vastlegging = schrijf(resultaat, regels);
            vastlegging.catch(mislukt);
            achteraf(vastlegging);
          } else {
            try {
              if (refused) {
                await schrijf('mislukt', [{ activiteit: LEESLIMIET_ACTIVITEIT, betrokkene: null, soort: null }]);
                response.body.singleResult = { data: null, errors: [leeslimietError(leesbudget, inwoners.size)] };
                return;
              }
              await schrijf(resultaat, regels);
            } catch (error) {
              mislukt(error);
              response.body.singleResult = { data: null, errors: [LOGBOEK_ONBEREIKBAAR] };
              return;
            }
          }
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, [VERWERKT_EXTENSION]: true };
          if (leesbudget !== undefined && inwoners.size > 0) {
            result.extensions[GELEZEN_INWONERS_EXTENSION] = [...inwoners].map((id) => gelezenInwonerHash(traceId, id));
          }
        },
      };
    },
  };
}

function defaultLog(message: string, error: unknown, trace?: ReturnType<typeof traceFields>): void {
  (logger ??= createLogger('logboek')).error({ err: error, ...trace }, message);
}

let logger: Logger | undefined;
