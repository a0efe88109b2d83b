import {
  type DemoWorld,
  developmentPrincipal,
  generateDemoWorld,
  type Principal,
  testPrincipal,
  type WorldToewijzing,
} from '@sociaal-graph/toolkit';
import { type HarnessResult, testDemoConfig } from '@sociaal-graph/toolkit/testing';

let world: DemoWorld | undefined;

/** The default demo world (the one the harness loads), generated once per test file. */
export function demoWorld(): DemoWorld {
  world ??= generateDemoWorld(testDemoConfig());
  return world;
}

/** The Jeugdwet toewijzingen of the default demo world. */
export function worldToewijzingen(): readonly WorldToewijzing[] {
  return demoWorld().jeugdToewijzingen;
}

/** The loader key of a toewijzing ("0406:48213907"). */
export function keyOf(t: { gemeenteCode: string; toewijzingsnummer: string }): string {
  return `${t.gemeenteCode}:${t.toewijzingsnummer}`;
}

/** Whether a toewijzing holds on a date, computed here without SQL. */
export function actiefOp(t: WorldToewijzing, datum: string): boolean {
  return t.ingangsdatum <= datum && (t.einddatum === null || t.einddatum >= datum);
}

/** Whether a toewijzing holds on at least one day of a year. */
export function actiefIn(t: WorldToewijzing, jaar: number): boolean {
  return t.ingangsdatum <= `${jaar}-12-31` && (t.einddatum === null || t.einddatum >= `${jaar}-01-01`);
}

/** The `extensions.code` and message of the first error of a result. */
export function firstError(result: HarnessResult): { code: unknown; message: string } | undefined {
  const error = result.errors?.[0];
  return error && { code: error.extensions?.code, message: error.message };
}

/** A caller who sees the given gemeenten under every law and role (`null`: the development principal, all). */
export function principalFor(gemeenten: readonly string[] | null): Principal {
  if (gemeenten === null) return developmentPrincipal;
  return testPrincipal({ scope: () => ({ alle: false, gemeenten }) });
}
