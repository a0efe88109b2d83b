import type { ApolloServerPlugin } from '@apollo/server';
import type { Histogram } from 'prom-client';
import type { GatewayContext } from '../context.js';
import { ResponseBudget, responseTooLargeMessage } from '../response-budget.js';

export interface OperationCostPluginOptions {
  /**
   * Largest response, in bytes: of the subgraph answers of the operation together, counted as they
   * arrive (`ResponseBudget`: past it, the fetches are cut off), and of the response built from them
   * (counted while walking the result: keys, values and punctuation, string escapes not counted).
   * A larger one is not sent: `data: null` and one error `RESPONSE_TOO_LARGE`, HTTP 400. Default 16 MiB.
   */
  maxResponseBytes?: number;
  /** `sociaal_graph_gateway_operation_cost{kind="estimated"|"actual"}` (gateway/src/metrics.ts). */
  costHistogram?: Histogram<'kind'>;
}

/**
 * Measures what an operation really cost once it ran (issue 11, item 1) and reports it: a
 * caller that sends `"extensions": {"kosten": true}` gets `extensions.kosten { geschat, werkelijk }` (the estimate of `operationLimitsPlugin`
 * against the fields actually in the answer, counted as the estimate counts them: each field 1,
 * each list item its own fields), the operator the histogram. A response larger than
 * `maxResponseBytes` is replaced by one error before Apollo serializes and sends it; so is one whose
 * subgraph answers together went past it, which were cut off while they arrived (`ResponseBudget`),
 * so a too large answer is never held in memory whole. The estimate with true list sizes refuses a
 * too large answer before any subgraph is asked; this is the second line, for lists longer than
 * their `@listSize` says.
 */
export function operationCostPlugin(options: OperationCostPluginOptions = {}): ApolloServerPlugin<GatewayContext> {
  const { maxResponseBytes = 16 * 1024 * 1024, costHistogram } = options;
  return {
    async requestDidStart({ contextValue }) {
      const budget = new ResponseBudget(maxResponseBytes);
      contextValue.cost.responseBudget = budget;
      return {
        async willSendResponse({ request, response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const { estimated } = contextValue.cost;
          if (estimated === undefined) return;
          costHistogram?.observe({ kind: 'estimated' }, estimated);
          // Cut off while arriving: what was built from the rest is not worth measuring nor sending,
          // and its actual cost is unknown.
          if (budget.exceeded) {
            response.http.status = 400;
            response.body.singleResult = {
              data: null,
              errors: [tooLarge(maxResponseBytes, budget.bytes)],
              extensions: { ...result.extensions, kosten: { geschat: estimated } },
            };
            return;
          }
          const measured = measure(result.data ?? null);
          contextValue.cost.actual = measured.cost;
          costHistogram?.observe({ kind: 'actual' }, measured.cost);
          if (measured.bytes > maxResponseBytes) {
            response.http.status = 400;
            response.body.singleResult = {
              data: null,
              errors: [tooLarge(maxResponseBytes, measured.bytes)],
              extensions: { ...result.extensions, kosten: { geschat: estimated, werkelijk: measured.cost } },
            };
            return;
          }
          // Only when asked: most clients never look, and every answer would carry it.
          if (request.extensions?.kosten === true) result.extensions = { ...result.extensions, kosten: { geschat: estimated, werkelijk: measured.cost } };
        },
      };
    },
  };
}

function tooLarge(maxBytes: number, bytes: number) {
  return { message: responseTooLargeMessage(maxBytes), extensions: { code: 'RESPONSE_TOO_LARGE', sociaalGraph: { limiet: maxBytes, waarde: bytes } } };
}

/** A result shared by several callers (`inflightDeduplicationPlugin`) is measured once. */
const measuredData = new WeakMap<object, { cost: number; bytes: number }>();

function measure(data: unknown): { cost: number; bytes: number } {
  if (!data || typeof data !== 'object') return walk(data);
  let measured = measuredData.get(data);
  if (!measured) measuredData.set(data, (measured = walk(data)));
  return measured;
}

/** Fields in the answer (as the estimate counts them, `__typename` free) and its JSON size, in one walk. */
function walk(data: unknown): { cost: number; bytes: number } {
  let cost = 0;
  let bytes = 0;
  // An explicit stack: a deep answer must not overflow the call stack.
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || value === undefined) bytes += 4;
    else if (typeof value === 'string') bytes += value.length + 2;
    else if (typeof value === 'number' || typeof value === 'boolean') bytes += String(value).length;
    else if (Array.isArray(value)) {
      bytes += 2 + Math.max(0, value.length - 1);
      for (const item of value) stack.push(item);
    } else if (typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>);
      bytes += 2 + Math.max(0, entries.length - 1);
      for (const [key, child] of entries) {
        if (key !== '__typename') cost += 1;
        bytes += key.length + 3;
        stack.push(child);
      }
    }
  }
  return { cost, bytes };
}
