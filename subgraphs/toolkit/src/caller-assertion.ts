import { createHash, createHmac, createSecretKey, type Hash, hash, KeyObject, randomBytes, randomUUID, sign, timingSafeEqual, verify } from 'node:crypto';
import { importJWK, type JWK } from 'jose';
import { LRUCache } from 'lru-cache';
import type { GemeenteScope, Leesbudget, Principal } from './principal.js';
import { type Scope, scopesForRoles } from './authorization.js';
import type { Rol, Wet } from './domain.js';
import { CALLER_ASSERTION_ALGORITHM } from './secrets.js';

/** The header that carries the gateway's assertion of the caller to every subgraph. */
export const CALLER_ASSERTION_HEADER = 'x-sociaal-graph-caller';

const ISSUER = 'sociaal-graph-gateway';
/** Long enough for one subgraph call; a subgraph refuses an assertion older than this whatever its `exp` says. */
export const CALLER_ASSERTION_TTL_SECONDS = 60;
/** Clock difference between gateway and subgraph that is tolerated on `iat` and `exp`. */
export const CALLER_ASSERTION_CLOCK_SKEW_SECONDS = 5;

/** Gemeenten per law and role: a list of CBS codes (never "all": only an in-process test principal sees everything). */
export type MandateClaims = Partial<Record<Wet, Partial<Record<Rol, readonly string[]>>>>;

/**
 * What the gateway vouches for about the caller of one request. New claims are added here as
 * optional fields; the verifier hands every claim it does not know itself through unchanged.
 */
export interface CallerClaims {
  /** Organisation id: CBS code, "uo-hbel", "regio-gv", an AGB code; "anoniem" without a token. */
  readonly org: string;
  readonly roles: readonly string[];
  /** Pseudonymous actor id (keyed HMAC of the token's subject); the person is only in the audit log. */
  readonly actor: string;
  readonly mandates: MandateClaims;
  /** AGB code when the caller is a provider (role `aanbieder`): rows are limited to its own. */
  readonly aanbieder?: string;
  /** Gemeenten per law whose aggregates the caller may read. */
  readonly statistiek?: Partial<Record<Wet, readonly string[]>>;
  /** W3C trace id of the request (the client's `traceparent` when it sent one). */
  readonly traceId: string;
  /** Id the gateway generated for the request (32 hex): the audit log's own key, whatever the client sent. */
  readonly verzoekId?: string;
  /** How many residents this call may read personal data of, and which bound that is (`Leesbudget`). */
  readonly leesbudget?: Leesbudget;
}

/** What one assertion is bound to: the subgraph it is sent to and the exact operation it carries. */
export interface AssertionBinding {
  /** Subgraph name ("wmo"): the assertion's `aud`. */
  readonly audience: string;
  /** `operationHash` of the document and variables sent. */
  readonly operation: string;
  /**
   * Fields no client can select (@inaccessible) that the gateway's query planner put into this
   * fetch ("StapelingKosten.leden"); a subgraph resolves such a field only when it is named here.
   */
  readonly intern?: readonly string[];
}

/** The key the gateway signs with (private) or a subgraph verifies with (public). */
export type CallerAssertionKey = CryptoKey & { readonly __callerAssertionKey?: never };

/**
 * The key of the one-process graph's channel between the gateway's thread and the subgraphs'
 * (`serveSubgraphCalls`): 256 random bits, made when the channel is set up and handed to its two ends
 * with it, nowhere else (no environment, no file; a KeyObject prints and serialises without its bytes).
 * Assertions over the channel are MACed with it (HS256) instead of signed with the gateway's private key
 * (ES256): both ends are in one process, which is where the key lives and dies (docs/security.md).
 */
export type ChannelAssertionKey = KeyObject & { readonly __channelAssertionKey?: never };

/** The MAC algorithm of assertions over the one-process graph's channel; over HTTP it is refused. */
export const CHANNEL_ASSERTION_ALGORITHM = 'HS256';

/** A fresh channel key (`ChannelAssertionKey`). */
export function newChannelAssertionKey(): ChannelAssertionKey {
  return createSecretKey(randomBytes(32));
}

/** What the gateway signs or MACs an assertion with, and what a subgraph checks it with: the key decides the algorithm, never the token. */
export type AssertionKey = CallerAssertionKey | ChannelAssertionKey;

