/**
 * sociaal-graph's gateway as `npm run gateway` starts it (every plugin on, tokens verified by the
 * development issuer in `DATA_DIR`), over the benchmark's supergraph. Only what the benchmark
 * needs differs from the defaults, set by the driver in the environment: the per-caller limits
 * lifted (50 connections are far above a person's budget), and the depth limit at the
 * benchmark query's depth. `BENCH_SUPERGRAPH`, `BENCH_PORT`.
 */
import { createGatewayServer, readGatewayConfig } from '@sociaal-graph/gateway';

const config = readGatewayConfig({ ...process.env, SUPERGRAPH_PATH: process.env.BENCH_SUPERGRAPH, GATEWAY_PORT: process.env.BENCH_PORT, METRICS_PORT: 'off' });
await createGatewayServer(config);
// Leave through process.exit on SIGTERM, so that `node --cpu-prof` (scripts/bench-profile.ts) writes its profile.
process.on('SIGTERM', () => process.exit(0));
console.log('ready');
