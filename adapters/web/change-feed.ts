/**
 * Tells open screens that a session changed, whichever process handled the reaction.
 *
 * - This process: the core's counts-changed events.
 * - Other processes on one SQLite file: the store's change token (SQLite's data_version), polled while a
 *   screen is open; a change marks every watched session.
 * - Other processes on one Redis: pub/sub. Every process publishes the ids of the sessions its reactions
 *   touched, at most once per PUBLISH_EVERY_MS per session and off the reaction path (fire and forget:
 *   a lost signal costs one refresh interval, never a reaction); screens subscribe. The subscriber has
 *   its own connection, as Redis requires.
 */
import type { createClient } from '@keyv/redis';
import type { Plenary } from '../../src/plenary.ts';
import type { Log } from '../../src/log.ts';
import { logLine } from '../../src/wording/log-line.ts';

export const CHANGES_CHANNEL = 'plenary:screen-changes';
const PUBLISH_EVERY_MS = 100;
const TOKEN_POLL_MS = 200;

export type ChangeListener = (sid: string | null) => void;
type RedisClient = ReturnType<typeof createClient>;

/** The Redis client is loaded only for a Redis store: it costs more start-up time than the rest of the screen. */
async function redisClient(url: string, log: Log): Promise<RedisClient> {
  const { createClient } = await import('@keyv/redis');
  const client: RedisClient = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 1500, reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 1000) },
  });
  client.on('error', (error: unknown) => log('debug', logLine('log.screen.redis-signal'), error instanceof Error ? error.message : error));
  return client;
}

/** Publishes this process's changes for the screens of other processes (every mode, screen or not). */
export class ChangePublisher {
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private readonly unsubscribe: () => void;

  private constructor(core: Plenary, private readonly client: RedisClient, private readonly log: Log) {
    this.unsubscribe = core.onCountsChanged((sid) => this.note(sid));
  }

  static async start(core: Plenary, storeUrl: string, log: Log): Promise<ChangePublisher | null> {
    if (!/^rediss?:\/\//.test(storeUrl)) return null;
    const client = await redisClient(storeUrl, log);
    try {
      await client.connect();
    } catch (error) {
      log('warn', logLine('log.screen.publish-unavailable'), error instanceof Error ? error.message : error);
    }
    return new ChangePublisher(core, client, log);
  }

  private note(sid: string) {
    this.pending.add(sid);
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), PUBLISH_EVERY_MS);
  }

  private flush() {
    this.timer = null;
    const sids = [...this.pending];
    this.pending.clear();
    if (!this.client.isReady) return;
    for (const sid of sids) {
      this.client.publish(CHANGES_CHANNEL, sid).catch((error: unknown) => this.log('debug', logLine('log.screen.publish-failed'), error));
    }
  }

  async stop(): Promise<void> {
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    this.flush();
    try {
      if (this.client.isOpen) await this.client.close();
    } catch {
      this.client.destroy();
    }
  }
}

/** Everything that may have changed a session, for the screens of this process. */
export class ChangeFeed {
  private readonly stops: Array<() => void | Promise<void>> = [];

  private constructor(private readonly listener: ChangeListener) {}

  static async start(core: Plenary, storeUrl: string, log: Log, listener: ChangeListener, isWatching: () => boolean): Promise<ChangeFeed> {
    const feed = new ChangeFeed(listener);
    feed.stops.push(core.onCountsChanged((sid) => listener(sid)));
    const store = core.store;
    if (store.changeToken) {
      let last: unknown = await store.changeToken().catch(() => undefined);
      const poll = setInterval(async () => {
        if (!isWatching()) return;
        try {
          const token = await store.changeToken!();
          if (token !== last) {
            last = token;
            listener(null);
          }
        } catch {
          // the store is unreachable: the pages keep their last state until it is back
        }
      }, TOKEN_POLL_MS);
      poll.unref();
      feed.stops.push(() => clearInterval(poll));
    }
    if (/^rediss?:\/\//.test(storeUrl)) {
      const subscriber = await redisClient(storeUrl, log);
      try {
        await subscriber.connect();
        await subscriber.subscribe(CHANGES_CHANNEL, (sid: string) => listener(sid));
      } catch (error) {
        log('warn', logLine('log.screen.subscribe-unavailable'), error instanceof Error ? error.message : error);
      }
      feed.stops.push(async () => {
        try {
          if (subscriber.isOpen) await subscriber.close();
        } catch {
          subscriber.destroy();
        }
      });
    }
    return feed;
  }

  async stop(): Promise<void> {
    for (const stop of this.stops.splice(0)) await stop();
  }
}
