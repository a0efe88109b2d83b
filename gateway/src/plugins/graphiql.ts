import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RouteHandler } from '@sociaal-graph/toolkit';
import type { GatewayContext } from '../context.js';

/** Path prefix under which the gateway serves GraphiQL's own files. */
export const GRAPHIQL_ASSET_PREFIX = '/graphiql/';

export interface GraphiqlPluginOptions {
  /** Path the page sends operations to. Default `/graphql`. */
  graphqlPath?: string;
  /** Page title. Default `sociaal-graph · GraphiQL`. */
  title?: string;
  /** Text in the editor on a first visit. Default a short Dutch welcome (comments only). */
  defaultQuery?: string;
}

/**
 * Landing page: GraphiQL served by the gateway itself. Every script and style comes from
 * `GRAPHIQL_ASSET_PREFIX` on this server (`graphiqlAssetRoute`); nothing is loaded from another
 * host (DESIGN.md "Known pitfalls": nothing leaves loopback). A field above the editor takes a
 * bearer token, kept in the tab's sessionStorage and sent as `Authorization`.
 */
export function graphiqlPlugin(options: GraphiqlPluginOptions = {}): ApolloServerPlugin<GatewayContext> {
  const { graphqlPath = '/graphql', title = 'sociaal-graph · GraphiQL', defaultQuery = DEFAULT_QUERY } = options;
  const html = renderPage(graphqlPath, title, defaultQuery);
  return {
    async serverWillStart() {
      return { async renderLandingPage() { return { html }; } };
    },
  };
}

const DEFAULT_QUERY = `# Welkom bij sociaal-graph.
#
# Typ een query; Ctrl-Spatie vult aan, de Docs-knop links toont het schema.
# Een bearer-token plakt u in het veld boven de editor.
`;

/** Files the page loads, by their name under the prefix; nothing else is served there. */
const requireFromHere = createRequire(import.meta.url);
const reactDir = dirname(requireFromHere.resolve('react/package.json'));
const reactDomDir = dirname(requireFromHere.resolve('react-dom/package.json'));
const ASSETS: Readonly<Record<string, { path: string; contentType: string }>> = {
  'graphiql.min.js': { path: requireFromHere.resolve('graphiql/graphiql.min.js'), contentType: 'text/javascript; charset=utf-8' },
  'graphiql.min.css': { path: requireFromHere.resolve('graphiql/graphiql.min.css'), contentType: 'text/css; charset=utf-8' },
  'react.production.min.js': { path: join(reactDir, 'umd/react.production.min.js'), contentType: 'text/javascript; charset=utf-8' },
  'react-dom.production.min.js': { path: join(reactDomDir, 'umd/react-dom.production.min.js'), contentType: 'text/javascript; charset=utf-8' },
};

interface LoadedAsset {
  contentType: string;
  plain: Buffer;
  gzipped: Buffer;
}

/**
 * Serves the GraphiQL files from node_modules under `GRAPHIQL_ASSET_PREFIX`. Each file is read
 * and gzipped once, on its first request, then kept in memory (about 5 MB in all).
 */
export function graphiqlAssetRoute(): RouteHandler {
  const loaded = new Map<string, Promise<LoadedAsset>>();
  return async (request, response) => {
    const name = (request.url ?? '').slice(GRAPHIQL_ASSET_PREFIX.length).split('?')[0];
    const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!asset) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('niet gevonden');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let file = loaded.get(name);
    if (!file) {
      file = loadAsset(asset.path, asset.contentType);
      loaded.set(name, file);
    }
    const { contentType, plain, gzipped } = await file;
    const useGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const body = useGzip ? gzipped : plain;
    response.writeHead(200, {
      'content-type': contentType,
      'content-length': body.length,
      'cache-control': 'public, max-age=3600',
      'x-content-type-options': 'nosniff',
      vary: 'accept-encoding',
      ...(useGzip ? { 'content-encoding': 'gzip' } : {}),
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
}

async function loadAsset(path: string, contentType: string): Promise<LoadedAsset> {
  const plain = await readFile(path);
  return { contentType, plain, gzipped: await promisify(gzip)(plain) };
}

function renderPage(graphqlPath: string, title: string, defaultQuery: string): string {
  const asset = (name: string) => `${GRAPHIQL_ASSET_PREFIX}${name}`;
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${asset('graphiql.min.css')}">
<style>
  html, body { height: 100%; margin: 0; }
  body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
  #token-bar { display: flex; gap: .5rem; align-items: center; padding: .4rem .8rem; border-bottom: 1px solid #ddd; font-size: 14px; }
  #token-bar input { flex: 1; max-width: 40rem; font-family: monospace; }
  #graphiql { flex: 1; min-height: 0; }
</style>
</head>
<body>
<div id="token-bar">
  <label for="token">Bearer-token</label>
  <input id="token" type="password" autocomplete="off" spellcheck="false" placeholder="optioneel: plak hier een token">
</div>
<div id="graphiql">GraphiQL wordt geladen…</div>
<script src="${asset('react.production.min.js')}"></script>
<script src="${asset('react-dom.production.min.js')}"></script>
<script src="${asset('graphiql.min.js')}"></script>
<script>
  const tokenInput = document.getElementById('token');
  const storageKey = 'sociaal-graph:bearer-token';
  tokenInput.value = sessionStorage.getItem(storageKey) || '';
  tokenInput.addEventListener('input', () => sessionStorage.setItem(storageKey, tokenInput.value.trim()));
  const fetcher = GraphiQL.createFetcher({
    url: new URL(${scriptString(graphqlPath)}, location.href).href,
    fetch: (input, init) => {
      const token = tokenInput.value.trim().replace(/^Bearer\\s+/i, '');
      const headers = new Headers(init && init.headers);
      if (token && !headers.has('authorization')) headers.set('authorization', 'Bearer ' + token);
      return fetch(input, { ...init, headers });
    },
  });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher, defaultQuery: ${scriptString(defaultQuery)}, defaultEditorToolsVisibility: true }),
  );
</script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A JSON string literal that cannot close the surrounding script element. */
function scriptString(text: string): string {
  return JSON.stringify(text).replace(/</g, '\\u003c');
}
