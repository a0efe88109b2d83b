import { describe, expect, it } from 'vitest';
import { ANONYMOUS_CALLER, type Caller } from '../auth/caller.js';
import { readAuthorization, rightsOf, unmetRequirement, withoutSecurityPurpose } from './authorization-requirements.js';

const SDL = `
schema
  @link(url: "https://specs.apollo.dev/link/v1.0")
  @link(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY)
  @link(url: "https://specs.apollo.dev/requiresScopes/v0.1", as: "scopes", for: SECURITY)
  @link(url: "https://specs.apollo.dev/policy/v0.1", for: SECURITY)
{ query: Query }
type Query { gemeente: Gemeente  inwoner: Inwoner @authenticated  meldingen: [[Melding!]]! }
type Gemeente { naam: String! }
type Inwoner { id: String!  bsn: String @authenticated @scopes(scopes: [["bsn:lezen"], ["a", "b"]]) @policy(policies: [["mandaat"]]) }
type Melding @scopes(scopes: [["persoonsgegevens:lezen"]]) { id: String! }
`;

const caller = (roles: string[], mandates: Caller['mandates'] = {}): Caller => ({ org: 'uo-hbel', roles, actor: 'x', mandates });

describe('readAuthorization', () => {
  const { fields, roots } = readAuthorization(SDL);

  it('reads field directives under their linked names, and a type directive onto each field returning the type', () => {
    expect(fields.get('Query.gemeente')).toEqual({ type: 'Gemeente', listDepth: 0, requirements: [] });
    expect(fields.get('Inwoner.bsn')?.requirements).toEqual([
      { kind: 'authenticated' },
      { kind: 'scopes', anyOf: [['bsn:lezen'], ['a', 'b']] },
      { kind: 'policies', anyOf: [['mandaat']] },
    ]);
    expect(fields.get('Query.meldingen')).toEqual({ type: 'Melding', listDepth: 2, requirements: [{ kind: 'scopes', anyOf: [['persoonsgegevens:lezen']] }] });
    // The type's own fields are not protected by it.
    expect(fields.get('Melding.id')?.requirements).toEqual([]);
    expect(roots.query).toBe('Query');
  });

  it('needs every requirement, any one inner list of scopes, and all scopes of that list', () => {
    const bsn = fields.get('Inwoner.bsn')!.requirements;
    const consulent = rightsOf(caller(['consulent'], { WMO: { TOEGANG: ['0406'] } }));
    expect(unmetRequirement(bsn, consulent)).toBeUndefined();
    // Scope without mandate: the policy is not met.
    expect(unmetRequirement(bsn, rightsOf(caller(['consulent'])))).toEqual({ kind: 'policies', anyOf: [['mandaat']] });
    expect(unmetRequirement(bsn, rightsOf(caller(['analist'], { WMO: { UITVOERING: ['0406'] } })))?.kind).toBe('scopes');
    expect(unmetRequirement(bsn, rightsOf(ANONYMOUS_CALLER))).toEqual({ kind: 'authenticated' });
  });

  it('gives the mandaat policy for TOEGANG or UITVOERING only', () => {
    expect(rightsOf(caller(['inkoper'], { WMO: { INKOOP: ['0406'] } })).policies.size).toBe(0);
    expect(rightsOf(caller(['backoffice'], { JEUGDWET: { UITVOERING: ['0406'] } })).policies).toEqual(new Set(['mandaat']));
    expect(rightsOf(caller(['backoffice'], { JEUGDWET: { UITVOERING: [] } })).policies.size).toBe(0);
  });
});

describe('withoutSecurityPurpose', () => {
  it('drops `for: SECURITY` from the links and nothing else', () => {
    const sdl = withoutSecurityPurpose(SDL);
    expect(sdl).not.toContain('SECURITY');
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/requiresScopes/v0.1", as: "scopes")');
  });
});
