/**
 * Redis backend: Keyv + @keyv/redis for reads; small Lua scripts on the same node-redis client for
 * set, claim and delete; an index read for scans.
 *
 * The key index: every stored fact key is also a member (score 0) of one sorted set, INDEX_KEY.
 * Members with equal scores are ordered by memcmp, i.e. UTF-8 byte order, which is the contract's
 * order, so a prefix scan is `ZRANGEBYLEX [prefix (successor` (O(log N + matches)) followed by MGET
 * of those keys; unrelated keys in the store, ours or other applications', cost nothing. SCAN MATCH
 * would walk the whole keyspace on every call, and the core scans one proposal's reactions for
 * live counts up to once a second per posted message.
 *
 * Value and index change together in one Lua script (a commit's sets = SET + ZADD, its deletes and
 * delete = DEL + ZREM; a claim is a commit expecting the key absent): a script runs atomically and reaches the AOF as one MULTI/EXEC, so neither a
 * crash nor another process can leave a value that scans miss. An index entry whose value is gone
 * (a key deleted behind our back) comes back from MGET as null and is skipped. Facts written before
 * the index existed are indexed once, when a store first opens a server without INDEX_MARKER.
 * The scripts touch two keys, so this layout needs one Redis node (or a cluster with hash tags).
 *
 * Outages: the client runs with `disableOfflineQueue`, so while it is disconnected every command
 * rejects at once instead of queueing forever; every call is also capped at OPERATION_TIMEOUT_MS
 * (a frozen server would otherwise hold a command until TCP gives up). Both surface as
 * StoreUnavailableError. The client keeps reconnecting in the background, so the same store works
 * again once the server is back. Client 'error' events are consumed here: an EventEmitter 'error'
 * with no listener would crash the process.
 */
import KeyvRedis, { createClient } from '@keyv/redis';
import { prefixSuccessor } from './key-order.ts';
import { maskUrlPasswords } from '../mask-url.ts';
import { StoreUnavailableError, type FactStore } from './fact-store.ts';
import { KeyvFactStore, OUTCOME_TTL_MS, createKeyv, withTimeout, type RawBackend } from './keyv-fact-store.ts';

export const INDEX_KEY = 'plenary-index';
const OPERATION_TIMEOUT_MS = 1500;
const CONNECT_TIMEOUT_MS = 1500;
const SCAN_COUNT = 1000;
/** Index entries read (and values fetched with one MGET) per page of a scan. */
const PAGE = 1000;
/** Present once every fact key on the server is in the index. */
export const INDEX_MARKER = 'plenary-index:complete';
const STORED_PREFIX = 'plenary:';

/** Markers (not facts: no index entry, Redis expires them) and write outcomes live under these. */
const MARK_PREFIX = 'plenary-mark:';
const OUTCOME_PREFIX = 'plenary-outcome:';

/**
 * One command's writes, atomically. KEYS = index, outcome, expected keys…, set keys…, deleted keys…;
 * ARGV = #expected, #set, #deleted, outcome ttl, then per expected key (present flag, value), then
 * the values to set. An outcome already decided (by this id's earlier attempt, or by a caller that
 * fenced it) is returned as is; otherwise every expectation is checked before anything is written,
 * and "applied" is recorded under the id with the writes.
 */
const COMMIT_SCRIPT = `
local ne, ns, nd = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local outcome = KEYS[2]
local decided = redis.call('GET', outcome)
if decided then if decided == 'applied' then return 1 end return -1 end
local a = 5
for i = 1, ne do
  local current = redis.call('GET', KEYS[2 + i])
  if ARGV[a] == '1' then
    if current ~= ARGV[a + 1] then return 0 end
  elseif current then return 0 end
  a = a + 2
end
for i = 1, ns do
  local k = KEYS[2 + ne + i]
  redis.call('SET', k, ARGV[a]) redis.call('ZADD', KEYS[1], 0, k)
  a = a + 1
end
for i = 1, nd do
  local k = KEYS[2 + ne + ns + i]
  redis.call('DEL', k) redis.call('ZREM', KEYS[1], k)
end
redis.call('SET', outcome, 'applied', 'PX', ARGV[4])
return 1`;
/**
 * Fences a timed-out write id in one round trip (a network slow enough to time out the write must
 * not also time out a two-step settle): 'aborted' unless an outcome is already recorded, and that
 * outcome returned.
 */
const SETTLE_SCRIPT = `
local decided = redis.call('GET', KEYS[1])
if decided then return decided end
redis.call('SET', KEYS[1], 'aborted', 'PX', ARGV[1])
return 'fenced'`;
const DELETE_SCRIPT = "local n = redis.call('DEL', KEYS[1]) redis.call('ZREM', KEYS[2], KEYS[1]) return n";

