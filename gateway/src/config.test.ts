import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { newInstallationSecrets, REPO_ROOT, secretsAsEnv } from '@sociaal-graph/toolkit';
import { DEFAULT_SUPERGRAPH_PATH, DEFAULT_TRUSTED_DOCUMENTS_DIR, readGatewayConfig as readConfig } from './config.js';

const { callerAssertionPrivateKey, actorPseudonymSecret } = newInstallationSecrets();
const SECRETS = secretsAsEnv({ callerAssertionPrivateKey, actorPseudonymSecret });
/** The gateway's configuration with its secrets given, as a deployment gives them (nothing is written to DATA_DIR). */
const readGatewayConfig = (env: Record<string, string | undefined>) => readConfig({ ...SECRETS, ...env });

describe('readGatewayConfig', () => {
  it('has the documented defaults', () => {
    expect(readGatewayConfig({})).toEqual({
      host: '127.0.0.1',
      port: 4000,
      metricsPort: 9464,
      supergraphPath: DEFAULT_SUPERGRAPH_PATH,
      subgraphUrls: {},
      subgraphTimeoutMs: 10_000,
      redisUrl: undefined,
      redisKeyPrefix: 'sociaal-graph:',
      introspection: true,
      maxBodyBytes: 1024 * 1024,
      apqTtlSeconds: 86_400,
      queryPlanWarmMax: 1_000,
      queryPlanWarmTtlSeconds: 604_800,
      maxQueryDepth: 12,
      maxAliases: 30,
      maxRootFields: 20,
      maxQueryCost: 100_000,
      maxResponseBytes: 16 * 1024 * 1024,
      dataDir: join(REPO_ROOT, '.data'),
      auth: { jwksFile: undefined, jwksUrl: undefined, issuer: undefined, audience: undefined, algorithms: ['ES256'], clockSkewSeconds: 30 },
      callerAssertionPrivateKey,
      actorPseudonymSecret,
      production: false,
      mandateCacheSeconds: 10,
      mandateStaleSeconds: 30,
      trustedDocumentsDir: DEFAULT_TRUSTED_DOCUMENTS_DIR,
      safelistClients: '*',
      maxResidentsPerRequest: 25,
      maxResidentsPerHour: 250,
      rateLimit: { requestsPerMinute: 300, costPerMinute: 1_000_000, concurrent: 4 },
      anonymousRateLimit: { requestsPerMinute: 60, costPerMinute: 200_000, concurrent: 2 },
      admission: { capacity: 100_000, cheapCost: 1_000, maxWaitMs: 10_000, maxQueued: 100 },
    });
    expect(DEFAULT_TRUSTED_DOCUMENTS_DIR).toMatch(/\/clients\/$/);
    expect(DEFAULT_SUPERGRAPH_PATH).toMatch(/\/supergraph\.graphql$/);
    expect(DEFAULT_SUPERGRAPH_PATH).not.toMatch(/gateway/);
  });

  it('reads every variable', () => {
    const config = readGatewayConfig({
      HOST: '0.0.0.0',
      GATEWAY_PORT: '0',
      SUPERGRAPH_PATH: '/tmp/s.graphql',
      SUBGRAPH_TIMEOUT_MS: '250',
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_KEY_PREFIX: 'x:',
      INTROSPECTION: 'off',
      MAX_BODY_BYTES: '2048',
      APQ_TTL_SECONDS: '60',
      MAX_QUERY_DEPTH: '8',
      MAX_ALIASES: '5',
      MAX_ROOT_FIELDS: '3',
      MAX_QUERY_COST: '2000',
      TRUSTED_DOCUMENTS_DIR: '/tmp/clients',
      SAFELIST_CLIENTS: 'consulent, regio',
      AUTH_CLOCK_SKEW_SECONDS: '5',
      MANDATE_CACHE_SECONDS: '5',
      MANDATE_STALE_SECONDS: '20',
      NODE_ENV: 'production',
      RATE_LIMIT_REQUESTS_PER_MINUTE: '10',
      RATE_LIMIT_COST_PER_MINUTE: '500',
      RATE_LIMIT_CONCURRENT: '3',
      ANONYMOUS_RATE_LIMIT_REQUESTS_PER_MINUTE: '5',
      ANONYMOUS_RATE_LIMIT_COST_PER_MINUTE: '50',
      ANONYMOUS_RATE_LIMIT_CONCURRENT: '1',
      ADMISSION_CHEAP_COST: '10',
      ADMISSION_MAX_WAIT_MS: '500',
      ADMISSION_MAX_QUEUED: '7',
      QUERY_PLAN_WARM_MAX: '0',
      QUERY_PLAN_WARM_TTL_SECONDS: '3600',
    });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 0,
      supergraphPath: '/tmp/s.graphql',
      subgraphTimeoutMs: 250,
      redisUrl: 'redis://127.0.0.1:6379',
      redisKeyPrefix: 'x:',
      introspection: false,
      maxBodyBytes: 2048,
      apqTtlSeconds: 60,
      queryPlanWarmMax: 0,
      queryPlanWarmTtlSeconds: 3600,
      maxQueryDepth: 8,
      maxAliases: 5,
      maxRootFields: 3,
      maxQueryCost: 2000,
      trustedDocumentsDir: '/tmp/clients',
      safelistClients: ['consulent', 'regio'],
      auth: { clockSkewSeconds: 5 },
      production: true,
      mandateCacheSeconds: 5,
      mandateStaleSeconds: 20,
      rateLimit: { requestsPerMinute: 10, costPerMinute: 500, concurrent: 3 },
      anonymousRateLimit: { requestsPerMinute: 5, costPerMinute: 50, concurrent: 1 },
      // The capacity follows MAX_QUERY_COST unless set.
      admission: { capacity: 2000, cheapCost: 10, maxWaitMs: 500, maxQueued: 7 },
    });
    expect(readGatewayConfig({ ADMISSION_CAPACITY: '300000' }).admission.capacity).toBe(300_000);
    expect(readGatewayConfig({ SAFELIST_CLIENTS: 'none' }).safelistClients).toEqual([]);
    expect(readGatewayConfig({ SAFELIST_CLIENTS: '*' }).safelistClients).toBe('*');
    expect(() => readGatewayConfig({ SAFELIST_CLIENTS: 'consulent,Regio App' })).toThrow(/SAFELIST_CLIENTS/);
  });

  it('reads METRICS_PORT: a port, off or 0 for none, a free one beside a free GATEWAY_PORT', () => {
    expect(readGatewayConfig({ METRICS_PORT: '9100' }).metricsPort).toBe(9100);
    expect(readGatewayConfig({ METRICS_PORT: 'off' }).metricsPort).toBeNull();
    expect(readGatewayConfig({ METRICS_PORT: '0' }).metricsPort).toBeNull();
    expect(readGatewayConfig({ GATEWAY_PORT: '0' }).metricsPort).toBe(0);
  });

  it('takes <NAME>_URL as a subgraph URL, but not REDIS_URL or DATABASE_URL', () => {
    const config = readGatewayConfig({
      WMO_URL: 'http://10.0.0.3:4003/graphql',
      GEMEENTEN_URL: 'http://gemeenten/graphql',
      REDIS_URL: 'redis://127.0.0.1:6379',
      DATABASE_URL: 'postgres://localhost/x',
    });
    expect(config.subgraphUrls).toEqual({ wmo: 'http://10.0.0.3:4003/graphql', gemeenten: 'http://gemeenten/graphql' });
  });

  it('refuses bad values with the name of the variable', () => {
    expect(() => readGatewayConfig({ GATEWAY_PORT: '70000' })).toThrow(/GATEWAY_PORT/);
    expect(() => readGatewayConfig({ GATEWAY_PORT: 'vier' })).toThrow(/GATEWAY_PORT/);
    expect(() => readGatewayConfig({ SUBGRAPH_TIMEOUT_MS: '0' })).toThrow(/SUBGRAPH_TIMEOUT_MS/);
    expect(() => readGatewayConfig({ INTROSPECTION: 'misschien' })).toThrow(/INTROSPECTION/);
    expect(() => readGatewayConfig({ MAX_QUERY_DEPTH: '0' })).toThrow(/MAX_QUERY_DEPTH/);
    expect(() => readGatewayConfig({ MAX_QUERY_COST: 'veel' })).toThrow(/MAX_QUERY_COST/);
    expect(() => readGatewayConfig({ WMO_URL: 'geen url' })).toThrow(/WMO_URL/);
    expect(() => readGatewayConfig({ METRICS_PORT: 'negen' })).toThrow(/METRICS_PORT/);
    expect(() => readGatewayConfig({ REDIS_URL: '::' })).toThrow(/REDIS_URL/);
    expect(() => readGatewayConfig({ AUTH_ALGORITHMS: 'ES256,none' })).toThrow(/none/);
    expect(() => readGatewayConfig({ AUTH_ALGORITHMS: 'HS256' })).toThrow(/HS256/);
    expect(() => readGatewayConfig({ AUTH_JWKS_FILE: '/tmp/jwks.json' })).toThrow(/AUTH_ISSUER/);
    expect(() => readGatewayConfig({ AUTH_CLOCK_SKEW_SECONDS: '3600' })).toThrow(/AUTH_CLOCK_SKEW_SECONDS/);
    // The revocation bound: no arrangement is used for longer than 30 s.
    expect(() => readGatewayConfig({ MANDATE_CACHE_SECONDS: '300' })).toThrow(/MANDATE_CACHE_SECONDS/);
    expect(() => readGatewayConfig({ MANDATE_STALE_SECONDS: '31' })).toThrow(/MANDATE_STALE_SECONDS/);
    expect(() => readGatewayConfig({ MANDATE_CACHE_SECONDS: '20', MANDATE_STALE_SECONDS: '10' })).toThrow(/MANDATE_STALE_SECONDS/);
    expect(() => readGatewayConfig({ AUTH_JWKS_URL: 'geen url', AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a' })).toThrow(/AUTH_JWKS_URL/);
  });

  it('outside development refuses to start without its secrets, or with a published or weak one, naming the variable', () => {
    for (const production of [{ NODE_ENV: 'production' }, { AUTH_JWKS_FILE: '/tmp/jwks.json', AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a' }]) {
      expect(() => readConfig(production)).toThrow(/CALLER_ASSERTION_PRIVATE_KEY, ACTOR_PSEUDONYM_SECRET not set/);
      expect(() => readConfig({ ...production, CALLER_ASSERTION_PRIVATE_KEY: SECRETS.CALLER_ASSERTION_PRIVATE_KEY })).toThrow(/^ACTOR_PSEUDONYM_SECRET not set/);
      expect(readConfig({ ...production, ...SECRETS }).actorPseudonymSecret).toBe(actorPseudonymSecret);
    }
    expect(() => readGatewayConfig({ ACTOR_PSEUDONYM_SECRET: 'sociaal-graph-ontwikkeling-geheim' })).toThrow(/ACTOR_PSEUDONYM_SECRET is a value published/);
    expect(() => readGatewayConfig({ ACTOR_PSEUDONYM_SECRET: 'kort' })).toThrow(/ACTOR_PSEUDONYM_SECRET must be at least 32/);
    expect(() => readGatewayConfig({ CALLER_ASSERTION_PRIVATE_KEY: 'geheim' })).toThrow(/CALLER_ASSERTION_PRIVATE_KEY must be a JSON Web Key/);
    const { d: _private, ...publicOnly } = callerAssertionPrivateKey;
    expect(() => readGatewayConfig({ CALLER_ASSERTION_PRIVATE_KEY: JSON.stringify(publicOnly) })).toThrow(/CALLER_ASSERTION_PRIVATE_KEY must hold the private key/);
    expect(() => readConfig({ DATA_DIR: 'memory' })).toThrow(/DATA_DIR=memory/);
  });
});
