import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK } from 'jose';

/** `iss` of the development issuer's tokens; the gateway's default `AUTH_ISSUER`. */
export const DEV_ISSUER = 'sociaal-graph-ontwikkeling';
/** `aud` of the development issuer's tokens; the gateway's default `AUTH_AUDIENCE`. */
export const DEV_AUDIENCE = 'sociaal-graph';
const ALGORITHM = 'ES256';

/** The development issuer: an ES256 key pair kept in `<dataDir>/dev-issuer/`. */
export interface DevIssuer {
  readonly issuer: string;
  readonly audience: string;
  readonly privateKey: CryptoKey;
  /** The public key as a JWKS, as a real issuer would publish it. */
  readonly jwks: JSONWebKeySet;
  readonly kid: string;
}

const inMemory = new Map<string, Promise<DevIssuer>>();

/**
 * Loads the development issuer's key pair from `<dataDir>/dev-issuer/` and creates it on first
 * use, so that `npm run -s token` and the gateway agree on the key. `dataDir` `memory` keeps
 * the pair in this process only (tests).
 */
export function loadDevIssuer(dataDir: string): Promise<DevIssuer> {
  let issuer = inMemory.get(dataDir);
  if (!issuer) {
    issuer = dataDir === 'memory' ? newKeyPair().then(fromJwk) : loadOrCreate(join(dataDir, 'dev-issuer'));
    inMemory.set(dataDir, issuer);
    issuer.catch(() => inMemory.delete(dataDir));
  }
  return issuer;
}

async function loadOrCreate(folder: string): Promise<DevIssuer> {
  const file = join(folder, 'private-key.jwk.json');
  try {
    return await fromJwk(JSON.parse(await readFile(file, 'utf8')) as JWK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(folder, { recursive: true });
  const jwk = await newKeyPair();
  try {
    // `wx`: when the gateway and the token command create it at once, the first one wins.
    await writeFile(file, JSON.stringify(jwk), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return fromJwk(JSON.parse(await readFile(file, 'utf8')) as JWK);
  }
  const issuer = await fromJwk(jwk);
  await writeFile(join(folder, 'jwks.json'), JSON.stringify(issuer.jwks, null, 2));
  return issuer;
}

async function newKeyPair(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, alg: ALGORITHM, use: 'sig', kid: `dev-${Date.now().toString(36)}` };
}

async function fromJwk(jwk: JWK): Promise<DevIssuer> {
  const { d: _private, ...publicJwk } = jwk;
  const privateKey = (await importJWK(jwk, ALGORITHM)) as CryptoKey;
  return { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, privateKey, jwks: { keys: [publicJwk] }, kid: jwk.kid ?? 'dev' };
}
