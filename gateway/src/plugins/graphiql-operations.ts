import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Role } from '../auth/roles.js';

/** Folder of the saved example operations: `<groep>/<naam>.graphql`, one operation per file. */
export const SAVED_OPERATIONS_DIR = fileURLToPath(new URL('../../graphiql/operations/', import.meta.url));

/**
 * The user groups with saved operations, and the role and organisation of the demo world whose
 * token runs each group's operations as they are (docs/mandates.md "Who uses it").
 */
export const OPERATION_GROUPS = {
  consulent: { titel: 'Consulent (HBEL)', rol: 'consulent', organisatie: 'uo-hbel' },
  inkoper: { titel: 'Inkoper (regio Gooi en Vechtstreek)', rol: 'inkoper', organisatie: 'regio-gv' },
  controller: { titel: 'Controller (gemeente Huizen)', rol: 'controller', organisatie: '0406' },
  analist: { titel: 'Analist (gemeente Huizen)', rol: 'analist', organisatie: '0406' },
} as const satisfies Record<string, { titel: string; rol: Role; organisatie: string }>;

export type OperationGroup = keyof typeof OPERATION_GROUPS;

/** One saved operation as the GraphiQL page lists it. */
export interface SavedOperation {
  readonly groep: OperationGroup;
  /** File name without `.graphql`. */
  readonly naam: string;
  /** First comment line of the file. */
  readonly titel: string;
  /** The other leading comment lines, joined. */
  readonly beschrijving: string;
  /** The whole file, comments included, as it opens in the editor. */
  readonly query: string;
}

/**
 * Reads every saved operation, groups in `OPERATION_GROUPS` order and files by name. A file
 * without a leading `# title` comment, or a folder that is no known group, is an error: the
 * page shows the title and description of each.
 */
export async function loadSavedOperations(dir: string = SAVED_OPERATIONS_DIR): Promise<SavedOperation[]> {
  const folders = (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  for (const folder of folders) {
    if (!Object.hasOwn(OPERATION_GROUPS, folder)) throw new Error(`${join(dir, folder)}: no such user group (${Object.keys(OPERATION_GROUPS).join(', ')})`);
  }
  const operations: SavedOperation[] = [];
  for (const groep of Object.keys(OPERATION_GROUPS) as OperationGroup[]) {
    if (!folders.includes(groep)) continue;
    const files = (await readdir(join(dir, groep))).filter((name) => name.endsWith('.graphql')).sort();
    for (const file of files) {
      const query = await readFile(join(dir, groep, file), 'utf8');
      const comments: string[] = [];
      for (const line of query.split('\n')) {
        if (!line.startsWith('#')) break;
        comments.push(line.replace(/^#\s?/, '').trim());
      }
      const [titel = '', ...rest] = comments;
      if (!titel) throw new Error(`${join(dir, groep, file)}: starts with no "# title" comment`);
      operations.push({ groep, naam: file.slice(0, -'.graphql'.length), titel, beschrijving: rest.join(' ').trim(), query });
    }
  }
  return operations;
}
