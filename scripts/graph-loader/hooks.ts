/**
 * Module hooks that compile the graph's TypeScript for `npm start`'s one process (see flags.ts): what
 * tsx does (same esbuild, same options, tsconfig.json, inline source maps so stack traces point at the
 * .ts lines), but without esbuild's `keepNames`, which tsx always turns on and offers no way to turn
 * off. keepNames wraps every function expression that is named by a constant or declared inside
 * another function in `__name(fn, "name")`, an Object.defineProperty run each time the enclosing
 * function runs: about 2.2 % of the subgraphs' thread in a profile at 50 connections. Names are only
 * lost when identifiers are minified, which neither does, so functions and classes (type-graphql's
 * type names) keep theirs without it. tsx still resolves every import (`.js` to `.ts`, the workspaces)
 * and loads everything that is not our TypeScript.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import type { LoadHook } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type TransformOptions, transform, version } from 'esbuild';

const tsconfigRaw = await readFile(new URL('../../tsconfig.json', import.meta.url), 'utf8');
const options: TransformOptions = { loader: 'ts', format: 'esm', target: `node${process.versions.node}`, platform: 'node', sourcemap: 'inline', minifyWhitespace: true, tsconfigRaw };
/** Compiled files by their source, as tsx keeps them: without it every start compiles some 450 files again. */
const cacheDir = join(tmpdir(), `sociaal-graph-ts-${process.getuid?.() ?? 0}`);
await mkdir(cacheDir, { recursive: true, mode: 0o700 }); // only this user's: it holds code that runs

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
