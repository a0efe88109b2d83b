import { fileURLToPath } from 'node:url';
import { readDataDir, readMetricsPort, readSecrets } from '@sociaal-graph/toolkit/gateway';
import type { JWK } from 'jose';

/** How the gateway runs; read once from the environment by `readGatewayConfig` and passed down. */
export interface GatewayConfig {
  /** `HOST`. Default `127.0.0.1`: nothing listens beyond loopback unless asked. */
  readonly host: string;
  /** `GATEWAY_PORT`. Default 4000 (docs/architecture.md "Ports"); 0 picks a free port. */
  readonly port: number;
  /**
   * `METRICS_PORT`: where Prometheus scrapes `/metrics`. Default 9464 (a free port when
   * `GATEWAY_PORT` is 0); `off` or `0` in the environment: no metrics endpoint (`null`). In a
   * config object 0 means a free port.
   */
  readonly metricsPort: number | null;
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
  /**
   * `QUERY_PLAN_WARM_MAX`: how many planned operations are kept in Redis per supergraph and planned
   * again at the next start (plugins/query-plan-warming.ts). Default 1000; 0 keeps none. Needs `REDIS_URL`.
   */
  readonly queryPlanWarmMax: number;
  /** `QUERY_PLAN_WARM_TTL_SECONDS`: how long that list lives after its last new operation. Default 604800 (a week). */
  readonly queryPlanWarmTtlSeconds: number;
  /** `MAX_QUERY_DEPTH`: deepest field nesting of an operation, fragments followed. Default 12. */
  readonly maxQueryDepth: number;
  /** `MAX_ALIASES`: most aliased fields in an operation. Default 30. */
  readonly maxAliases: number;
  /** `MAX_ROOT_FIELDS`: most fields at the top of an operation. Default 20. */
  readonly maxRootFields: number;
  /** `MAX_QUERY_COST`: highest estimated cost of an operation (see `operationLimitsPlugin`). Default 100000. */
  readonly maxQueryCost: number;
  /** `MAX_RESPONSE_BYTES`: largest response sent (see `operationCostPlugin`). Default 16 MiB. */
  readonly maxResponseBytes: number;
  /** `DATA_DIR`: where the development issuer keeps its key pair (`<dataDir>/dev-issuer/`). Default `.data/` at the repository root (see `readDataDir`); `memory` keeps it in the process. */
  readonly dataDir: string;
  /** How bearer tokens are checked (`AUTH_*`). */
  readonly auth: AuthConfig;
  /**
   * `CALLER_ASSERTION_PRIVATE_KEY`: signs the caller assertion every subgraph call carries (ES256 JWK).
   * In development from the installation in `<DATA_DIR>/secrets/`; outside it required.
   */
  readonly callerAssertionPrivateKey: JWK;
  /** `ACTOR_PSEUDONYM_SECRET`: key of the actor pseudonym (HMAC of the token's `sub`). As above. */
  readonly actorPseudonymSecret: string;
  /**
   * `TRUSTED_DOCUMENTS_DIR`: where the clients' manifests are read at start,
   * `<dir>/<client>/generated/persisted-documents.json`. Default the repository's `clients/`.
   */
  readonly trustedDocumentsDir: string;
  /**
   * `SAFELIST_CLIENTS`: the clients (named by a token's `client_id`/`azp`) that may send only their
   * manifest's operations: `*` (default: every client), `none`, or a comma-separated list of ids.
   */
  readonly safelistClients: '*' | readonly string[];
  /** `NODE_ENV=production`: no development conveniences (development tokens), whatever else is set. */
  readonly production: boolean;
  /**
   * `MANDATE_CACHE_SECONDS`: arrangements younger than this are used without asking gemeenten.
   * Default 10, at most 30 (the revocation bound).
   */
  readonly mandateCacheSeconds: number;
  /**
   * `MANDATE_STALE_SECONDS`: the oldest arrangements the gateway ever uses (while it fetches anew,
   * and while gemeenten is unreachable); beyond it the caller gets HTTP 503 MANDATEN_ONBEREIKBAAR.
   * Default 30, at least `MANDATE_CACHE_SECONDS` and at most 30: a withdrawn mandate ends on every
   * gateway within this time, and at once with `npm run mandaten -- --vernieuw`.
   */
  readonly mandateStaleSeconds: number;
  /**
   * `MAX_RESIDENTS_PER_REQUEST`: distinct residents one request may read personal data of (a
   * consulent works on one household at a time). Default 25.
   */
  readonly maxResidentsPerRequest: number;
  /** `MAX_RESIDENTS_PER_HOUR`: residents one person may read personal data of in a clock hour. Default 250. */
  readonly maxResidentsPerHour: number;
  /** Per-caller limits of a caller with a token (`RATE_LIMIT_*`), counted per organisation and actor. */
  readonly rateLimit: CallerLimitsConfig;
  /** Per-caller limits of anonymous callers (`ANONYMOUS_RATE_LIMIT_*`), counted per client address. */
  readonly anonymousRateLimit: CallerLimitsConfig;
  /** How costly operations take turns (`ADMISSION_*`; see `admissionControlPlugin`). */
  readonly admission: AdmissionConfig;
}

