import 'reflect-metadata';
import type { TestProject } from 'vitest/node';
import { type OwnGraph, startOwnGraph } from './graph.test-utils.js';

/**
 * Starts one graph for all end-to-end files of a run (vitest globalSetup) and hands its address to
 * them (`inject('sharedGraph')` in graph.test-utils.ts). Only when the run includes test/: a run
 * of one subgraph's tests should not wait for seven demo worlds to load.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!includesEndToEnd(process.argv.slice(2))) return undefined;
  const graph: OwnGraph = await startOwnGraph();
  project.provide('sharedGraph', {
    gatewayUrl: graph.gateway.url,
    subgraphUrls: Object.fromEntries([...graph.subgraphs].map(([name, subgraph]) => [name, subgraph.url])),
    dataDir: graph.dataDir,
    pseudonymSecret: graph.pseudonymSecret,
  });
  return () => graph.stop();
}

/** Whether the command line runs the end-to-end files: no file filter at all, or one naming test/. */
function includesEndToEnd(argv: readonly string[]): boolean {
  const filters = argv.filter((arg, i) => !arg.startsWith('-') && arg !== 'run' && !argv[i - 1]?.match(/^--[a-zA-Z.]+$/));
  return filters.length === 0 || filters.some((filter) => /(^|\/)test(\/|$)/.test(filter));
}
