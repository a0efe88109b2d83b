import { createHash } from 'node:crypto';
import { generateKeyPair, SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDevIssuer } from '../dev-issuer/dev-issuer.js';
import { mintToken } from '../dev-issuer/mint-token.js';
import { createAuthenticate } from './authenticate.js';
import { ANONYMOUS_CALLER } from './caller.js';
import { createTokenVerifier, VERIFIED_TOKEN_REUSE_MS } from './token-verifier.js';

const verify = createTokenVerifier({ algorithms: ['ES256'], clockSkewSeconds: 30 }, 'memory');
const issuer = () => loadDevIssuer('memory');

async function refusal(token: string): Promise<unknown> {
  return verify(token).then(
    () => 'accepted',
    (error: { extensions?: { code?: string; http?: { status?: number } } }) => [error.extensions?.code, error.extensions?.http?.status],
  );
}

describe('createTokenVerifier with the development issuer', () => {
  it('accepts its token and reads organisation, known roles and subject', async () => {
    const token = await mintToken(await issuer(), { role: 'consulent', org: 'uo-hbel' });
    expect(await verify(token)).toEqual({ subject: 'dev-consulent-uo-hbel', org: 'uo-hbel', roles: ['consulent'] });
    expect((await verify(await mintToken(await issuer(), { role: 'koning', org: 'x' }))).roles).toEqual([]);
  });

  it('refuses expired, premature, wrong-audience, wrong-issuer, foreign-key and unsigned tokens with 401 UNAUTHENTICATED', async () => {
    const dev = await issuer();
    const foreign = (await generateKeyPair('ES256')).privateKey;
    const bad = [
      await mintToken(dev, { role: 'consulent', org: 'uo-hbel', now: Date.now() - 7200_000, expiresInSeconds: 3600 }),
      await mintToken(dev, { role: 'consulent', org: 'uo-hbel', notBeforeSeconds: 600 }),
      await mintToken(dev, { role: 'consulent', org: 'uo-hbel', audience: 'iets-anders' }),
      await mintToken(dev, { role: 'consulent', org: 'uo-hbel', issuer: 'iemand-anders' }),
      `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ iss: dev.issuer, aud: dev.audience, sub: 'x', org: 'y', exp: 9e9 })).toString('base64url')}.`,
      await new SignJWT({ org: 'uo-hbel', roles: ['consulent'] })
        .setProtectedHeader({ alg: 'ES256', kid: dev.kid })
        .setIssuer(dev.issuer).setAudience(dev.audience).setSubject('x').setExpirationTime('1h')
        .sign(foreign),
      'geen.jwt',
    ];
    for (const token of bad) expect(await refusal(token), token).toEqual(['UNAUTHENTICATED', 401]);
  });

  it('reads the client from client_id, else azp, and refuses one that is no client id', async () => {
    const dev = await issuer();
    expect((await verify(await mintToken(dev, { role: 'consulent', org: 'uo-hbel', client: 'consulent' }))).client).toBe('consulent');
    const signed = (claims: Record<string, unknown>) =>
      new SignJWT({ org: 'uo-hbel', roles: ['consulent'], ...claims })
        .setProtectedHeader({ alg: 'ES256', kid: dev.kid })
        .setIssuer(dev.issuer).setAudience(dev.audience).setSubject('x').setExpirationTime('1h')
        .sign(dev.privateKey);
    expect((await verify(await signed({ azp: 'backoffice' }))).client).toBe('backoffice');
    expect((await verify(await signed({}))).client).toBeUndefined();
    expect(await refusal(await signed({ client_id: 'a:b' }))).toEqual(['UNAUTHENTICATED', 401]);
  });

  it('refuses a token issued after it expires, or issued in the future beyond the clock skew, with 401 UNAUTHENTICATED', async () => {
    const dev = await issuer();
    const now = Math.floor(Date.now() / 1000);
    const signed = (iat: number, exp: number) =>
      new SignJWT({ org: 'uo-hbel', roles: ['consulent'] })
        .setProtectedHeader({ alg: 'ES256', kid: dev.kid })
        .setIssuer(dev.issuer).setAudience(dev.audience).setSubject('x').setIssuedAt(iat).setExpirationTime(exp)
        .sign(dev.privateKey);
    // iat after exp, both in the valid window of exp.
    expect(await refusal(await signed(now + 20, now + 10))).toEqual(['UNAUTHENTICATED', 401]);
    // Issued a day from now, or just beyond the 30 s skew.
    expect(await refusal(await signed(now + 86_400, now + 2 * 86_400))).toEqual(['UNAUTHENTICATED', 401]);
    expect(await refusal(await signed(now + 120, now + 3600))).toEqual(['UNAUTHENTICATED', 401]);
    // Within the skew, and in the past: accepted.
    expect(await refusal(await signed(now + 10, now + 3600))).toBe('accepted');
    expect(await refusal(await signed(now - 600, now + 3600))).toBe('accepted');
    // A stricter skew refuses what the default allows.
    const strict = createTokenVerifier({ algorithms: ['ES256'], clockSkewSeconds: 0 }, 'memory');
    await expect(strict(await signed(now + 10, now + 3600))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  describe('a token verified before', () => {
    afterEach(() => vi.useRealTimers());

    it('is accepted again with the same claims until it expires, and refused from then on', async () => {
      const dev = await issuer();
      const remembering = createTokenVerifier({ algorithms: ['ES256'], clockSkewSeconds: 0 }, 'memory');
      const token = await mintToken(dev, { role: 'consulent', org: 'uo-hbel', expiresInSeconds: 120 });
      const first = await remembering(token);
      vi.useFakeTimers({ now: Date.now() });
      expect(await remembering(token)).toEqual(first);
      // Past its reuse: checked anew, and still valid.
      vi.advanceTimersByTime(VERIFIED_TOKEN_REUSE_MS + 1_000);
      expect(await remembering(token)).toEqual(first);
      // Past its `exp`: refused, though it was accepted a moment before.
      vi.advanceTimersByTime(61_000);
      await expect(remembering(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    });

    it('is never a reason to accept a token that differs from it in any byte', async () => {
      const dev = await issuer();
      const token = await mintToken(dev, { role: 'consulent', org: 'uo-hbel' });
      await verify(token);
      const [header, payload, signature] = token.split('.');
      const other = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), org: 'regio-gv' })).toString('base64url');
      expect(await refusal(`${header}.${other}.${signature}`)).toEqual(['UNAUTHENTICATED', 401]);
      expect(await refusal(`${token}x`)).toEqual(['UNAUTHENTICATED', 401]);
    });

    it('does not make a refused token acceptable, nor an accepted one refused', async () => {
      const dev = await issuer();
      const expired = await mintToken(dev, { role: 'consulent', org: 'uo-hbel', now: Date.now() - 7200_000, expiresInSeconds: 3600 });
      expect(await refusal(expired)).toEqual(['UNAUTHENTICATED', 401]);
      expect(await refusal(expired)).toEqual(['UNAUTHENTICATED', 401]);
      const valid = await mintToken(dev, { role: 'consulent', org: 'uo-hbel', subject: 'twee-keer' });
      expect(await verify(valid)).toMatchObject({ subject: 'twee-keer' });
      expect(await verify(valid)).toMatchObject({ subject: 'twee-keer' });
    });
  });

  it('refuses a token without an organisation', async () => {
    const dev = await issuer();
    const token = await new SignJWT({ roles: ['consulent'] })
      .setProtectedHeader({ alg: 'ES256', kid: dev.kid })
      .setIssuer(dev.issuer).setAudience(dev.audience).setSubject('x').setExpirationTime('1h')
      .sign(dev.privateKey);
    expect(await refusal(token)).toEqual(['UNAUTHENTICATED', 401]);
  });
});

describe('createAuthenticate', () => {
  const arrangements = async () => [{ gemeenteCode: '0317', wet: 'WMO', rol: 'UITVOERING' }];
  const authenticate = createAuthenticate(verify, arrangements, 'een-geheim-van-deze-test-van-32-tekens-of-meer');

  it('makes a caller without a header anonymous and refuses other schemes', async () => {
    expect(await authenticate(undefined, 't')).toBe(ANONYMOUS_CALLER);
    await expect(authenticate('Basic YWI6Y2Q=', 't')).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('turns a verified token into a caller with mandates and a pseudonymous actor', async () => {
    const token = await mintToken(await issuer(), { role: 'backoffice', org: 'uo-hbel' });
    const caller = await authenticate(`Bearer ${token}`, 't');
    expect(caller).toMatchObject({ org: 'uo-hbel', roles: ['backoffice'], mandates: { WMO: { UITVOERING: ['0317'] } } });
    expect(caller.actor).toMatch(/^[0-9a-f]{32}$/);
    // Keyed: not the unkeyed hash of `sub` that anyone guessing user ids could recompute, and another key gives another pseudonym.
    const subject = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub as string;
    expect(caller.actor).not.toBe(createHash('sha256').update(subject).digest('hex').slice(0, 32));
    const other = await createAuthenticate(verify, arrangements, 'een-ander-geheim-van-deze-test-van-32-tekens')(`Bearer ${token}`, 't');
    expect(other.actor).not.toBe(caller.actor);
  });

  it('makes an aanbieder with an AGB code a provider of that code, without mandates or aggregates', async () => {
    const token = await mintToken(await issuer(), { role: 'aanbieder', org: '12345678' });
    expect(await authenticate(`Bearer ${token}`, 't')).toMatchObject({ org: '12345678', aanbieder: '12345678', mandates: {}, statistiek: {} });
  });

  it('refuses an aanbieder whose organisation is no AGB code with 401 UNAUTHENTICATED', async () => {
    const token = await mintToken(await issuer(), { role: 'aanbieder', org: 'uo-hbel' });
    await expect(authenticate(`Bearer ${token}`, 't')).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      message: expect.stringMatching(/AGB-code/),
    });
  });

  it('gives the caller of a token new mandates as soon as its organisation has other arrangements', async () => {
    let current = [{ gemeenteCode: '0317', wet: 'WMO', rol: 'UITVOERING' }];
    const changing = createAuthenticate(verify, async () => current, 'een-geheim-van-deze-test-van-32-tekens-of-meer');
    const header = `Bearer ${await mintToken(await issuer(), { role: 'backoffice', org: 'uo-hbel' })}`;
    const first = await changing(header, 't');
    expect(await changing(header, 't')).toEqual(first);
    current = [{ gemeenteCode: '0406', wet: 'WMO', rol: 'UITVOERING' }];
    expect((await changing(header, 't')).mandates).toEqual({ WMO: { UITVOERING: ['0406'] } });
    current = [];
    expect((await changing(header, 't')).mandates).toEqual({});
    expect((await changing(header, 't')).actor).toBe(first.actor);
  });

  it("gives beleid of a gemeente that gemeente's aggregates and no aanbieder claim", async () => {
    const token = await mintToken(await issuer(), { role: 'beleid', org: '0317' });
    const caller = await authenticate(`Bearer ${token}`, 't');
    expect(caller.statistiek).toEqual({ WMO: ['0317'], JEUGDWET: ['0317'], PARTICIPATIEWET: ['0317'] });
    expect(caller.aanbieder).toBeUndefined();
  });
});
