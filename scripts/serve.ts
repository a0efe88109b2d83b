/**
 * One process of the graph, chosen by argument: `gateway` or a subgraph's name. The container
 * image's entry point (docker/Dockerfile runs the compiled `scripts/serve.js`); on a development
 * machine `npx tsx scripts/serve.ts wmo` does the same as `npm run start -w @sociaal-graph/wmo`.
 */
import { SUBGRAPHS } from '@sociaal-graph/toolkit';

const NAMES = ['gateway', ...SUBGRAPHS.map((entry) => entry.name)];
const [name, ...rest] = process.argv.slice(2);

if (!name || name === '--help' || name === '-h') {
  console.log(`usage: serve <${NAMES.join('|')}> [arguments of that command]

Runs the gateway or one subgraph in this process. The gateway takes --supergraph <file> and --port <n>
(see \`serve gateway --help\`); every process reads its settings from the environment (README, "Environment
variables"). Health: GET /health on every process; the gateway also answers GET /ready.`);
  process.exit(name ? 0 : 2);
}
if (!NAMES.includes(name)) {
  console.error(`serve: unknown process "${name}"; one of: ${NAMES.join(', ')}`);
  process.exit(2);
}
// The gateway's own flags follow its name.
process.argv = [process.argv[0], process.argv[1], ...rest];
// Relative to this file, so the same line works under tsx (.ts) and compiled (.js).
await import(name === 'gateway' ? '../gateway/src/main.js' : `../subgraphs/${name}/src/index.js`);
