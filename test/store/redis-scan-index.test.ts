/**
 * Redis prefix scans read a sorted-set index of fact keys (ZRANGEBYLEX + MGET), so a scan costs
 * O(log N + matches) however big the store is. These tests check exactness (only the prefix, byte
 * order, nothing from foreign keys, dangling index entries skipped) and measure the cost of one
 * proposal's live-count scan beside 200,000 unrelated keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@keyv/redis';
import type { FactStore } from '../../src/store/fact-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { INDEX_KEY } from '../../src/store/redis-backend.ts';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.ts';
import { redisEnabled } from './backends.ts';

const UNRELATED = 200_000;

describe.skipIf(!redisEnabled)('Redis scan index', () => {
  let server: RedisServer;
  let client: ReturnType<typeof createClient>;
  const opened: FactStore[] = [];
  const open = async () => {
    const store = await openStore(server.url);
    opened.push(store);
    return store;
  };

  beforeAll(async () => {
    server = await startRedisServer();
    client = createClient({ url: server.url });
    await client.connect();
  });
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
    await client?.close();
    await server?.dispose();
  });

  it('returns exactly the prefix keys in byte order, ignoring unrelated and foreign keys', async () => {
    await client.flushAll();
    const store = await open();
    // Keys other applications keep in the same Redis, some looking almost like ours.
    await client.mSet({ 'other:reaction:s1:0001:x': 'a', 'plenary': 'b', 'plenaryx:reaction:s1:0001:y': 'c', 'reaction:s1:0001:z': 'd' });
    const inside = ['reaction:s1:0001:console:b', 'reaction:s1:0001:console:a', 'reaction:s1:0001:\u{1F600}', 'reaction:s1:0001:\uFFFF', 'reaction:s1:0001:'];
    const outside = ['reaction:s1:0002:console:a', 'reaction:s1:0000:console:a', 'reaction:s1:000', 'reaction:s10:0001:a', 'proposal:s1:0001'];
    for (const key of [...outside, ...inside]) await store.set(key, { key });
    const got = await store.scan<{ key: string }>('reaction:s1:0001:');
    const byteOrder = [...inside].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect(got.map(([k]) => k)).toEqual(byteOrder);
    expect(got.every(([k, v]) => v.key === k)).toBe(true);
    // Deleted keys leave the scan; claims join it.
    await store.delete('reaction:s1:0001:console:a');
    expect(await store.claim('reaction:s1:0001:console:c', { key: 'claimed' })).toBe(true);
    expect((await store.scan('reaction:s1:0001:console:')).map(([k]) => k)).toEqual([
      'reaction:s1:0001:console:b',
      'reaction:s1:0001:console:c',
    ]);
    expect(await client.zCard(INDEX_KEY)).toBe(inside.length + outside.length);
  });

  it('skips an index entry whose value is gone (a crash between the two writes)', async () => {
    await client.flushAll();
    const store = await open();
    await store.set('k:1', 1);
    await store.set('k:2', 2);
    await client.del('plenary:k:1'); // value deleted, index entry left behind
    await client.zAdd(INDEX_KEY, { score: 0, value: 'plenary:k:3' }); // index written, value never was
    expect(await store.scan('k:')).toEqual([['k:2', 2]]);
    expect(await store.get('k:1')).toBeUndefined();
  });

  it('indexes facts written before the index existed when a store is opened', async () => {
    await client.flushAll();
    await client.mSet({ 'plenary:old:a': JSON.stringify({ value: 'A' }), 'plenary:old:b': JSON.stringify({ value: 'B' }), 'unrelated': 'x' });
    const store = await open();
    expect(await store.scan('old:')).toEqual([['old:a', 'A'], ['old:b', 'B']]);
    expect(await client.zRangeByLex(INDEX_KEY, '-', '+')).toEqual(['plenary:old:a', 'plenary:old:b']);
  });

  it(`one proposal's live-count scan beside ${UNRELATED.toLocaleString('en')} unrelated keys stays fast`, async () => {
    await client.flushAll();
    const store = await open();
    // 100k unrelated facts (other sessions' reactions, through the index) and 100k foreign keys.
    const BATCH = 5000;
    for (let i = 0; i < UNRELATED / 2; i += BATCH) {
      const facts: Record<string, string> = {};
      const foreign: Record<string, string> = {};
      for (let j = i; j < i + BATCH; j++) {
        facts[`plenary:reaction:s${(j % 997).toString(36)}x:0001:console:u${j}`] = JSON.stringify({ value: { stance: 'support', comment: null, at: j } });
        foreign[`cache:${j}`] = 'x';
      }
      await client.zAdd(INDEX_KEY, Object.keys(facts).map((value) => ({ score: 0, value })));
      await client.mSet(facts);
      await client.mSet(foreign);
    }
    const prefix = 'reaction:stest:0001:';
    for (let u = 0; u < 20; u++) await store.set(`${prefix}console:u${u}`, { stance: u % 3 ? 'support' : 'oppose', comment: null, at: u });
    expect(await client.dbSize()).toBeGreaterThanOrEqual(UNRELATED);

    const runs: number[] = [];
    for (let r = 0; r < 20; r++) {
      const t0 = performance.now();
      const rows = await store.scan(prefix);
      runs.push(performance.now() - t0);
      expect(rows).toHaveLength(20);
    }
    runs.sort((a, b) => a - b);
    const median = runs[runs.length >> 1];
    const info = await client.info('commandstats');
    console.log(`[scan-cost] ${await client.dbSize()} keys in Redis, 20 matching: median ${median.toFixed(2)} ms, max ${runs[runs.length - 1].toFixed(2)} ms per scan`);
    console.log(`[scan-cost] ${info.split('\n').filter((l) => /cmdstat_(scan|zrangebylex|mget)/.test(l)).join(' | ')}`);
    expect(median).toBeLessThan(20);
  });
});
