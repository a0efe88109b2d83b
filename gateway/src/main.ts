import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger, startTelemetry, stopOnSignals } from '@sociaal-graph/toolkit/gateway';
import { readGatewayConfig } from './config.js';
import { createGatewayServer } from './create-gateway.js';

const logger = createLogger('gateway');

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
  const telemetry = startTelemetry({ serviceName: 'gateway' });
  const gateway = await createGatewayServer(config);
  logger.info({ url: gateway.url, metrics: gateway.metricsUrl ?? 'off', tracing: telemetry.recording ? 'otlp' : 'off', supergraph: config.supergraphPath }, 'gateway ready (GraphiQL: open the url in a browser)');
  if (!config.auth.jwksFile && !config.auth.jwksUrl) {
    // Without a JWKS anyone with this machine's data folder can mint tokens: fine on a laptop, never in production.
    logger.warn({ key: `${config.dataDir}/dev-issuer/` }, 'tokens: development issuer; get one with: npm run -s token -- --role consulent --org uo-hbel');
  }
  stopOnSignals(logger, async () => {
    await gateway.stop();
    await telemetry.shutdown();
  });
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'gateway could not start');
  process.exit(1);
});
