import { SignJWT } from 'jose';
import type { DevIssuer } from './dev-issuer.js';

export interface MintTokenOptions {
  /** One of `ROLES` (not checked here: tests mint bad tokens on purpose). */
  readonly role: string;
  /** Organisation id: CBS code, `uo-hbel`, `regio-gv`, an AGB code. */
  readonly org: string;
  /** `client_id`: the client application the token is for (README "Safelist mode"). Default none. */
  readonly client?: string;
  /** `sub`. Default `dev-<role>-<org>`. */
  readonly subject?: string;
  /** Lifetime in seconds. Default 8 hours (one working day). */
  readonly expiresInSeconds?: number;
  /** Overrides for tests of refused tokens. */
  readonly audience?: string;
  readonly issuer?: string;
  readonly notBeforeSeconds?: number;
  readonly now?: number;
}

/** Signs a token of the development issuer: `{ sub, org, roles: [role], client_id? }`, ES256. */
export function mintToken(issuer: DevIssuer, options: MintTokenOptions): Promise<string> {
  const iat = Math.floor((options.now ?? Date.now()) / 1000);
  const jwt = new SignJWT({ org: options.org, roles: [options.role], ...(options.client ? { client_id: options.client } : {}) })
    .setProtectedHeader({ alg: 'ES256', kid: issuer.kid, typ: 'JWT' })
    .setIssuer(options.issuer ?? issuer.issuer)
    .setAudience(options.audience ?? issuer.audience)
    .setSubject(options.subject ?? `dev-${options.role}-${options.org}`)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (options.expiresInSeconds ?? 8 * 3600));
  if (options.notBeforeSeconds !== undefined) jwt.setNotBefore(iat + options.notBeforeSeconds);
  return jwt.sign(issuer.privateKey);
}
