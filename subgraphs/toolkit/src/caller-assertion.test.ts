import { describe, expect, it } from 'vitest';
import { Rol, Wet } from './domain.js';
import { type CallerClaims, principalFromClaims, signCallerAssertion, verifyCallerAssertion } from './caller-assertion.js';

const claims: CallerClaims = {
  org: 'uo-hbel',
  roles: ['consulent'],
  actor: 'a1',
  traceId: '0af7651916cd43dd8448eb211c80319c',
  mandates: { WMO: { UITVOERING: ['0406', '0317'] }, JEUGDWET: { UITVOERING: ['0406'] } },
};

describe('caller assertion', () => {
  it('round-trips the claims and turns them into exactly those mandates', () => {
    const verified = verifyCallerAssertion(signCallerAssertion(claims, 'geheim'), 'geheim');
    expect(verified).toEqual(claims);
    const principal = principalFromClaims(verified as CallerClaims);
    expect(principal.scope(Wet.WMO, Rol.UITVOERING)).toEqual({ alle: false, gemeenten: ['0406', '0317'] });
    expect(principal.scope(Wet.JEUGDWET, Rol.UITVOERING)).toEqual({ alle: false, gemeenten: ['0406'] });
    expect(principal.scope(Wet.PARTICIPATIEWET, Rol.UITVOERING)).toEqual({ alle: false, gemeenten: [] });
  });

  it('refuses a wrong secret, a tampered payload, an expired token, alg none and garbage', () => {
    const token = signCallerAssertion(claims, 'geheim');
    expect(verifyCallerAssertion(token, 'ander')).toBeUndefined();
    const [h, p, s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), mandates: { WMO: { UITVOERING: '*' } } })).toString('base64url');
    expect(verifyCallerAssertion(`${h}.${forged}.${s}`, 'geheim')).toBeUndefined();
    expect(verifyCallerAssertion(signCallerAssertion(claims, 'geheim', Date.now() - 10 * 60_000), 'geheim')).toBeUndefined();
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${p}.`;
    expect(verifyCallerAssertion(none, 'geheim')).toBeUndefined();
    expect(verifyCallerAssertion('abc', 'geheim')).toBeUndefined();
    expect(verifyCallerAssertion(undefined, 'geheim')).toBeUndefined();
  });
});
