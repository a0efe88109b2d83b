import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { SubgraphContext } from '../context.js';
import { createLogger, type Logger } from '../observability/logger.js';
import { schrijfVerwerkingen } from './schrijf-verwerkingen.js';

/** The error that replaces a response whose reads could not be logged. */
export const LOGBOEK_ONBEREIKBAAR: GraphQLFormattedError = {
  message: 'De verwerking kon niet in het logboek worden vastgelegd; de gegevens worden daarom niet getoond.',
  extensions: { code: 'LOGBOEK_ONBEREIKBAAR' },
};

export interface LogboekPluginOptions {
  /** Where a failed write is logged with its cause. Default one line on stderr. */
  log?: (message: string, error: unknown) => void;
}

/**
 * Writes the request's Logboek Dataverwerkingen records in `willSendResponse`, after execution
 * and before the response leaves the subgraph. A request that read nothing personal writes
 * nothing. When the write fails, no personal data may leave unlogged: the response becomes
 * `data: null` with one `LOGBOEK_ONBEREIKBAAR` error.
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
          const { principal, traceId, logboek, db } = contextValue;
          try {
            await schrijfVerwerkingen(db, {
              traceId,
              spanId: logboek.spanId,
              organisatie: principal.organisatie,
              rollen: principal.rollen,
              actor: principal.actor ?? 'onbekend',
              tijdstip: new Date(),
              // Errors mean the answer may be incomplete; the rows were read all the same.
              resultaat: response.body.singleResult.errors?.length ? 'mislukt' : 'geslaagd',
              regels,
            });
          } catch (error) {
            log('logboek write failed; response withheld', error);
            response.body.singleResult = { data: null, errors: [LOGBOEK_ONBEREIKBAAR] };
          }
        },
      };
    },
  };
}

function defaultLog(message: string, error: unknown): void {
  (logger ??= createLogger('logboek')).error({ err: error }, message);
}

let logger: Logger | undefined;
