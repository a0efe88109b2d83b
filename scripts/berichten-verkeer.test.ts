/**
 * Issue 15 acceptance, at test size: some weeks of generated HBEL traffic (valid and faulty 305, 307, 315,
 * 317 about the demo world's toewijzingen, and 323 declaraties about them to inkoop) through the folder command and through the mutations at the
 * gateway reconcile with what the generator expects: every message answered with its retour and codes,
 * the rows stored exactly those of the accepted messages, nothing for the rejected or repeated ones.
 * On PGlite, or on PostgreSQL with DATABASE_URL (CI's second run). The year, timed: `npm run berichten:jaar`.
 */
import { genereerVerkeer, type Verkeer } from '@sociaal-graph/toolkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Installatie, nieuweInstallatie, viaMutaties, viaOpdracht } from './berichten-verkeer.js';

let installatie: Installatie;
let verkeer: Verkeer;

beforeAll(async () => {
  installatie = await nieuweInstallatie();
  // Four months, a quarter of the toewijzingen, and many more faults than real traffic so that every kind occurs.
  verkeer = genereerVerkeer(installatie.world, { seed: 7, van: '2026-01-01', dagen: 120, aandeel: 0.25, foutaandeel: 0.6 });
}, 600_000);
afterAll(async () => {
  await installatie?.opruimen();
});

describe('generated HBEL traffic reconciles', () => {
  it('has every kind of message, valid and faulty, in both laws', () => {
    expect(new Set(verkeer.berichten.map((b) => b.soort))).toEqual(
      new Set([
        'geldig', 'bsn-elfproef', 'onbekende-toewijzing', 'stop-zonder-start', 'dubbele-referentie', 'nogmaals-verzonden', 'identificatie-hergebruikt',
        'bedrag-onjuist', 'dubbele-productreferentie', 'dubbel-declaratienummer',
      ]),
    );
    // Jeugdwet 317 only when a jeugd toewijzing of the world is still current today (a 317 must be about a current one).
    expect([...new Set(verkeer.berichten.map((b) => `${b.wet} ${b.nummer}`))]).toEqual(
      expect.arrayContaining(['WMO 305', 'WMO 307', 'WMO 315', 'WMO 317', 'JEUGDWET 305', 'JEUGDWET 307', 'JEUGDWET 315', 'WMO 323', 'JEUGDWET 323']),
    );
    // Every kind of 323 fault occurs, so that each rule's code is reconciled.
    const codes323 = new Set(verkeer.berichten.filter((b) => b.nummer === '323').flatMap((b) => b.retourcodes));
    expect([...codes323].sort()).toEqual(['0233', '8021', '9333', '9338', '9346']);
  });

  it('through the folder command: every answer, every stored row and the command totals as expected', async () => {
    const uitslag = await viaOpdracht(installatie, verkeer);
    expect(uitslag.verzoening.verschillen).toEqual([]);
    expect(uitslag.verzoening.rijen.WMO!.opgeslagen.levering).toBeGreaterThan(0);
    expect(uitslag.verzoening.rijen.JEUGDWET!.opgeslagen.declaratieregels).toBeGreaterThan(0);
  }, 900_000);

  it('through ontvangWmoBericht, ontvangJeugdBericht and ontvangDeclaratieBericht at the gateway: the same', async () => {
    const uitslag = await viaMutaties(installatie, verkeer);
    expect(uitslag.verzoening.verschillen).toEqual([]);
    expect(uitslag.verzoening.herhaald.gezien).toBeGreaterThan(0);
    expect(uitslag.verzoening.rijen.WMO!.opgeslagen.declaratieregels).toBeGreaterThan(0);
  }, 900_000);
});
