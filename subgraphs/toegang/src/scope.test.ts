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
  it('opens the front door only where every law is covered, meldingen per law', () => {
    expect(toegangScope(hbelPrincipal)).toEqual({
      voordeur: ['0376', '0406', '0417'],
      melding: {
        WMO: ['0406', '0376', '0317', '0417'],
        JEUGDWET: ['0406', '0376', '0417'],
        PARTICIPATIEWET: ['0406', '0376', '0317', '0417'],
      },
    });
  });

  it('is narrowed by the limited laws when one law is unlimited', () => {
    const principal: Principal = {
      ...hbelPrincipal,
      scope: (wet) => (wet === Wet.WMO ? { alle: true } : { alle: false, gemeenten: wet === Wet.JEUGDWET ? ['0406'] : ['0406', '0376'] }),
    };
    expect(toegangScope(principal).voordeur).toEqual(['0406']);
    expect(toegangScope(principal).melding.WMO).toBeNull();
    expect(toegangScope(principal).melding.JEUGDWET).toEqual(['0406']);
  });

  it('has no front door for a caller with one law of a gemeente', () => {
    const amersfoort: Principal = {
      ...hbelPrincipal,
      scope: (wet, rol) => ({ alle: false, gemeenten: rol !== Rol.TOEGANG ? [] : wet === Wet.JEUGDWET ? ['0307', '0317'] : ['0307'] }),
    };
    expect(toegangScope(amersfoort).voordeur).toEqual(['0307']);
  });

  it('leaves the development principal unlimited', () => {
    expect(toegangScope(developmentPrincipal)).toEqual({
      voordeur: null,
      melding: { WMO: null, JEUGDWET: null, PARTICIPATIEWET: null },
    });
  });
});
