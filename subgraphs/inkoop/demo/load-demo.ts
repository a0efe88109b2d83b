import { copyRows, declaratieRows, type DemoWorld, insertRows, type Queryable } from '@sociaal-graph/toolkit';

/**
 * Inserts the inkoop slice of the demo world: aanbieders, contracten with their deelnemende
 * gemeenten, percelen, producten, tarieven, the toewijzingsberichten (301) in natura, declaraties
 * and the world's peildatum. Runs once, in the toolkit's demo transaction, into an empty schema;
 * parents go in before their children.
 */
export async function loadDemo(db: Queryable, world: DemoWorld): Promise<void> {
  await insertRows(
    db,
    'aanbieder',
    ['agb_code', 'naam', 'kvk_nummer', 'vestigingsplaats', 'soort'],
    world.aanbieders.map((a) => [a.agbCode, a.naam, a.kvkNummer, a.vestigingsplaats, a.soort]),
  );
  await insertRows(
    db,
    'contract',
    [
      'id', 'naam', 'contractant_id', 'aanbieder_agb', 'wet', 'soort', 'procedure', 'bekostiging',
      'looptijd_van', 'looptijd_tot', 'declaratietermijn_dagen', 'lumpsum_per_jaar',
    ],
    world.contracten.map((c) => [
      c.id, c.naam, c.contractantId, c.aanbiederAgb, c.wet, c.soort, c.procedure, c.bekostiging,
      c.looptijdVan, c.looptijdTot, c.declaratietermijnDagen, c.lumpsumPerJaar,
    ]),
  );
  await insertRows(
    db,
    'contract_gemeente',
    ['contract_id', 'gemeente_code'],
    world.contracten.flatMap((c) => c.deelnemendeGemeenteCodes.map((code) => [c.id, code])),
  );
  await insertRows(
    db,
    'perceel',
    ['id', 'contract_id', 'naam'],
    world.percelen.map((p) => [p.id, p.contractId, p.naam]),
  );
  await insertRows(
    db,
    'product',
    ['id', 'perceel_id', 'wet', 'productcategorie', 'productcode', 'naam', 'eenheid', 'frequentie'],
    world.producten.map((p) => [p.id, p.perceelId, p.wet, p.productcategorie, p.productcode, p.naam, p.eenheid, p.frequentie]),
  );
  await insertRows(
    db,
    'tarief',
    ['id', 'product_id', 'bedrag', 'eenheid', 'geldig_van', 'geldig_tot'],
    world.tarieven.map((t) => [t.id, t.productId, t.bedrag, t.eenheid, t.geldigVan, t.geldigTot]),
  );
  // Only in natura: a PGB is paid through the SVB and never sent to an aanbieder as a 301.
  await insertRows(
    db,
    'toewijzingsbericht',
    [
      'toewijzingsnummer', 'gemeente_code', 'wet', 'aanbieder_agb', 'productcategorie', 'productcode', 'tarief_id',
      'volume', 'eenheid', 'frequentie', 'ingangsdatum', 'einddatum',
    ],
    [...world.wmoToewijzingen, ...world.jeugdToewijzingen]
      .filter((t) => t.leveringsvorm === 'ZIN')
      .map((t) => [
        t.toewijzingsnummer, t.gemeenteCode, t.wet, t.aanbiederAgb, t.productcategorie, t.productcode, t.tariefId,
        t.volume, t.eenheid, t.frequentie, t.ingangsdatum, t.einddatum,
      ]),
  );
  await insertRows(db, 'stand', ['peildatum'], [[world.peildatum]]);
  // The demo world is one delivery of each source, up to its peildatum: what the steering answers show as bronnen.
  const aanleveringen = new Map<string, { gemeente: string; wet: string; bron: string; aantal: number }>();
  const tel = (gemeente: string, wet: string, bron: string, aantal = 1) => {
    const sleutel = `${gemeente}|${wet}|${bron}`;
    const a = aanleveringen.get(sleutel) ?? { gemeente, wet, bron, aantal: 0 };
    a.aantal += aantal;
    aanleveringen.set(sleutel, a);
  };
  for (const t of [...world.wmoToewijzingen, ...world.jeugdToewijzingen]) if (t.leveringsvorm === 'ZIN') tel(t.gemeenteCode, t.wet, 'TOEWIJZINGEN');
  // The declaraties are generated as COPY takes them (nationally millions: never all in memory), and
  // counted for their aanleveringen on the way.
  await copyRows(
    db,
    'declaratie',
    [
      'id', 'gemeente_code', 'wet', 'toewijzingsnummer', 'aanbieder_agb', 'productcategorie', 'productcode',
      'levering_van', 'levering_tot', 'geleverd_volume', 'eenheid', 'bedrag', 'ingediend_op', 'status', 'correctie_van',
    ],
    (function* () {
      // Rows come per toewijzing, so runs of one gemeente and law: count a run without a key per row.
      let run: { gemeente: string; wet: string; aantal: number } | undefined;
      const telRun = () => {
        if (run) tel(run.gemeente, run.wet, 'DECLARATIES', run.aantal);
      };
      for (const d of declaratieRows(world)) {
        if (d.wet !== 'PARTICIPATIEWET') {
          if (run?.gemeente === d.gemeenteCode && run.wet === d.wet) run.aantal += 1;
          else {
            telRun();
            run = { gemeente: d.gemeenteCode, wet: d.wet, aantal: 1 };
          }
        }
        yield [
          d.id, d.gemeenteCode, d.wet, d.toewijzingsnummer, d.aanbiederAgb, d.productcategorie, d.productcode,
          d.leveringVan, d.leveringTot, d.geleverdVolume, d.eenheid, d.bedrag, d.ingediendOp, d.status, d.correctieVan,
        ];
      }
      telRun();
    })(),
  );
  await insertRows(
    db,
    'aanlevering',
    ['gemeente_code', 'wet', 'bron', 'kanaal', 'bijgewerkt_tot', 'aantal'],
    [...aanleveringen.values()].map((a) => [a.gemeente, a.wet, a.bron, 'DEMOWERELD', world.peildatum, a.aantal]),
  );
}
