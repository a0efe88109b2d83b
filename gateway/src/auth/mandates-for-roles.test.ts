import { describe, expect, it } from 'vitest';
import { hasRowMandates, mandatesForRoles } from './mandates-for-roles.js';

const HBEL = [
  { gemeenteCode: '0406', wet: 'WMO', rol: 'TOEGANG' },
  { gemeenteCode: '0406', wet: 'WMO', rol: 'UITVOERING' },
  { gemeenteCode: '0317', wet: 'WMO', rol: 'UITVOERING' },
  { gemeenteCode: '0406', wet: 'JEUGDWET', rol: 'UITVOERING' },
  { gemeenteCode: '0406', wet: 'WMO', rol: 'INKOOP' },
];

describe('mandatesForRoles', () => {
  it('gives a consulent TOEGANG and UITVOERING of the arrangements, gemeenten sorted', () => {
    expect(mandatesForRoles(HBEL, ['consulent'])).toEqual({
      WMO: { TOEGANG: ['0406'], UITVOERING: ['0317', '0406'] },
      JEUGDWET: { UITVOERING: ['0406'] },
    });
  });

  it('gives a backoffice UITVOERING only and an inkoper INKOOP and CONTRACTBEHEER only', () => {
    expect(mandatesForRoles(HBEL, ['backoffice'])).toEqual({ WMO: { UITVOERING: ['0317', '0406'] }, JEUGDWET: { UITVOERING: ['0406'] } });
    expect(mandatesForRoles(HBEL, ['inkoper'])).toEqual({ WMO: { INKOOP: ['0406'] } });
  });

  it('gives other roles and no roles no row mandates', () => {
    for (const role of ['beleid', 'controller', 'aanbieder', 'analist', 'subsidiepartner', 'fg'] as const) {
      expect(mandatesForRoles(HBEL, [role])).toEqual({});
      expect(hasRowMandates([role])).toBe(false);
    }
    expect(mandatesForRoles(HBEL, [])).toEqual({});
    expect(hasRowMandates(['analist', 'consulent'])).toBe(true);
  });
});
