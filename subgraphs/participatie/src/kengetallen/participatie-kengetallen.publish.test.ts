import { createDisclosure, processKey } from '@sociaal-graph/toolkit';
import { expectCount, expectRelationProtected } from '@sociaal-graph/toolkit/testing';
import { describe, expect, it } from 'vitest';
import { publishedKengetallen } from './participatie-kengetallen.publish.js';

const row = (uitkeringenActiefVorigJaar: number, uitkeringenActief: number, instroom: number, uitstroom: number) => ({
  gemeenteCode: '0406', uitkeringenActiefVorigJaar, uitkeringenActief, instroom, uitstroom, schuldhulptrajectenGestart: 12, sleutels: [1, 2, 3, 4, 5],
});
const publish = (r: ReturnType<typeof row>) => publishedKengetallen(r, 2025, createDisclosure(processKey()));
const reasons = (published: ReturnType<typeof publishedKengetallen>) =>
  [published.uitkeringenActief, published.instroom, published.uitstroom].map((value) => value?.onderdrukt ?? null);

describe('publishedKengetallen', () => {
  it('withholds the smaller flow too when the balance would give a small one back', () => {
    expect(reasons(publish(row(100, 96, 6, 10)))).toEqual([null, 'KLEIN_AANTAL', 'AFLEIDBAAR']);
    expect(reasons(publish(row(100, 113, 25, 12)))).toEqual([null, null, null]);
  });

  it("withholds one of this year's figures when last year's stock is withheld, so it cannot be computed back", () => {
    const published = publish(row(8, 14, 16, 10));
    expect(reasons(published)).toEqual([null, null, 'AFLEIDBAAR']);
    expectRelationProtected(published.uitkeringenActief!, [
      { published: { waarde: null, onderdrukt: 'KLEIN_AANTAL' }, contributors: 8 },
      { published: published.instroom!, contributors: 16 },
      { published: published.uitstroom!, contributors: 10 },
    ]);
  });

  it('rounds what it shows by the cell key and says which rule it applied', () => {
    const published = publish(row(100, 113, 25, 12));
    expectCount(published.uitkeringenActief, { value: 113 });
    expectCount(published.instroom, { value: 25 });
    expectCount(published.uitstroom, { value: 12 });
    expectCount(published.schuldhulptrajectenGestart, { value: 12 });
    expect(published).toMatchObject({ binnenMandaat: true, onderdrukkingsregel: expect.stringMatching(/onder 10/) });
  });
});
