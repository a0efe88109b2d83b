/**
 * The gateway of the one-process graph (scripts/graph-in-one-process.ts), in a worker thread of its own:
 * the subgraphs and their shared PGlite keep the main thread, the gateway (token checks, query planning,
 * result shaping) gets the machine's second core. Its subgraph calls go over a MessagePort to the main
 * thread (`subgraphPort`: gateway/src/channel-fetcher.ts, toolkit subgraph-channel.ts) instead of loopback
 * HTTP, their caller assertions MACed with the channel's key (`assertionKey`, made with the channel and
 * handed over with the port only); the subgraphs' addresses serve readiness and the mandates, and any
 * subgraph whose *_URL the environment sets elsewhere is called there over HTTP.
 *
 * Messages: it posts `{ ready: true }` once it listens, and answers `'stop'` (the graph stopping) by
 * draining its requests in flight and posting `'stopped'`.
 */
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { createGatewayServer, readGatewayConfig } from '@sociaal-graph/gateway';
import { type ChannelAssertionKey, createLogger, startTelemetry } from '@sociaal-graph/toolkit';

if (!parentPort) throw new Error('scripts/graph-gateway-worker.ts runs as a worker thread of scripts/graph-in-one-process.ts');
const parent = parentPort;
const { subgraphUrls, subgraphPort, assertionKey } = workerData as { subgraphUrls: Record<string, string>; subgraphPort: MessagePort; assertionKey: ChannelAssertionKey };

// A thread has its own tracer globals: the gateway's spans carry the gateway's name, as in its own process.
const telemetry = startTelemetry({ serviceName: 'gateway' });
const logger = createLogger('gateway');
const config = readGatewayConfig(process.env);
// Over the channel: each subgraph the gateway would call at its address in this process (npm start names
// those in *_URL). One the environment points elsewhere (WMO_URL=http://other-host/...) is called there over HTTP.
const inProcess = Object.keys(subgraphUrls).filter((name) => sameAddress(config.subgraphUrls[name] ?? subgraphUrls[name]!, subgraphUrls[name]!));
const gateway = await createGatewayServer(
  { ...config, subgraphUrls: { ...subgraphUrls, ...config.subgraphUrls } },
  { subgraphChannel: { port: subgraphPort, subgraphs: inProcess, assertionKey } },
);
logger.info({ url: gateway.url, metrics: gateway.metricsUrl ?? 'off' }, 'gateway ready (GraphiQL: open the url in a browser)');
if (!config.auth.jwksFile && !config.auth.jwksUrl) {
  logger.warn({ key: `${config.dataDir}/dev-issuer/` }, 'tokens: development issuer; get one with: npm run -s token -- --role consulent --org uo-hbel');
}
/** This machine's names for a listener's host (one listening on all addresses answers on loopback too). */
const THIS_MACHINE = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0', '[::]']);

/** Whether `url` reaches the listener at `own`: the same port and path, on its host or this machine's loopback. */
function sameAddress(url: string, own: string): boolean {
  const [target, listener] = [new URL(url), new URL(own)];
  if (target.port !== listener.port || target.pathname !== listener.pathname) return false;
  return target.hostname === listener.hostname || (THIS_MACHINE.has(target.hostname) && THIS_MACHINE.has(listener.hostname));
}

parent.on('message', (message: unknown) => {
  if (message !== 'stop') return;
  void (async () => {
    await gateway.stop();
    await telemetry.shutdown();
    parent.postMessage('stopped');
  })();
});
parent.postMessage({ ready: true });
