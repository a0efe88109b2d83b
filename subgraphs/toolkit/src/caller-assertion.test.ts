import { createHash, createHmac } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { Scope } from './authorization.js';
import { Rol, Wet } from './domain.js';
import {
  type CallerClaims, documentRememberingOperationHash, importCallerAssertionKey, newChannelAssertionKey, operationHash, principalFromClaims, signCallerAssertion,
  verifyCallerAssertion,
} from './caller-assertion.js';
import { newInstallationSecrets } from './secrets.js';

const claims: CallerClaims = {
  org: 'uo-hbel',
  roles: ['consulent'],
  actor: 'a1',
  traceId: '0af7651916cd43dd8448eb211c80319c',
  verzoekId: '1af7651916cd43dd8448eb211c80319c',
  mandates: { WMO: { UITVOERING: ['0406', '0317'] }, JEUGDWET: { UITVOERING: ['0406'] } },
};

const installation = newInstallationSecrets();
const privateKey = await importCallerAssertionKey(installation.callerAssertionPrivateKey);
const publicKey = await importCallerAssertionKey(installation.callerAssertionPublicKey);
const query = '{ wmoToewijzingen(first: 5) { items { toewijzingsnummer } } }';
const binding = { audience: 'wmo', operation: operationHash(query, { a: 1 }) };

describe('documentRememberingOperationHash', () => {
  it('is operationHash, SHA-256 of the JSON of [document, variables], also for a document seen before or forgotten', () => {
    const plain = (document: string | null | undefined, variables: unknown) => createHash('sha256').update(JSON.stringify([document ?? null, variables ?? null])).digest('base64url');
    const remembering = documentRememberingOperationHash(2);
    const cases: [string | null | undefined, unknown][] = [
      [query, { a: 1 }], [query, { a: 2 }], [query, undefined], [query, null], [null, { a: 1 }], [undefined, undefined],
      ['{ x }', { representations: [{ __typename: 'Inwoner', id: 'é\u2028"' }], nested: { undefinedLeft: undefined } }],
      [query, { a: 1 }],
    ];
    for (const [document, variables] of cases) {
      expect(remembering(document, variables), JSON.stringify([document, variables])).toBe(plain(document, variables));
      // The variables' JSON as the gateway writes it for the body, handed in: the same hash.
      expect(remembering(document, variables, JSON.stringify(variables ?? null) ?? 'null')).toBe(plain(document, variables));
      expect(operationHash(document, variables)).toBe(plain(document, variables));
    }
    // Another document, or other variables, another hash.
    expect(remembering(query, { a: 1 })).not.toBe(remembering(query, { a: 2 }));
    expect(remembering(query, { a: 1 })).not.toBe(remembering('{ x }', { a: 1 }));
  });
});

