import { describe, expect, it } from 'vitest';
import { tellingGemeentenOf } from './telling.input.js';

describe('tellingGemeentenOf', () => {
  it('returns the distinct codes when the caller sees every gemeente', () => {
    expect(tellingGemeentenOf({ gemeenten: ['0406', '0317', '0406'], jaar: 2024 }, { alle: true })).toEqual(['0406', '0317']);
  });

  it("refuses with FORBIDDEN a gemeente outside the caller's Jeugdwet mandate, instead of counting zero", () => {
    // HBEL executes the Jeugdwet of Huizen, Blaricum and Laren; Eemnes' is Amersfoort's.
    const hbel = { alle: false, gemeenten: ['0406', '0376', '0417'] } as const;
    expect(tellingGemeentenOf({ gemeenten: ['0406', '0417'], jaar: 2024 }, hbel)).toEqual(['0406', '0417']);
    let error: unknown;
    try {
      tellingGemeentenOf({ gemeenten: ['0406', '0317'], jaar: 2024 }, hbel);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toMatchObject({
      message: expect.stringContaining('0317'),
      extensions: { code: 'FORBIDDEN', sociaalGraph: { gemeenten: ['0317'] } },
    });
  });
});
