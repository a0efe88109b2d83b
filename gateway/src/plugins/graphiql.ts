import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { type RouteHandler, sendJson } from '@sociaal-graph/toolkit/gateway';
import { isRole, ROLES } from '../auth/roles.js';
import type { GatewayConfig } from '../config.js';
import type { GatewayContext } from '../context.js';
import { loadDevIssuer } from '../dev-issuer/dev-issuer.js';
import { mintToken } from '../dev-issuer/mint-token.js';
import { loadSavedOperations, OPERATION_GROUPS, SAVED_OPERATIONS_DIR } from './graphiql-operations.js';

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
 * host (docs/architecture.md "Known pitfalls": nothing leaves loopback). A bar above the editor takes a
 * bearer token, kept in the tab's sessionStorage and sent as `Authorization`, and, when the
 * gateway trusts the development issuer, obtains one for a role and organisation. The
 * "Voorbeelden" panel opens the saved operations of `gateway/graphiql/operations/` in a new tab.
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
# Voorbeelden per gebruikersgroep staan onder de knop "Voorbeelden" links.
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
  // The page's own script: token bar, development tokens, the saved operations panel.
  'sociaal-graph.js': { path: join(SAVED_OPERATIONS_DIR, '../page.js'), contentType: 'text/javascript; charset=utf-8' },
};

/** The saved operations, `GET <prefix>operations.json`. */
const OPERATIONS_FILE = 'operations.json';
/** Development tokens: `GET` says which roles and organisations, `POST {rol, organisatie}` mints one. */
const DEV_TOKEN_PATH = 'dev-token';
/** Organisations of the demo world offered in the page (any other id may be typed). */
const DEMO_ORGANISATIES = ['uo-hbel', 'regio-gv', '0406', '0376', '0317', '0417', '0307'];

export interface GraphiqlAssetOptions {
  /**
   * Set only when the gateway trusts the development issuer (`devTokenOptions`): then the page
   * can obtain a token for any role and organisation from this gateway.
   */
  devTokens?: { dataDir: string; issuer?: string; audience?: string };
}

/**
 * Development tokens are offered exactly when the gateway itself accepts the development
 * issuer's tokens: no `AUTH_JWKS_FILE` or `AUTH_JWKS_URL`, and never under `NODE_ENV=production`.
 * A production gateway names its issuer's JWKS, which switches the development issuer, and with
 * it this, off.
 */
export function devTokenOptions(config: Pick<GatewayConfig, 'auth' | 'dataDir' | 'production'>): GraphiqlAssetOptions {
  if (config.auth.jwksFile || config.auth.jwksUrl || config.production) return {};
  return { devTokens: { dataDir: config.dataDir, issuer: config.auth.issuer, audience: config.auth.audience } };
}

interface LoadedAsset {
  contentType: string;
  plain: Buffer;
  gzipped: Buffer;
}

/**
 * Serves the GraphiQL files from node_modules under `GRAPHIQL_ASSET_PREFIX`. Each file is read
 * and gzipped once, on its first request, then kept in memory (about 5 MB in all).
 */
