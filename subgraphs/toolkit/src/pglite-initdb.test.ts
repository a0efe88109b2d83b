import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSharedPglite } from './database.js';
import { initialisePgliteInBackground } from './pglite-initdb.js';

const folder = mkdtempSync(join(tmpdir(), 'pglite-initdb-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('preparing embedded PGlite in the background', () => {
  it('leaves a new folder holding a database the graph opens and keeps its data in', async () => {
    const dataDir = join(folder, 'graph');
    const warnings: string[] = [];
    await initialisePgliteInBackground(dataDir, (message) => warnings.push(message));
    expect(warnings).toEqual([]);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);

    const shared = await openSharedPglite(dataDir);
    const db = await shared.database('wmo');
    await db.exec(`CREATE TABLE blijft (id integer PRIMARY KEY)`);
    await db.query(`INSERT INTO blijft VALUES (1), (2)`);
    await db.close();

    // Once there, it is left alone: the data written since survives a second call.
    await initialisePgliteInBackground(dataDir, (message) => warnings.push(message));
    const again = await (await openSharedPglite(dataDir)).database('wmo');
    expect(await again.query(`SELECT count(*)::int AS n FROM blijft`)).toEqual([{ n: 2 }]);
    await again.close();
    expect(warnings).toEqual([]);
  });
});
