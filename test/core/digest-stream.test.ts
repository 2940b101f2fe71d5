/**
 * The digest streams reactions from the store (FactStore.scanEach) when the reaction cache does not hold a
 * session: it must say exactly what the cached path says, and the SQLite stream must page correctly.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open-store.ts';
import { parseConfig } from '../../src/config.ts';
import { Plenary } from '../../src/plenary.ts';
import type { FactStore } from '../../src/store/fact-store.ts';
import { SqliteKeyvStore } from '../../src/store/sqlite-keyv-store.ts';

const config = parseConfig({ roles: { organisers: ['console:m'] } });
const opened: FactStore[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});
const STANCES = ['support', 'neutral', 'oppose'] as const;

async function panel(store: FactStore) {
  const core = new Plenary({ store, config, clock: () => new Date('2026-11-27T09:00:00Z') });
  const session = await core.startSession('console:m', 'console:main', 'Streams', null);
  await core.addSpeaker('console:main', { handle: 'ana', name: 'Ana' });
  for (const text of ['one', 'two', 'three']) await core.addPriority('console:main', 'ana', text);
  // 1,300 participants: more than two pages of the SQLite stream on P1; groups, comments, comments without a stance.
  for (let i = 0; i < 1300; i++) {
    const user = `console:u${i}`;
    if (i % 7 !== 0) await core.declareGroup(user, ['government', 'civil-society', 'academia'][i % 3]);
    await core.react(user, session.id, 1, STANCES[i % 3], i % 50 === 0 ? { comment: `note ${i}` } : {});
    if (i % 3 === 0) await core.react(user, session.id, 2, STANCES[(i + 1) % 3]);
    if (i % 5 === 0) await core.comment(user, session.id, 3, `only a comment ${i}`); // no stance: not a reactor
  }
  return { core, sid: session.id };
}

describe('the streamed digest', () => {
  it('equals the digest from the reaction cache, on SQLite and in memory', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'plenary-stream-')), 's.sqlite');
    for (const url of [`sqlite://${file}`, 'memory://']) {
      const store = await openStore(url);
      opened.push(store);
      const { core, sid } = await panel(store);
      const fresh = new Plenary({ store, config }); // empty cache: the digest streams
      const streamed = await fresh.summaries.digest('2026-11-27');
      await core.summaries.sessionSummary(sid); // fills the cache of `core`
      const cached = await core.summaries.digest('2026-11-27');
      expect(streamed).toEqual(cached);
      expect(streamed.totals).toEqual({ sessions: 1, proposals: 3, reactions: 1300 + 434, participants: 1300 });
      const p1 = streamed.sessions[0].proposals.find((p) => p.code === 'P1');
      // Same instant (fixed clock): comments keep key order, i.e. user ids in byte order.
      const expected = Array.from({ length: 26 }, (_, k) => k * 50).sort((a, b) => (`u${a}` < `u${b}` ? -1 : 1));
      expect(p1?.comments.map((c) => c.text)).toEqual(expected.map((i) => `note ${i}`));
    }
  });

  it('scanEach hands every record of the prefix, in key order, with the key after the prefix', async () => {
    const store = await openStore(`sqlite://${join(mkdtempSync(join(tmpdir(), 'plenary-stream-')), 's.sqlite')}`);
    opened.push(store);
    for (let i = 0; i < 1203; i++) await store.set(`t:a:${String(i).padStart(5, '0')}:é`, { i });
    await store.set('t:b:0', { i: -1 });
    const seen: Array<[string, unknown]> = [];
    await store.scanEach?.('t:a:', (rest, value) => seen.push([rest, value]));
    expect(seen).toEqual((await store.scan('t:a:')).map(([key, value]) => [key.slice('t:a:'.length), value]));
    expect(seen).toHaveLength(1203);
    expect(seen[1202]).toEqual(['01202:é', { i: 1202 }]);
  });

  it('scanJson hands each value as its JSON text, in key order, on SQLite (paged) and in memory', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'plenary-stream-')), 's.sqlite');
    for (const url of [`sqlite://${file}`, 'memory://']) {
      const store = await openStore(url);
      opened.push(store);
      // More than one page of the SQLite text scan (2,000 rows), values of every shape, an astral user id.
      for (let i = 0; i < 2403; i++) await store.set(`t:a:${String(i).padStart(5, '0')}:é😀`, i % 3 ? { i, s: 'line\nbreak' } : i);
      await store.set('t:b:0', { i: -1 });
      const seen: Array<[string, unknown]> = [];
      await store.scanJson?.('t:a:', (rest, json) => seen.push([rest, JSON.parse(json)]));
      expect(seen).toEqual((await store.scan('t:a:')).map(([key, value]) => [key.slice('t:a:'.length), value]));
      expect(seen).toHaveLength(2403);
      // With a head: a value whose text starts with it may come as its index, any other comes whole.
      const byHead: Array<[string, string, number]> = [];
      await store.scanJson?.('t:a:', (rest, json, head) => byHead.push([rest, json, head]), ['{"i":1', '{"i":2*']);
      const texts = new Map((await store.scan('t:a:')).map(([key, value]) => [key.slice('t:a:'.length), JSON.stringify(value)]));
      expect(byHead.map(([rest]) => rest)).toEqual([...texts.keys()]);
      for (const [rest, json, head] of byHead) {
        if (head === -1) expect(json).toBe(texts.get(rest));
        else expect([head, texts.get(rest)?.startsWith(json)]).toEqual([0, true]);
      }
      if (url.startsWith('sqlite')) expect(byHead.filter(([, , head]) => head === 0)).toHaveLength([...texts.values()].filter((t) => t.startsWith('{"i":1')).length);
    }
  });

  it('scanJson reads a page again row by row when a stored text holds a raw line break, and skips expired records', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'plenary-stream-')), 's.sqlite');
    const adapter = new SqliteKeyvStore({ uri: file });
    await adapter.set('plenary:t:1', '{"value":{\n"a":1}}'); // pretty JSON written by some other tool
    await adapter.set('plenary:t:2', '{"value":{"b":2},"expires":1}'); // Keyv's TTL, long past
    await adapter.set('plenary:t:3', '{"value":"three"}');
    await adapter.disconnect();
    const store = await openStore(`sqlite://${file}`);
    opened.push(store);
    const seen: Array<[string, string]> = [];
    await store.scanJson?.('t:', (rest, json) => seen.push([rest, json]));
    expect(seen).toEqual([['1', '{\n"a":1}'], ['3', '"three"']]);
  });
});

