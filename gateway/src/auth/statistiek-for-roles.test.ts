import { describe, expect, it } from 'vitest';
import { needsArrangements, statistiekForRoles } from './statistiek-for-roles.js';

const HBEL = [
  { gemeenteCode: '0406', wet: 'WMO', rol: 'TOEGANG' },
  { gemeenteCode: '0376', wet: 'WMO', rol: 'TOEGANG' },
  { gemeenteCode: '0406', wet: 'WMO', rol: 'UITVOERING' },
  { gemeenteCode: '0317', wet: 'WMO', rol: 'UITVOERING' },
  { gemeenteCode: '0406', wet: 'JEUGDWET', rol: 'UITVOERING' },
];
const REGIO = [
  { gemeenteCode: '0406', wet: 'JEUGDWET', rol: 'INKOOP' },
  { gemeenteCode: '0317', wet: 'JEUGDWET', rol: 'CONTRACTBEHEER' },
  { gemeenteCode: '0376', wet: 'WMO', rol: 'UITVOERING' },
];
const EVERY_WET = (code: string) => ({ WMO: [code], JEUGDWET: [code], PARTICIPATIEWET: [code] });

describe('statistiekForRoles', () => {
  it('gives a consulent where it has TOEGANG or UITVOERING, a backoffice where it has UITVOERING', () => {
    expect(statistiekForRoles('uo-hbel', HBEL, ['consulent'])).toEqual({ WMO: ['0317', '0376', '0406'], JEUGDWET: ['0406'] });
    expect(statistiekForRoles('uo-hbel', HBEL, ['backoffice'])).toEqual({ WMO: ['0317', '0406'], JEUGDWET: ['0406'] });
  });

  it("gives beleid and a controller their own gemeente for every law, whoever executes it", () => {
    // Eemnes' Jeugdwet is Amersfoort's to execute, but Eemnes' money: its beleid sees the aggregates.
    expect(statistiekForRoles('0317', [], ['beleid'])).toEqual(EVERY_WET('0317'));
    expect(statistiekForRoles('0406', [], ['controller'])).toEqual(EVERY_WET('0406'));
    expect(statistiekForRoles('uo-hbel', HBEL, ['beleid'])).toEqual({});
  });

  it('gives an inkoper the gemeenten of its INKOOP and CONTRACTBEHEER arrangements per law', () => {
    expect(statistiekForRoles('regio-gv', REGIO, ['inkoper'])).toEqual({ JEUGDWET: ['0317', '0406'] });
  });

  it('gives an analist its own gemeente, or else the gemeenten of any arrangement of its organisation', () => {
    expect(statistiekForRoles('0406', HBEL, ['analist'])).toEqual(EVERY_WET('0406'));
    expect(statistiekForRoles('uo-hbel', HBEL, ['analist'])).toEqual({ WMO: ['0317', '0376', '0406'], JEUGDWET: ['0406'] });
  });

  it('gives subsidiepartner, aanbieder, fg and no roles no aggregates; several roles the union', () => {
    for (const role of ['subsidiepartner', 'aanbieder', 'fg'] as const) expect(statistiekForRoles('0406', HBEL, [role])).toEqual({});
    expect(statistiekForRoles('0406', [], [])).toEqual({});
    expect(statistiekForRoles('regio-gv', REGIO, ['inkoper', 'analist'])).toEqual({ JEUGDWET: ['0317', '0406'], WMO: ['0376'] });
  });
});

describe('needsArrangements', () => {
  it('fetches arrangements for row mandates and for an analist of an organisation that is no gemeente', () => {
    expect(needsArrangements('uo-hbel', ['consulent'])).toBe(true);
    expect(needsArrangements('regio-gv', ['inkoper'])).toBe(true);
    expect(needsArrangements('uo-hbel', ['analist'])).toBe(true);
    expect(needsArrangements('0406', ['analist'])).toBe(false);
    expect(needsArrangements('0406', ['beleid', 'controller'])).toBe(false);
    expect(needsArrangements('12345678', ['aanbieder'])).toBe(false);
  });
});
