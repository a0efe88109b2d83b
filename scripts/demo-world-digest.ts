/**
 * `npm run demo:digest -- [--scale N] [--scale-hbel N] [--gemeenten G] [--cpu-prof]`: the generated demo
 * world's row count and SHA-256 per collection, and how long generating it took. Tests and the saved
 * operations count on the world's content: a change to the generator that is meant to make it faster must
 * leave every digest as it was (run before and after, compare). Uses a fixed pseudonym secret, so the
 * digests of one setting are comparable across runs and machines.
 */
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { generateDemoWorld, readDemoConfig } from '@sociaal-graph/toolkit';

const { values: args } = parseArgs({
  options: { scale: { type: 'string' }, 'scale-hbel': { type: 'string' }, gemeenten: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  strict: true,
});
if (args.help) {
  console.log(`usage: npm run demo:digest -- [--scale N] [--scale-hbel N] [--gemeenten regio|nationaal]

Generates the demo world (default settings: npm start's) and prints each collection's row count and SHA-256.`);
  process.exit(0);
}
const demo = readDemoConfig({
  ...(args.scale ? { DEMO_SCALE: args.scale } : {}),
  ...(args['scale-hbel'] ? { DEMO_SCALE_HBEL: args['scale-hbel'] } : {}),
  ...(args.gemeenten ? { DEMO_GEMEENTEN: args.gemeenten } : {}),
  // Fixed, so that the digests compare across runs; the ids depend on it.
  PSEUDONYM_SECRET: 'demo-world-digest-'.repeat(3),
});
const started = Date.now();
const world = generateDemoWorld(demo);
// The declaraties are made when first read: read them here, so that the time covers the whole world.
void world.declaraties.length;
const ms = Date.now() - started;
console.log(`demo world: seed ${demo.seed}, scale ${demo.scale}, HBEL ${demo.scaleHbel}, gemeenten ${demo.gemeenten}; generated in ${(ms / 1000).toFixed(1)} s`);
const all = createHash('sha256');
for (const [name, value] of Object.entries(world).sort(([a], [b]) => a.localeCompare(b))) {
  if (!Array.isArray(value)) {
    console.log(`${name}: ${JSON.stringify(value)}`);
    all.update(`${name}=${JSON.stringify(value)}\n`);
    continue;
  }
  const digest = createHash('sha256');
  for (const row of value) digest.update(`${JSON.stringify(row)}\n`);
  const hex = digest.digest('hex');
  all.update(`${name}:${hex}\n`);
  console.log(`${name}: ${value.length} rows, sha256 ${hex.slice(0, 16)}`);
}
console.log(`all: sha256 ${all.digest('hex')}`);
