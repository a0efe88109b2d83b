import type { ApolloServerPlugin } from '@apollo/server';
import { graphqlMetricsPlugin, type Logger } from '@sociaal-graph/toolkit/gateway';
import type { GatewayContext } from '../context.js';
import { type GatewayMetrics, LIMIT_ERROR_CODES } from '../metrics.js';

/**
 * Prometheus counts of each request (README "Operating it"): the request metrics every server
 * has (result, error codes and duration per operation), the APQ and parsed-document cache
 * lookups, and refusals by a limit. Query-plan lookups are counted by the plan cache itself
 * (`countingQueryPlanCache`); subgraph calls by `SubgraphDataSource`.
 */
export function metricsPlugin(metrics: GatewayMetrics, logger?: Logger): ApolloServerPlugin<GatewayContext> {
  const requests = graphqlMetricsPlugin<GatewayContext>(metrics, logger);
  return {
    async requestDidStart(requestContext) {
      const counted = await requests.requestDidStart?.(requestContext);
      // Apollo Server parses only what its document store did not hold.
      let parsed = false;
      return {
        async parsingDidStart() {
          parsed = true;
        },
        async willSendResponse(context) {
          await counted?.willSendResponse?.(context);
          const { request, metrics: requestMetrics, document, response } = context;
          if (request.extensions?.persistedQuery) {
            metrics.cacheLookups.inc({ cache: 'apq', result: requestMetrics.persistedQueryHit ? 'hit' : 'miss' });
          }
          if (document) metrics.cacheLookups.inc({ cache: 'document', result: parsed ? 'miss' : 'hit' });
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const limit = errors?.map((error) => error.extensions?.code).find((code): code is string => typeof code === 'string' && LIMIT_ERROR_CODES.has(code));
          if (limit) metrics.limitsRefused.inc({ limit });
        },
      };
    },
  };
}