function isChannelKey(key: AssertionKey): key is ChannelAssertionKey {
  return key instanceof KeyObject && key.type === 'secret';
}

/** Imports the JWK of `CALLER_ASSERTION_PRIVATE_KEY` (gateway) or `CALLER_ASSERTION_PUBLIC_KEY` (subgraphs). */
export async function importCallerAssertionKey(jwk: JWK): Promise<CallerAssertionKey> {
  return (await importJWK(jwk, CALLER_ASSERTION_ALGORITHM)) as CallerAssertionKey;
}

/**
 * The operation an assertion is bound to: SHA-256 of the exact document and variables sent to the
 * subgraph (as they travel in the JSON body, so both sides compute it from the same values). In one
 * shot (`crypto.hash`): no Hash object per call.
 */
export function operationHash(query: string | undefined | null, variables: unknown): string {
  return hash('sha256', JSON.stringify([query ?? null, variables ?? null]), 'base64url');
}

/**
 * `operationHash` for the gateway, whose fetch documents come from its own query planner and repeat
 * (plans are cached): the hash of `[<query>,<variables>]` goes on from the state after `[<query>,`,
 * kept per document, so per call only the variables are written and hashed (half the hashing of a
 * 1.5 kB document). The same bytes are hashed, so the value, and with it the binding, is that of
 * `operationHash`. Not for a subgraph's HTTP requests: it hashes documents from the network before it
 * knows who sent them, and an unknown sender must not choose what it keeps. Over the one-process graph's
 * channel only the gateway's thread can send, so there a subgraph uses it too.
 */
export function documentRememberingOperationHash(maxDocuments = 2_000): RememberingOperationHash {
  const states = new Map<string | null, Hash>();
  return (query, variables, variablesJson) => {
    const document = query ?? null;
    let state = states.get(document);
    if (!state) {
      if (states.size >= maxDocuments) states.delete(states.keys().next().value as string | null);
      states.set(document, (state = createHash('sha256').update(`[${JSON.stringify(document)},`)));
    }
    // JSON.stringify gives undefined for a value it leaves out, which an array writes as null.
    return state.copy().update(`${variablesJson ?? JSON.stringify(variables ?? null) ?? 'null'}]`).digest('base64url');
  };
}

/**
 * `operationHash` that keeps per-document state (`documentRememberingOperationHash`); `variablesJson`,
 * when given, is `JSON.stringify(variables ?? null)` already written by the caller (for the body it sends).
 */
export type RememberingOperationHash = (query: string | undefined | null, variables: unknown, variablesJson?: string) => string;

/** The protected header of every assertion, base64url-encoded once: signed (ES256) and over the channel (HS256). */
const PROTECTED_HEADER = Buffer.from(JSON.stringify({ alg: CALLER_ASSERTION_ALGORITHM, typ: 'JWT' })).toString('base64url');
const CHANNEL_PROTECTED_HEADER = Buffer.from(JSON.stringify({ alg: CHANNEL_ASSERTION_ALGORITHM, typ: 'JWT' })).toString('base64url');
/**
 * The JSON of each claims object signed, written once: the gateway hands every call of one request
 * the same object (`SubgraphDataSource`), and mandates of a region are long. Claims are not changed
 * once signed (they are readonly).
 */
const claimsTexts = new WeakMap<CallerClaims, string>();
/** node:crypto's handle of each imported key, made once per key. */
const signingKeys = new WeakMap<CallerAssertionKey, KeyObject>();

/**
 * Signs a one-time assertion of the caller for one call to one subgraph (a compact JWT, ES256):
 * `aud` the subgraph, `op` the operation's hash, a fresh `jti`, 60 s. Runs in the gateway per
 * subgraph call: one ECDSA signature, no I/O. Written here with node:crypto's synchronous `sign`
 * rather than jose's `SignJWT`, which signs through WebCrypto: a thread-pool job and promise per
 * signature, about a tenth of the gateway's CPU under load (scripts/results/bench-profile-identical.md).
 * The token is the same compact JWS (RFC 7515, ES256 with the raw r||s signature of RFC 7518 3.4),
 * and the subgraphs verify it with node:crypto too (`verifyCallerAssertion`). With the channel key of the
 * one-process graph (`ChannelAssertionKey`) the same JWT is MACed instead (HS256, RFC 7518 3.2): an HMAC
 * costs about a hundredth of an ECDSA signature, and its check a hundredth of a verification.
 */