/** Admission of costly operations; see `admissionControlPlugin`. */
export interface AdmissionConfig {
  /** `ADMISSION_CAPACITY`: estimated cost running at once over all callers. Default MAX_QUERY_COST. */
  readonly capacity: number;
  /** `ADMISSION_CHEAP_COST`: estimated cost at or below which an operation never waits. Default 1000. */
  readonly cheapCost: number;
  /** `ADMISSION_MAX_WAIT_MS`: longest wait for a turn. Default 10000. */
  readonly maxWaitMs: number;
  /** `ADMISSION_MAX_QUEUED`: most operations waiting. Default 100. */
  readonly maxQueued: number;
}

/** What one caller may do; see `rateLimitPlugin`. */
export interface CallerLimitsConfig {
  /** `…_REQUESTS_PER_MINUTE`: operations per minute. Default 300 (anonymous 60). */
  readonly requestsPerMinute: number;
  /** `…_COST_PER_MINUTE`: sum of estimated cost per minute. Default 1000000 (anonymous 200000). */
  readonly costPerMinute: number;
  /** `…_CONCURRENT`: operations at the same time. Default 4 (anonymous 2). */
  readonly concurrent: number;
}

/**
 * Bearer-token checks. With neither `jwksFile` nor `jwksUrl` the gateway trusts the development
 * issuer (`npm run -s token`) and its defaults for issuer and audience.
 */
