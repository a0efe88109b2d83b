import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { generatedDir } from './client-codegen.js';
import { CLIENTS } from './client-list.js';
import { changelogEntry, checkAgainst, type ClientManifest, type SchemaCheck } from './schema-check.js';
import { REPO_ROOT } from './subgraph-list.js';

/** The outcome of `npm run compose -- --check-against <ref>`: the check and its changelog entry. */
export interface RefCheck {
  readonly check: SchemaCheck;
  /** Markdown, titled with the ref, its short commit and today's date. */
  readonly entry: string;
}

/**
 * Compares `newSupergraph` with `supergraph.graphql` at git `ref`, against the client manifests at
 * `ref` (what the clients run now) and in the work tree (operations added since).
 */
export async function checkAgainstRef(ref: string, newSupergraph: string): Promise<RefCheck> {
  if (ref.startsWith('-')) throw new Error(`--check-against: "${ref}" is not a git ref`);
  const commit = (await git(['rev-parse', '--short', `${ref}^{commit}`], `${ref} is not a commit`)).trim();
  const oldSupergraph = await git(['show', `${commit}:supergraph.graphql`], `there is no supergraph.graphql at ${ref}`);
  const check = await checkAgainst(oldSupergraph, newSupergraph, await manifestsAt(commit));
  return { check, entry: changelogEntry(`supergraph.graphql against ${ref} (${commit}), ${new Date().toISOString().slice(0, 10)}`, check) };
}

async function manifestsAt(commit: string): Promise<ClientManifest[]> {
  const manifests: ClientManifest[] = [];
  for (const client of CLIENTS) {
    const path = `${generatedDir(client)}persisted-documents.json`;
    const atRef = await git(['show', `${commit}:${path}`], '').catch(() => '{}');
    const here = await readFile(`${REPO_ROOT}${path}`, 'utf8').catch(() => '{}');
    manifests.push({ client: client.id, documents: { ...(JSON.parse(atRef) as object), ...(JSON.parse(here) as object) } });
  }
  return manifests;
}

/** One git command in the repository, without a shell; `failure` is the error when it fails. */
async function git(args: readonly string[], failure: string): Promise<string> {
  try {
    return (await promisify(execFile)('git', [...args], { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch {
    throw new Error(failure);
  }
}