export function signCallerAssertion(claims: CallerClaims, binding: AssertionBinding, key: AssertionKey, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  let claimsText = claimsTexts.get(claims);
  if (claimsText === undefined) claimsTexts.set(claims, (claimsText = JSON.stringify(claims)));
  // The binding's claims written straight as JSON (what JSON.stringify of them would give), after the
  // caller's: `{...claims, ...bound}` as JSON, where a claim named as a binding claim is overridden
  // (JSON.parse keeps the last of a name).
  const intern = binding.intern?.length ? `,"intern":${JSON.stringify(binding.intern)}` : '';
  const boundText = `"op":${JSON.stringify(binding.operation)}${intern},"iss":"${ISSUER}","aud":${JSON.stringify(binding.audience)},"iat":${iat},"exp":${iat + CALLER_ASSERTION_TTL_SECONDS},"jti":"${randomUUID()}"}`;
  const payload = claimsText === '{}' ? `{${boundText}` : `${claimsText.slice(0, -1)},${boundText}`;
  if (isChannelKey(key)) {
    const signingInput = `${CHANNEL_PROTECTED_HEADER}.${Buffer.from(payload).toString('base64url')}`;
    return `${signingInput}.${channelMac(key, signingInput)}`;
  }
  const signingInput = `${PROTECTED_HEADER}.${Buffer.from(payload).toString('base64url')}`;
  let keyObject = signingKeys.get(key);
  if (!keyObject) signingKeys.set(key, (keyObject = KeyObject.from(key)));
  const signature = sign('sha256', Buffer.from(signingInput), { key: keyObject, dsaEncoding: 'ieee-p1363' });
  return `${signingInput}.${signature.toString('base64url')}`;
}

/** The HS256 MAC of a JWS signing input, base64url. */
function channelMac(key: ChannelAssertionKey, signingInput: string): string {
  return createHmac('sha256', key).update(signingInput).digest('base64url');
}

/** Whether `mac` is the channel key's MAC of `signingInput`, compared as text (one encoding only) in constant time. */
function channelMacMatches(key: ChannelAssertionKey, signingInput: string, mac: string): boolean {
  // Both written into buffers kept for it, not two new ones per call. 43 characters that take 43 bytes are ASCII,
  // so the bytes compared are the text as written; the MAC's own base64url is ASCII.
  if (mac.length !== MAC_LENGTH || givenMac.write(mac, 'utf8') !== MAC_LENGTH) return false;
  expectedMac.write(channelMac(key, signingInput), 'latin1');
  return timingSafeEqual(givenMac, expectedMac);
}

/** Characters of the base64url of an HS256 MAC (32 bytes). */
const MAC_LENGTH = 43;
const givenMac = Buffer.alloc(MAC_LENGTH);
const expectedMac = Buffer.alloc(MAC_LENGTH);

/** A verified assertion: the caller, what the fetch may carry, and what the replay check needs. */
export interface VerifiedAssertion {
  readonly claims: CallerClaims;
  readonly intern: readonly string[];
  readonly jti: string;
  /**
   * Until when (ms) its `jti` is remembered: past the last moment the assertion could still be accepted, which
   * is the earlier of `exp` plus the clock skew and `iat` plus 60 s (`assertionCheck`), not `exp` itself, which
   * left that skew (and for the gateway's own assertions the very millisecond of `exp`) open to a replay.
   */
  readonly expiresAt: number;
}

export type AssertionCheck = ({ readonly ok: true } & VerifiedAssertion) | { readonly ok: false; readonly reason: string };

/** node:crypto's handle of each imported public key, made once per key. */
const verifyingKeys = new WeakMap<CallerAssertionKey, KeyObject>();

