import type { Logger } from './logger.js';

/**
 * Graceful shutdown of a process (gateway or subgraph): on SIGTERM (Kubernetes, `docker stop`)
 * or SIGINT (Ctrl-C) it calls `stop` once, which stops accepting connections and lets the
 * requests in flight finish (Apollo's drain plugin), then exits 0; a second signal while
 * draining, or a failing `stop`, exits at once with 1.
 */
export function stopOnSignals(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal while draining: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'stopping: no new connections, finishing requests in flight');
    stop().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