export function graphiqlAssetRoute(options: GraphiqlAssetOptions = {}): RouteHandler {
  const loaded = new Map<string, Promise<LoadedAsset>>();
  let operations: Promise<string> | undefined;
  return async (request, response) => {
    const name = (request.url ?? '').slice(GRAPHIQL_ASSET_PREFIX.length).split('?')[0];
    if (name === DEV_TOKEN_PATH && options.devTokens) return devToken(request, response, options.devTokens);
    if (name === OPERATIONS_FILE && request.method === 'GET') {
      // Read once per gateway: the files change with a new release, not while it runs.
      operations ??= loadSavedOperations().then((list) => JSON.stringify({ groepen: OPERATION_GROUPS, operaties: list }));
      operations.catch(() => (operations = undefined));
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' }).end(await operations);
      return;
    }
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

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
/** The names this gateway has on loopback; with its own port they are the only accepted Host. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * The page's "Token ophalen": mints a development token for a role and organisation. Only for
 * callers on this machine, and only as JSON (a cross-site form cannot send that without a
 * preflight this server never answers). The socket's address alone is not enough: a web page
 * that rebinds its own DNS name to 127.0.0.1 reaches this port from the user's browser, but its
 * requests carry that name in `Host` and its origin in `Origin`. So both must name this gateway
 * on loopback, with the port it listens on.
 */
async function devToken(request: IncomingMessage, response: ServerResponse, dev: NonNullable<GraphiqlAssetOptions['devTokens']>): Promise<void> {
  if (!LOOPBACK.has(request.socket.remoteAddress ?? '')) {
    request.resume();
    return sendJson(response, 403, { fout: 'Ontwikkeltokens alleen vanaf deze machine.', code: 'DEV_TOKEN_FORBIDDEN' });
  }
  if (!ownLoopbackOrigin(request)) {
    request.resume();
    return sendJson(response, 403, {
      fout: 'Ontwikkeltokens alleen voor een pagina van deze gateway zelf (Host en Origin moeten 127.0.0.1, localhost of [::1] met de poort van de gateway zijn).',
      code: 'DEV_TOKEN_FORBIDDEN',
    });
  }
  if (request.method === 'GET') return sendJson(response, 200, { rollen: ROLES, organisaties: DEMO_ORGANISATIES });
  if (request.method !== 'POST' || !/^application\/json\b/.test(String(request.headers['content-type'] ?? ''))) {
    request.resume();
    return sendJson(response, 405, { fout: 'POST een JSON-object { rol, organisatie }.' });
  }
  let body: { rol?: unknown; organisatie?: unknown };
  try {
    body = JSON.parse(await readSmallBody(request, 4096)) as typeof body;
  } catch {
    return sendJson(response, 400, { fout: 'Geen geldig JSON-object { rol, organisatie }.' });
  }
  const organisatie = typeof body.organisatie === 'string' ? body.organisatie.trim() : '';
  if (!isRole(body.rol) || !/^[\w.-]{1,64}$/.test(organisatie)) {
    return sendJson(response, 400, { fout: `Kies een rol (${ROLES.join(', ')}) en een organisatie-id.` });
  }
  const issuer = await loadDevIssuer(dev.dataDir);
  const expiresInSeconds = 8 * 3600;
  const token = await mintToken(issuer, { role: body.rol, org: organisatie, issuer: dev.issuer, audience: dev.audience, expiresInSeconds });
  response.setHeader('cache-control', 'no-store');
  sendJson(response, 200, { token, rol: body.rol, organisatie, verlooptOp: new Date(Date.now() + expiresInSeconds * 1000).toISOString() });
}

/** `Host`, and `Origin` when sent, name this gateway on loopback with the port the request came in on. */
function ownLoopbackOrigin(request: IncomingMessage): boolean {
  const port = request.socket.localPort;
  if (port === undefined) return false;
  const hosts = new Set(LOOPBACK_NAMES.flatMap((name) => (port === 80 ? [name, `${name}:80`] : [`${name}:${port}`])));
  if (!hosts.has(String(request.headers.host ?? '').toLowerCase())) return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return [...hosts].some((host) => origin.toLowerCase() === `http://${host}`);
}

function readSmallBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return reject(new Error('body too large'));
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
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
  #token-bar { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; padding: .4rem .8rem; border-bottom: 1px solid #ddd; font-size: 14px; }
  #token-bar input, #token-bar select { font-size: 14px; }
  #token { flex: 1; min-width: 16rem; max-width: 40rem; font-family: monospace; }
  #dev-token { display: flex; gap: .4rem; align-items: center; }
  #dev-token[hidden] { display: none; }
  #dev-org { width: 7rem; }
  #token-status { color: #555; }
  #answer-caller { margin-left: auto; font-weight: 600; }
  #graphiql { flex: 1; min-height: 0; }
  .sg-voorbeelden { display: flex; flex-direction: column; gap: .75rem; }
  .sg-voorbeelden h3 { margin: .5rem 0 0; font-size: 1em; }
  .sg-voorbeelden .sg-groep-token { margin: 0; font-size: .85em; opacity: .75; }
  .sg-voorbeeld { display: block; width: 100%; text-align: left; padding: .4rem .5rem; margin: .3rem 0; border: 1px solid hsla(var(--color-neutral), var(--alpha-background-heavy)); border-radius: 4px; background: none; color: inherit; cursor: pointer; font: inherit; }
  .sg-voorbeeld:hover { background: hsla(var(--color-neutral), var(--alpha-background-light)); }
  .sg-voorbeeld span { display: block; font-size: .85em; opacity: .8; margin-top: .2rem; }
</style>
</head>
<body>
<div id="token-bar">
  <label for="token">Bearer-token</label>
  <input id="token" type="password" autocomplete="off" spellcheck="false" placeholder="optioneel: plak hier een token">
  <span id="dev-token" hidden>
    <label for="dev-role">Ontwikkeltoken voor</label>
    <select id="dev-role"></select>
    <label for="dev-org">bij</label>
    <input id="dev-org" list="dev-orgs" autocomplete="off" spellcheck="false" placeholder="organisatie">
    <datalist id="dev-orgs"></datalist>
    <button id="dev-token-button" type="button">Token ophalen</button>
  </span>
  <span id="token-status" role="status"></span>
  <span id="answer-caller" role="status"></span>
</div>
<div id="graphiql">GraphiQL wordt geladen…</div>
<script id="graphiql-config" type="application/json">${jsonForScript({ graphqlPath, defaultQuery, assetPrefix: GRAPHIQL_ASSET_PREFIX })}</script>
<script src="${asset('react.production.min.js')}"></script>
<script src="${asset('react-dom.production.min.js')}"></script>
<script src="${asset('graphiql.min.js')}"></script>
<script src="${asset('sociaal-graph.js')}"></script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** JSON that cannot close the surrounding script element. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