/**
 * The payload of a compact JWS that this key signed with ES256 (raw r||s, RFC 7518 3.4), issued by the
 * gateway for `audience`, with `iat`, `exp`, `jti` and `op`, not expired and not before its `nbf` (both
 * within the clock skew); or why not. With node:crypto's `verify` rather than jose's `jwtVerify`, whose
 * WebCrypto path cost about 1 ms of the subgraphs' thread per resident view (six calls, each verified).
 * The signature check itself runs on libuv's thread pool (`verify` with a callback): on `npm start` the
 * seven subgraphs share one thread, which bounds the resident view, and the synchronous check was about a
 * tenth of it (issue 14); the thread keeps only the parsing and the claim checks. With the channel key
 * the payload must be MACed with it (HS256), checked on the thread: no job is worth queueing for an HMAC.
 * The key fixes the algorithm: a channel key accepts HS256 only, a public key ES256 only. Over the channel
 * the answer is there at once, not as a promise: every subgraph call of the one-process graph checks one,
 * on the thread that bounds the resident view.
 */
function verifiedPayload(token: string, key: AssertionKey, audience: string, now: number): VerifiedPayload | string | Promise<VerifiedPayload | string> {
  const firstDot = token.indexOf('.');
  const secondDot = token.indexOf('.', firstDot + 1);
  if (firstDot < 0 || secondDot < 0 || token.includes('.', secondDot + 1)) return 'not a compact JWS';
  const header = token.slice(0, firstDot);
  const signingInput = token.slice(0, secondDot);
  const signature = token.slice(secondDot + 1);
  const channel = isChannelKey(key);
  // The header as this module writes it says the key's algorithm and nothing else: no need to read it.
  if (header !== (channel ? CHANNEL_PROTECTED_HEADER : PROTECTED_HEADER)) {
    const problem = headerProblem(header, channel ? CHANNEL_ASSERTION_ALGORITHM : CALLER_ASSERTION_ALGORITHM);
    if (problem) return problem;
  }
  // Authenticated before its payload is read.
  if (channel) return channelMacMatches(key, signingInput, signature) ? authenticatedPayload(token, firstDot, secondDot, audience, now) : 'signature verification failed';
  return signatureMatches(key, signingInput, signature).then((valid) => (valid ? authenticatedPayload(token, firstDot, secondDot, audience, now) : 'signature verification failed'));
}

/** `verifiedPayload`'s checks of the payload of an authenticated token. */
function authenticatedPayload(token: string, firstDot: number, secondDot: number, audience: string, now: number): VerifiedPayload | string {
  let read: VerifiedPayload | undefined;
  try {
    read = readPayload(Buffer.from(token.slice(firstDot + 1, secondDot), 'base64url').toString('utf8'));
  } catch {
    return 'unreadable';
  }
  if (!read) return 'payload not an object';
  const { bound } = read;
  if (bound.iss !== ISSUER) return 'unexpected iss';
  const aud = bound.aud;
  if (!(aud === audience || (Array.isArray(aud) && aud.includes(audience)))) return 'unexpected aud';
  for (const claim of REQUIRED_CLAIMS) if (!(claim in bound)) return `missing ${claim}`;
  const { iat, exp, nbf } = bound;
  if (typeof iat !== 'number' || typeof exp !== 'number' || (nbf !== undefined && typeof nbf !== 'number')) return 'time claims malformed';
  const seconds = Math.floor(now / 1000);
  if (exp <= seconds - CALLER_ASSERTION_CLOCK_SKEW_SECONDS) return 'expired';
  if (typeof nbf === 'number' && nbf > seconds + CALLER_ASSERTION_CLOCK_SKEW_SECONDS) return 'not yet valid';
  return read;
}

/**
 * An authenticated payload: its registered and binding claims (`bound`), and the caller its other claims
 * make (`CallerOfClaims`).
 */
interface VerifiedPayload {
  readonly bound: Record<string, unknown>;
  readonly caller: CallerOfClaims;
}

/** The caller claims of an assertion, and what is wrong with them (`claimsProblem`), or undefined. */
interface CallerOfClaims {
  readonly claims: CallerClaims;
  readonly problem: string | undefined;
}

/**
 * The payload's JSON read (throws when it is not JSON; undefined when not an object). Every call of one gateway
 * request carries the same caller claims, written first (`signCallerAssertion`: `<claims>,"op":...}`), and only the
 * binding claims after them differ: the caller part is read and checked once per text (`callersByText`) and each
 * call parses only its binding claims (a consulent's with HBEL's gemeenten under three laws: 180 of 720 bytes).
 * The part before the last `,"op":"` is taken as the caller only when, read alone as `<part>}`, it is an object
 * with a claim and no binding claim, and the rest, as `{<rest>`, an object of binding claims only: then the whole
 * is valid JSON and reads as exactly those two together (an object is its members in order, and the two share no
 * name), so the outcome is that of `JSON.parse` of the whole. Else the whole is read as it stands. The MAC or
 * signature over the whole token is checked before, per call, and so is everything bound. Against JSON.parse of
 * the whole, alternating in one process (12,000 MACed assertions of 2,000 requests of six calls, the check plus
 * `principalFromClaims`): 8.2 against 10.2 µs per call, least of 30 rounds.
 */
