import { type DemoWorld, insertRows, type Queryable } from '@sociaal-graph/toolkit';

/** Inserts the subsidies slice of the demo world: partners, subsidies, prestatieafspraken, rapportages. */
export async function loadDemo(db: Queryable, world: DemoWorld): Promise<void> {
  await insertRows(
    db,
    'subsidiepartner',
    ['id', 'naam', 'kvk_nummer', 'thema'],
    world.subsidiepartners.map((p) => [p.id, p.naam, p.kvkNummer, p.thema]),
  );
  await insertRows(
    db,
    'subsidie',
    ['id', 'partner_id', 'gemeente_code', 'jaar', 'soort', 'aangevraagd', 'verleend', 'vastgesteld', 'budgetplafond', 'status'],
    world.subsidies.map((s) => [
      s.id, s.partnerId, s.gemeenteCode, s.jaar, s.soort, s.aangevraagd, s.verleend, s.vastgesteld, s.budgetplafond, s.status,
    ]),
  );
  await insertRows(
    db,
    'prestatieafspraak',
    ['id', 'subsidie_id', 'indicator', 'eenheid', 'afgesproken', 'gerealiseerd'],
    world.prestatieafspraken.map((p) => [p.id, p.subsidieId, p.indicator, p.eenheid, p.afgesproken, p.gerealiseerd]),
  );
  await insertRows(
    db,
    'voorveldrapportage',
    ['id', 'partner_id', 'gemeente_code', 'jaar', 'kwartaal', 'activiteit', 'aantal_deelnemers', 'aantal_contacten'],
    world.voorveldrapportages.map((r) => [
      r.id, r.partnerId, r.gemeenteCode, r.jaar, r.kwartaal, r.activiteit, r.aantalDeelnemers, r.aantalContacten,
    ]),
  );
}
