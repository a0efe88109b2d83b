import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context.js';

/**
 * A subgraph refuses an aggregate past the caller's daily bound of distinct cells (issue 10; the
 * toolkit's disclosure/budget.ts keeps the count, over every subgraph). The gateway answers such a
 * response as the too-many-requests it is: HTTP 429 with `Retry-After` up to the next UTC day, when
 * the count starts again.
 */
export function disclosureBudgetPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const refused = response.body.singleResult.errors?.some((error) => error.extensions?.code === 'DISCLOSURE_BUDGET_EXCEEDED');
          if (!refused) return;
          response.http.status = 429;
          response.http.headers.set('retry-after', String(secondsToNextUtcDay(new Date())));
        },
      };
    },
  };
}

/** Seconds from `now` to the next UTC midnight (at least 1). */
export function secondsToNextUtcDay(now: Date): number {
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, Math.ceil((next - now.getTime()) / 1000));
}