function readPayload(text: string): VerifiedPayload | undefined {
  const split = text.lastIndexOf(',"op":"');
  if (split > 0) {
    const callerText = text.slice(0, split);
    let caller: CallerOfClaims | null | undefined = callersByText.get(callerText);
    if (caller === undefined) {
      caller = callerOfText(callerText);
      // Requests in flight are few (one entry each); a flood of others only pushes the least recently used out.
      if (caller !== null) callersByText.set(callerText, caller);
    }
    if (caller !== null) {
      const bound: unknown = JSON.parse(`{${text.slice(split + 1)}`);
      if (isObject(bound) && onlyBindingClaims(bound)) return { bound, caller };
    }
  }
  const payload: unknown = JSON.parse(text);
  if (!isObject(payload)) return undefined;
  const claims = callerClaimsOf(payload);
  return { bound: payload, caller: { claims, problem: claimsProblem(claims) } };
}

/**
 * Caller parts read before (`readPayload`), by their exact text: what one maps to follows from the text alone, so
 * whichever token carried it, the claims are those that token's text says. A text that is no caller part on its
 * own is not kept (only a token not written by `signCallerAssertion` has one).
 */
const callersByText = new LRUCache<string, CallerOfClaims>({ max: 256 });

/** The caller of `<callerText>}`, when that is an object with at least one claim and no binding claim; else null. */
function callerOfText(callerText: string): CallerOfClaims | null {
  let part: unknown;
  try {
    part = JSON.parse(`${callerText}}`);
  } catch {
    return null;
  }
  if (!isObject(part)) return null;
  let members = 0;
  for (const name in part) {
    if (!Object.hasOwn(part, name)) continue;
    if (BINDING_CLAIMS.has(name)) return null;
    members += 1;
  }
  // `{}`: the whole would be `{,"op":...`, not JSON.
  if (members === 0) return null;
  const claims = Object.freeze(callerClaimsOf(part));
  return { claims, problem: claimsProblem(claims) };
}

function onlyBindingClaims(value: Record<string, unknown>): boolean {
  for (const name in value) if (Object.hasOwn(value, name) && !BINDING_CLAIMS.has(name)) return false;
  return true;
}

const REQUIRED_CLAIMS = ['iat', 'exp', 'jti', 'op'] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What is wrong with a protected header other than the one this module writes, or undefined. */
function headerProblem(header: string, algorithm: string): string | undefined {
  let protectedHeader: unknown;
  try {
    protectedHeader = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
  } catch {
    return 'unreadable';
  }
  if (!isObject(protectedHeader) || protectedHeader.alg !== algorithm) return 'algorithm not allowed';
  // No extension the verifier would have to understand (RFC 7515 4.1.11), and the payload as signed (RFC 7797).
  if ('crit' in protectedHeader || 'b64' in protectedHeader) return 'header not allowed';
  return undefined;
}

