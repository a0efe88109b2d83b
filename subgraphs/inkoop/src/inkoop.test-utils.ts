import { type DemoWorld, generateDemoWorld } from '@sociaal-graph/toolkit';
import { testDemoConfig } from '@sociaal-graph/toolkit/testing';
import type { HarnessResult } from '@sociaal-graph/toolkit/testing';

/** The default demo world, computed independently of the database (what the harness loaded). */
export function defaultWorld(): DemoWorld {
  return generateDemoWorld(testDemoConfig());
}

/** The first error's code and message, or undefined when the operation succeeded. */
export function firstError(result: HarnessResult<unknown>): { code: unknown; message: string } | undefined {
  const error = result.errors?.[0];
  return error && { code: error.extensions?.code, message: error.message };
}

/** The data of a result that must have succeeded; fails the test with the errors otherwise. */
export function dataOf<D>(result: HarnessResult<D>): D {
  if (result.errors?.length || !result.data) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** Plain code-unit order, the order of the tables' COLLATE "C" columns. */
export function byText<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}
