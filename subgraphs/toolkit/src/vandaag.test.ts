import { describe, expect, it } from 'vitest';
import { vandaagInNederland } from './vandaag.js';

describe('vandaagInNederland', () => {
  it('is already the next day in Amsterdam while UTC is still before midnight (winter and summer time)', () => {
    expect(vandaagInNederland(new Date('2026-12-05T23:30:00Z'))).toBe('2026-12-06');
    expect(vandaagInNederland(new Date('2026-12-05T22:59:59Z'))).toBe('2026-12-05');
    expect(vandaagInNederland(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
    expect(vandaagInNederland(new Date('2026-07-01T21:59:59Z'))).toBe('2026-07-01');
  });
});

describe('vandaagInNederland asked again within a second', () => {
  it('still changes the date at midnight in Amsterdam, also when asked just before it', () => {
    expect(vandaagInNederland(new Date('2026-12-05T22:59:59.999Z'))).toBe('2026-12-05');
    expect(vandaagInNederland(new Date('2026-12-05T22:59:59.000Z'))).toBe('2026-12-05');
    expect(vandaagInNederland(new Date('2026-12-05T23:00:00.000Z'))).toBe('2026-12-06');
    expect(vandaagInNederland(new Date('2026-12-05T22:59:59.500Z'))).toBe('2026-12-05');
  });
});
