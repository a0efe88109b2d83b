import type { ApolloServerPlugin } from '@apollo/server';
import type { SubgraphContext } from '../context.js';
import { VERWERKT_EXTENSION } from '../logboek/logboek-plugin.js';
import { budgetCaller, budgetError, type CellBudget } from './budget.js';

/**
 * Keeps the caller's daily bound of distinct cells (budget.ts) in `willSendResponse`, after every
 * aggregate of the request published its cells and before any leaves the subgraph: past the bound the
 * response becomes `data: null` with one `DISCLOSURE_BUDGET_EXCEEDED` error (the gateway answers 429),
 * and its cells are not counted. A request that published no aggregate costs nothing.
 *
 * A counted answer is marked as processed for this caller (`VERWERKT_EXTENSION`, as a logged read is): the
 * gateway's in-flight deduplication then never hands it to another caller with the same rights, who would
 * see its cells without being counted (issue 14); each caller's request runs and is counted itself.
 */
export function disclosureBudgetPlugin(budget: CellBudget): ApolloServerPlugin<SubgraphContext<unknown>> {
  return {
    async serverWillStart() {
      return { serverWillStop: () => budget.close() };
    },
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          // A request refused before its context was complete published nothing.
          const cells = contextValue.disclosure?.cellIds() ?? [];
          if (cells.length === 0) return;
          if (response.body.kind !== 'single') throw new Error('incremental delivery is not used here');
          const answer = await budget.charge(budgetCaller(contextValue.principal), cells);
          if (!answer.allowed) response.body.singleResult = { data: null, errors: [budgetError(answer)] };
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, [VERWERKT_EXTENSION]: true };
        },
      };
    },
  };
}
