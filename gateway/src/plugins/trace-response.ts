import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context.js';

/** W3C Trace Context Level 2 response header: which trace the request ran under. */
export const TRACE_RESPONSE_HEADER = 'traceresponse';
/** The id this gateway generated for the request, under which the subgraphs log what it read. */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * Tells a client the trace id of its request (`traceresponse: 00-<trace id>-<span id>-<flags>`),
 * whether it sent a `traceparent` or the gateway started the trace (the OpenTelemetry trace of
 * its server span; the flags say whether this gateway records it), and the gateway's own id of the
 * request (`x-request-id`). With either the fg looks up in the Logboek Dataverwerkingen what one
 * request read (`logboek { wmo(verzoekId: ...) }`, or `traceId:`, which a client can choose).
 */
export function traceResponsePlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set(TRACE_RESPONSE_HEADER, contextValue.traceresponse);
          response.http.headers.set(REQUEST_ID_HEADER, contextValue.verzoekId);
        },
      };
    },
  };
}
