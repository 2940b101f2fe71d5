/**
 * The backends the shared contract tests run against. Each yields a URL to a clean store per test;
 * persistent ones can be reopened to check durability.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redisAvailable, startRedisServer, type RedisServer } from '../helpers/redis-server.ts';

export interface Backend {
  name: string;
  /** False → the suite is skipped (only ever for Redis outside CI). */
  enabled: boolean;
  /** Data outlives close() and other processes can open the same URL. */
  persistent: boolean;
  setup(): Promise<void>;
  teardown(): Promise<void>;
  /** URL of an empty store. */
  freshUrl(): Promise<string>;
}

export const memoryBackend: Backend = {
  name: 'memory',
  enabled: true,
  persistent: false,
  setup: async () => {},
  teardown: async () => {},
  freshUrl: async () => 'memory://',
};

export function sqliteBackend(): Backend {
  let dir = '';
  let n = 0;
  return {
    name: 'sqlite',
    enabled: true,
    persistent: true,
    setup: async () => {
      dir = mkdtempSync(join(tmpdir(), 'plenary-sqlite-'));
    },
    teardown: async () => rmSync(dir, { recursive: true, force: true }),
    // A nested directory that does not exist yet: openStore must create it.
    freshUrl: async () => `sqlite://${join(dir, `run-${++n}`, 'store.sqlite')}`,
  };
}

/** CI installs redis-server and must run these; a newcomer without it just skips them. */
export const redisEnabled = redisAvailable || Boolean(process.env.CI);

export function redisBackend(): Backend & { server(): RedisServer } {
  let server: RedisServer | undefined;
  return {
    name: 'redis',
    enabled: redisEnabled,
    persistent: true,
    setup: async () => {
      server = await startRedisServer();
    },
    teardown: async () => server?.dispose(),
    freshUrl: async () => {
      if (!server) throw new Error('redis backend not set up');
      await server.command('FLUSHALL');
      return server.url;
    },
    server: () => {
      if (!server) throw new Error('redis backend not set up');
      return server;
    },
  };
}

export const allBackends = (): Backend[] => [memoryBackend, sqliteBackend(), redisBackend()];
