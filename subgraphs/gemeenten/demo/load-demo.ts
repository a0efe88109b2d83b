import { type DemoWorld, insertRows, type Queryable } from '@sociaal-graph/toolkit';

/**
 * Inserts the gemeenten slice of the demo world: organisations, regions, gemeenten, shared execution
 * organisations, arrangements, Iv3 figures and measures. Runs once, inside the toolkit's demo
 * transaction (the organisation -> gemeente reference is checked at commit).
 */
export async function loadDemo(db: Queryable, world: DemoWorld): Promise<void> {
  await insertRows(
    db,
    'organisatie',
    ['id', 'naam', 'soort', 'vestiging_gemeente_code'],
    world.organisaties.map((o) => [o.id, o.naam, o.soort, o.vestigingGemeenteCode]),
  );
  await insertRows(
    db,
    'regio',
    ['code', 'naam', 'organisatie_id'],
    world.regios.map((r) => [r.code, r.naam, r.organisatieId]),
  );
  await insertRows(
    db,
    'gemeente',
    ['code', 'naam', 'provincie', 'inwoners', 'inwoners_onder_18', 'huishoudens', 'grootteklasse', 'regio_code'],
    world.gemeenten.map((g) => [
      g.code,
      g.naam,
      g.provincie,
      g.inwoners,
      g.inwonersOnder18,
      g.huishoudens,
      g.grootteklasse,
      g.regioCode,
    ]),
  );
  await insertRows(
    db,
    'regio_gemeente',
    ['regio_code', 'gemeente_code'],
    world.regios.flatMap((r) => r.gemeenteCodes.map((code) => [r.code, code])),
  );
  await insertRows(
    db,
    'samenwerkingsverband',
    ['code', 'naam', 'organisatie_id'],
    world.samenwerkingsverbanden.map((s) => [s.code, s.naam, s.organisatieId]),
  );
  await insertRows(
    db,
    'samenwerkingsverband_gemeente',
    ['samenwerkingsverband_code', 'gemeente_code'],
    world.samenwerkingsverbanden.flatMap((s) => s.gemeenteCodes.map((code) => [s.code, code])),
  );
  await insertRows(
    db,
    'uitvoeringsarrangement',
    ['id', 'gemeente_code', 'wet', 'rol', 'organisatie_id', 'grondslag', 'geldig_van', 'geldig_tot'],
    world.arrangementen.map((a) => [a.id, a.gemeenteCode, a.wet, a.rol, a.organisatieId, a.grondslag, a.geldigVan, a.geldigTot]),
  );
  await insertRows(
    db,
    'financieel_cijfer',
    ['gemeente_code', 'jaar', 'taakveld', 'begroting', 'prognose', 'realisatie'],
    world.financien.map((f) => [f.gemeenteCode, f.jaar, f.taakveld, f.begroting, f.prognose, f.realisatie]),
  );
  await insertRows(
    db,
    'maatregel',
    ['id', 'naam', 'niveau', 'wet', 'omschrijving'],
    world.maatregelen.map((m) => [m.id, m.naam, m.niveau, m.wet, m.omschrijving]),
  );
  await insertRows(
    db,
    'maatregel_status',
    ['maatregel_id', 'gemeente_code', 'status', 'datum', 'uitzondering'],
    world.maatregelStatussen.map((s) => [s.maatregelId, s.gemeenteCode, s.status, s.datum, s.uitzondering]),
  );
}
