import { randomBytes } from 'node:crypto';
import { bereikAntwoord, createBereikLoader, developmentPrincipal, selectLaatsteIngangsdatum, Wet, withDeadline } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoaders } from '../loaders.js';
import { subgraph } from '../schema.js';
import { demoWorld, worldToewijzingen } from '../wmo.test-utils.js';

const QUERY = `query ($r: [_Any!]!, $jaar: Int!) { _entities(representations: $r) {
  ... on Gemeente { code wmoBereik(jaar: $jaar) { inwoners jaartotaal { clienten { waarde onderdrukt } clientenPer1000 } kwartalen { kwartaal } } } } }`;

type Entities = { _entities: { code: string; wmoBereik: { inwoners: number; jaartotaal: { clienten: { waarde: number | null }; clientenPer1000: number | null }; kwartalen: { kwartaal: number }[] } }[] };

const GEMEENTEN = ['0406', '0376', '0317', '0417', '0402', '1942'];
/** Representations as the gateway sends them for a field that @requires `inwoners`. */
const representations = (codes: readonly string[]) =>
  codes.map((code) => ({ __typename: 'Gemeente', code, inwoners: demoWorld().gemeenten.find((g) => g.code === code)?.inwoners ?? 0 }));

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

describe('Gemeente.wmoBereik', () => {
  it('counts the clients of the year per 1,000 of the inhabitants the gateway passed', async () => {
    const result = await harness.execute<Entities>(QUERY, { r: representations(['0406']), jaar: 2025 });
    expect(result.errors).toBeUndefined();
    const [huizen] = result.data?._entities ?? [];
    const clienten = new Set(
      worldToewijzingen()
        .filter((t) => t.gemeenteCode === '0406' && t.ingangsdatum <= '2025-12-31' && (t.einddatum === null || t.einddatum >= '2025-01-01'))
        .map((t) => t.inwonerId),
    ).size;
    const inwoners = demoWorld().gemeenten.find((g) => g.code === '0406')?.inwoners ?? 0;
    expect(huizen?.wmoBereik.inwoners).toBe(inwoners);
    // Rounded to 5 by the cell key: a neighbouring multiple of 5, and per 1,000 from that published number.
    const shown = huizen?.wmoBereik.jaartotaal.clienten.waarde ?? NaN;
    expect(shown % 5).toBe(0);
    expect(Math.abs(shown - clienten)).toBeLessThan(5);
    expect(huizen?.wmoBereik.jaartotaal.clientenPer1000).toBeCloseTo((shown / inwoners) * 1000, 1);
    expect(huizen?.wmoBereik.kwartalen.map((k) => k.kwartaal)).toEqual([1, 2, 3, 4]);
  });

  it('dates the data (gegevensTot) by the last ingangsdatum of the asked gemeenten, null without any', async () => {
    const laatste = (codes: readonly string[]) =>
      worldToewijzingen().filter((t) => codes.includes(t.gemeenteCode)).reduce<string | null>((max, t) => (max === null || t.ingangsdatum > max ? t.ingangsdatum : max), null);
    for (const codes of [['0406'], ['0376', '0317', '0376'], [...GEMEENTEN, '9999']]) {
      expect(await selectLaatsteIngangsdatum(harness.db, codes)).toBe(laatste(codes));
    }
    expect(await selectLaatsteIngangsdatum(harness.db, ['9999'])).toBeNull();
  });

  it('costs the same number of statements for 2 as for 6 gemeenten', async () => {
    const two = await harness.countStatements(QUERY, { r: representations(GEMEENTEN.slice(0, 2)), jaar: 2025 });
    const six = await harness.countStatements(QUERY, { r: representations(GEMEENTEN), jaar: 2025 });
    expect(six.result.errors).toBeUndefined();
    expect(six.statements).toBe(two.statements);
  });

  it('keeps the counts across requests, each with its own view of the database as startSubgraph gives it', async () => {
    // A year no other test asked. Each request gets its loaders on a view of its own (withDeadline), as served.
    const verzoek = () => createBereikLoader(withDeadline(harness.db, Date.now() + 60_000, 60_000))(2023);
    const before = harness.db.statementCount;
    const eerst = await verzoek().load('0376');
    const eerste = harness.db.statementCount - before;
    const weer = await verzoek().load('0376');
    // The same frozen list: the disclosure policy's result is kept with it (Disclosure.publishVast).
    expect(weer).toBe(eerst);
    expect(Object.isFrozen(weer)).toBe(true);
    expect(harness.db.statementCount - before - eerste).toBe(1);
  });

  it("counts a request's gemeenten at the data version its root call read: the gateway's next call reads none", async () => {
    // As served: each call of the request on a view of its own, with the gateway's id of the client request.
    const view = () => withDeadline(harness.db, Date.now() + 60_000, 60_000);
    const verzoekId = randomBytes(16).toString('hex');
    // A year no other test asked, computed once by an earlier request.
    const eerder = await createBereikLoader(view())(2022).load('0376');
    const before = harness.db.statementCount;
    const antwoord = await bereikAntwoord(view(), developmentPrincipal, Wet.WMO, ['0376'], 'toewijzing', verzoekId);
    expect(antwoord.gemeenten).toEqual([{ code: '0376' }]);
    // The root: gegevensTot and the data version in one statement.
    expect(harness.db.statementCount - before).toBe(1);
    const rows = await createBereikLoader(view(), 'toewijzing', verzoekId)(2022).load('0376');
    expect(rows).toBe(eerder);
    expect(harness.db.statementCount - before).toBe(1);
    // So does the next call's context: its loaders make `bereik` with the request's id.
    expect(await createLoaders(view(), undefined, undefined, verzoekId).bereik(2022).load('0376')).toBe(eerder);
    expect(harness.db.statementCount - before).toBe(1);
    // Another request (or one without the gateway's id) reads the version itself.
    expect(await createBereikLoader(view(), 'toewijzing', randomBytes(16).toString('hex'))(2022).load('0376')).toBe(eerder);
    expect(harness.db.statementCount - before).toBe(2);
  });

  // Last: it deletes Huizen's toewijzingen.
  it('answers unchanged data from the counts computed before, and counts again after any write to toewijzing', async () => {
    // A year no other test asked: nothing computed for it yet.
    const vraag = { r: representations(['0406']), jaar: 2024 };
    const eerst = await harness.countStatements<Entities>(QUERY, vraag);
    expect(eerst.result.errors).toBeUndefined();
    expect(eerst.result.data?._entities[0]?.wmoBereik.jaartotaal.clienten.waarde).toBeGreaterThan(0);
    const weer = await harness.countStatements<Entities>(QUERY, vraag);
    expect(weer.result.data).toEqual(eerst.result.data);
    // Only the data version read: the aggregate is not computed again.
    expect(weer.statements).toBe(eerst.statements - 1);

    // Written past the subgraph's own code, as the CSV import and the message ingest write: the trigger sees it.
    await harness.db.query(`DELETE FROM toewijzing WHERE gemeente_code = '0406'`);
    const daarna = await harness.countStatements<Entities>(QUERY, vraag);
    expect(daarna.statements).toBe(eerst.statements);
    expect(daarna.result.data?._entities[0]?.wmoBereik.jaartotaal.clienten).toMatchObject({ waarde: null, onderdrukt: 'KLEIN_AANTAL' });
  });
});
