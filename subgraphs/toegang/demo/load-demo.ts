import { type DemoWorld, insertRows, type Queryable } from '@sociaal-graph/toolkit';

/**
 * Inserts toegang's slice of the demo world: teams, consulenten, households, residents (with
 * their BSN, stored only here), meldingen, and the world's peildatum (ages are computed on it).
 */
export async function loadDemo(db: Queryable, world: DemoWorld): Promise<void> {
  await insertRows(db, 'peildatum', ['datum'], [[world.peildatum]]);
  await insertRows(
    db,
    'team',
    ['id', 'naam', 'organisatie_id', 'doelgroep'],
    world.teams.map((t) => [t.id, t.naam, t.organisatieId, t.doelgroep]),
  );
  await insertRows(
    db,
    'consulent',
    ['id', 'naam', 'team_id'],
    world.consulenten.map((c) => [c.id, c.naam, c.teamId]),
  );
  await insertRows(
    db,
    'huishouden',
    ['id', 'gemeente_code', 'samenstelling', 'postcode', 'huisnummer'],
    world.huishoudens.map((h) => [h.id, h.gemeenteCode, h.samenstelling, h.postcode, h.huisnummer]),
  );
  await insertRows(
    db,
    'inwoner',
    ['id', 'bsn', 'gemeente_code', 'huishouden_id', 'voornaam', 'achternaam', 'geboortedatum', 'geslacht', 'consulent_id'],
    world.inwoners.map((i) => [
      i.id,
      i.bsn,
      i.gemeenteCode,
      i.huishoudenId,
      i.voornaam,
      i.achternaam,
      i.geboortedatum,
      i.geslacht,
      i.consulentId,
    ]),
  );
  await insertRows(
    db,
    'melding',
    ['id', 'inwoner_id', 'gemeente_code', 'wet', 'soort', 'datum', 'status', 'consulent_id', 'commentaar'],
    world.meldingen.map((m) => [m.id, m.inwonerId, m.gemeenteCode, m.wet, m.soort, m.datum, m.status, m.consulentId, m.commentaar]),
  );
}
