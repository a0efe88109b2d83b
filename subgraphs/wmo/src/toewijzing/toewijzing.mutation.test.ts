import { randomUUID } from 'node:crypto';
import { uitgaandeBerichten, Wet } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness, testDemoConfig, valideerTegenSchema } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph } from '../schema.js';
import { demoWorld, worldToewijzingen } from '../wmo.test-utils.js';

// Each change of a toewijzing leaves its 301 in the outgoing-message store, in its own transaction,
// valid against the iWmo 3.2 schema (checked by berichten' validator, not by the code that built it).
let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
  // Loading the demo world takes over two minutes on a busy two-core machine.
}, 300_000);
afterAll(async () => {
  await harness?.close();
});

const geheim = testDemoConfig().pseudonymSecret;
const berichten301 = () => uitgaandeBerichten(harness.db, geheim, { gemeenten: null, berichtnummer: '301', aantal: 100 });

describe('toewijzing mutations and their 301', () => {
  it('grant, change and end each leave one 301 with the toewijzing as it then stood, valid against the 3.2 schema', async () => {
    const v = worldToewijzingen().find((t) => t.gemeenteCode === '0417')!;
    const inwoner = demoWorld().inwoners.find((i) => i.id === v.inwonerId)!;
    const client = { bsn: inwoner.bsn, geboortedatum: inwoner.geboortedatum, geslacht: inwoner.geslacht, achternaam: inwoner.achternaam };
    const voor = (await berichten301()).length;

    const toegewezen = await harness.execute<{ wijsWmoToewijzingToe: { toewijzingsnummer: string; inwoner: { id: string } } }>(
      `mutation ($s: String!, $t: ToewijzingInvoer!) { wijsWmoToewijzingToe(idempotentieSleutel: $s, toewijzing: $t) { toewijzingsnummer inwoner { id } } }`,
      {
        s: randomUUID(),
        t: {
          gemeenteCode: '0417', client, productcategorie: v.productcategorie, productcode: v.productcode, aanbiederAgb: v.aanbiederAgb, contractId: v.contractId,
          productId: v.productId, tariefId: v.tariefId, volume: 3, eenheid: v.eenheid, frequentie: v.frequentie, leveringsvorm: 'ZIN', ingangsdatum: '2031-01-01',
        },
      },
    );
    expect(toegewezen.errors).toBeUndefined();
    const nummer = toegewezen.data!.wijsWmoToewijzingToe.toewijzingsnummer;
    // The BSN became the resident's pseudonym at the edge.
    expect(toegewezen.data!.wijsWmoToewijzingToe.inwoner.id).toBe(v.inwonerId);

    const gewijzigd = await harness.execute(
      `mutation ($s: String!, $n: String!, $c: ClientInvoer!) { wijzigWmoToewijzing(idempotentieSleutel: $s, gemeenteCode: "0417", toewijzingsnummer: $n, wijziging: { volume: 5, redenWijziging: "04" }, client: $c) { toewijzingsnummer } }`,
      { s: randomUUID(), n: nummer, c: client },
    );
    expect(gewijzigd.errors).toBeUndefined();
    const beeindigd = await harness.execute(
      `mutation ($s: String!, $n: String!, $c: ClientInvoer!) { beeindigWmoToewijzing(idempotentieSleutel: $s, gemeenteCode: "0417", toewijzingsnummer: $n, einddatum: "2031-03-31", redenBeeindiging: "36", redenWijziging: "05", client: $c) { einddatum } }`,
      { s: randomUUID(), n: nummer, c: client },
    );
    expect(beeindigd.errors).toBeUndefined();

    const nieuw = (await berichten301()).slice(voor);
    expect(nieuw.map((b) => [b.wet, b.afzender, b.ontvanger, b.aanbiederAgb])).toEqual(Array(3).fill(['WMO', '0417', v.aanbiederAgb, v.aanbiederAgb]));
    expect(await valideerTegenSchema(Wet.WMO, '301', nieuw.map((b) => b.xml))).toEqual([[], [], []]);
    const waarde = (xml: string, element: string) => new RegExp(`<(?:\\w+:)?${element}>([^<]*)</(?:\\w+:)?${element}>`).exec(xml)?.[1] ?? null;
    expect(nieuw.map((b) => [waarde(b.xml, 'ToewijzingNummer'), waarde(b.xml, 'Bsn'), waarde(b.xml, 'Volume'), waarde(b.xml, 'Einddatum'), waarde(b.xml, 'RedenWijziging')])).toEqual([
      [nummer, inwoner.bsn, '3', null, null],
      [nummer, inwoner.bsn, '5', null, '04'],
      [nummer, inwoner.bsn, '5', '2031-03-31', '05'],
    ]);

    // A change refused halfway (another resident named as client) leaves no message.
    const ander = demoWorld().inwoners.find((i) => i.id !== v.inwonerId)!;
    const geweigerd = await harness.execute(
      `mutation ($s: String!, $n: String!, $c: ClientInvoer!) { wijzigWmoToewijzing(idempotentieSleutel: $s, gemeenteCode: "0417", toewijzingsnummer: $n, wijziging: { volume: 6, redenWijziging: "04" }, client: $c) { toewijzingsnummer } }`,
      { s: randomUUID(), n: nummer, c: { ...client, bsn: ander.bsn } },
    );
    expect(geweigerd.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect((await berichten301()).length).toBe(voor + 3);
  });

  it('gives toewijzingen granted one after the other numbers that show neither order nor how many came in between (issue 10 item 2)', async () => {
    const v = worldToewijzingen().find((t) => t.gemeenteCode === '0406')!;
    const inwoner = demoWorld().inwoners.find((i) => i.id === v.inwonerId)!;
    const client = { bsn: inwoner.bsn, geboortedatum: inwoner.geboortedatum, geslacht: inwoner.geslacht, achternaam: inwoner.achternaam };
    const nummers: number[] = [];
    for (const ingangsdatum of ['2032-01-01', '2032-02-01', '2032-03-01']) {
      const { data, errors } = await harness.execute<{ wijsWmoToewijzingToe: { toewijzingsnummer: string } }>(
        `mutation ($s: String!, $t: ToewijzingInvoer!) { wijsWmoToewijzingToe(idempotentieSleutel: $s, toewijzing: $t) { toewijzingsnummer } }`,
        {
          s: randomUUID(),
          t: {
            gemeenteCode: '0406', client, productcategorie: v.productcategorie, productcode: v.productcode, aanbiederAgb: v.aanbiederAgb, contractId: v.contractId,
            productId: v.productId, tariefId: v.tariefId, volume: 2, eenheid: v.eenheid, frequentie: v.frequentie, leveringsvorm: 'ZIN', ingangsdatum,
          },
        },
      );
      expect(errors).toBeUndefined();
      nummers.push(Number(data!.wijsWmoToewijzingToe.toewijzingsnummer));
    }
    // An LDT_Nummer of nine digits, as before; from a sequence they were 800000000, 800000001, 800000002.
    for (const n of nummers) expect(n >= 800_000_000 && n <= 999_999_999, String(n)).toBe(true);
    // A keyed hash spreads them over 200 million numbers: two within 1,000 of each other by chance is about 3 in 100,000.
    const afstanden = [Math.abs(nummers[1]! - nummers[0]!), Math.abs(nummers[2]! - nummers[1]!), Math.abs(nummers[2]! - nummers[0]!)];
    expect(afstanden.filter((d) => d < 1000), `numbers ${nummers.join(', ')}`).toEqual([]);
  });
});
