import { randomBytes } from 'node:crypto';
import type { Database } from './database.js';
import { type DisclosureKey, processKey } from './disclosure/cell-key.js';
import { createDisclosure, type Disclosure } from './disclosure/disclosure.js';
import { pseudonymOf } from './demo-world/random.js';
import { DomainError } from './errors.js';
import { createLogboek, type Logboek } from './logboek/logboek.js';
import { activeSpanIds } from './observability/tracing.js';
import { developmentPrincipal, type Principal } from './principal.js';

/** What every resolver of every subgraph receives: who asks, their loaders, the database. */
export interface SubgraphContext<L = unknown> {
  readonly principal: Principal;
  readonly loaders: L;
  readonly db: Database;
  /** W3C trace id of the request, as the gateway vouched for it in its assertion (the OpenTelemetry trace it carried). */
  readonly traceId: string;
  /** W3C span id of this subgraph's server span for the request: the Logboek's and the log lines' (`traceFields`). */
  readonly spanId?: string;
  /** Id the gateway generated for the request: the key of the audit log that no client chooses. Absent in process. */
  readonly verzoekId?: string;
  /** The personal data this request read, written to the Logboek Dataverwerkingen before the response leaves. */
  readonly logboek: Logboek;
  /** The disclosure-control policy every aggregate publishes through, with this request's bound of cells. */
  readonly disclosure: Disclosure;
  /**
   * The keyed pseudonym of a BSN (HMAC with PSEUDONYM_SECRET, the same as the demo world's ids): a BSN
   * that reaches a subgraph as a variable becomes the resident's id here, at the edge (issue 15).
   */
  pseudoniem(bsn: string): string;
  /**
   * The deployment's PSEUDONYM_SECRET, for the edges where a BSN comes in or goes out: a received
   * message's BSN becomes the pseudonym, and the outgoing-message store encrypts with a key derived
   * from it (docs/berichten.md). Absent where no messages are handled.
   */
  readonly pseudonymSecret?: string;
  /**
   * Set only for a call over the one-process graph's channel, whose gateway withholds its client's answer
   * until each subgraph's Logboek write of it is stored (gateway/src/logboek-vastlegging.ts): the
   * `logboekPlugin` then lets the answer go when execution ends and hands its write here, instead of
   * holding the answer for it.
   */
  vastleggingAchteraf?: (vastlegging: Promise<void>) => void;
}

/** Headers a subgraph reads from an incoming request. */
export interface IncomingRequestHeaders {
  get(name: string): string | undefined;
}

/** The ids of a request as the gateway's assertion carries them. */
export interface RequestIds {
  readonly traceId: string;
  readonly verzoekId?: string;
  /** This subgraph's server span of the request (toolkit http.ts: recorded or, with tracing off, ids only). */
  readonly spanId?: string;
}

/**
 * Builds the context of one request: a fresh set of loaders every time (a loader's cache must
 * never outlive its request), the caller, and its ids. `principal` is the caller the gateway
 * vouched for (`principalFromClaims`) and `ids` the ids its assertion carries; default the
 * development principal and the `traceparent` header (or a new id), for tests that execute in-process.
 * `disclosureKey`: the installation's (`readDisclosureKey`); default one per process.
 */
export function createRequestContext<L>(
  db: Database,
  createLoaders: (db: Database, principal: Principal, logboek: Logboek, verzoekId?: string) => L,
  headers?: IncomingRequestHeaders,
  principal: Principal = developmentPrincipal,
  disclosureKey: DisclosureKey = processKey(),
  request?: RequestIds,
  pseudonymSecret?: string,
): SubgraphContext<L> {
  // The server span of this request (toolkit http.ts) comes with `request`; the Logboek records its
  // ids. In-process tests run without one and get ids of their own (or an active span's).
  const span = request?.spanId ? undefined : activeSpanIds();
  const logboek = createLogboek(request?.spanId ?? span?.spanId);
  return {
    principal,
    // Loaders get the caller so that their batch SQL can apply its scope, the logboek so that they
    // register the residents whose rows they read, and the request's id for what its calls share.
    loaders: createLoaders(db, principal, logboek, request?.verzoekId),
    db,
    traceId: request?.traceId ?? span?.traceId ?? randomBytes(16).toString('hex'),
    spanId: logboek.spanId,
    ...(request?.verzoekId ? { verzoekId: request.verzoekId } : {}),
    logboek,
    disclosure: createDisclosure(disclosureKey),
    // A method, not an arrow in a named property: tsx would name that function anew for every request.
    pseudoniem(bsn) {
      // Only a context built without the installation's secret (some in-process tests) lacks it.
      if (!pseudonymSecret) throw new DomainError('Deze subgraph kent geen PSEUDONYM_SECRET.', { code: 'INTERNAL_SERVER_ERROR' });
      return pseudonymOf(bsn, pseudonymSecret);
    },
    ...(pseudonymSecret ? { pseudonymSecret } : {}),
  };
}