type RedisClient = ReturnType<typeof createClient>;

/** Connects or rejects with StoreUnavailableError within about two seconds. `timeoutMs` caps each call (tests). */
export async function openRedisStore(url: string, { timeoutMs = OPERATION_TIMEOUT_MS }: { timeoutMs?: number } = {}): Promise<FactStore> {
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
    throw new StoreUnavailableError(`cannot connect to Redis at ${maskUrlPasswords(url)}: ${message(lastError ?? error)}`, {
      cause: lastError ?? error,
    });
  }

  try {
    await buildIndexOnce(client);
  } catch (error) {
    client.destroy();
    throw new StoreUnavailableError(`cannot index the keys in Redis at ${maskUrlPasswords(url)}: ${message(error)}`, { cause: error });
  }

  const adapter = new KeyvRedis(client, { throwOnConnectError: true, throwOnErrors: true });
  const keyv = createKeyv(adapter);
  // Keyv hands its namespace to the adapter, and KeyvRedis would then add its own `plenary::`
  // prefix on top of ours. Clearing it keeps the stored layout identical to the other backends.
  adapter.namespace = undefined;

  const backend: RawBackend = {
    timeoutMs,
    uncertain: true,
    // Refused before sending (client offline or closed), or answered with an error reply (LOADING,
    // READONLY…): either way the server did not apply it.
    neverSent: (error) => /^(The client is (offline|closed)|[A-Z]{3,}\b)/.test(String((error as Error)?.message ?? '')),
    async commit(change) {
      const keys = [INDEX_KEY, OUTCOME_PREFIX + (change.id ?? 'none'), ...change.expect.map(([k]) => k), ...change.set.map(([k]) => k), ...change.delete];
      const args = [String(change.expect.length), String(change.set.length), String(change.delete.length), String(OUTCOME_TTL_MS)];
      for (const [, raw] of change.expect) args.push(raw === undefined ? '0' : '1', raw ?? '');
      for (const [, raw] of change.set) args.push(raw);
      // Without an id (never, from KeyvFactStore) the outcome key is shared: it is deleted at once.
      const result = Number(await client.eval(COMMIT_SCRIPT, { keys, arguments: args }));
      if (change.id === undefined) await client.del(OUTCOME_PREFIX + 'none');
      return result === 1;
    },
    async settle(id) {
      const outcome = await client.eval(SETTLE_SCRIPT, { keys: [OUTCOME_PREFIX + id], arguments: [String(OUTCOME_TTL_MS)] });
      return outcome === 'applied';
    },
    async mark(key, ttlMs) {
      return (await client.set(MARK_PREFIX + key, '1', { NX: true, PX: ttlMs })) === 'OK';
    },
    async delete(key) {
      return Number(await client.eval(DELETE_SCRIPT, { keys: [key, INDEX_KEY] })) > 0;
    },
    async scanPrefix(prefix) {
      const successor = prefixSuccessor(prefix);
      const max = successor === undefined ? '+' : `(${successor}`;
      const out: Array<[string, string]> = [];
      let min = `[${prefix}`;
      for (;;) {
        // Keyset pagination: each page is one O(log N + PAGE) range read, however deep the scan is.
        const page = await client.zRangeByLex(INDEX_KEY, min, max, { LIMIT: { offset: 0, count: PAGE } });
        if (page.length === 0) break;
        const values = await client.mGet(page);
        // null: an index entry whose value is gone (deleted behind our back, or between the reads).
        page.forEach((k, j) => {
          const v = values[j];
          if (typeof v === 'string') out.push([k, v]);
        });
        if (page.length < PAGE) break;
        min = `(${page[page.length - 1]}`;
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

/**
 * Adds every stored fact key to the index, once per server: a deployment upgraded from SCAN-based
 * scans keeps seeing its facts. Safe beside running writers (ZADD is idempotent, and a key deleted
 * meanwhile only leaves an index entry that scans skip) and after a crash midway (it runs again).
 */
async function buildIndexOnce(client: RedisClient): Promise<void> {
  if ((await client.exists(INDEX_MARKER)) === 1) return;
  let cursor = '0';
  do {
    const page = await client.scan(cursor, { MATCH: `${escapeGlob(STORED_PREFIX)}*`, COUNT: SCAN_COUNT });
    cursor = String(page.cursor);
    if (page.keys.length) await client.zAdd(INDEX_KEY, page.keys.map((value) => ({ score: 0, value })));
  } while (cursor !== '0');
  await client.set(INDEX_MARKER, '1');
}

/** Redis glob metacharacters in the prefix must match literally. */
export function escapeGlob(text: string): string {
  return text.replace(/[\\*?[\]]/g, '\\$&');
}

function message(error: unknown): string {
  return maskUrlPasswords(error instanceof Error ? error.message || error.name : String(error));
}

