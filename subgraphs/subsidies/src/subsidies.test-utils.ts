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

/** Newest year first, then id: the order of every subsidy list. */
export function newestYearFirst(a: { jaar: number; id: string }, b: { jaar: number; id: string }): number {
  return b.jaar - a.jaar || byteOrder(a.id, b.id);
}