export interface AuthConfig {
  /** `AUTH_JWKS_FILE`: a JSON Web Key Set on disk. */
  readonly jwksFile?: string;
  /** `AUTH_JWKS_URL`: the issuer's JWKS address (fetched and cached by jose). */
  readonly jwksUrl?: string;
  /** `AUTH_ISSUER`: required `iss`. Required with a JWKS; default the development issuer's. */
  readonly issuer?: string;
  /** `AUTH_AUDIENCE`: required `aud`. Required with a JWKS; default the development issuer's. */
  readonly audience?: string;
  /** `AUTH_ALGORITHMS`: comma-separated signature algorithms accepted. Default `ES256`; `none` is refused. */
  readonly algorithms: readonly string[];
  /**
   * `AUTH_CLOCK_SKEW_SECONDS`: how far the issuer's clock may be off from the gateway's, for `exp`,
   * `nbf` and `iat` alike. Default 30, at most 300.
   */
  readonly clockSkewSeconds: number;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The committed supergraph, two folders above this file. */
export const DEFAULT_SUPERGRAPH_PATH = fileURLToPath(new URL('../../supergraph.graphql', import.meta.url));

/** The repository's clients, whose generated manifests the gateway registers at start. */
export const DEFAULT_TRUSTED_DOCUMENTS_DIR = fileURLToPath(new URL('../../clients/', import.meta.url));

/** `<NAME>_URL` variables that name something other than a subgraph. */
const NOT_SUBGRAPH_URLS: ReadonlySet<string> = new Set(['REDIS_URL', 'DATABASE_URL', 'AUTH_JWKS_URL']);

/**
 * Parses the gateway's environment once. Throws one clear error per bad value, naming the
 * variable, so a typo stops the start instead of running with a default.
 */
export function readGatewayConfig(env: Env = process.env): GatewayConfig {
  const auth = authConfig(env);
  const secrets = readSecrets(env, ['callerAssertionPrivateKey', 'actorPseudonymSecret']);
  return {
    host: env.HOST || '127.0.0.1',
    port: integer(env, 'GATEWAY_PORT', 4000, 0, 65535),
    metricsPort: readMetricsPort(env, 'METRICS_PORT', env.GATEWAY_PORT === '0' ? 0 : 9464),
    supergraphPath: env.SUPERGRAPH_PATH || DEFAULT_SUPERGRAPH_PATH,
    subgraphUrls: subgraphUrls(env),
    subgraphTimeoutMs: integer(env, 'SUBGRAPH_TIMEOUT_MS', 10_000, 1, 600_000),
    ...readRedisConfig(env),
    introspection: flag(env, 'INTROSPECTION', true),
    maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 1024 * 1024, 1, 1024 * 1024 * 1024),
    apqTtlSeconds: integer(env, 'APQ_TTL_SECONDS', 86_400, 1, 365 * 86_400),
    queryPlanWarmMax: integer(env, 'QUERY_PLAN_WARM_MAX', 1_000, 0, 100_000),
    queryPlanWarmTtlSeconds: integer(env, 'QUERY_PLAN_WARM_TTL_SECONDS', 7 * 86_400, 1, 365 * 86_400),
    maxQueryDepth: integer(env, 'MAX_QUERY_DEPTH', 12, 1, 1_000),
    maxAliases: integer(env, 'MAX_ALIASES', 30, 0, 100_000),
    maxRootFields: integer(env, 'MAX_ROOT_FIELDS', 20, 1, 100_000),
    maxQueryCost: integer(env, 'MAX_QUERY_COST', 100_000, 1, Number.MAX_SAFE_INTEGER),
    maxResponseBytes: integer(env, 'MAX_RESPONSE_BYTES', 16 * 1024 * 1024, 1, 1024 * 1024 * 1024),
    dataDir: readDataDir(env),
    auth,
    ...secrets,
    production: env.NODE_ENV === 'production',
    ...mandateSeconds(env),
    trustedDocumentsDir: env.TRUSTED_DOCUMENTS_DIR || DEFAULT_TRUSTED_DOCUMENTS_DIR,
    safelistClients: safelistClients(env),
    maxResidentsPerRequest: integer(env, 'MAX_RESIDENTS_PER_REQUEST', 25, 0, 1_000_000),
    maxResidentsPerHour: integer(env, 'MAX_RESIDENTS_PER_HOUR', 250, 0, 100_000_000),
    rateLimit: callerLimits(env, 'RATE_LIMIT', { requestsPerMinute: 300, costPerMinute: 1_000_000, concurrent: 4 }),
    anonymousRateLimit: callerLimits(env, 'ANONYMOUS_RATE_LIMIT', { requestsPerMinute: 60, costPerMinute: 200_000, concurrent: 2 }),
    admission: {
      capacity: integer(env, 'ADMISSION_CAPACITY', integer(env, 'MAX_QUERY_COST', 100_000, 1, Number.MAX_SAFE_INTEGER), 1, Number.MAX_SAFE_INTEGER),
      cheapCost: integer(env, 'ADMISSION_CHEAP_COST', 1_000, 0, Number.MAX_SAFE_INTEGER),
      maxWaitMs: integer(env, 'ADMISSION_MAX_WAIT_MS', 10_000, 1, 600_000),
      maxQueued: integer(env, 'ADMISSION_MAX_QUEUED', 100, 0, 1_000_000),
    },
  };
}

/** The revocation bound: a withdrawn arrangement is used by no gateway for longer than this. */
export const MANDATE_REVOCATION_SECONDS = 30;

function mandateSeconds(env: Env): Pick<GatewayConfig, 'mandateCacheSeconds' | 'mandateStaleSeconds'> {
  const mandateCacheSeconds = integer(env, 'MANDATE_CACHE_SECONDS', 10, 0, MANDATE_REVOCATION_SECONDS);
  const mandateStaleSeconds = integer(env, 'MANDATE_STALE_SECONDS', MANDATE_REVOCATION_SECONDS, mandateCacheSeconds, MANDATE_REVOCATION_SECONDS);
  return { mandateCacheSeconds, mandateStaleSeconds };
}

