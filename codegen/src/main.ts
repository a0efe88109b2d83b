import { readFile, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { composeRepository } from './compose.js';
import { KUBERNETES_SUPERGRAPH_PATH, REPO_ROOT, schemaSdlPath, SUPERGRAPH_PATH } from './subgraph-list.js';

const USAGE = `usage: npm run compose [-- --check] [-- --hints]

Prints every subgraph's SDL into subgraphs/<name>/schema.graphql and composes them into the committed
supergraph.graphql (and its copy docker/kubernetes/base/supergraph.graphql, the ConfigMap's source).
  --check   write nothing; exit 1 when a file is stale (CI)
  --hints   list composition hints
  --help    this text`;

/**
 * `npm run compose`: see USAGE. The supergraph is generated and committed, never edited by hand
 * (docs/architecture.md "Composition"). Composition errors print one line each and exit 1.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { check: { type: 'boolean' }, hints: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const result = await composeRepository();
  const stale: string[] = [];
  const update = async (path: string, content: string) => {
    const current = await readFile(path, 'utf8').catch(() => undefined);
    if (current === content) return;
    stale.push(relative(REPO_ROOT, path));
    if (!values.check) await writeFile(path, content);
  };

  for (const { entry, sdl } of result.printed) await update(schemaSdlPath(entry), sdl);
  for (const entry of result.missing) console.error(`missing: subgraphs/${entry.name}/src/schema.ts`);
  for (const line of result.buildErrors) console.error(`build error: ${line}`);
  if (!result.composition) return 1;
  if (!result.composition.ok) {
    console.error(`composition failed with ${result.composition.errors.length} error(s):`);
    for (const line of result.composition.errors) console.error(`  ${line}`);
    return 1;
  }
  await update(SUPERGRAPH_PATH, result.composition.supergraphSdl);
  await update(KUBERNETES_SUPERGRAPH_PATH, result.composition.supergraphSdl);

  const { hints } = result.composition;
  if (values.hints) for (const hint of hints) console.log(`hint ${hint}`);
  if (values.check) {
    for (const path of stale) console.error(`stale: ${path}`);
    if (stale.length > 0) console.error('run `npm run compose` and commit the result');
    return stale.length > 0 ? 1 : 0;
  }
  const changed = stale.length > 0 ? `updated ${stale.join(', ')}` : 'nothing changed';
  console.log(`composed ${result.printed.length} subgraphs into supergraph.graphql: ${changed}; ${hints.length} hint(s)${values.hints ? '' : ' (--hints lists them)'}`);
  return 0;
}

// Subgraph modules may leave handles open (timers, pools); the run is over, so exit explicitly.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('compose failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
