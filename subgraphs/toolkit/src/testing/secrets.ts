import { randomBytes } from 'node:crypto';
import type { JWK } from 'jose';
import { type CallerClaims, importCallerAssertionKey, operationHash, signCallerAssertion } from '../caller-assertion.js';
import { type DemoConfig, readDemoConfig } from '../config.js';

/**
 * The pseudonym secret of the demo world in one test file: random, as an installation's is, and
 * the same for the harness and the world a test computes its expectations from (one module
 * instance per test file).
 */
export const TEST_PSEUDONYM_SECRET = randomBytes(32).toString('base64url');

/** The demo settings of a test: `env` over the defaults, with this file's pseudonym secret. */
export function testDemoConfig(env: Record<string, string | undefined> = {}): DemoConfig {
  return readDemoConfig({ PSEUDONYM_SECRET: TEST_PSEUDONYM_SECRET, ...env });
}

/** What a test binds an assertion to, as the gateway would: the subgraph and the exact operation it sends there. */
export interface TestAssertionTarget {
  readonly subgraph: string;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  /** Plan-internal fields, as the gateway names them for a query plan step. */
  readonly intern?: readonly string[];
}

/** Signs caller assertions as the gateway does, with an installation's private key: the one way tests reach a subgraph directly. */
export type TestAssertionSigner = (claims: CallerClaims, target: TestAssertionTarget) => Promise<string>;

/** A signer for the installation whose private key (`CALLER_ASSERTION_PRIVATE_KEY`) is `privateKey`. */
export function testAssertionSigner(privateKey: JWK): TestAssertionSigner {
  const key = importCallerAssertionKey(privateKey);
  return async (claims, { subgraph, query, variables, intern }) =>
    signCallerAssertion(claims, { audience: subgraph, operation: operationHash(query, variables), intern }, await key);
}
