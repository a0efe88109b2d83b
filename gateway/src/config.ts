import { fileURLToPath } from 'node:url';

/** How the gateway runs; read once from the environment by `readGatewayConfig` and passed down. */
export interface GatewayConfig {
  /** `HOST`. Default `127.0.0.1`: nothing listens beyond loopback unless asked. */
  readonly host: string;
  /** `GATEWAY_PORT`. Default 4000 (DESIGN.md "Running"); 0 picks a free port. */
  readonly port: number;
  /** `SUPERGRAPH_PATH`. Default the committed `supergraph.graphql` at the repository root. */
  readonly supergraphPath: string;
  /**
   * Subgraph URLs that replace the routing URL in the supergraph, by subgraph name: `WMO_URL`
   * sets `wmo`. Default none.
   */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  /** `SUBGRAPH_TIMEOUT_MS`: longest wait for one subgraph call. Default 10000. */
  readonly subgraphTimeoutMs: number;
  /** `REDIS_URL`. Unset keeps every cache in process. */
  readonly redisUrl?: string;
  /** `REDIS_KEY_PREFIX`: put before every Redis key, so graphs can share a Redis. Default `sociaal-graph:`. */
  readonly redisKeyPrefix: string;
  /** `INTROSPECTION` (`on`/`off`). Default on; off also removes GraphiQL and schema hints in errors. */
  readonly introspection: boolean;
  /** `MAX_BODY_BYTES`: largest request body. Default 1 MiB. */
  readonly maxBodyBytes: number;
  /** `APQ_TTL_SECONDS`: how long an automatic persisted query is kept. Default 86400 (a day). */
  readonly apqTtlSeconds: number;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The committed supergraph, two folders above this file. */
export const DEFAULT_SUPERGRAPH_PATH = fileURLToPath(new URL('../../supergraph.graphql', import.meta.url));

/** `<NAME>_URL` variables that name something other than a subgraph. */
const NOT_SUBGRAPH_URLS: ReadonlySet<string> = new Set(['REDIS_URL', 'DATABASE_URL']);

/**
 * Parses the gateway's environment once. Throws one clear error per bad value, naming the
 * variable, so a typo stops the start instead of running with a default.
 */
export function readGatewayConfig(env: Env = process.env): GatewayConfig {
  return {
    host: env.HOST || '127.0.0.1',
    port: integer(env, 'GATEWAY_PORT', 4000, 0, 65535),
    supergraphPath: env.SUPERGRAPH_PATH || DEFAULT_SUPERGRAPH_PATH,
    subgraphUrls: subgraphUrls(env),
    subgraphTimeoutMs: integer(env, 'SUBGRAPH_TIMEOUT_MS', 10_000, 1, 600_000),
    redisUrl: env.REDIS_URL ? url(env, 'REDIS_URL') : undefined,
    redisKeyPrefix: env.REDIS_KEY_PREFIX || 'sociaal-graph:',
    introspection: flag(env, 'INTROSPECTION', true),
    maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 1024 * 1024, 1, 1024 * 1024 * 1024),
    apqTtlSeconds: integer(env, 'APQ_TTL_SECONDS', 86_400, 1, 365 * 86_400),
  };
}

function subgraphUrls(env: Env): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const name of Object.keys(env)) {
    const match = /^([A-Z][A-Z0-9_]*)_URL$/.exec(name);
    if (match && !NOT_SUBGRAPH_URLS.has(name) && env[name]) urls[match[1].toLowerCase()] = url(env, name);
  }
  return urls;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['on', 'true', '1', 'yes'].includes(raw)) return true;
  if (['off', 'false', '0', 'no'].includes(raw)) return false;
  throw new Error(`${name} must be on or off, got "${env[name]}"`);
}

function url(env: Env, name: string): string {
  const raw = env[name] ?? '';
  try {
    return new URL(raw).href;
  } catch {
    throw new Error(`${name} is not a URL: "${raw}"`);
  }
}
