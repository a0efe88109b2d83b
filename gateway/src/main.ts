import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readGatewayConfig } from './config.js';
import { createGatewayServer } from './create-gateway.js';

/**
 * `npm run gateway -- [--supergraph <file>] [--port <n>]`: the gateway alone, over any
 * supergraph file whose subgraphs run elsewhere (their URLs come from the file or from
 * `<NAME>_URL`). Flags override `SUPERGRAPH_PATH` and `GATEWAY_PORT`. Stops cleanly on
 * SIGINT/SIGTERM: requests in flight finish first.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { supergraph: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    console.log(`usage: npm run gateway -- [--supergraph <file>] [--port <n>]

The gateway alone, over a supergraph whose subgraphs run elsewhere (their URLs from the file or <NAME>_URL).
  --supergraph <file>   the composed supergraph (default SUPERGRAPH_PATH, else the committed supergraph.graphql)
  --port <n>            port to listen on (default GATEWAY_PORT, else 4000)
  --help                this text
Every other setting comes from the environment: README, "Environment variables".`);
    return;
  }
  const config = readGatewayConfig({
    ...process.env,
    ...(values.supergraph ? { SUPERGRAPH_PATH: resolve(values.supergraph) } : {}),
    ...(values.port ? { GATEWAY_PORT: values.port } : {}),
  });
  const gateway = await createGatewayServer(config);
  console.log(`gateway ready at ${gateway.url} (GraphiQL: open it in a browser; supergraph ${config.supergraphPath})`);
  if (!config.auth.jwksFile && !config.auth.jwksUrl) {
    // Without a JWKS anyone with this machine's data folder can mint tokens: fine on a laptop, never in production.
    console.log(`tokens: development issuer (key in ${config.dataDir}/dev-issuer/); get one with: npm run -s token -- --role consulent --org uo-hbel`);
  }

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the gateway`);
    gateway.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('[gateway] stop failed:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('[gateway] could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
