import { generateDemoWorld } from '@sociaal-graph/toolkit';
import { testDemoConfig } from '@sociaal-graph/toolkit/testing';
import type { HarnessResult } from '@sociaal-graph/toolkit/testing';

/** The default demo world, computed independently of the subgraph's SQL. Tests only. */
export const world = generateDemoWorld(testDemoConfig());

/** The `extensions.code` of each error of a result. */
export function errorCodes(result: HarnessResult<unknown>): unknown[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}

/** PostgreSQL's `round(numeric)`: halves away from zero (JS Math.round rounds -2.5 to -2). */
export function roundHalfAwayFromZero(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}
