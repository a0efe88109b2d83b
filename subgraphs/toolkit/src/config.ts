import { join } from 'node:path';
import type { JWK } from 'jose';
import { readSecrets } from './secrets.js';
import { readCellsPerDay } from './disclosure/budget.js';
import { type DisclosureKey, readDisclosureKey } from './disclosure/cell-key.js';
import { readMetricsPort } from './observability/metrics.js';
import { readDataDir } from './data-dir.js';

/** How one subgraph process runs; read once from the environment by `readSubgraphConfig`. */
export interface SubgraphConfig {
  readonly host: string;
  readonly port: number;
  /**
   * Where Prometheus scrapes `/metrics`: `<NAME>_METRICS_PORT`, else `METRICS_PORT` (one process
   * per container), else the subgraph's port + 5464 (gemeenten 4001 -> 9465 ... inkoop 4007 ->
   * 9471; a free port when the subgraph's is 0). `off` or `0`: none (`null`). In a config object
   * 0 means a free port.
   */
  readonly metricsPort: number | null;
  /** PostgreSQL server (`DATABASE_URL`); without it embedded PGlite in `dataDir`. */
  readonly databaseUrl?: string;
  /** PGlite data directory; undefined means in memory. */
  readonly dataDir?: string;
  readonly demo: DemoConfig;
  /** `CALLER_ASSERTION_PUBLIC_KEY`: the gateway's public key; a subgraph verifies caller assertions with it and cannot sign one. */
  readonly callerAssertionPublicKey: JWK;
  /** `REDIS_URL`: where the ids of accepted caller assertions are remembered, shared by replicas. Unset: in process. */
  readonly redisUrl?: string;
  /** `REDIS_KEY_PREFIX`. Default `sociaal-graph:`. */
  readonly redisKeyPrefix: string;
  /** `DISCLOSURE_KEY`: the secret of the cell-key perturbation (see `readDisclosureKey`). */
  readonly disclosureKey: DisclosureKey;
  /** `DISCLOSURE_CELLS_PER_DAY`: distinct cells of aggregates one caller may see per UTC day (disclosure/budget.ts). */
  readonly disclosureCellsPerDay: number;
  /** `STATEMENT_TIMEOUT_MS`: PostgreSQL's `statement_timeout` for the statements of requests. Default 5000. */
  readonly statementTimeoutMs: number;
  /** `REQUEST_TIMEOUT_MS`: no statement of a request starts after this. Default 9000 (under the gateway's 10 s). */
  readonly requestTimeoutMs: number;
}

export interface DemoConfig {
  /** Load the demo world into an empty database at start. Default true. */
  readonly load: boolean;
  readonly seed: number;
  /**
   * Share of the real volumes to generate in the gemeenten outside HBEL; 1 is Heemstede's rates. Default
   * 0.04: they are there for comparison and for the region's totals, and every resident costs load time.
   */
  readonly scale: number;
  /**
   * The same share for HBEL's four gemeenten (Huizen, Blaricum, Eemnes, Laren), whose analysts the saved
   * GraphiQL operations and the README's examples serve: denser, so that most of their cells are published
   * (scripts/results/published-share.md). Default 0.6.
   */
  readonly scaleHbel: number;
  /** `regio` (the fifteen gemeenten of docs/domain.md) or `nationaal` (342 gemeenten). */
  readonly gemeenten: 'regio' | 'nationaal';
  /** Secret of the keyed pseudonym (HMAC of the BSN); every subgraph must use the same one. */
  readonly pseudonymSecret: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads the demo-world settings shared by every subgraph. `PSEUDONYM_SECRET` must be given: a
 * subgraph reads it with its other secrets (`readSubgraphConfig`), a test from the harness.
 */
export function readDemoConfig(env: Env): DemoConfig {
  const scale = demoScale(env, 'DEMO_SCALE', '0.04');
  const scaleHbel = demoScale(env, 'DEMO_SCALE_HBEL', '0.6');
  const gemeenten = env.DEMO_GEMEENTEN ?? 'regio';
  if (gemeenten !== 'regio' && gemeenten !== 'nationaal') {
    throw new Error(`DEMO_GEMEENTEN must be regio or nationaal, got ${gemeenten}`);
  }
  return {
    load: (env.DEMO_WORLD ?? 'load') !== 'off',
    seed: Number(env.DEMO_SEED ?? '2026'),
    scale,
    scaleHbel,
    gemeenten,
    pseudonymSecret: required(env, 'PSEUDONYM_SECRET'),
  };
}

function demoScale(env: Env, name: string, fallback: string): number {
  const scale = Number(env[name] ?? fallback);
  if (!(scale > 0 && scale <= 100)) throw new Error(`${name} must be a number above 0, got ${env[name]}`);
  return scale;
}

/**
 * Reads one subgraph's configuration: `<NAME>_PORT` (default the subgraph's port in
 * docs/architecture.md), `HOST`, `DATABASE_URL`, `DATA_DIR` (see `readDataDir`; one folder per
 * subgraph), `REDIS_URL`, the demo settings, and its secrets (`CALLER_ASSERTION_PUBLIC_KEY`,
 * `PSEUDONYM_SECRET`: from the environment, or in development from the installation in
 * `<DATA_DIR>/secrets/`; outside development a missing one stops the start).
 */
export function readSubgraphConfig(name: string, defaultPort: number, env: Env = process.env): SubgraphConfig {
  const portVariable = `${name.toUpperCase()}_PORT`;
  const port = Number(env[portVariable] ?? defaultPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${portVariable} is not a port: ${env[portVariable]}`);
  const dataRoot = readDataDir(env);
  const secrets = readSecrets(env, ['callerAssertionPublicKey', 'pseudonymSecret']);
  const metricsVariable = env[`${name.toUpperCase()}_METRICS_PORT`] !== undefined ? `${name.toUpperCase()}_METRICS_PORT` : 'METRICS_PORT';
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    metricsPort: readMetricsPort(env, metricsVariable, port === 0 ? 0 : port + METRICS_PORT_OFFSET),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: dataRoot === 'memory' ? undefined : join(dataRoot, name),
    demo: readDemoConfig({ ...env, PSEUDONYM_SECRET: secrets.pseudonymSecret }),
    callerAssertionPublicKey: secrets.callerAssertionPublicKey,
    redisUrl: env.REDIS_URL || undefined,
    redisKeyPrefix: env.REDIS_KEY_PREFIX || 'sociaal-graph:',
    disclosureKey: readDisclosureKey(env),
    disclosureCellsPerDay: readCellsPerDay(env),
    statementTimeoutMs: milliseconds(env, 'STATEMENT_TIMEOUT_MS', 5_000),
    requestTimeoutMs: milliseconds(env, 'REQUEST_TIMEOUT_MS', 9_000),
  };
}

function milliseconds(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 3_600_000) throw new Error(`${name} must be a whole number of milliseconds from 1 to 3600000, got "${raw}"`);
  return value;
}

/** A subgraph's default metrics port is its own port plus this (4001 -> 9465, beside the gateway's 9464). */
export const METRICS_PORT_OFFSET = 5464;

function required(env: Env, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}
