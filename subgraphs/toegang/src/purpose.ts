import { assertScope, type Principal, type Scope } from '@sociaal-graph/toolkit';

/**
 * The subgraph's second line behind the gateway's `@requiresScopes`: a value whose field needs a
 * purpose (`Scope`) is returned only to a caller that has it; otherwise the field is null with a
 * FORBIDDEN error, whatever reached this subgraph.
 */
export function withPurpose<T>(principal: Principal, scope: Scope, coordinate: string, value: T): T {
  assertScope(principal, scope, `Geen toegang tot ${coordinate}: vereist het doel ${scope}.`);
  return value;
}
