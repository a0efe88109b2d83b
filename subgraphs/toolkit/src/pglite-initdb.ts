import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * The first start on a new data folder: PGlite runs PostgreSQL's initdb in WebAssembly before it opens,
 * several seconds of one core (measured: about three times the CPU of opening a folder that has a
 * database). Started here in a worker thread as the process begins, it runs on the second core while
 * the main thread loads the graph's code; `openSharedPglite` then opens a database that is already there.
 * Resolves once the folder holds a database, or at once when it already did. On any failure it resolves
 * too (and says why): the main thread's own open then runs initdb as it always did.
 *
 * Light on purpose (Node's own modules only): it is imported before the rest of the code is loaded.
 */
export function initialisePgliteInBackground(dataDir: string, warn: (message: string) => void = console.warn): Promise<void> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return Promise.resolve();
  const pglite = import.meta.resolve('@electric-sql/pglite');
  return new Promise<void>((resolve) => {
    // An inline CommonJS worker importing PGlite's own JavaScript by its resolved URL: no TypeScript
    // loader needed in the worker (execArgv empty), so it starts at once.
    const worker = new Worker(
      `const { workerData } = require('node:worker_threads');
       import(workerData.pglite).then(async ({ PGlite }) => {
         const db = await PGlite.create(workerData.dataDir);
         await db.close();
       });`,
      { eval: true, execArgv: [], workerData: { pglite, dataDir } },
    );
    worker.once('error', (error) => {
      warn(`embedded PGlite: preparing ${dataDir} in the background failed (${error.message}); it is prepared when opened`);
      resolve();
    });
    worker.once('exit', () => resolve());
  });
}
