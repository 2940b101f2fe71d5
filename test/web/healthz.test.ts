/** GET /healthz answers 200 only when the store answers a real read; 503 otherwise (here: Redis stopped). */
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import { parseConfig } from '../../src/config.ts';
import { Plenary } from '../../src/plenary.ts';
import { createWebScreen, portOf } from '../../adapters/web/server.ts';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.ts';

describe('GET /healthz', () => {
  let redis: RedisServer | undefined;
  afterAll(async () => redis?.dispose());

  it('is 200 while the store answers and 503 while it does not, then 200 again', async () => {
    redis = await startRedisServer();
    const store = await openStore(redis.url);
    const core = new Plenary({ store, config: parseConfig({}) });
    const web = await createWebScreen({ core, log: () => {}, storeUrl: 'memory://' });
    const url = `http://127.0.0.1:${portOf(await web.listen(0))}/healthz`;
    try {
      const up = await fetch(url);
      expect(up.status).toBe(200);
      expect(up.headers.get('content-security-policy')).toContain("default-src 'none'");
      await redis.stop();
      expect((await fetch(url)).status).toBe(503);
      await redis.restart();
      const end = Date.now() + 10_000;
      let status = 0;
      while (Date.now() < end && (status = (await fetch(url)).status) !== 200) await new Promise((r) => setTimeout(r, 100));
      expect(status).toBe(200);
      expect((await fetch(url, { method: 'POST' })).status).toBe(404);
    } finally {
      await web.stop();
      await store.close();
    }
  });
});
