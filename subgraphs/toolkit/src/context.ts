import { randomBytes } from 'node:crypto';
import type { Database } from './database.js';
import { type DisclosureKey, processKey } from './disclosure/cell-key.js';
import { createDisclosure, type Disclosure } from './disclosure/disclosure.js';
import { createLogboek, type Logboek } from './logboek/logboek.js';
import { activeSpanIds } from './observability/tracing.js';
import { developmentPrincipal, type Principal } from './principal.js';

/** What every resolver of every subgraph receives: who asks, their loaders, the database. */
export interface SubgraphContext<L = unknown> {
  readonly principal: Principal;
  readonly loaders: L;
  readonly db: Database;
  /** W3C trace id of the request: the OpenTelemetry trace the gateway's `traceparent` carried. */
  readonly traceId: string;
  /** The personal data this request read, written to the Logboek Dataverwerkingen before the response leaves. */
  readonly logboek: Logboek;
  /** The disclosure-control policy every aggregate publishes through, with this request's bound of cells. */
  readonly disclosure: Disclosure;
}

/** Headers a subgraph reads from an incoming request. */
export interface IncomingRequestHeaders {
  get(name: string): string | undefined;
}

/**
 * Builds the context of one request: a fresh set of loaders every time (a loader's cache must
 * never outlive its request), the caller, and the trace id. `principal` is the caller the
 * gateway vouched for (`principalFromClaims`); default the development principal, for tests
 * that execute in-process. `disclosureKey`: the installation's (`readDisclosureKey`); default one per process.
 */
export function createRequestContext<L>(
  db: Database,
  createLoaders: (db: Database, principal: Principal, logboek: Logboek) => L,
  headers?: IncomingRequestHeaders,
  principal: Principal = developmentPrincipal,
  disclosureKey: DisclosureKey = processKey(),
): SubgraphContext<L> {
  // The server span of this request (toolkit http.ts) is active here; the Logboek records its ids.
  // In-process tests run without one and get ids of their own.
  const ids = activeSpanIds();
  const logboek = createLogboek(ids?.spanId);
  return {
    principal,
    // Loaders get the caller so that their batch SQL can apply its scope, and the logboek so
    // that they register the residents whose rows they read.
    loaders: createLoaders(db, principal, logboek),
    db,
    traceId: ids?.traceId ?? randomBytes(16).toString('hex'),
    logboek,
    disclosure: createDisclosure(disclosureKey),
  };
}

