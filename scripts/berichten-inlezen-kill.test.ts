/**
 * Issue 15 item 5 for the folder command: `npm run berichten:inlezen` is killed (SIGKILL) in the middle of
 * a folder of generated HBEL traffic (323 declaraties to inkoop among them) on real PostgreSQL, then run again on the same folder; afterwards every
 * message has its expected answer and the stored rows are exactly those of the accepted messages, nothing
 * lost, nothing doubled. Needs DATABASE_URL (CI's second run); skipped on the embedded default, where no
 * second process can watch the database while the command holds it.
 */
import { genereerVerkeer, type Verkeer } from '@sociaal-graph/toolkit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { antwoordenVanOpdracht, type Installatie, nieuweInstallatie, type Opdrachtopslag, opdrachtopslag, rijenIn, startOpdracht, totalenVan, uitkomst } from './berichten-verkeer.js';
import { verzoen } from '@sociaal-graph/toolkit';

const serverUrl = process.env.DATABASE_URL;

describe.skipIf(!serverUrl)('npm run berichten:inlezen killed midway (PostgreSQL)', () => {
  let installatie: Installatie;
  let verkeer: Verkeer;
  let opslag: Opdrachtopslag;

  beforeAll(async () => {
    installatie = await nieuweInstallatie();
    verkeer = genereerVerkeer(installatie.world, { seed: 11, van: '2026-01-01', dagen: 120, aandeel: 0.5 });
    opslag = await opdrachtopslag(installatie, verkeer);
  }, 600_000);
  afterAll(async () => {
    await opslag?.opruimen();
    await installatie?.opruimen();
  });

  it('loses and doubles nothing: after SIGKILL a third of the way, a rerun completes the folder with exact answers and rows', async () => {
    const watcher = new pg.Client({ connectionString: opslag.env.DATABASE_URL });
    // Dropping the scratch database at the end ends this connection too; that is no failure of the test.
    watcher.on('error', () => undefined);
    await watcher.connect();
    const ontvangen = async () =>
      Number((await watcher.query<{ n: number }>(`SELECT (SELECT count(*) FROM wmo.ontvangen_bericht) + (SELECT count(*) FROM jeugd.ontvangen_bericht) + (SELECT count(*) FROM inkoop.ontvangen_bericht) AS n`)).rows[0]!.n);
    try {
      const child = startOpdracht(opslag);
      const einde = uitkomst(child);
      let klaar = false;
      void einde.then(() => (klaar = true));
      let gedood = false;
      while (!klaar) {
        if ((await ontvangen()) >= verkeer.berichten.length / 3) {
          child.kill('SIGKILL');
          gedood = true;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(gedood, 'the command ended before a third of the folder was in').toBe(true);
      expect((await einde).code).toBe('SIGKILL');
      const halverwege = await ontvangen();
      expect(halverwege).toBeLessThan(verkeer.berichten.length - 10);

      const tweede = await uitkomst(startOpdracht(opslag));
      expect(tweede.code, tweede.stderr).toBe(0);
      const totalen = totalenVan(tweede.stdout) as { herhaald: number; aangeboden: number };
      // What was in before the kill comes back as a repeat (its first answer), the rest is received now.
      expect(totalen.aangeboden).toBe(verkeer.berichten.length);
      expect(totalen.herhaald).toBeGreaterThanOrEqual(halverwege);
      const verzoening = verzoen(verkeer, await antwoordenVanOpdracht(opslag), await rijenIn(opslag.env));
      expect(verzoening.verschillen).toEqual([]);
    } finally {
      await watcher.end();
    }
  }, 900_000);
});
