/** Redis outages surface quickly as StoreUnavailableError, and the same store recovers afterwards. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreUnavailableError, type FactStore } from '../../src/store/fact-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.ts';
import { redisEnabled } from './backends.ts';

/** Resolves to the rejection reason and how long it took; fails the test if the call succeeds. */
async function timedFailure(op: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const start = Date.now();
  try {
    await op();
  } catch (error) {
    return { error, ms: Date.now() - start };
  }
  throw new Error('operation unexpectedly succeeded');
}

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`condition not met within ${ms} ms`);
}

describe.skipIf(!redisEnabled)('Redis outage handling', () => {
  let server: RedisServer;
  let store: FactStore;

  beforeAll(async () => {
    server = await startRedisServer();
    store = await openStore(server.url);
  });
  afterAll(async () => {
    await store?.close();
    await server?.dispose();
  });

  it('rejects every operation promptly while the server is down, then recovers', async () => {
    await store.set('before', { ok: 1 });
    await server.stop();

    const ops: Array<() => Promise<unknown>> = [
      () => store.get('before'),
      () => store.set('during', 1),
      () => store.getMany(['before']),
      () => store.delete('before'),
      () => store.claim('claim', 1),
      () => store.scan(''),
    ];
    for (const op of ops) {
      const { error, ms } = await timedFailure(op);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(ms).toBeLessThan(2500);
    }
    expect(await store.ping()).toBe(false);

    await server.restart();
    await waitFor(() => store.ping(), 5000);
    // appendfsync always: what was acknowledged before the outage is still there.
    expect(await store.get('before')).toEqual({ ok: 1 });
    await store.set('after', 2);
    expect(await store.claim('claim', 'x')).toBe(true);
    expect(await store.scan('')).toEqual([
      ['after', 2],
      ['before', { ok: 1 }],
      ['claim', 'x'],
    ]);
  });

  it('times out instead of hanging when the server stops answering', async () => {
    await store.set('k', 1);
    server.freeze();
    try {
      const { error, ms } = await timedFailure(() => store.get('k'));
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(ms).toBeLessThan(2500);
    } finally {
      server.thaw();
    }
    await waitFor(() => store.ping(), 5000);
    expect(await store.get('k')).toBe(1);
  });

  it('openStore fails fast with StoreUnavailableError when nothing listens', async () => {
    const port = server.port;
    await server.stop();
    try {
      const { error, ms } = await timedFailure(() => openStore(`redis://127.0.0.1:${port}`));
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(ms).toBeLessThan(2500);
    } finally {
      await server.restart();
    }
  });
});
