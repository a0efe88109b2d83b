/** How the one process of `npm start` loads its TypeScript: tsx, then hooks.ts over it (why: hooks.ts). */

/** The module that registers hooks.ts; it needs tsx registered before it (it is TypeScript itself). */
export const GRAPH_LOADER = import.meta.resolve('./register.ts');

/** Node flags for the process. Its gateway's worker thread does not inherit them and registers both itself. */
export const GRAPH_LOADER_FLAGS: readonly string[] = ['--import', 'tsx', '--import', GRAPH_LOADER];

/**
 * V8 flags of that process (scripts/start-graph.ts; measure-cpu-per-request.ts --profile starts it with them too).
 * A young generation of 64 MiB semi-spaces instead of V8's 16: at 50 connections the subgraphs' thread allocates
 * 330-360 KiB per resident view (sampling heap profiles), so the default filled a semi-space about every 37 views,
 * while the views in flight kept much of it alive: each scavenge copied that again, and what lived through two was
 * promoted. Measured with `scripts/measure-cpu-per-request.ts` (resident view, a different resident each request,
 * 50 connections, main at e5f5df9 and 861ca31, the shared two-core machine) and a PerformanceObserver for GC on the subgraphs'
 * thread over 10 s (views from the run's rate): the default 0.024-0.028 scavenges per view and 0.10-0.19 ms of
 * pauses per view (nine runs); 64 MiB 0.006-0.007 and 0.05-0.10 ms (five; 0.17 in a sixth at load average 6);
 * 32 MiB 0.014 and 0.11 ms (one). In six pairs alternating in one sitting (two with e525fa9's lazy loaders
 * against main without them), the subgraphs' thread's own CPU per view was lower in four of the five that read it
 * (1.41 against 1.54, 1.23/1.36, 1.23/1.32, 1.22/1.29 ms; 1.89 against 1.31 in the run at load average 6), the whole
 * process's lower in four of six (2.12-2.95 against 2.24-2.97 ms; 3.41 against 2.29 in that run), p97.5 latency
 * about the same (159-277 against 162-236 ms, 445 in that run). The cost is memory: the process's RSS at the end of
 * those windows 883-918 against 737-775 MiB (32 MiB: 826); `npm run measure:start -- --no-baseline` with it (the
 * shared machine, first start 54.2 s): the whole tree 1,218 MiB when healthy and 1,204 MiB 30 s later (main's runs: 1,090-1,314). The flag is
 * the process's, so the gateway's worker thread gets the same young generation; alone, the gateway gained nothing
 * from a larger one (gateway/src/node-flags.ts). Earlier, at 4.2-6.0 ms per view (before the channel's one message
 * per turn), single runs with 32 and 64 MiB measured 6.0 and 5.7-6.3 ms, within that spread, and
 * --single-threaded-gc 4.9-7.8 ms (the GC helper threads' work moved onto the busy main thread), peak RSS 881-935
 * against 835 MiB.
 */
export const GRAPH_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
