/**
 * /forgetme on Redis leaves nothing of the caller: every key and every value on the server (facts,
 * the key index, markers, write outcomes, queued posts) is read raw and searched for their id and
 * their comment text. And forgetting costs in proportion to the caller's own facts: the records the
 * store hands back to /forgetme are counted beside a store ten times larger.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@keyv/redis';
import { openStore } from '../../src/store/open-store.ts';
import { parseConfig } from '../../src/config.ts';
import { Plenary } from '../../src/plenary.ts';
import type { FactStore } from '../../src/store/fact-store.ts';
import type { View } from '../../src/views.ts';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.ts';
import { redisEnabled } from '../store/backends.ts';

const CONFIG = parseConfig({ conference: { name: 'Forget', timezone: 'UTC' }, roles: { moderators: ['slack:U0FORGETMOD'] } });
const CALLER = 'slack:U0FORGETMOD';
const COMMENT = 'Quokka-lantern remark 9931';

async function panel(store: FactStore, others: number) {
  const core = new Plenary({ store, config: CONFIG });
  const session = await core.startSession(CALLER, 'slack:C0FORGET', 'Forget panel', null);
  await core.joinSession('discord:g1/c1', session.id);
  await core.addSpeaker('slack:C0FORGET', { handle: 'ann', name: 'Ann' });
  for (let i = 0; i < 3; i++) await core.addPriority('slack:C0FORGET', 'ann', `Priority ${i}`);
  for (let u = 0; u < others; u++) await core.react(`slack:U0OTHER${u}`, session.id, 1 + (u % 3), 'support', { comment: `other ${u}` });
  for (let n = 1; n <= 3; n++) await core.react(CALLER, session.id, n, 'oppose', { comment: `${COMMENT} P${n}` });
  await core.emoji(CALLER, session.id, 2, '👍', true);
  await core.declareGroup(CALLER, 'civil-society');
  await core.firstDelivery('slack', `slack-action:171234:${CALLER}:plenary_oppose`);
  // A summary queued for delivery before the caller asked to be forgotten, addressed to them too.
  const summary = (await core.summaries.sessionSummary(session.id))!;
  const view: View = { kind: 'summary', summary, final: false };
  await core.outbox.enqueue([{ channel: 'discord:g1/c1', view }], { user: CALLER, channel: 'slack:C0FORGET' });
  return { core, session };
}

/** A store that counts the records it hands back (scan rows, getMany/get values). */
function counting(inner: FactStore): { store: FactStore; read: () => number } {
  let n = 0;
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      const original = Reflect.get(target, prop, receiver);
      if (typeof original !== 'function') return original;
      return async (...args: unknown[]) => {
        const result = await original.apply(target, args);
        if (prop === 'scan' || prop === 'getMany') n += (result as unknown[]).length;
        if (prop === 'get') n += 1;
        return result;
      };
    },
  });
  return { store, read: () => n };
}

describe.skipIf(!redisEnabled)('/forgetme on Redis', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => redis?.dispose());

  it('leaves no key or value on the server holding the caller’s id or comment', async () => {
    await redis.command('FLUSHALL');
    const store = await openStore(redis.url);
    const raw = createClient({ url: redis.url });
    await raw.connect();
    try {
      const { core } = await panel(store, 20);
      const dump = async () => {
        const parts: string[] = [];
        for (const key of await raw.keys('*')) {
          parts.push(key);
          const type = await raw.type(key);
          if (type === 'string') parts.push(String(await raw.get(key)));
          else if (type === 'zset') parts.push(...(await raw.zRange(key, 0, -1)));
          else parts.push(`<${type}>`);
        }
        return parts.join('\n');
      };
      const before = await dump();
      expect(before).toContain(CALLER); // the check can fail: the caller is there to begin with
      expect(before).toContain(COMMENT);
      await core.forget(CALLER);
      const after = await dump();
      expect(after).not.toContain(CALLER);
      expect(after).not.toContain(CALLER.slice('slack:'.length));
      expect(after).not.toContain(COMMENT);
      expect(after).toContain('other 7'); // others' comments stay, queued post included
    } finally {
      await raw.close();
      await store.close();
    }
  }, 30_000);

  it('reads the same number of records whether the store holds 30 or 300 other reactions', async () => {
    const reads: number[] = [];
    for (const others of [30, 300]) {
      await redis.command('FLUSHALL');
      const inner = await openStore(redis.url);
      try {
        const { store, read } = counting(inner);
        await panel(inner, others);
        const core = new Plenary({ store, config: CONFIG });
        const { reactions } = await core.forget(CALLER);
        expect(reactions).toBe(3);
        reads.push(read());
      } finally {
        await inner.close();
      }
    }
    expect(reads[0]).toBeGreaterThan(0);
    expect(reads[1]).toBe(reads[0]);
  }, 60_000);
});