/** Whether `signature` is the gateway's ES256 signature of `signingInput`, checked on libuv's thread pool. */
function signatureMatches(key: CallerAssertionKey, signingInput: string, signature: string): Promise<boolean> {
  let keyObject = verifyingKeys.get(key);
  if (!keyObject) verifyingKeys.set(key, (keyObject = KeyObject.from(key)));
  const signed = Buffer.from(signingInput);
  return new Promise<boolean>((resolve) => {
    try {
      verify('sha256', signed, { key: keyObject, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'), (error, ok) => resolve(!error && ok));
    } catch {
      // A signature of the wrong length or form is refused before any job is queued.
      resolve(false);
    }
  });
}

/** Registered claims of the JWT and the binding; everything else in the payload is the caller. */
const BINDING_CLAIMS = new Set(['iss', 'aud', 'iat', 'exp', 'nbf', 'jti', 'sub', 'op', 'intern']);

/**
 * Verifies an assertion for this subgraph and the operation it received: ES256 signature by the
 * gateway's key (over the one-process graph's channel: HS256 MAC with the channel key), issuer, `aud` this subgraph, `op` the hash of the body received, a `jti`, at most
 * 60 s old whatever `exp` says (and `exp - iat` at most 60, `iat` not in the future), and no claim
 * that only an in-process test principal may have. Whether the `jti` was seen before is the
 * replay guard's (`createReplayGuard`). Never throws.
 */
export function verifyCallerAssertion(
  token: string | undefined,
  key: AssertionKey,
  expected: { readonly audience: string; readonly operation: string },
  now = Date.now(),
): Promise<AssertionCheck> {
  // Not an async function: over the channel the check is done at once, and one settled promise is all
  // it costs (no async frames awaiting each other). Whatever throws is still a rejection, never a throw.
  try {
    if (!token) return Promise.resolve({ ok: false, reason: 'no assertion' });
    const payload = verifiedPayload(token, key, expected.audience, now);
    if (payload instanceof Promise) return payload.then((verified) => assertionCheck(verified, expected, now));
    return Promise.resolve(assertionCheck(payload, expected, now));
  } catch (error) {
    return Promise.reject(error);
  }
}

/** `verifyCallerAssertion`'s checks after `verifiedPayload`. */
function assertionCheck(payload: VerifiedPayload | string, expected: { readonly audience: string; readonly operation: string }, now: number): AssertionCheck {
  if (typeof payload === 'string') return { ok: false, reason: payload };
  const { bound, caller } = payload;
  const { iat, exp, jti, op } = bound as { iat: number; exp: number; jti: unknown; op: unknown };
  const seconds = now / 1000;
  if (exp - iat > CALLER_ASSERTION_TTL_SECONDS) return { ok: false, reason: 'lifetime over 60 s' };
  if (iat > seconds + CALLER_ASSERTION_CLOCK_SKEW_SECONDS) return { ok: false, reason: 'iat in the future' };
  // The 60 s are a ceiling, so the age is checked without the clock skew.
  if (seconds - iat > CALLER_ASSERTION_TTL_SECONDS) return { ok: false, reason: 'older than 60 s' };
  if (typeof jti !== 'string' || jti.length < 16) return { ok: false, reason: 'no jti' };
  if (op !== expected.operation) return { ok: false, reason: 'bound to another operation' };
  if (caller.problem) return { ok: false, reason: caller.problem };
  const intern = Array.isArray(bound.intern) ? bound.intern.filter((field): field is string => typeof field === 'string') : NO_INTERN;
  // The second after the last accepted one: `verifiedPayload` accepts up to `exp` plus the skew, the age check up to `iat` plus 60 s.
  const expiresAt = (Math.min(exp + CALLER_ASSERTION_CLOCK_SKEW_SECONDS, iat + CALLER_ASSERTION_TTL_SECONDS) + 1) * 1000;
  return { ok: true, claims: caller.claims, intern, jti, expiresAt };
}

const NO_INTERN: readonly string[] = Object.freeze([]);

/** Roles and organisations of the in-process test principals: never honoured from the network. */
const TEST_ONLY = new Set(['ontwikkeling', 'test']);
const HEX32 = /^[0-9a-f]{32}$/;

/** The payload less the registered and binding claims: the caller. */
function callerClaimsOf(payload: Record<string, unknown>): CallerClaims {
  const claims: Record<string, unknown> = {};
  for (const name in payload) {
    if (!Object.hasOwn(payload, name) || BINDING_CLAIMS.has(name)) continue;
    // A claim named __proto__ stays a claim, as JSON.parse made it, instead of setting the prototype.
    if (name === '__proto__') Object.defineProperty(claims, name, { value: payload[name], enumerable: true, writable: true, configurable: true });
    else claims[name] = payload[name];
  }
  return claims as unknown as CallerClaims;
}

function isStringList(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (typeof item !== 'string') return false;
  return true;
}

/** An object of lists of strings (depth 0), or of such objects (depth 1). */
function isPerWet(value: unknown, depth: number): boolean {
  if (!isObject(value)) return false;
  for (const name in value) {
    if (!Object.hasOwn(value, name)) continue;
    if (!(depth === 0 ? isStringList(value[name]) : isPerWet(value[name], depth - 1))) return false;
  }
  return true;
}

/** What is wrong with the claims' shape, or undefined. A list of gemeenten is always a list: "*" (all) is test-only. */
function claimsProblem(claims: CallerClaims): string | undefined {
  if (typeof claims.org !== 'string' || TEST_ONLY.has(claims.org)) return 'organisation not allowed';
  if (!isStringList(claims.roles) || claims.roles.some((role) => TEST_ONLY.has(role))) return 'roles not allowed';
  if (typeof claims.actor !== 'string') return 'no actor';
  if (!isPerWet(claims.mandates, 1)) return 'mandates malformed';
  if (claims.statistiek !== undefined && !isPerWet(claims.statistiek, 0)) return 'statistiek malformed';
  if (claims.aanbieder !== undefined && typeof claims.aanbieder !== 'string') return 'aanbieder malformed';
  if (typeof claims.traceId !== 'string' || !HEX32.test(claims.traceId)) return 'traceId malformed';
  const budget = claims.leesbudget as { max?: unknown; grens?: unknown } | undefined;
  if (budget !== undefined && (typeof budget !== 'object' || budget === null || !Number.isInteger(budget.max) || (budget.grens !== 'aanvraag' && budget.grens !== 'uur'))) {
    return 'leesbudget malformed';
  }
  if (claims.verzoekId !== undefined && (typeof claims.verzoekId !== 'string' || !HEX32.test(claims.verzoekId))) return 'verzoekId malformed';
  return undefined;
}

const NONE: GemeenteScope = { alle: false, gemeenten: [] };

/**
 * The principal a subgraph works with, from verified claims: its scope is exactly the mandates,
 * and it may resolve exactly the plan-internal fields the gateway named for this fetch.
 */
export function principalFromClaims(claims: CallerClaims, intern: readonly string[] = NO_INTERN): Principal {
  if (intern.length > 0) return new ClaimedPrincipal(claims, intern);
  // The calls of one request share their claims object (`readPayload`), and a principal is never changed:
  // one per claims object, for the calls that name no plan-internal field (nearly all).
  let principal = principalsOfClaims.get(claims);
  if (!principal) principalsOfClaims.set(claims, (principal = new ClaimedPrincipal(claims, NO_INTERN)));
  return principal;
}

const principalsOfClaims = new WeakMap<CallerClaims, Principal>();

/**
 * `principalFromClaims`' principal: its questions answered by methods rather than by closures made
 * per subgraph call (every call of a view builds one).
 */
class ClaimedPrincipal implements Principal {
  readonly organisatie: string;
  readonly rollen: readonly string[];
  readonly scopes: readonly Scope[];
  readonly aanbieder?: string;
  readonly actor: string;
  readonly leesbudget?: Leesbudget;

  constructor(
    private readonly claims: CallerClaims,
    private readonly intern: readonly string[],
  ) {
    this.organisatie = claims.org;
    this.rollen = claims.roles;
    this.scopes = scopesOf(claims.roles);
    this.aanbieder = claims.aanbieder;
    this.actor = claims.actor;
    this.leesbudget = claims.leesbudget;
  }

  scope(wet: Wet, rol: Rol): GemeenteScope {
    return gemeenteScope(this.claims.mandates[wet]?.[rol]);
  }

  statistiek(wet: Wet): GemeenteScope {
    return gemeenteScope(this.claims.statistiek?.[wet]);
  }

  planStap(veld: string): boolean {
    return this.intern.includes(veld);
  }
}

/**
 * The scopes of a set of roles, worked out once per set: every call of every caller with the same roles
 * asks for them, and they follow from the roles alone. Frozen, as they are shared.
 */
function scopesOf(roles: readonly string[]): readonly Scope[] {
  const key = JSON.stringify(roles);
  let scopes = scopesByRoles.get(key);
  if (!scopes) {
    // The sets of roles in use are few; a flood of odd ones only makes the map start over.
    if (scopesByRoles.size >= 256) scopesByRoles.clear();
    scopesByRoles.set(key, (scopes = Object.freeze(scopesForRoles(roles))));
  }
  return scopes;
}

const scopesByRoles = new Map<string, readonly Scope[]>();

function gemeenteScope(gemeenten: readonly string[] | undefined): GemeenteScope {
  return gemeenten ? { alle: false, gemeenten } : NONE;
}
