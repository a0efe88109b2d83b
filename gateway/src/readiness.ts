import { createHash } from 'node:crypto';
import type { RouteHandler } from '@sociaal-graph/toolkit/gateway';
import { sendJson } from '@sociaal-graph/toolkit/gateway';

/** One subgraph's state as `/ready` reports it. */
export type SubgraphState = 'ok' | 'unreachable' | 'timeout' | `http ${number}`;

export interface ReadinessOptions {
  /** The subgraphs the gateway routes to, by name, with their GraphQL URLs; known once the supergraph is loaded. */
  subgraphUrls: () => ReadonlyMap<string, string>;
  /** Where the supergraph came from and its SDL, for the report. */
  supergraph: { path: string; sdl: string };
  /** Longest wait for one subgraph's `/health`, in milliseconds. Default 2000. */
  timeoutMs?: number;
  /**
   * How long one check is reused, in milliseconds. Default 1000: a probe or a curious caller
   * sending `/ready` in a loop costs each subgraph at most one health check a second.
   */
  reuseMs?: number;
}

/** What `/ready` answers. */
export interface ReadinessReport {
  status: 'ready' | 'not ready';
  supergraph: { path: string; sha256: string };
  subgraphs: Record<string, SubgraphState>;
}

/**
 * `GET /ready`: whether the gateway can answer fully, for a readiness probe and an operator
 * (issue 11, item 3). `/health` stays liveness (the process serves); `/ready` asks every subgraph's
 * `/health` (which checks its database) at once, and answers 200 when all are `ok`, otherwise 503,
 * both with each subgraph's state and the supergraph in use (file and SHA-256 of its text).
 * Subgraph URLs are not shown: they are internal addresses.
 */
export function readinessRoute(options: ReadinessOptions): RouteHandler {
  const { timeoutMs = 2_000, reuseMs = 1_000 } = options;
  const supergraph = { path: options.supergraph.path, sha256: createHash('sha256').update(options.supergraph.sdl).digest('hex') };
  let last: { at: number; report: Promise<ReadinessReport> } | undefined;

  const check = async (): Promise<ReadinessReport> => {
    const entries = await Promise.all(
      [...options.subgraphUrls()].map(async ([name, url]): Promise<[string, SubgraphState]> => [name, await subgraphState(url, timeoutMs)]),
    );
    const subgraphs = Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
    const ready = entries.length > 0 && entries.every(([, state]) => state === 'ok');
    return { status: ready ? 'ready' : 'not ready', supergraph, subgraphs };
  };

  return async (request, response) => {
    request.resume();
    const now = Date.now();
    if (!last || now - last.at > reuseMs) last = { at: now, report: check() };
    const report = await last.report;
    sendJson(response, report.status === 'ready' ? 200 : 503, report);
  };
}

async function subgraphState(graphqlUrl: string, timeoutMs: number): Promise<SubgraphState> {
  try {
    const response = await fetch(new URL('/health', graphqlUrl), { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.ok ? 'ok' : `http ${response.status}`;
  } catch (error) {
    return error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'unreachable';
  }
}
