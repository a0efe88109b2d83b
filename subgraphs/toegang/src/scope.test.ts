import { describe, expect, it } from 'vitest';
import { developmentPrincipal, type Principal, Rol, testPrincipal, Wet } from '@sociaal-graph/toolkit';
import { toegangScope } from './scope.js';

/** A caller like the HBEL organisation: toegang for four gemeenten, Jeugdwet without Eemnes. */
const hbelPrincipal: Principal = testPrincipal({
  organisatie: 'uo-hbel',
  rollen: ['consulent'],
  scope: (wet, rol) =>
    rol !== Rol.TOEGANG
      ? { alle: false, gemeenten: [] }
      : { alle: false, gemeenten: wet === Wet.JEUGDWET ? ['0406', '0376', '0417'] : ['0406', '0376', '0317', '0417'] },
});

describe('toegangScope', () => {
  it('gives residents of any gemeente one law covers, meldingen per law', () => {
    expect(toegangScope(hbelPrincipal)).toEqual({
      inwoner: ['0317', '0376', '0406', '0417'],
      melding: {
        WMO: ['0406', '0376', '0317', '0417'],
        JEUGDWET: ['0406', '0376', '0417'],
        PARTICIPATIEWET: ['0406', '0376', '0317', '0417'],
      },
    });
  });

  it('is unlimited when one law is unlimited', () => {
    const principal: Principal = {
      ...hbelPrincipal,
      scope: (wet) => (wet === Wet.WMO ? { alle: true } : { alle: false, gemeenten: ['0406'] }),
    };
    expect(toegangScope(principal).inwoner).toBeNull();
    expect(toegangScope(principal).melding.JEUGDWET).toEqual(['0406']);
  });

  it('leaves the development principal unlimited', () => {
    expect(toegangScope(developmentPrincipal)).toEqual({
      inwoner: null,
      melding: { WMO: null, JEUGDWET: null, PARTICIPATIEWET: null },
    });
  });
});
