import { randomBytes } from 'node:crypto';
import { CALLER_ASSERTION_HEADER, type CallerAssertionKey, createLogger, type Logger, operationHash, signCallerAssertion, vandaagInNederland } from '@sociaal-graph/toolkit/gateway';
import { GraphQLError } from 'graphql';
import { SERVICE_CALLER } from './caller.js';
import type { Arrangement } from './mandates-for-roles.js';

let logger: Logger | undefined;

export interface ArrangementSourceOptions {
  /** The gemeenten subgraph's `/graphql` URL; known once the gateway has built its services. */
  readonly gemeentenUrl: () => string | undefined;
  /** The gateway's private key; each fetch gets its own assertion, bound to gemeenten and to this query. */
  readonly callerAssertionKey: CallerAssertionKey;
  /** Longest wait for gemeenten (`SUBGRAPH_TIMEOUT_MS`). */
  readonly timeoutMs: number;
  /** Today in the Netherlands (`YYYY-MM-DD`); a parameter for tests. */
  readonly today?: () => string;
}

/** The arrangements an organisation holds today. */
export type ArrangementsOf = (org: string, traceId: string) => Promise<readonly Arrangement[]>;

const QUERY = `query Mandaten($organisatie: String!, $peildatum: String!, $offset: Int!) {
  uitvoeringsarrangementen(organisatie: $organisatie, peildatum: $peildatum, first: 500, offset: $offset) {
    items { gemeenteCode wet rol }
    pageInfo { heeftVolgende }
  }
}`;

const PAGE = 500;

/**
 * Fetches an organisation's arrangements valid today from the gemeenten subgraph over HTTP,
 * as the gateway itself (a service assertion without mandates: arrangements are public). A
 * failed fetch rejects (HTTP 503). Caching, and what happens while gemeenten is unreachable, is
 * `createMandateCache`'s.
 */
export function createArrangementSource(options: ArrangementSourceOptions): ArrangementsOf {
  const today = options.today ?? vandaagInNederland;
  return (org, traceId) => fetchAll(org, today(), traceId);

  async function fetchAll(org: string, peildatum: string, traceId: string): Promise<readonly Arrangement[]> {
    const url = options.gemeentenUrl();
    if (!url) throw unavailable();
    const claims = { ...SERVICE_CALLER, traceId, verzoekId: randomBytes(16).toString('hex') };
    const all: Arrangement[] = [];
    for (let offset = 0; ; offset += PAGE) {
      let body: { data?: { uitvoeringsarrangementen?: { items: Arrangement[]; pageInfo: { heeftVolgende: boolean } } } };
      try {
        const variables = { organisatie: org, peildatum, offset };
        const assertion = signCallerAssertion(claims, { audience: 'gemeenten', operation: operationHash(QUERY, variables) }, options.callerAssertionKey);
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [CALLER_ASSERTION_HEADER]: assertion },
          body: JSON.stringify({ query: QUERY, variables }),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        body = (await response.json()) as typeof body;
      } catch (error) {
        (logger ??= createLogger('gateway')).error({ organisatie: org, err: error }, 'arrangements could not be fetched');
        throw unavailable();
      }
      const page = body.data?.uitvoeringsarrangementen;
      if (!page) throw unavailable();
      all.push(...page.items);
      if (!page.pageInfo.heeftVolgende) return all;
    }
  }
}

function unavailable(): GraphQLError {
  return new GraphQLError('De mandaten van de organisatie konden niet worden opgehaald; probeer het zo opnieuw.', {
    extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'gemeenten', http: { status: 503 } },
  });
}

