import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { LOGBOEK_ONBEREIKBAAR } from '@sociaal-graph/toolkit/gateway';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context.js';

/**
 * The executor of `gateway`, which ends only when every subgraph answer of the request that came before its
 * Logboek write was stored (over the one-process graph's channel: `PersonalReads.vastleggingen`) has that
 * write stored. When one failed, the request's result is `data: null` with one `LOGBOEK_ONBEREIKBAAR`
 * error, as a subgraph answers when its own write fails: no personal data reaches a client unlogged. So the
 * gateway's thread plans and sends the next calls of a request while the subgraphs' thread writes the log
 * of the previous ones, instead of waiting for each write in turn (issue 14). Everything after execution
 * (sharing, the plugins' `willSendResponse`, the serialised answer) sees only the result given here.
 */
export function metVastlegging(gateway: GatewayInterface, log: (message: string, error: unknown, context: GatewayContext) => void): GatewayInterface {
  return {
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
    load: async (options) => {
      const loaded = await gateway.load(options);
      return { ...loaded, executor: loaded.executor && wachtOpVastleggingen(loaded.executor, log) };
    },
  };
}

/** `executor`, whose result waits for the request's Logboek writes still on their way (`metVastlegging`). */
export function wachtOpVastleggingen(executor: GatewayExecutor, log: (message: string, error: unknown, context: GatewayContext) => void): GatewayExecutor {
  return async (requestContext) => {
    const result = await executor(requestContext);
    const context = requestContext.context as GatewayContext;
    const vastleggingen = context.personalReads?.vastleggingen;
    try {
      // Every call of the request has answered by now; a loop all the same, should one be added meanwhile.
      while (vastleggingen?.length) await Promise.all(vastleggingen.splice(0));
    } catch (error) {
      log('a subgraph could not store the Logboek record of its answer; response withheld', error, context);
      return { data: null, errors: [new GraphQLError(LOGBOEK_ONBEREIKBAAR.message, { extensions: LOGBOEK_ONBEREIKBAAR.extensions })] };
    }
    return result;
  };
}
