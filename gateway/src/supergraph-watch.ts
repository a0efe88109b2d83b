import { createHash } from 'node:crypto';
import { type FSWatcher, type StatsListener, unwatchFile, watch, watchFile } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '@sociaal-graph/toolkit/gateway';
import type { GatewayMetrics } from './metrics.js';
import { readAuthorization, withoutSecurityPurpose } from './plugins/authorization-requirements.js';

export interface SupergraphWatchOptions {
  /** `SUPERGRAPH_PATH`: a file, or a path in a mounted ConfigMap (a symlink into `..data/`). */
  readonly path: string;
  /** The content read at start (the first schema); later versions come from the file. */
  readonly initial: string;
  readonly logger: Logger;
  readonly metrics: Pick<GatewayMetrics, 'supergraphLoads'>;
  /** How often the file is also looked at, in case no change event comes (network file systems). Default 1000 ms. */
  readonly pollIntervalMs?: number;
}

/**
 * The gateway's supergraph, reloaded when its file changes (issue 12, item 3), as the function
 * form of @apollo/gateway's `supergraphSdl`: the gateway calls it once, and we call `update` with
 * each new version. `update` builds and validates the whole supergraph before anything changes, so
 * one that does not parse or does not validate throws there: it is refused, logged and counted
 * (`sociaal_graph_gateway_supergraph_loads_total{result="refused"}`), and the old one keeps
 * serving. Apollo Server swaps the schema between requests; a request in flight finishes on the
 * schema and plan it started with, so none is dropped.
 *
 * Watching: the folder of the file (an editor's write-and-rename, and Kubernetes' ConfigMap
 * update, which swaps the `..data` symlink beside the file, both show there; a watch on the file
 * itself would stay on the replaced inode), plus a light poll of the file's stat. Every event
 * leads to one read of the file through its symlinks; only a content that differs from the one
 * serving (or from the last refused) is tried, one at a time.
 */
export function watchedSupergraph(options: SupergraphWatchOptions): SupergraphSdlHook {
  const { path, logger, metrics } = options;
  return async ({ update }) => {
    let serving = digest(options.initial);
    let refused: string | undefined;
    let queue: Promise<void> = Promise.resolve();
    let closed = false;

    const reload = async (): Promise<void> => {
      if (closed) return;
      let sdl: string;
      try {
        sdl = await readFile(path, 'utf8');
      } catch (error) {
        // Between a ConfigMap's symlink swap and its cleanup the path can be briefly absent.
        logger.warn({ path, err: error }, 'supergraph file unreadable; the current supergraph stays');
        return;
      }
      const version = digest(sdl);
      if (version === serving || version === refused) return;
      try {
        // The authorization directives must be readable too: the gateway enforces them.
        readAuthorization(sdl);
        update(withoutSecurityPurpose(sdl));
        serving = version;
        refused = undefined;
        metrics.supergraphLoads.inc({ result: 'loaded' });
        logger.info({ path, version: version.slice(0, 12) }, 'supergraph reloaded');
      } catch (error) {
        refused = version;
        metrics.supergraphLoads.inc({ result: 'refused' });
        logger.error({ path, version: version.slice(0, 12), err: error }, 'supergraph refused; the current supergraph stays');
      }
    };
    const check = () => {
      queue = queue.then(reload, reload);
    };

    let timer: NodeJS.Timeout | undefined;
    // Several events come for one change (write, rename, symlink swap): look once, shortly after.
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(check, 50);
      timer.unref();
    };
    const name = basename(path);
    let folder: FSWatcher | undefined;
    try {
      folder = watch(dirname(path), { persistent: false }, (_event, file) => {
        if (!file || file === name || file.startsWith('..')) soon();
      });
      folder.on('error', (error) => logger.warn({ err: error }, 'supergraph folder watch failed; polling only'));
    } catch (error) {
      logger.warn({ err: error }, 'supergraph folder cannot be watched; polling only');
    }
    const poll: StatsListener = (now, before) => {
      if (now.mtimeMs !== before.mtimeMs || now.ino !== before.ino || now.size !== before.size) soon();
    };
    watchFile(path, { interval: options.pollIntervalMs ?? 1000, persistent: false }, poll);

    return {
      supergraphSdl: withoutSecurityPurpose(options.initial),
      cleanup: async () => {
        closed = true;
        clearTimeout(timer);
        folder?.close();
        unwatchFile(path, poll);
        await queue;
      },
    };
  };
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
