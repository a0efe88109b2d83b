import { createLogger } from '@sociaal-graph/toolkit/gateway';
import { Redis } from 'ioredis';

/** The Redis channel (under `REDIS_KEY_PREFIX`) on which mandates are withdrawn: a message is an organisation id, or `*` for all. */
export function mandateInvalidationChannel(keyPrefix: string): string {
  return `${keyPrefix}mandaten:vernieuw`;
}

/** Every organisation. */
export const ALL_ORGANISATIONS = '*';

/** An organisation id as tokens carry it (CBS code, `uo-hbel`, an AGB code). */
const ORGANISATION = /^[\w.-]{1,64}$/;

export interface MandateInvalidationOptions {
  readonly redisUrl: string;
  readonly keyPrefix: string;
  /** Forgets one organisation's arrangements, or all without an argument. */
  readonly invalidate: (org?: string) => void;
  /** Where subscription trouble is reported. Default the gateway's logger (warn). */
  readonly log?: (message: string) => void;
}

/**
 * Every gateway replica subscribes to the channel, so one `npm run mandaten -- --vernieuw <org>`
 * makes all of them fetch that organisation's arrangements anew at their next request. A
 * subscriber that loses Redis may miss a message: when it is back, it forgets every
 * organisation's arrangements (they are fetched anew), and meanwhile the revocation bound
 * (`MANDATE_STALE_SECONDS`) still holds. ioredis subscribes again by itself on reconnect.
 */
export function subscribeMandateInvalidations(options: MandateInvalidationOptions): { subscribed: Promise<void>; close(): Promise<void> } {
  const log = options.log ?? ((message: string) => createLogger('gateway').warn({ kanaal: 'mandaten' }, message));
  const channel = mandateInvalidationChannel(options.keyPrefix);
  const redis = new Redis(options.redisUrl, {
    lazyConnect: true,
    connectTimeout: 1000,
    retryStrategy: (attempt) => Math.min(attempt * 250, 5000),
  });
  let lost = false;
  redis.on('error', (error: Error) => {
    if (!lost) log(`Redis unavailable; withdrawn mandates end after MANDATE_STALE_SECONDS: ${error.message}`);
    lost = true;
  });
  redis.on('ready', () => {
    if (!lost) return;
    lost = false;
    log('Redis available again; every organisation\'s arrangements are fetched anew');
    options.invalidate();
  });
  redis.on('message', (from: string, message: string) => {
    if (from !== channel) return;
    if (message === ALL_ORGANISATIONS) options.invalidate();
    else if (ORGANISATION.test(message)) options.invalidate(message);
  });
  const subscribed = redis.connect().then(
    () => redis.subscribe(channel).then(() => undefined),
    (error: unknown) => {
      lost = true;
      log(`not subscribed to ${channel}: ${error instanceof Error ? error.message : String(error)}`);
    },
  );
  return {
    subscribed,
    close: async () => {
      redis.disconnect();
    },
  };
}

/**
 * Tells every gateway on this Redis to forget `org`'s arrangements (all with `*`). Resolves with
 * the number of gateways that heard it.
 */
export async function publishMandateInvalidation(redisUrl: string, keyPrefix: string, org: string): Promise<number> {
  if (org !== ALL_ORGANISATIONS && !ORGANISATION.test(org)) throw new Error(`"${org}" is no organisation id`);
  const redis = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    return await redis.publish(mandateInvalidationChannel(keyPrefix), org);
  } finally {
    redis.disconnect();
  }
}
