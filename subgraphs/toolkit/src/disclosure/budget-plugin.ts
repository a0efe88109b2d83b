import type { ApolloServerPlugin } from '@apollo/server';
import type { SubgraphContext } from '../context.js';
import { budgetCaller, budgetError, type CellBudget } from './budget.js';

/**
 * Keeps the caller's daily bound of distinct cells (budget.ts) in `willSendResponse`, after every
 * aggregate of the request published its cells and before any leaves the subgraph: past the bound the
 * response becomes `data: null` with one `DISCLOSURE_BUDGET_EXCEEDED` error (the gateway answers 429),
 * and its cells are not counted. A request that published no aggregate costs nothing.
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
        },
      };
    },
  };
}
