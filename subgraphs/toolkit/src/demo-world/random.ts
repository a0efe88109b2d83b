import { createHmac } from 'node:crypto';

/** A seeded pseudo-random source (mulberry32): the same seed always gives the same world. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let r = this.next() * total;
    for (const [value, weight] of entries) {
      r -= weight;
      if (r < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  /** A source at the same point, that draws the same numbers from here on without moving this one. */
  copy(): Random {
    return new Random(this.state);
  }

  /** A derived source, so that adding draws in one part does not shift another part's world. */
  fork(label: string): Random {
    let h = this.state ^ 0x9e3779b9;
    for (const char of label) h = Math.imul(h ^ char.charCodeAt(0), 0x01000193) >>> 0;
    return new Random(h);
  }
}

/** A nine-digit BSN that passes the elfproef (weights 9..2 and -1); never a real person's by intent. */
export function bsnFrom(random: Random): string {
  for (;;) {
    const digits = Array.from({ length: 8 }, (_, i) => (i === 0 ? random.int(1, 6) : random.int(0, 9)));
    const sum = digits.reduce((total, digit, i) => total + digit * (9 - i), 0);
    const check = sum % 11;
    if (check <= 9) return [...digits, check].join('');
  }
}

/** The resident's key: HMAC-SHA256 of the BSN with the deployment secret, 32 hex characters. */
export function pseudonymOf(bsn: string, secret: string): string {
  return createHmac('sha256', secret).update(bsn).digest('hex').slice(0, 32);
}

const MS_PER_DAY = 86_400_000;

/**
 * Day numbers (days since 1970-01-01) of the dates met, and the dates of day numbers. The generator asks
 * for the same few thousand dates millions of times (the national world's declaraties); a Date and its
 * toISOString each time were a fifth of its work. Bounded, though the dates of a world are few.
 */
const dayOfDate = new Map<string, number>();
const dateOfDay = new Map<number, string>();
const monthEnds = new Map<string, string>();
const MAX_CACHED = 100_000;

function dayNumber(date: string): number {
  let day = dayOfDate.get(date);
  if (day === undefined) {
    day = Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
    if (dayOfDate.size >= MAX_CACHED) dayOfDate.clear();
    dayOfDate.set(date, day);
  }
  return day;
}

function dateOf(day: number): string {
  let date = dateOfDay.get(day);
  if (date === undefined) {
    date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (dateOfDay.size >= MAX_CACHED) dateOfDay.clear();
    dateOfDay.set(day, date);
  }
  return date;
}

/** 'YYYY-MM-DD' plus a number of days. */
export function addDays(date: string, days: number): string {
  // floor: a fraction of a day lands on the day it falls in, as adding milliseconds to midnight does.
  return dateOf(Math.floor(dayNumber(date) + days));
}

/** Days from a to b. */
export function daysBetween(a: string, b: string): number {
  return Math.round(dayNumber(b) - dayNumber(a));
}

/** First day of the month of a date. */
export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** Last day of the month of a date. */
export function monthEnd(date: string): string {
  const month = date.slice(0, 7);
  let end = monthEnds.get(month);
  if (end === undefined) {
    const [year, m] = date.split('-').map(Number);
    end = new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
    if (monthEnds.size >= MAX_CACHED) monthEnds.clear();
    monthEnds.set(month, end);
  }
  return end;
}

/** First day of the next month. */
export function nextMonth(date: string): string {
  return addDays(monthEnd(date), 1);
}

/** A random date in [from, to]. */
export function dateBetween(random: Random, from: string, to: string): string {
  return addDays(from, random.int(0, Math.max(0, daysBetween(from, to))));
}
