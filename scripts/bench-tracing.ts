/**
 * `npx tsx scripts/bench-tracing.ts [off|memory] [requests]`: what tracing costs a request. The
 * gateway over two tiny subgraphs on loopback in this process (a cross-subgraph query, 8 clients):
 * request rate and CPU milliseconds per request, with tracing off (the default: no exporter) or
 * recording every span into memory (what an OTLP exporter costs before the network).
 */
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-node';
import { startTelemetry } from '@sociaal-graph/toolkit';
import { createGatewayServer } from '../gateway/src/create-gateway.js';
import { ALPHA_RESOLVERS, ALPHA_SDL, BETA_SDL, betaResolvers, composeSupergraph, postGraphql, startTinySubgraph, tempDir, testConfig } from '../gateway/src/gateway.test-utils.js';

const mode = process.argv[2] ?? 'off';
const total = Number(process.argv[3] ?? 4000);
const exporter = new InMemorySpanExporter();
if (mode === 'memory') startTelemetry({ serviceName: 'bench', exporter });
else startTelemetry({ serviceName: 'bench', env: {} });

const [alpha, beta] = await Promise.all([startTinySubgraph('alpha', ALPHA_SDL, ALPHA_RESOLVERS), startTinySubgraph('beta', BETA_SDL, betaResolvers())]);
const dir = await tempDir();
const gateway = await createGatewayServer(testConfig({ supergraphPath: await dir.file('s.graphql', composeSupergraph([alpha, beta])) }));
const query = { query: 'query Bench { gemeente(code: "0406") { code naam inwonerAantal } }' };
const run = async (count: number) => {
  let left = count;
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (left-- > 0) {
      const { status } = await postGraphql(gateway.url, query);
      if (status !== 200) throw new Error(`status ${status}`);
    }
  }));
};
await run(500); // warm-up
exporter.reset();
const start = performance.now();
const cpu = process.cpuUsage();
await run(total);
const used = process.cpuUsage(cpu);
const seconds = (performance.now() - start) / 1000;
// CPU time per request (client, gateway and subgraphs share this process) is what tracing adds;
// the rate depends on what else the machine runs.
const cpuMs = (used.user + used.system) / 1000 / total;
console.log(JSON.stringify({ mode, requests: total, perSecond: Math.round(total / seconds), cpuMsPerRequest: +cpuMs.toFixed(3), spans: exporter.getFinishedSpans().length }));
await gateway.stop();
await Promise.all([alpha.stop(), beta.stop()]);
await dir.remove();
