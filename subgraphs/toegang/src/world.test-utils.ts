import {
  type DemoWorld,
  generateDemoWorld,
  type Principal,
  Rol,
  testPrincipal,
  vandaagInNederland,
  type WorldInwoner,
} from '@sociaal-graph/toolkit';
import { testDemoConfig } from '@sociaal-graph/toolkit/testing';

let world: DemoWorld | undefined;

/** The default demo world, generated here independently of the subgraph's SQL (once per test file). */
export function demoWorld(): DemoWorld {
  world ??= generateDemoWorld(testDemoConfig());
  return world;
}

/** Age in whole years on a date, both 'YYYY-MM-DD'. */
export function leeftijdOp(geboortedatum: string, datum: string): number {
  const [gy, gm, gd] = geboortedatum.split('-').map(Number);
  const [y, m, d] = datum.split('-').map(Number);
  return y - gy - (m < gm || (m === gm && d < gd) ? 1 : 0);
}

/** The laws under which a resident has at least one melding in the world (one set per resident, shared: read only). */
export function wettenVan(world: DemoWorld, inwoner: WorldInwoner): ReadonlySet<string> {
  return wettenPerInwoner(world).get(inwoner.id) ?? new Set();
}

// Indexed once per world: tests ask this for every resident of a gemeente, often inside a filter over those
// residents, and searching all meldingen each time made one test take over half a minute.
const wettenPerWereld = new WeakMap<DemoWorld, Map<string, Set<string>>>();

function wettenPerInwoner(world: DemoWorld): Map<string, Set<string>> {
  let perInwoner = wettenPerWereld.get(world);
  if (!perInwoner) {
    perInwoner = new Map();
    for (const melding of world.meldingen) {
      const wetten = perInwoner.get(melding.inwonerId);
      if (wetten) wetten.add(melding.wet);
      else perInwoner.set(melding.inwonerId, new Set([melding.wet]));
    }
    wettenPerWereld.set(world, perInwoner);
  }
  return perInwoner;
}

/** The residents of a gemeente in the subgraph's page order (by pseudonym). */
export function inwonersVan(world: DemoWorld, gemeenteCode: string): WorldInwoner[] {
  return world.inwoners.filter((i) => i.gemeenteCode === gemeenteCode).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * A consulent of `organisatie` with the row scope the demo world's arrangements, valid today, give it
 * (as the gateway derives it): TOEGANG and UITVOERING where it holds them, nothing else.
 */
export function consulentVan(world: DemoWorld, organisatie: string): Principal {
  const vandaag = vandaagInNederland();
  return testPrincipal({
    organisatie,
    rollen: ['consulent'],
    scope: (wet, rol) => ({
      alle: false,
      gemeenten: world.arrangementen
        .filter((a) => a.organisatieId === organisatie && a.wet === wet && a.rol === rol && (rol === Rol.TOEGANG || rol === Rol.UITVOERING))
        .filter((a) => a.geldigVan <= vandaag && (a.geldigTot === null || a.geldigTot >= vandaag))
        .map((a) => a.gemeenteCode),
    }),
  });
}
