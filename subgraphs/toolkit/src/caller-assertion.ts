import { createHmac, timingSafeEqual } from 'node:crypto';
import type { GemeenteScope, Leesbudget, Principal } from './principal.js';
import { scopesForRoles } from './authorization.js';
import type { Rol, Wet } from './domain.js';

/** The header that carries the gateway's assertion of the caller to every subgraph. */
export const CALLER_ASSERTION_HEADER = 'x-sociaal-graph-caller';

const ISSUER = 'sociaal-graph-gateway';
const AUDIENCE = 'sociaal-graph-subgraph';
/** Long enough for one request's subgraph calls; short enough that a leaked one is soon worthless. */
export const CALLER_ASSERTION_TTL_SECONDS = 60;

/** Gemeenten per law and role: a list of CBS codes, or "*" for all. */
export type MandateClaims = Partial<Record<Wet, Partial<Record<Rol, readonly string[] | '*'>>>>;

/** What the gateway vouches for about the caller of one request. */
export interface CallerClaims {
  /** Organisation id: CBS code, "uo-hbel", "regio-gv", an AGB code; "anoniem" without a token. */
  readonly org: string;
  readonly roles: readonly string[];
  /** Pseudonymous actor id (hash of the token's subject); the person is only in the audit log. */
  readonly actor: string;
  readonly mandates: MandateClaims;
  /** AGB code when the caller is a provider (role `aanbieder`): rows are limited to its own. */
  readonly aanbieder?: string;
  /** Gemeenten per law whose aggregates the caller may read ("*" for all). */
  readonly statistiek?: Partial<Record<Wet, readonly string[] | '*'>>;
  /** W3C trace id of the request. */
  readonly traceId: string;
  /** How many residents this call may read personal data of, and which bound that is (`Leesbudget`). */
  readonly leesbudget?: Leesbudget;
}

interface AssertionPayload extends CallerClaims {
  iss: string;
  aud: string;
  iat: number;
  exp: number;
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * Signs a short-lived assertion (a compact JWT, HS256) of the caller for the subgraphs. Runs per
 * request in the gateway; one HMAC, no I/O.
 */
export function signCallerAssertion(claims: CallerClaims, secret: string, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const payload: AssertionPayload = { ...claims, iss: ISSUER, aud: AUDIENCE, iat, exp: iat + CALLER_ASSERTION_TTL_SECONDS };
  const signingInput = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(payload))}`;
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}

/**
 * Verifies an assertion: HS256 only, signature, issuer, audience and expiry (30 s clock skew).
 * Returns the claims, or `undefined` for anything that is not a valid, current assertion.
 */
export function verifyCallerAssertion(token: string | undefined, secret: string, now = Date.now()): CallerClaims | undefined {
  if (!token) return undefined;
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [header, payload, signature] = parts;
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    if (JSON.parse(Buffer.from(header, 'base64url').toString()).alg !== 'HS256') return undefined;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as AssertionPayload;
    const seconds = now / 1000;
    if (claims.iss !== ISSUER || claims.aud !== AUDIENCE || !(claims.exp + 30 > seconds) || !(claims.iat - 30 <= seconds)) return undefined;
    return {
      org: claims.org,
      roles: claims.roles,
      actor: claims.actor,
      mandates: claims.mandates ?? {},
      ...(claims.aanbieder === undefined ? {} : { aanbieder: claims.aanbieder }),
      ...(claims.statistiek === undefined ? {} : { statistiek: claims.statistiek }),
      traceId: claims.traceId,
      ...(claims.leesbudget === undefined ? {} : { leesbudget: claims.leesbudget }),
    };
  } catch {
    return undefined;
  }
}

const NONE: GemeenteScope = { alle: false, gemeenten: [] };
const ALL: GemeenteScope = { alle: true };

/** The principal a subgraph works with, from verified claims: its scope is exactly the mandates. */
export function principalFromClaims(claims: CallerClaims): Principal {
  return {
    organisatie: claims.org,
    rollen: claims.roles,
    scopes: scopesForRoles(claims.roles),
    aanbieder: claims.aanbieder,
    actor: claims.actor,
    leesbudget: claims.leesbudget,
    statistiek: (wet) => gemeenteScope(claims.statistiek?.[wet]),
    scope: (wet, rol) => gemeenteScope(claims.mandates[wet]?.[rol]),
  };
}

function gemeenteScope(gemeenten: readonly string[] | '*' | undefined): GemeenteScope {
  if (gemeenten === '*') return ALL;
  return gemeenten ? { alle: false, gemeenten } : NONE;
}
