/**
 * Redis backend: Keyv + @keyv/redis for plain reads and writes; `SET NX` and `SCAN` + `MGET` on the
 * same node-redis client for claim and scan.
 *
 * Outages: the client runs with `disableOfflineQueue`, so while it is disconnected every command
 * rejects at once instead of queueing forever; every call is also capped at OPERATION_TIMEOUT_MS
 * (a frozen server would otherwise hold a command until TCP gives up). Both surface as
 * StoreUnavailableError. The client keeps reconnecting in the background, so the same store works
 * again once the server is back. Client 'error' events are consumed here: an EventEmitter 'error'
 * with no listener would crash the process.
 */
import KeyvRedis, { createClient } from '@keyv/redis';
import { compareKeys } from './key-order.ts';
import { StoreUnavailableError, type FactStore } from './fact-store.ts';
import { KeyvFactStore, createKeyv, withTimeout, type RawBackend } from './keyv-fact-store.ts';

const OPERATION_TIMEOUT_MS = 1500;
const CONNECT_TIMEOUT_MS = 1500;
const SCAN_COUNT = 1000;
const MGET_BATCH = 1000;

type RedisClient = ReturnType<typeof createClient>;

/** Connects or rejects with StoreUnavailableError within about two seconds. */
export async function openRedisStore(url: string): Promise<FactStore> {
  let connectedOnce = false;
  const client: RedisClient = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      // Before the first connection, give up at once so openStore reports a refused connection
      // immediately. Afterwards retry forever with a short cap: an outage should end as soon as
      // the server is back.
      reconnectStrategy: (retries: number, cause: Error) =>
        connectedOnce ? Math.min(50 * 2 ** retries, 1000) : cause,
    },
  });
  let lastError: unknown;
  client.on('error', (error: unknown) => {
    lastError = error;
  });
  try {
    await withTimeout(client.connect(), CONNECT_TIMEOUT_MS + 500);
    connectedOnce = true;
  } catch (error) {
    if (client.isOpen) client.destroy();
    throw new StoreUnavailableError(`cannot connect to Redis at ${redact(url)}: ${message(lastError ?? error)}`, {
      cause: lastError ?? error,
    });
  }

  const adapter = new KeyvRedis(client, { throwOnConnectError: true, throwOnErrors: true });
  const keyv = createKeyv(adapter);
  // Keyv hands its namespace to the adapter, and KeyvRedis would then add its own `plenary::`
  // prefix on top of ours. Clearing it keeps the stored layout identical to the other backends.
  adapter.namespace = undefined;

  const backend: RawBackend = {
    timeoutMs: OPERATION_TIMEOUT_MS,
    async setIfAbsent(key, raw) {
      return (await client.set(key, raw, { condition: 'NX' })) === 'OK';
    },
    async scanPrefix(prefix) {
      const keys = new Set<string>(); // SCAN may return a key more than once
      let cursor = '0';
      do {
        const page = await client.scan(cursor, { MATCH: `${escapeGlob(prefix)}*`, COUNT: SCAN_COUNT });
        cursor = String(page.cursor);
        for (const k of page.keys) keys.add(k);
      } while (cursor !== '0');
      const sorted = [...keys].sort(compareKeys);
      const out: Array<[string, string]> = [];
      for (let i = 0; i < sorted.length; i += MGET_BATCH) {
        const batch = sorted.slice(i, i + MGET_BATCH);
        const values = await client.mGet(batch);
        // A key deleted between SCAN and MGET comes back null: it is simply gone.
        batch.forEach((k, j) => {
          const v = values[j];
          if (typeof v === 'string') out.push([k, v]);
        });
      }
      return out;
    },
    async ping() {
      return (await client.ping()) === 'PONG';
    },
    async close() {
      try {
        if (client.isOpen) await withTimeout(client.close(), 1000);
      } catch {
        client.destroy(); // server unreachable: drop the socket instead of waiting for QUIT
      }
    },
    translateError(error) {
      if (error instanceof StoreUnavailableError) return error;
      // Anything node-redis throws here means "not reachable / not serving right now"
      // (offline, socket closed, LOADING, READONLY...); the core retries either way.
      return new StoreUnavailableError(`Redis unavailable: ${message(error)}`, { cause: error });
    },
  };
  return new KeyvFactStore(keyv, backend);
}

/** Redis glob metacharacters in the prefix must match literally. */
export function escapeGlob(text: string): string {
  return text.replace(/[\\*?[\]]/g, '\\$&');
}

function message(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