/**
 * `REDIS_URL` and `REDIS_KEY_PREFIX` alone, for tools beside the gateway (`register-manifest`) that
 * need its Redis and none of its secrets.
 */
export function readRedisConfig(env: Env = process.env): Pick<GatewayConfig, 'redisUrl' | 'redisKeyPrefix'> {
  return { redisUrl: env.REDIS_URL ? url(env, 'REDIS_URL') : undefined, redisKeyPrefix: env.REDIS_KEY_PREFIX || 'sociaal-graph:' };
}

const ASYMMETRIC_ALGORITHMS: ReadonlySet<string> = new Set(['ES256', 'ES384', 'ES512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'EdDSA']);

function authConfig(env: Env): AuthConfig {
  const jwksFile = env.AUTH_JWKS_FILE || undefined;
  const jwksUrl = env.AUTH_JWKS_URL ? url(env, 'AUTH_JWKS_URL') : undefined;
  if (jwksFile && jwksUrl) throw new Error('set AUTH_JWKS_FILE or AUTH_JWKS_URL, not both');
  const issuer = env.AUTH_ISSUER || undefined;
  const audience = env.AUTH_AUDIENCE || undefined;
  // A real issuer without iss/aud checks would accept any token its keys ever signed, for anyone.
  if ((jwksFile || jwksUrl) && (!issuer || !audience)) throw new Error('AUTH_ISSUER and AUTH_AUDIENCE are required with a JWKS');
  const algorithms = (env.AUTH_ALGORITHMS || 'ES256').split(',').map((name) => name.trim()).filter(Boolean);
  for (const algorithm of algorithms) {
    // Symmetric algorithms make no sense with a public JWKS; `none` means no signature at all.
    if (!ASYMMETRIC_ALGORITHMS.has(algorithm)) throw new Error(`AUTH_ALGORITHMS: "${algorithm}" is not an accepted signature algorithm`);
  }
  if (algorithms.length === 0) throw new Error('AUTH_ALGORITHMS names no algorithm');
  const clockSkewSeconds = integer(env, 'AUTH_CLOCK_SKEW_SECONDS', 30, 0, 300);
  return { jwksFile, jwksUrl, issuer, audience, algorithms, clockSkewSeconds };
}

/**
 * Environment that lifts the per-caller limits (and the admission queue), for programs that send many operations as one
 * caller on purpose: the end-to-end tests (all from one address) and the benchmark's sweep. Never
 * for a graph that serves users.
 */
export const CALLER_LIMITS_OFF_ENV: Readonly<Record<string, string>> = Object.fromEntries(
  ['RATE_LIMIT', 'ANONYMOUS_RATE_LIMIT'].flatMap((prefix) => [
    [`${prefix}_REQUESTS_PER_MINUTE`, '1000000'],
    [`${prefix}_COST_PER_MINUTE`, String(Number.MAX_SAFE_INTEGER)],
    [`${prefix}_CONCURRENT`, '10000'],
  ]).concat([
    // The tests' many operations at once would wait their turn, on a slow machine past the longest wait.
    ['ADMISSION_CAPACITY', String(Number.MAX_SAFE_INTEGER)],
  ]),
);

function callerLimits(env: Env, prefix: string, fallback: CallerLimitsConfig): CallerLimitsConfig {
  return {
    requestsPerMinute: integer(env, `${prefix}_REQUESTS_PER_MINUTE`, fallback.requestsPerMinute, 1, 1_000_000),
    costPerMinute: integer(env, `${prefix}_COST_PER_MINUTE`, fallback.costPerMinute, 1, Number.MAX_SAFE_INTEGER),
    concurrent: integer(env, `${prefix}_CONCURRENT`, fallback.concurrent, 1, 10_000),
  };
}

function safelistClients(env: Env): '*' | string[] {
  const raw = (env.SAFELIST_CLIENTS ?? '').trim();
  if (raw === '' || raw === '*') return '*';
  if (raw === 'none') return [];
  const ids = raw.split(',').map((id) => id.trim()).filter(Boolean);
  for (const id of ids) if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(id)) throw new Error(`SAFELIST_CLIENTS: "${id}" is not a client id`);
  return ids;
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
