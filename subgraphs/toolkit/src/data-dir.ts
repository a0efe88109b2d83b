import { isAbsolute, join, resolve } from 'node:path';
import { REPO_ROOT } from './subgraph-list.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * `DATA_DIR`: the one data folder of the whole graph, whichever way a process is started. Unset:
 * `.data/` at the repository root, also for `npm run start -w @sociaal-graph/wmo`, whose working
 * folder is `subgraphs/wmo/` (otherwise its audit log and PGlite data would split from the rest).
 * A relative `DATA_DIR` counts from the folder the command was typed in (`INIT_CWD`, which npm
 * sets before it changes folder). `memory` keeps nothing.
 */
export function readDataDir(env: Env = process.env): string {
  const raw = env.DATA_DIR;
  if (!raw) return join(REPO_ROOT, '.data');
  if (raw === 'memory' || isAbsolute(raw)) return raw;
  return resolve(env.INIT_CWD || process.cwd(), raw);
}
