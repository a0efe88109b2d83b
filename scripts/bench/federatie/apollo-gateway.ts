/**
 * Plain @apollo/gateway with @apollo/server and its standalone HTTP server, its defaults, as the
 * benchmark runs it: the baseline. `BENCH_SUPERGRAPH`, `BENCH_PORT`.
 */
import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

process.env.APOLLO_TELEMETRY_DISABLED = '1';
const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: readFileSync(process.env.BENCH_SUPERGRAPH as string, 'utf8') }) });
await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: Number(process.env.BENCH_PORT) } });
console.log('ready');
