/**
 * Issue 15 item 5 for the CSV import: the `npm run import` process is killed (SIGKILL) in the middle of
 * an import on real PostgreSQL, then run again; nothing is lost and nothing is doubled. Needs
 * DATABASE_URL (CI's second run); skipped on the embedded default, where no second process can reach
 * the database while the first holds it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../database.js';
import { REPO_ROOT } from '../subgraph-list.js';
import { createScratchDatabase, type ScratchDatabase } from '../testing/scratch-database.js';
import { bsns, catalogus, clientenCsv, migrate, toewijzingenCsv } from './import.test-utils.js';

const serverUrl = process.env.DATABASE_URL;
/** Enough lines that the inkoop part of the import runs long enough to be caught in the act. */
const LINES = 40_000;

describe.skipIf(!serverUrl)('npm run import killed midway (PostgreSQL)', () => {
  let scratch: ScratchDatabase;
  let inkoop: Database;
  const folder = mkdtempSync(join(tmpdir(), 'csv-import-kill-'));
  const env = () => ({ ...process.env, DATABASE_URL: scratch.url, DATA_DIR: join(folder, 'data'), DEMO_WORLD: 'off', APOLLO_TELEMETRY_DISABLED: '1' });
  const importeer = (soort: string, bestand: string): ChildProcess =>
    spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts/import.ts'), '--gemeente', '0406', '--soort', soort, '--bestand', bestand, '--stand', '2026-11-30'], {
      cwd: REPO_ROOT, env: env(), stdio: ['ignore', 'pipe', 'pipe'],
    });
  const exit = (child: ChildProcess) => new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));

  beforeAll(async () => {
    scratch = await createScratchDatabase(serverUrl!);
    inkoop = await openDatabase({ url: scratch.url, schema: 'inkoop' });
    await migrate(inkoop, 'inkoop');
    await catalogus(inkoop);
    const nummers = bsns(LINES);
    writeFileSync(join(folder, 'clienten.csv'), clientenCsv(nummers));
    writeFileSync(join(folder, 'toewijzingen.csv'), toewijzingenCsv(nummers));
    expect(await exit(importeer('clienten', join(folder, 'clienten.csv')))).toBe(0);
  }, 600_000);
  afterAll(async () => {
    await inkoop?.close();
    await scratch?.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('loses and doubles nothing: after SIGKILL during the inkoop merge, a rerun completes the import with exact counts', async () => {
    const watcher = new pg.Client({ connectionString: scratch.url });
    // Dropping the scratch database at the end ends this connection too; that is no failure of the test.
    watcher.on('error', () => undefined);
    await watcher.connect();
    const counts = async () => {
      const { rows } = await watcher.query<{ wmo: number; jeugd: number; bericht: number; aanlevering: number }>(
        `SELECT (SELECT count(*)::int FROM wmo.toewijzing) AS wmo, (SELECT count(*)::int FROM jeugd.toewijzing) AS jeugd,
                (SELECT count(*)::int FROM inkoop.toewijzingsbericht) AS bericht, (SELECT count(*)::int FROM inkoop.aanlevering) AS aanlevering`,
      );
      return rows[0];
    };
    try {
      const child = importeer('toewijzingen', join(folder, 'toewijzingen.csv'));
      const ended = exit(child);
      // Kill it the moment its inkoop transaction is at work (wmo and jeugd already committed): found in pg_stat_activity.
      let killedMidway = false;
      let finished = false;
      void ended.then(() => {
        finished = true;
      });
      while (!finished) {
        const { rows } = await watcher.query(
          `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND query ILIKE '%toewijzingsbericht%'`,
        );
        if (rows.length > 0) {
          child.kill('SIGKILL');
          killedMidway = true;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(killedMidway, 'the import ended before its inkoop part was seen running').toBe(true);
      expect(await ended).toBe('SIGKILL');
      // The killed connection's transaction is rolled back by the server: wait until it is gone.
      for (let i = 0; i < 500; i += 1) {
        const { rows } = await watcher.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query ILIKE '%toewijzingsbericht%'`);
        if (rows.length === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // Midway: wmo and jeugd committed in full, inkoop's part not at all (one transaction), no delivery recorded.
      expect(await counts()).toEqual({ wmo: LINES / 2, jeugd: LINES / 2, bericht: 0, aanlevering: 0 });

      const rerun = importeer('toewijzingen', join(folder, 'toewijzingen.csv'));
      let output = '';
      rerun.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      expect(await exit(rerun)).toBe(0);
      // The rerun finds wmo and jeugd as they are and completes inkoop: every line counts as new (its 301 was).
      expect(output).toContain(`nieuw        ${LINES}`);
      expect(output).toContain(`wmo.toewijzing: 0 nieuw, 0 gewijzigd, ${LINES / 2} ongewijzigd`);
      expect(output).toContain(`inkoop.toewijzingsbericht: ${LINES} nieuw, 0 gewijzigd, 0 ongewijzigd`);
      expect(await counts()).toEqual({ wmo: LINES / 2, jeugd: LINES / 2, bericht: LINES, aanlevering: 2 });
      const { rows: dubbel } = await watcher.query(
        `SELECT count(*)::int AS n FROM (SELECT toewijzingsnummer FROM inkoop.toewijzingsbericht GROUP BY gemeente_code, wet, toewijzingsnummer HAVING count(*) > 1) d`,
      );
      expect(dubbel[0].n).toBe(0);
    } finally {
      await watcher.end();
    }
  }, 900_000);
});
