import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { checkAgainstRef } from './check-against-ref.js';
import { generateClients } from './client-codegen.js';
import { composeRepository } from './compose.js';
import { KUBERNETES_SUPERGRAPH_PATH, REPO_ROOT, schemaSdlPath, SUPERGRAPH_PATH } from './subgraph-list.js';

const USAGE = `usage: npm run compose [-- --check] [-- --hints] [-- --check-against [<ref>] [--changelog]]

Prints every subgraph's SDL into subgraphs/<name>/schema.graphql and composes them into the committed
supergraph.graphql (and its copy docker/kubernetes/base/supergraph.graphql, the ConfigMap's source), then every
client's generated code (clients/<id>/generated/).
  --check                  write nothing; exit 1 when a file is stale (CI)
  --hints                  list composition hints
  --check-against [<ref>]  compare with <ref>:supergraph.graphql (default main); exit 1 when a breaking change
                           breaks a client's operation
  --changelog              with --check-against: append the entry to docs/supergraph-changelog.md
  --help                   this text`;

/**
 * `npm run compose [-- --check] [-- --hints]` (USAGE): prints every subgraph's SDL into
 * `subgraphs/<name>/schema.graphql` and composes them into the committed `supergraph.graphql`
 * (docs/style.md 5), then every client's generated code (`clients/<id>/generated/`, GraphQL
 * Code Generator). `--check` writes nothing and exits 1 when a file is stale (CI);
 * `--hints` lists composition hints. Composition errors print one line each and exit 1.
 * `--check-against [<ref>]` (default `main`) compares the new supergraph with `<ref>:supergraph.graphql`
 * and prints the changes as a changelog entry (`--changelog` appends it to docs/supergraph-changelog.md);
 * it exits 1 when a breaking change breaks an operation of a client manifest, naming both.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--check-against');
  if (at >= 0 && (args[at + 1] === undefined || args[at + 1].startsWith('-'))) args.splice(at + 1, 0, 'main');
  const { values } = parseArgs({
    args,
    options: { check: { type: 'boolean' }, hints: { type: 'boolean' }, 'check-against': { type: 'string' }, changelog: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
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
    if (values.check) return;
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
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
  // Before the clients are generated: an operation a breaking change breaks would stop generation.
  const ref = values['check-against'];
  if (ref !== undefined) {
    const { check, entry } = await checkAgainstRef(ref, result.composition.supergraphSdl);
    console.log(entry);
    if (values.changelog) await appendFile(CHANGELOG_PATH, `\n${entry}`);
    if (check.fails) {
      console.error(`breaking change for clients against ${ref}:`);
      for (const change of check.changes.filter((item) => item.breaks.length > 0)) console.error(`  ${change.path}: ${change.message}; breaks ${change.breaks.join(', ')}`);
      return 1;
    }
  }
  // Every client's types, typed documents and manifest, from the fresh supergraph (issue 13).
  try {
    for (const file of await generateClients(result.composition.supergraphSdl)) await update(file.path, file.content);
  } catch (error) {
    console.error(`client code generation failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }

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

/** Where `--changelog` appends. */
const CHANGELOG_PATH = `${REPO_ROOT}docs/supergraph-changelog.md`;

// Subgraph modules may leave handles open (timers, pools); the run is over, so exit explicitly.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('compose failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
