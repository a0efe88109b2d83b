/**
 * Module hooks that compile the graph's TypeScript for `npm start`'s one process (see flags.ts): what
 * tsx does (same esbuild, same options, tsconfig.json, inline source maps so stack traces point at the
 * .ts lines), but without esbuild's `keepNames`, which tsx always turns on and offers no way to turn
 * off. keepNames wraps every function expression that is named by a constant or declared inside
 * another function in `__name(fn, "name")`, an Object.defineProperty run each time the enclosing
 * function runs: about 79 such calls per resident view on the subgraphs' thread, at 270-300 ns each (a
 * profile put all of them at 2.2 % of that thread; counted, they are nearer 0.4 %). Names are only
 * lost when identifiers are minified, which neither does, so functions and classes (type-graphql's
 * type names) keep theirs without it. tsx still resolves every import (`.js` to `.ts`, the workspaces)
 * and loads everything that is not our TypeScript.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import type { LoadHook } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type TransformOptions, transform, version } from 'esbuild';

const tsconfigRaw = await readFile(new URL('../../tsconfig.json', import.meta.url), 'utf8');
const options: TransformOptions = { loader: 'ts', format: 'esm', target: `node${process.versions.node}`, platform: 'node', sourcemap: 'inline', minifyWhitespace: true, tsconfigRaw };
/**
 * Compiled files by their source, as tsx keeps them: without it every start compiles some 450 files again.
 * Inside the checkout, not in the shared temporary folder: there another user could have made the folder
 * first and put code in it that this process would run.
 */
const cacheDir = fileURLToPath(new URL('../../node_modules/.cache/graph-loader/', import.meta.url));
await mkdir(cacheDir, { recursive: true, mode: 0o700 });

export const load: LoadHook = async (url, context, nextLoad) => {
  if (!url.startsWith('file:') || !url.endsWith('.ts') || url.includes('/node_modules/')) return nextLoad(url, context);
  const path = fileURLToPath(url);
  const source = await readFile(path, 'utf8');
  const cached = join(cacheDir, createHash('sha256').update(`${version}\0${JSON.stringify(options)}\0${path}\0${source}`).digest('hex'));
  const code = await readFile(cached, 'utf8').catch(async () => {
    const compiled = (await transform(source, { ...options, sourcefile: path })).code;
    // Written aside and renamed: another process starting at the same time reads a whole file or none.
    await writeFile(`${cached}.${process.pid}`, compiled);
    await rename(`${cached}.${process.pid}`, cached);
    return compiled;
  });
  return { format: 'module', source: code, shortCircuit: true };
};
