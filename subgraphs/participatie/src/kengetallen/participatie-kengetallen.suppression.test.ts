import { describe, expect, it } from 'vitest';
import { publishedKengetallen } from './participatie-kengetallen.suppression.js';

const row = (uitkeringenActiefVorigJaar: number, uitkeringenActief: number, instroom: number, uitstroom: number) => ({
  gemeenteCode: '0406', uitkeringenActiefVorigJaar, uitkeringenActief, instroom, uitstroom, schuldhulptrajectenGestart: 12,
});
const reasons = (published: ReturnType<typeof publishedKengetallen>) =>
  [published.uitkeringenActief, published.instroom, published.uitstroom].map((value) => value?.onderdrukt ?? null);

describe('publishedKengetallen', () => {
  it('withholds the smaller flow too when the balance would give a small one back', () => {
    expect(reasons(publishedKengetallen(row(100, 96, 6, 10), 2025))).toEqual([null, 'KLEIN_AANTAL', 'AFLEIDBAAR']);
    expect(reasons(publishedKengetallen(row(100, 113, 25, 12), 2025))).toEqual([null, null, null]);
  });

  it("withholds one of this year's figures when last year's stock is withheld, so it cannot be computed back", () => {
    expect(reasons(publishedKengetallen(row(8, 14, 16, 10), 2025))).toEqual([null, null, 'AFLEIDBAAR']);
  });

  it('rounds what it shows and says which rule it applied', () => {
    const published = publishedKengetallen(row(100, 113, 25, 12), 2025);
    expect(published).toMatchObject({
      uitkeringenActief: { waarde: 115, onderdrukt: null },
      instroom: { waarde: 25, onderdrukt: null },
      uitstroom: { waarde: 10, onderdrukt: null },
      schuldhulptrajectenGestart: { waarde: 10, onderdrukt: null },
      binnenMandaat: true,
      onderdrukkingsregel: expect.stringMatching(/onder 10/),
    });
  });
});
