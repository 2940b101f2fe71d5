/**
 * Opens the FactStore named by a URL:
 *
 *   sqlite://<path>          file on disk (relative to cwd; the app defaults to sqlite://./data/plenary.sqlite)
 *   memory://                process-local Map, for tests and demos
 *   redis://host:port[/db]   shared Redis server
 *
 * Every backend is a Keyv instance (namespace `plenary`, JSON serialisation) with the same stored
 * layout, see keyv-fact-store.ts. Durability: `set` resolves only after the write is committed —
 * a SQLite transaction in the WAL (survives the process being killed), or a Redis reply (as durable
 * as the server's appendfsync policy). Memory is, of course, gone with the process.
 */
import Database from 'better-sqlite3';
import { compareKeys } from './key-order.ts';
import { maskUrlPasswords } from '../mask-url.ts';
import { StoreUnavailableError, type FactStore } from './fact-store.ts';
import { KeyvFactStore, createKeyv, type RawBackend } from './keyv-fact-store.ts';
import { SqliteKeyvStore } from './sqlite-keyv-store.ts';
import { scanPrefixText } from './sqlite-text-scan.ts';

const VALID = 'sqlite://<path>, memory://, redis://host:port[/db]';

export async function openStore(url: string): Promise<FactStore> {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  switch (scheme) {
    case 'sqlite':
      return openSqliteStore(url.slice('sqlite://'.length));
    case 'memory':
      return openMemoryStore();
    case 'redis':
      // Loaded only when asked for: the Redis client costs more start-up time than the rest of the store.
      return (await import('./redis-backend.ts')).openRedisStore(url);
    default:
      throw new Error(`Unsupported store URL "${maskUrlPasswords(url)}": valid schemes are ${VALID}`);
  }
}

function openSqliteStore(path: string): FactStore {
  if (path === '') throw new Error(`sqlite:// needs a path, e.g. sqlite://./data/plenary.sqlite`);
  const adapter = new SqliteKeyvStore({ uri: path });
  const backend: RawBackend = {
    commit: (change) => adapter.commit(change),
    mark: (key, ttlMs) => adapter.mark(key, ttlMs),
    scrub: () => adapter.scrub(),
    scanPrefix: async (prefix) => adapter.scanPrefix(prefix),
    scanPrefixEach: async (prefix, visit) => adapter.scanPrefixEach(prefix, visit),
    scanPrefixText: async (prefix, visit, patterns) => scanPrefixText(adapter.db, adapter.opts.table, prefix, visit, patterns),
    ping: async () => adapter.ping(),
    // The token that lets the store cache its hot reads (cache-policy.ts); Redis and memory have none.
    changeToken: async () => adapter.dataVersion(),
    close: () => adapter.disconnect(),
    translateError(error) {
      // Still locked after busy_timeout: another process holds the write lock, so "try again".
      if (error instanceof Database.SqliteError && /^SQLITE_(BUSY|LOCKED)/.test(error.code)) {
        return new StoreUnavailableError(`SQLite database is busy: ${error.message}`, { cause: error });
      }
      return error;
    },
  };
  return new KeyvFactStore(createKeyv(adapter), backend);
}

function openMemoryStore(): FactStore {
  const map = new Map<string, string>();
  const marks = new Map<string, number>();
  let prunedAt = 0;
  const backend: RawBackend = {
    // Single-threaded and synchronous from the first check to the last write, so this is atomic.
    async commit(change) {
      for (const [key, raw] of change.expect) if (map.get(key) !== raw) return false;
      for (const [key, raw] of change.set) map.set(key, raw);
      for (const key of change.delete) map.delete(key);
      return true;
    },
    async mark(key, ttlMs) {
      const now = Date.now();
      if ((marks.get(key) ?? 0) >= now) return false;
      if (now - prunedAt > 60_000) {
        prunedAt = now;
        for (const [k, until] of marks) if (until < now) marks.delete(k);
      }
      marks.set(key, now + ttlMs);
      return true;
    },
    async scanPrefix(prefix) {
      const rows: Array<[string, string]> = [];
      for (const [key, raw] of map) if (key.startsWith(prefix)) rows.push([key, raw]);
      return rows.sort((a, b) => compareKeys(a[0], b[0]));
    },
    ping: async () => true,
    close: async () => map.clear(),
    translateError: (error) => error,
  };
  return new KeyvFactStore(createKeyv(map), backend);
}
