import type { Random } from './random.js';
import type { WorldGemeente, WorldPrestatieafspraak, WorldSubsidie, WorldSubsidiepartner, WorldVoorveldrapportage } from './world.js';

const THEMAS: readonly [thema: string, naam: string, perInwoner: number, indicator: string, eenheid: string][] = [
  ['WELZIJN', 'Stichting Welzijn', 1_800, 'Deelnemers aan activiteiten', 'personen'],
  ['MANTELZORG', 'Steunpunt Mantelzorg', 450, 'Ondersteunde mantelzorgers', 'personen'],
  ['CJG', 'Centrum Jeugd en Gezin', 900, 'Consulten opvoedondersteuning', 'contacten'],
  ['SPORT_EN_BEWEGEN', 'Sportservice', 350, 'Deelnemers beweegprogramma', 'personen'],
  ['VRIJWILLIGERSWERK', 'Vrijwilligerscentrale', 250, 'Bemiddelde vrijwilligers', 'personen'],
];

export interface SubsidyWorld {
  partners: WorldSubsidiepartner[];
  subsidies: WorldSubsidie[];
  prestatieafspraken: WorldPrestatieafspraak[];
  rapportages: WorldVoorveldrapportage[];
}

/**
 * Voorveld partners with budget subsidies per gemeente and year (seed: budgetsubsidie for algemene
 * voorzieningen); settled (vastgesteld) up to the last closed year; reports are aggregates only.
 */
export function buildSubsidies(random: Random, gemeenten: readonly WorldGemeente[], lastClosedYear: number): SubsidyWorld {
  const world: SubsidyWorld = { partners: [], subsidies: [], prestatieafspraken: [], rapportages: [] };
  for (const gemeente of gemeenten.filter((g) => !g.naam.startsWith('Modelgemeente'))) {
    for (const [thema, naam, perInwoner, indicator, eenheid] of THEMAS) {
      if (thema !== 'WELZIJN' && random.chance(0.3)) continue;
      const partner: WorldSubsidiepartner = { id: `sp-${gemeente.code}-${thema.toLowerCase()}`, naam: `${naam} ${gemeente.naam}`, kvkNummer: String(random.int(10_000_000, 99_999_999)), thema };
      world.partners.push(partner);
      for (const jaar of [2023, 2024, 2025, 2026]) {
        const verleend = Math.round((perInwoner * gemeente.inwoners * (0.9 + random.next() * 0.2)) / 100) * 100;
        const closed = jaar <= lastClosedYear;
        const subsidie: WorldSubsidie = {
          id: `sub-${gemeente.code}-${thema.toLowerCase()}-${jaar}`,
          partnerId: partner.id,
          gemeenteCode: gemeente.code,
          jaar,
          soort: thema === 'WELZIJN' ? 'BUDGETSUBSIDIE' : random.pick(['PROJECTSUBSIDIE', 'WAARDERINGSSUBSIDIE']),
          aangevraagd: Math.round(verleend * (1 + random.next() * 0.15)),
          verleend,
          vastgesteld: closed ? Math.round(verleend * (0.9 + random.next() * 0.1)) : null,
          budgetplafond: Math.round(verleend * 1.05),
          status: closed ? 'VASTGESTELD' : 'VERLEEND',
        };
        world.subsidies.push(subsidie);
        const afgesproken = Math.max(10, Math.round(gemeente.inwoners / (thema === 'WELZIJN' ? 40 : 150)));
        world.prestatieafspraken.push({
          id: `pa-${subsidie.id}`,
          subsidieId: subsidie.id,
          indicator,
          eenheid,
          afgesproken,
          gerealiseerd: closed ? Math.round(afgesproken * (0.75 + random.next() * 0.4)) : null,
        });
        for (let kwartaal = 1; kwartaal <= 4; kwartaal += 1) {
          if (!closed && kwartaal > 3) continue;
          world.rapportages.push({
            id: `vr-${partner.id}-${jaar}-${kwartaal}`,
            partnerId: partner.id,
            gemeenteCode: gemeente.code,
            jaar,
            kwartaal,
            activiteit: indicator,
            aantalDeelnemers: Math.round((afgesproken / 4) * (0.7 + random.next() * 0.6)),
            aantalContacten: Math.round((afgesproken / 2) * (0.7 + random.next() * 0.6)),
          });
        }
      }
    }
  }
  return world;
}
