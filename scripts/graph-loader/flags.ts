/** How the one process of `npm start` loads its TypeScript: tsx, then hooks.ts over it (why: hooks.ts). */

/** The module that registers hooks.ts; it needs tsx registered before it (it is TypeScript itself). */
export const GRAPH_LOADER = import.meta.resolve('./register.ts');

/** Node flags for the process. Its gateway's worker thread does not inherit them and registers both itself. */
export const GRAPH_LOADER_FLAGS: readonly string[] = ['--import', 'tsx', '--import', GRAPH_LOADER];