describe('caller assertion', () => {
  it('round-trips the claims (unknown ones too) and turns them into exactly those mandates', async () => {
    const extended = { ...claims, nieuw: 'claim' } as CallerClaims;
    const check = await verifyCallerAssertion(await signCallerAssertion(extended, binding, privateKey), publicKey, binding);
    if (!check.ok) throw new Error(check.reason);
    expect(check.claims).toEqual(extended);
    const principal = principalFromClaims(check.claims);
    expect(principal.scope(Wet.WMO, Rol.UITVOERING)).toEqual({ alle: false, gemeenten: ['0406', '0317'] });
    expect(principal.scope(Wet.JEUGDWET, Rol.UITVOERING)).toEqual({ alle: false, gemeenten: ['0406'] });
    expect(principal.scope(Wet.PARTICIPATIEWET, Rol.UITVOERING)).toEqual({ alle: false, gemeenten: [] });
    expect(principal.planStap('StapelingKosten.leden')).toBe(false);
  });

  it('gives each caller the scopes of its own roles, also when callers with other roles come between', async () => {
    const asRoles = async (roles: string[]) => {
      const check = await verifyCallerAssertion(signCallerAssertion({ ...claims, roles }, binding, privateKey), publicKey, binding);
      if (!check.ok) throw new Error(check.reason);
      return principalFromClaims(check.claims).scopes;
    };
    for (let round = 0; round < 2; round += 1) {
      expect(await asRoles(['analist'])).toEqual([Scope.AGGREGATEN]);
      expect(await asRoles(['consulent'])).toContain(Scope.BSN);
      expect(await asRoles(['aanbieder', 'analist'])).toEqual([Scope.PERSOONSGEGEVENS, Scope.DECLARATIES, Scope.AGGREGATEN]);
      expect(await asRoles([])).toEqual([]);
    }
    // Shared between principals of the same roles: no principal can change another's.
    expect(Object.isFrozen(await asRoles(['analist']))).toBe(true);
  });

  it('signs one claims object for several calls, each bound to its own subgraph and operation, binding claims winning over claims of their name', async () => {
    const shared = { ...claims, aud: 'toegang', op: 'iets-anders' } as CallerClaims;
    const other = { audience: 'jeugd', operation: operationHash(query, { a: 2 }) };
    const first = await verifyCallerAssertion(signCallerAssertion(shared, binding, privateKey), publicKey, binding);
    const second = await verifyCallerAssertion(signCallerAssertion(shared, other, privateKey), publicKey, other);
    if (!first.ok || !second.ok) throw new Error('refused');
    expect(first.claims).toEqual(claims);
    expect(second.claims).toEqual(claims);
    expect(first.jti).not.toBe(second.jti);
    expect((await verifyCallerAssertion(signCallerAssertion(shared, other, privateKey), publicKey, binding)).ok).toBe(false);
    expect((await verifyCallerAssertion(signCallerAssertion(shared, binding, privateKey), publicKey, { ...binding, audience: 'toegang' })).ok).toBe(false);
  });

  it('is valid only for its subgraph and its operation', async () => {
    const token = await signCallerAssertion(claims, binding, privateKey);
    expect((await verifyCallerAssertion(token, publicKey, { ...binding, audience: 'toegang' })).ok).toBe(false);
    expect((await verifyCallerAssertion(token, publicKey, { ...binding, operation: operationHash(query, { a: 2 }) })).ok).toBe(false);
    expect((await verifyCallerAssertion(token, publicKey, { ...binding, operation: operationHash(`${query} `, { a: 1 }) })).ok).toBe(false);
  });

  it('refuses another key, a tampered payload, an old, long-lived or future one, HS256, alg none and garbage', async () => {
    const token = await signCallerAssertion(claims, binding, privateKey);
    const other = await importCallerAssertionKey(newInstallationSecrets().callerAssertionPublicKey);
    const badSignature = { ok: false, reason: 'signature verification failed' };
    expect(await verifyCallerAssertion(token, other, binding)).toEqual(badSignature);
    const [h, p, s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), mandates: { WMO: { UITVOERING: ['0307'] } } })).toString('base64url');
    expect(await verifyCallerAssertion(`${h}.${forged}.${s}`, publicKey, binding)).toEqual(badSignature);
    // A signature cut short, or none at all: refused, never thrown (the check runs on the thread pool).
    expect(await verifyCallerAssertion(`${h}.${p}.${s!.slice(0, 40)}`, publicKey, binding)).toEqual(badSignature);
    expect(await verifyCallerAssertion(`${h}.${p}.`, publicKey, binding)).toEqual(badSignature);
    // 61 s old: refused, although its exp (60 s after iat) lies within the clock skew.
    expect((await verifyCallerAssertion(await signCallerAssertion(claims, binding, privateKey, Date.now() - 61_000), publicKey, binding)).ok).toBe(false);
    expect((await verifyCallerAssertion(await signCallerAssertion(claims, binding, privateKey, Date.now() + 60_000), publicKey, binding)).ok).toBe(false);
    // Signed with the right key, but valid for a year: refused whatever exp says.
    const now = Math.floor(Date.now() / 1000);
    const long = await new SignJWT({ ...claims, op: binding.operation })
      .setProtectedHeader({ alg: 'ES256' }).setIssuer('sociaal-graph-gateway').setAudience('wmo').setJti('0123456789abcdef0123')
      .setIssuedAt(now).setExpirationTime(now + 365 * 86_400).sign(privateKey);
    expect(await verifyCallerAssertion(long, publicKey, binding)).toMatchObject({ ok: false, reason: 'lifetime over 60 s' });
    const hsHeader = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
    const hs = `${hsHeader}.${p}.${createHmac('sha256', 'sociaal-graph-ontwikkeling-assertie').update(`${hsHeader}.${p}`).digest('base64url')}`;
    expect((await verifyCallerAssertion(hs, publicKey, binding)).ok).toBe(false);
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${p}.`;
    expect((await verifyCallerAssertion(none, publicKey, binding)).ok).toBe(false);
    expect((await verifyCallerAssertion('abc', publicKey, binding)).ok).toBe(false);
    expect((await verifyCallerAssertion(undefined, publicKey, binding)).ok).toBe(false);
  });

  it('refuses, signed with the right key: an expired one, one not yet valid, another issuer or audience, a missing jti or op', async () => {
    const now = Math.floor(Date.now() / 1000);
    const signed = (payload: Record<string, unknown>) =>
      new SignJWT({ ...claims, op: binding.operation, iss: 'sociaal-graph-gateway', aud: 'wmo', jti: '0123456789abcdef0123', iat: now, exp: now + 60, ...payload })
        .setProtectedHeader({ alg: 'ES256' }).sign(privateKey);
    // The right shape passes, so each refusal below is for its one difference.
    expect((await verifyCallerAssertion(await signed({}), publicKey, binding)).ok).toBe(true);
    expect(await verifyCallerAssertion(await signed({ iat: now - 50, exp: now - 10 }), publicKey, binding)).toMatchObject({ ok: false, reason: 'expired' });
    expect(await verifyCallerAssertion(await signed({ nbf: now + 30 }), publicKey, binding)).toMatchObject({ ok: false, reason: 'not yet valid' });
    expect(await verifyCallerAssertion(await signed({ iss: 'iemand-anders' }), publicKey, binding)).toMatchObject({ ok: false, reason: 'unexpected iss' });
    expect(await verifyCallerAssertion(await signed({ aud: ['jeugd', 'toegang'] }), publicKey, binding)).toMatchObject({ ok: false, reason: 'unexpected aud' });
    expect(await verifyCallerAssertion(await signed({ jti: undefined }), publicKey, binding)).toMatchObject({ ok: false, reason: 'missing jti' });
    expect(await verifyCallerAssertion(await signed({ op: undefined }), publicKey, binding)).toMatchObject({ ok: false, reason: 'missing op' });
  });

  it('asks the replay guard to remember a jti for as long as the assertion could be accepted, clock skew included', async () => {
    const now = Math.floor(Date.now() / 1000);
    const signed = (iat: number, exp: number) =>
      new SignJWT({ ...claims, op: binding.operation, iss: 'sociaal-graph-gateway', aud: 'wmo', jti: '0123456789abcdef0123', iat, exp })
        .setProtectedHeader({ alg: 'ES256' }).sign(privateKey);
    // Expired 4 s ago, within the 5 s skew: still accepted, so its id must be remembered past exp + 5 s, not only until exp.
    const late = await verifyCallerAssertion(await signed(now - 14, now - 4), publicKey, binding);
    expect(late).toMatchObject({ ok: true });
    expect(late.ok && late.expiresAt).toBeGreaterThan((now - 4 + 5) * 1000);
    // The gateway's own shape (exp = iat + 60): accepted until iat + 60 s inclusive, remembered beyond that moment.
    const fresh = await verifyCallerAssertion(await signed(now, now + 60), publicKey, binding);
    expect(fresh.ok && fresh.expiresAt).toBeGreaterThan((now + 60) * 1000);
    expect(fresh.ok && fresh.expiresAt).toBeLessThanOrEqual((now + 61) * 1000);
  });

  it('refuses the claims of the in-process test principals, whoever signed them', async () => {
    const testOnly: CallerClaims[] = [
      { ...claims, org: 'ontwikkeling' },
      { ...claims, roles: ['ontwikkeling'] },
      { ...claims, roles: ['consulent', 'test'] },
      { ...claims, mandates: { WMO: { UITVOERING: '*' } } } as unknown as CallerClaims,
      { ...claims, statistiek: { WMO: '*' } } as unknown as CallerClaims,
    ];
    for (const bad of testOnly) {
      expect((await verifyCallerAssertion(await signCallerAssertion(bad, binding, privateKey), publicKey, binding)).ok).toBe(false);
    }
  });
});

describe('caller assertion over the one-process channel (MAC)', () => {
  const channelKey = newChannelAssertionKey();

  it('binds the same claims as a signed one, valid with the channel\'s key only', async () => {
    const token = signCallerAssertion(claims, binding, channelKey);
    expect(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    // Settled at once over the channel, but still a promise, as every caller awaits it.
    expect(verifyCallerAssertion(token, channelKey, binding)).toBeInstanceOf(Promise);
    expect(await verifyCallerAssertion(token, channelKey, binding)).toMatchObject({ ok: true, claims });
    expect(await verifyCallerAssertion(token, newChannelAssertionKey(), binding)).toEqual({ ok: false, reason: 'signature verification failed' });
    expect((await verifyCallerAssertion(token, channelKey, { ...binding, audience: 'toegang' })).ok).toBe(false);
    expect((await verifyCallerAssertion(token, channelKey, { ...binding, operation: operationHash(query, { a: 2 }) })).ok).toBe(false);
    expect((await verifyCallerAssertion(signCallerAssertion(claims, binding, channelKey, Date.now() - 61_000), channelKey, binding)).ok).toBe(false);
  });

  it('takes from each key only its own algorithm, and a MAC only as it was written', async () => {
    // The gateway's signature checked with a channel key, and a MAC checked with the public key.
    expect(await verifyCallerAssertion(signCallerAssertion(claims, binding, privateKey), channelKey, binding)).toEqual({ ok: false, reason: 'algorithm not allowed' });
    expect(await verifyCallerAssertion(signCallerAssertion(claims, binding, channelKey), publicKey, binding)).toEqual({ ok: false, reason: 'algorithm not allowed' });
    const [h, p, mac] = signCallerAssertion(claims, binding, channelKey).split('.');
    const badMac = { ok: false, reason: 'signature verification failed' };
    // Cut short, padded, or with a character base64url decoding would skip: not the MAC as written.
    for (const altered of [mac!.slice(0, 40), `${mac}=`, `${mac!.slice(0, 20)}.${mac!.slice(20)}`.replace('.', '!'), '']) {
      expect(await verifyCallerAssertion(`${h}.${p}.${altered}`, channelKey, binding)).toEqual(badMac);
    }
    const widened = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), org: '0307' })).toString('base64url');
    expect(await verifyCallerAssertion(`${h}.${widened}.${mac}`, channelKey, binding)).toEqual(badMac);
  });
});

describe('the caller part read once per text', () => {
  const channelKey = newChannelAssertionKey();
  /** A token MACed with the channel key around exactly this payload text. */
  const macced = (payload: string) => {
    const input = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${Buffer.from(payload).toString('base64url')}`;
    return `${input}.${createHmac('sha256', channelKey).update(input).digest('base64url')}`;
  };
  const now = Math.floor(Date.now() / 1000);
  const boundText = (extra = '') => `"op":"${binding.operation}","iss":"sociaal-graph-gateway","aud":"wmo","iat":${now},"exp":${now + 60},"jti":"${crypto.randomUUID()}"${extra}}`;
  const verified = async (token: string) => {
    const check = await verifyCallerAssertion(token, channelKey, binding);
    if (!check.ok) throw new Error(check.reason);
    return check;
  };

  it('gives every call the claims and principal of its own text, however alike and in whatever order', async () => {
    const amersfoort = { ...claims, mandates: { WMO: { UITVOERING: ['0307'] } } };
    const otherRequest = { ...claims, verzoekId: '2af7651916cd43dd8448eb211c80319c' };
    // Its text ends as that of `claims` (the mandates last) and differs at the start only.
    const otherOrganisation = { ...claims, org: '0307', actor: 'a2' };
    for (let round = 0; round < 3; round += 1) {
      for (const [sent, wmo] of [[claims, ['0406', '0317']], [amersfoort, ['0307']], [otherOrganisation, ['0406', '0317']], [otherRequest, ['0406', '0317']]] as const) {
        const check = await verified(signCallerAssertion(sent, binding, channelKey));
        expect(check.claims).toEqual(sent);
        expect(principalFromClaims(check.claims, check.intern).scope(Wet.WMO, Rol.UITVOERING)).toEqual({ alle: false, gemeenten: wmo });
      }
    }
    // The calls of one request share a principal; a call that names plan-internal fields gets its own.
    const first = await verified(signCallerAssertion(claims, binding, channelKey));
    const second = await verified(signCallerAssertion(claims, { ...binding, intern: ['StapelingKosten.leden'] }, channelKey));
    expect(principalFromClaims(first.claims, first.intern)).toBe(principalFromClaims((await verified(signCallerAssertion(claims, binding, channelKey))).claims));
    expect(principalFromClaims(second.claims, second.intern).planStap('StapelingKosten.leden')).toBe(true);
    expect(principalFromClaims(first.claims, first.intern).planStap('StapelingKosten.leden')).toBe(false);
  });

  it('reads claims of any length and in any script as they were written', async () => {
    for (const actor of ['é€😀\u2028"', 'x'.repeat(5_000), 'x'.repeat(10_000), 'x'.repeat(20_000), '😀'.repeat(6_000)]) {
      const sent = { ...claims, actor };
      expect((await verified(signCallerAssertion(sent, binding, channelKey))).claims).toEqual(sent);
    }
  });

  it('still checks the MAC of every call whose caller part was read before', async () => {
    const token = signCallerAssertion(claims, binding, channelKey);
    await verified(token);
    const [h, p, mac] = token.split('.');
    const payload = Buffer.from(p!, 'base64url').toString();
    // The same caller part, another jti or audience, the MAC of the first token: refused.
    for (const altered of [payload.replace(/"jti":"[^"]+"/, `"jti":"${crypto.randomUUID()}"`), payload.replace('"aud":"wmo"', '"aud":"jeugd"')]) {
      expect(await verifyCallerAssertion(`${h}.${Buffer.from(altered).toString('base64url')}.${mac}`, channelKey, binding)).toEqual({ ok: false, reason: 'signature verification failed' });
    }
    // Another key's MAC of the same text.
    expect(await verifyCallerAssertion(token, newChannelAssertionKey(), binding)).toEqual({ ok: false, reason: 'signature verification failed' });
    // A MAC of 43 characters with one that is not ASCII but ends in the byte of the right one.
    const wide = String.fromCharCode(0x100 + mac!.charCodeAt(42));
    expect(await verifyCallerAssertion(`${h}.${p}.${mac!.slice(0, 42)}${wide}`, channelKey, binding)).toEqual({ ok: false, reason: 'signature verification failed' });
  });

  it('reads a payload as JSON.parse of the whole does, where the part before "op" is not a caller on its own', async () => {
    const callerText = JSON.stringify(claims).slice(0, -1);
    // A claim after the binding claims wins, as the later of two names does in JSON.
    expect((await verified(macced(`${callerText},${boundText(',"org":"0307"')}`))).claims).toMatchObject({ org: '0307' });
    // A binding claim among the caller's (signed all the same): it counts, here a nbf 30 s ahead.
    expect(await verifyCallerAssertion(macced(`${callerText},"nbf":${now + 30},${boundText()}`), channelKey, binding)).toMatchObject({ ok: false, reason: 'not yet valid' });
    // An empty caller part: `{,"op":...}` is no JSON.
    expect(await verifyCallerAssertion(macced(`{,${boundText()}`), channelKey, binding)).toEqual({ ok: false, reason: 'unreadable' });
    // A part that is an object only when cut there ("op" inside a string is escaped, so a nested one): read whole.
    const nested = `{"org":"uo-hbel","roles":["consulent"],"actor":"a1","traceId":"${claims.traceId}","mandates":{"WMO":{"x":[]},"op":"${binding.operation}","iss":"sociaal-graph-gateway","aud":"wmo","iat":${now},"exp":${now + 60},"jti":"${crypto.randomUUID()}"}}`;
    expect(await verifyCallerAssertion(macced(nested), channelKey, binding)).toEqual({ ok: false, reason: 'unexpected iss' });
    // The plain shape passes, so each refusal above is for its one difference.
    expect((await verified(macced(`${callerText},${boundText()}`))).claims).toEqual(claims);
  });
});
