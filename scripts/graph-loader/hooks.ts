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
import { readFile } from 'node:fs/promises';
import type { LoadHook } from 'node:module';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

const tsconfigRaw = await readFile(new URL('../../tsconfig.json', import.meta.url), 'utf8');

export const load: LoadHook = async (url, context, nextLoad) => {
  if (!url.startsWith('file:') || !url.endsWith('.ts') || url.includes('/node_modules/')) return nextLoad(url, context);
  const path = fileURLToPath(url);
  const { code } = await transform(await readFile(path, 'utf8'), {
    loader: 'ts',
    format: 'esm',
    target: `node${process.versions.node}`,
    platform: 'node',
    sourcefile: path,
    sourcemap: 'inline',
    minifyWhitespace: true,
    tsconfigRaw,
  });
  return { format: 'module', source: code, shortCircuit: true };
};
