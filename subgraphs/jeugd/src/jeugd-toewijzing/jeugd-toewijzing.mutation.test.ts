import { randomUUID } from 'node:crypto';
import { uitgaandeBerichten, Wet } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness, testDemoConfig, valideerTegenSchema } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoWorld, worldToewijzingen } from '../jeugd.test-utils.js';
import { subgraph } from '../schema.js';

// The Jeugdwet's grant, change and end are the toolkit's mutations (toewijzingMutatieResolver), shared with the Wmo:
// here under jeugd's names, with the iJw code lists, each leaving its 301 valid against the iJw 3.2 schema.
let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
}, 300_000);
afterAll(async () => {
  await harness?.close();
});

const geheim = testDemoConfig().pseudonymSecret;
const berichten301 = () => uitgaandeBerichten(harness.db, geheim, { gemeenten: null, berichtnummer: '301', aantal: 100 });
const codes = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => result.errors?.map((e) => e.extensions?.code);

describe('jeugd toewijzing mutations and their 301', () => {
  it('grant, change and end answer with the jeugdhulp toewijzing as it then stood and leave one iJw 301 each; a Wmo reason to end is refused', async () => {
    const v = worldToewijzingen().find((t) => t.gemeenteCode === '0417')!;
    const inwoner = demoWorld().inwoners.find((i) => i.id === v.inwonerId)!;
    const client = { bsn: inwoner.bsn, geboortedatum: inwoner.geboortedatum, geslacht: inwoner.geslacht, achternaam: inwoner.achternaam };
    const voor = (await berichten301()).length;

    const toegewezen = await harness.execute<{ wijsJeugdToewijzingToe: { toewijzingsnummer: string; productcategorie: { code: string }; einddatum: string | null; inwoner: { id: string } } }>(
      `mutation ($s: String!, $t: ToewijzingInvoer!) { wijsJeugdToewijzingToe(idempotentieSleutel: $s, toewijzing: $t) { toewijzingsnummer productcategorie { code } einddatum inwoner { id } } }`,
      {
        s: randomUUID(),
        t: {
          gemeenteCode: '0417', client, productcategorie: v.productcategorie, productcode: v.productcode, aanbiederAgb: v.aanbiederAgb, contractId: v.contractId,
          productId: null, tariefId: v.tariefId, volume: 2, eenheid: v.eenheid, frequentie: v.frequentie, leveringsvorm: 'ZIN', ingangsdatum: '2031-01-01',
        },
      },
    );
    expect(toegewezen.errors).toBeUndefined();
    const nummer = toegewezen.data!.wijsJeugdToewijzingToe.toewijzingsnummer;
    expect(toegewezen.data!.wijsJeugdToewijzingToe).toMatchObject({ productcategorie: { code: v.productcategorie }, einddatum: null, inwoner: { id: v.inwonerId } });

    const gewijzigd = await harness.execute(
      `mutation ($s: String!, $n: String!, $c: ClientInvoer!) { wijzigJeugdToewijzing(idempotentieSleutel: $s, gemeenteCode: "0417", toewijzingsnummer: $n, wijziging: { volume: 4, redenWijziging: "04" }, client: $c) { toewijzingsnummer } }`,
      { s: randomUUID(), n: nummer, c: client },
    );
    expect(gewijzigd.errors).toBeUndefined();

    const beeindig = (reden: string) =>
      harness.execute<{ beeindigJeugdToewijzing: { einddatum: string } }>(
        `mutation ($s: String!, $n: String!, $r: String!, $c: ClientInvoer!) { beeindigJeugdToewijzing(idempotentieSleutel: $s, gemeenteCode: "0417", toewijzingsnummer: $n, einddatum: "2031-03-31", redenBeeindiging: $r, redenWijziging: "05", client: $c) { einddatum } }`,
        { s: randomUUID(), n: nummer, r: reden, c: client },
      );
    // 19 is WMO588's "levering volgens plan beeindigd"; JZ588 has no 19.
    expect(codes(await beeindig('19'))).toEqual(['BAD_USER_INPUT']);
    const beeindigd = await beeindig('34');
    expect(beeindigd.errors).toBeUndefined();
    expect(beeindigd.data!.beeindigJeugdToewijzing.einddatum).toBe('2031-03-31');

    const nieuw = (await berichten301()).slice(voor);
    expect(nieuw.map((b) => [b.wet, b.afzender, b.ontvanger])).toEqual(Array(3).fill(['JEUGDWET', '0417', v.aanbiederAgb]));
    expect(await valideerTegenSchema(Wet.JEUGDWET, '301', nieuw.map((b) => b.xml))).toEqual([[], [], []]);
    const waarde = (xml: string, element: string) => new RegExp(`<(?:\\w+:)?${element}>([^<]*)</(?:\\w+:)?${element}>`).exec(xml)?.[1] ?? null;
    expect(nieuw.map((b) => [waarde(b.xml, 'ToewijzingNummer'), waarde(b.xml, 'Volume'), waarde(b.xml, 'Einddatum'), waarde(b.xml, 'RedenWijziging')])).toEqual([
      [nummer, '2', null, null],
      [nummer, '4', null, '04'],
      [nummer, '4', '2031-03-31', '05'],
    ]);
  });
});
