import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JWK } from 'jose';
import { readDataDir } from './data-dir.js';

/**
 * The secrets of one installation of the graph (issue 9 item 1). No secret is written in the code:
 * in development `npm start` and the test harness create random ones at first start in
 * `<DATA_DIR>/secrets/`, and every process of that installation reads them there; outside
 * development (`NODE_ENV=production`, or a real token issuer configured) every process takes them
 * from its environment and refuses to start without them.
 */
export interface InstallationSecrets {
  /** `CALLER_ASSERTION_PRIVATE_KEY`: the gateway signs caller assertions with it (ES256, JWK). Only the gateway reads it. */
  readonly callerAssertionPrivateKey: JWK;
  /** `CALLER_ASSERTION_PUBLIC_KEY`: every subgraph verifies caller assertions with it. */
  readonly callerAssertionPublicKey: JWK;
  /** `PSEUDONYM_SECRET`: key of the resident pseudonym (HMAC of the BSN); the same in every subgraph. */
  readonly pseudonymSecret: string;
  /** `ACTOR_PSEUDONYM_SECRET`: key of the actor pseudonym in the audit log (HMAC of the token's `sub`); gateway only. */
  readonly actorPseudonymSecret: string;
}

/** Environment variable of each secret. */
export const SECRET_VARIABLES = {
  callerAssertionPrivateKey: 'CALLER_ASSERTION_PRIVATE_KEY',
  callerAssertionPublicKey: 'CALLER_ASSERTION_PUBLIC_KEY',
  pseudonymSecret: 'PSEUDONYM_SECRET',
  actorPseudonymSecret: 'ACTOR_PSEUDONYM_SECRET',
} as const satisfies Record<keyof InstallationSecrets, string>;

/** The signature algorithm of the caller assertion: asymmetric, so a subgraph cannot mint what it verifies. */
export const CALLER_ASSERTION_ALGORITHM = 'ES256';

/** Shortest secret accepted: 32 characters (the random ones are 43, 32 bytes in base64url). */
const MIN_SECRET_LENGTH = 32;

/**
 * Values that were ever written in this repository as a secret or a default of one: never accepted,
 * whatever their length. Together with the minimum length this refuses every literal of the code.
 */
const PUBLISHED_SECRETS: ReadonlySet<string> = new Set([
  'sociaal-graph-ontwikkeling-geheim',
  'sociaal-graph-ontwikkeling-assertie',
  'test-caller-assertion-secret',
  'geheim',
  'ander-geheim',
]);

type Env = Readonly<Record<string, string | undefined>>;

/** Each secret's value in the environment, read by name so that the variables are plain to see (and to docker/'s check). */
const FROM_ENV: Record<keyof InstallationSecrets, (env: Env) => string | undefined> = {
  callerAssertionPrivateKey: (env) => env.CALLER_ASSERTION_PRIVATE_KEY,
  callerAssertionPublicKey: (env) => env.CALLER_ASSERTION_PUBLIC_KEY,
  pseudonymSecret: (env) => env.PSEUDONYM_SECRET,
  actorPseudonymSecret: (env) => env.ACTOR_PSEUDONYM_SECRET,
};

/**
 * Whether this process runs outside development: `NODE_ENV=production`, or a real token issuer is
 * configured (`AUTH_JWKS_FILE`/`AUTH_JWKS_URL`): then no secret is created or read from `DATA_DIR`.
 */
export function isProduction(env: Env): boolean {
  return env.NODE_ENV === 'production' || Boolean(env.AUTH_JWKS_FILE) || Boolean(env.AUTH_JWKS_URL);
}

/**
 * Reads the secrets `wanted` for one process: each from its environment variable when set (checked:
 * long enough, never a published value, a key of the right kind), else, in development, from the
 * installation in `<DATA_DIR>/secrets/` (created at first start). Outside development a missing
 * secret stops the start with an error naming its variable.
 */
export function readSecrets<K extends keyof InstallationSecrets>(env: Env, wanted: readonly K[]): Pick<InstallationSecrets, K> {
  const fromEnv: Partial<InstallationSecrets> = {};
  const missing: K[] = [];
  for (const name of wanted) {
    const raw = FROM_ENV[name](env);
    if (raw) (fromEnv as Record<string, unknown>)[name] = parseSecret(name, raw);
    else missing.push(name);
  }
  if (missing.length > 0) {
    const variables = missing.map((name) => SECRET_VARIABLES[name]).join(', ');
    if (isProduction(env)) {
      throw new Error(
        `${variables} not set: outside development (NODE_ENV=production or AUTH_JWKS_FILE/AUTH_JWKS_URL set) every secret must be configured; see README "Who may see what"`,
      );
    }
    const dataDir = readDataDir(env);
    if (dataDir === 'memory') {
      throw new Error(`${variables} not set, and DATA_DIR=memory keeps no installation secrets: set them (npm start and the test harness do)`);
    }
    const installation = loadInstallationSecrets(dataDir);
    for (const name of missing) (fromEnv as Record<string, unknown>)[name] = installation[name];
  }
  return fromEnv as Pick<InstallationSecrets, K>;
}

