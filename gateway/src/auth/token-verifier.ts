import { readFile } from 'node:fs/promises';
import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';
import type { AuthConfig } from '../config.js';
import { loadDevIssuer } from '../dev-issuer/dev-issuer.js';
import { isRole, type Role } from './roles.js';
import { unauthenticated } from './unauthenticated.js';

/** What a verified bearer token says about its holder. */
export interface VerifiedToken {
  readonly subject: string;
  readonly org: string;
  readonly roles: readonly Role[];
  /**
   * The client application the token was issued to: `client_id` (RFC 9068), else `azp` (OpenID
   * Connect). Decides its trusted documents (README "Safelist mode"); absent for a person's own token.
   */
  readonly client?: string;
}

/** Checks one bearer token; rejects with `unauthenticated()` for anything not accepted. */
export type TokenVerifier = (token: string) => Promise<VerifiedToken>;

/** Longest a verified token is taken from memory before its signature is checked again (a JWKS may drop its key). */
export const VERIFIED_TOKEN_REUSE_MS = 60_000;
/** Tokens kept verified at most: the least recently used go first (each holds its token, about a kilobyte). */
const VERIFIED_TOKENS_MAX = 10_000;

/**
 * A verifier for the configured issuer: signature against the JWKS (file, address, or the
 * development issuer's key when neither is set), `iss`, `aud`, `exp`, `nbf`, `iat` (each with
 * `clockSkewSeconds`, default 30 s), and only the configured algorithms — so `alg: none` and HS256
 * tricks never pass. The keys are loaded on the first token, so anonymous use needs none.
 */
export function createTokenVerifier(auth: AuthConfig, dataDir: string): TokenVerifier {
  const { clockSkewSeconds } = auth;
  let keys: Promise<{ getKey: JWTVerifyGetKey; issuer: string; audience: string }> | undefined;
  const loadKeys = async () => {
    if (auth.jwksUrl) return { getKey: createRemoteJWKSet(new URL(auth.jwksUrl)), issuer: need(auth.issuer), audience: need(auth.audience) };
    if (auth.jwksFile) {
      const jwks = JSON.parse(await readFile(auth.jwksFile, 'utf8')) as JSONWebKeySet;
      return { getKey: createLocalJWKSet(jwks), issuer: need(auth.issuer), audience: need(auth.audience) };
    }
    const dev = await loadDevIssuer(dataDir);
    return { getKey: createLocalJWKSet(dev.jwks), issuer: auth.issuer ?? dev.issuer, audience: auth.audience ?? dev.audience };
  };
  // A caller sends the same token with every request until it expires; its signature (WebCrypto: a
  // thread-pool job, a quarter of the gateway's CPU with 50 callers, issue 14) is checked once a minute
  // at most. Keyed by the whole token, so a hit is the very token verified; kept no longer than its
  // `exp` (without the clock skew, so never longer than a fresh check would accept it) and
  // VERIFIED_TOKEN_REUSE_MS. Refusals are not kept: each is checked again.
  const verified = new LRUCache<string, { readonly token: VerifiedToken; readonly until: number }>({ max: VERIFIED_TOKENS_MAX });
  return async (token) => {
    const known = verified.get(token);
    if (known) {
      if (Date.now() < known.until) return known.token;
      verified.delete(token);
    }
    const checked = await verifyToken(token);
    const until = Math.min(checked.expiresAt, Date.now() + VERIFIED_TOKEN_REUSE_MS);
    if (until > Date.now()) verified.set(token, { token: checked.token, until });
    return checked.token;
  };

  async function verifyToken(token: string): Promise<{ token: VerifiedToken; expiresAt: number }> {
    keys ??= loadKeys();
    keys.catch(() => (keys = undefined));
    const { getKey, issuer, audience } = await keys;
    let payload;
    try {
      ({ payload } = await jwtVerify(token, getKey, { issuer, audience, algorithms: [...auth.algorithms], clockTolerance: clockSkewSeconds, requiredClaims: ['exp', 'sub'] }));
    } catch {
      throw unauthenticated();
    }
    // jose checks `iat` only together with `maxTokenAge` (which would also make `iat` required and
    // bound every token's age); here a token issued after it expires, or in the future, is
    // malformed or forged in time, so it is refused whatever its signature.
    if (payload.iat !== undefined) {
      const now = Math.floor(Date.now() / 1000);
      if (payload.iat > (payload.exp as number)) throw unauthenticated('Het token is uitgegeven na zijn verloopmoment (iat na exp).');
      if (payload.iat > now + clockSkewSeconds) throw unauthenticated('Het token is uitgegeven in de toekomst (iat).');
    }
    const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
    if (typeof payload.org !== 'string' || payload.org === '' || typeof payload.sub !== 'string') {
      throw unauthenticated('Het token noemt geen organisatie.');
    }
    const client = payload.client_id ?? payload.azp;
    if (client !== undefined && !(typeof client === 'string' && CLIENT_ID.test(client))) {
      throw unauthenticated('Het token noemt een ongeldige client (client_id).');
    }
    // `requiredClaims` made jose check that `exp` is a number.
    return { token: { subject: payload.sub, org: payload.org, roles, ...(client ? { client } : {}) }, expiresAt: (payload.exp as number) * 1000 };
  }
}

/** A client id: it becomes part of a cache key, so no separators or spaces. */
const CLIENT_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

function need(value: string | undefined): string {
  // readGatewayConfig requires both with a JWKS; this keeps the type honest.
  if (!value) throw new Error('AUTH_ISSUER and AUTH_AUDIENCE are required with a JWKS');
  return value;
}
