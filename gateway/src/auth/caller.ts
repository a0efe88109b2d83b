import type { CallerClaims } from '@sociaal-graph/toolkit/gateway';

/** Who sends a request, as the gateway established it: the caller assertion minus the trace id. */
export type Caller = Omit<CallerClaims, 'traceId'>;

/** A request without a token: public data only (no roles, no mandates). */
export const ANONYMOUS_CALLER: Caller = { org: 'anoniem', roles: [], actor: 'anoniem', mandates: {} };

/** The gateway itself, for its own calls (mandate look-ups, health checks): no roles, no mandates. */
export const SERVICE_CALLER: Caller = { org: 'sociaal-graph-gateway', roles: ['service'], actor: 'gateway', mandates: {} };