/** Checks one secret from the environment; throws naming its variable. */
function parseSecret(name: keyof InstallationSecrets, raw: string): InstallationSecrets[typeof name] {
  const variable = SECRET_VARIABLES[name];
  if (name === 'callerAssertionPrivateKey' || name === 'callerAssertionPublicKey') {
    let jwk: JWK;
    try {
      jwk = JSON.parse(raw) as JWK;
    } catch {
      throw new Error(`${variable} must be a JSON Web Key (EC P-256, ${CALLER_ASSERTION_ALGORITHM})`);
    }
    if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y) throw new Error(`${variable} must be an EC P-256 JSON Web Key`);
    if (name === 'callerAssertionPrivateKey' && !jwk.d) throw new Error(`${variable} must hold the private key (its "d")`);
    // A subgraph holds the public key only: given the private one it could mint what it verifies.
    if (name === 'callerAssertionPublicKey' && jwk.d) throw new Error(`${variable} must be the public key only (without "d")`);
    return jwk;
  }
  if (PUBLISHED_SECRETS.has(raw)) throw new Error(`${variable} is a value published in the source code; choose a random one`);
  if (raw.length < MIN_SECRET_LENGTH) throw new Error(`${variable} must be at least ${MIN_SECRET_LENGTH} characters (a random value, e.g. openssl rand -base64 32)`);
  return raw;
}

/** Fresh random secrets, as `npm start` creates them for a new installation. */
export function newInstallationSecrets(): InstallationSecrets {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const kid = `installatie-${Date.now().toString(36)}`;
  const meta = { alg: CALLER_ASSERTION_ALGORITHM, use: 'sig', kid };
  return {
    callerAssertionPrivateKey: { ...(privateKey.export({ format: 'jwk' }) as JWK), ...meta },
    callerAssertionPublicKey: { ...(publicKey.export({ format: 'jwk' }) as JWK), ...meta },
    pseudonymSecret: randomBytes(32).toString('base64url'),
    actorPseudonymSecret: randomBytes(32).toString('base64url'),
  };
}

const FILES = {
  callerAssertionPrivateKey: 'caller-assertion.private.jwk.json',
  callerAssertionPublicKey: 'caller-assertion.public.jwk.json',
  pseudonymSecret: 'pseudonym-secret',
  actorPseudonymSecret: 'actor-pseudonym-secret',
} as const satisfies Record<keyof InstallationSecrets, string>;

/**
 * The installation's secrets in `<dataDir>/secrets/`, created at first use. The folder is written
 * complete under a temporary name and then renamed, so processes that start at once all end up
 * with the first one's secrets. Synchronous: read once while a process starts.
 */
export function loadInstallationSecrets(dataDir: string): InstallationSecrets {
  const folder = join(dataDir, 'secrets');
  try {
    return readInstallation(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const temporary = mkdtempSync(join(dataDir, '.secrets-'));
  const secrets = newInstallationSecrets();
  for (const name of Object.keys(FILES) as (keyof InstallationSecrets)[]) {
    const value = secrets[name];
    writeFileSync(join(temporary, FILES[name]), typeof value === 'string' ? value : JSON.stringify(value), { mode: 0o600 });
  }
  try {
    renameSync(temporary, folder);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
  }
  return readInstallation(folder);
}

function readInstallation(folder: string): InstallationSecrets {
  const read = (name: keyof InstallationSecrets) => readFileSync(join(folder, FILES[name]), 'utf8');
  return {
    callerAssertionPrivateKey: JSON.parse(read('callerAssertionPrivateKey')) as JWK,
    callerAssertionPublicKey: JSON.parse(read('callerAssertionPublicKey')) as JWK,
    pseudonymSecret: read('pseudonymSecret'),
    actorPseudonymSecret: read('actorPseudonymSecret'),
  };
}

/** The environment that hands `secrets` to a process, for launchers that keep no `DATA_DIR` (memory). */
export function secretsAsEnv(secrets: Partial<InstallationSecrets>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(secrets) as [keyof InstallationSecrets, InstallationSecrets[keyof InstallationSecrets]][]) {
    env[SECRET_VARIABLES[name]] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return env;
}
