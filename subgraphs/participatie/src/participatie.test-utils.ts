import { type DemoWorld, generateDemoWorld } from '@sociaal-graph/toolkit';
import { testDemoConfig } from '@sociaal-graph/toolkit/testing';

/** The demo world the harness loads, generated again here so tests compare against it independently. */
export function demoWorld(): DemoWorld {
  return generateDemoWorld(testDemoConfig());
}

/** Byte-order comparison, as `COLLATE "C"` in the SQL. */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether a period with these dates runs on a day (einddatum inclusive). */
export function activeOn(period: { ingangsdatum: string; einddatum: string | null }, day: string): boolean {
  return period.ingangsdatum <= day && (period.einddatum === null || period.einddatum >= day);
}

/** The most frequent value of `keyOf` over the rows (a gemeente with data, a resident with rows). */
export function mostFrequent<T>(rows: readonly T[], keyOf: (row: T) => string): string {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(keyOf(row), (counts.get(keyOf(row)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || byteOrder(a[0], b[0]))[0][0];
}
