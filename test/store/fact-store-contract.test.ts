/** The FactStore contract, run identically against every backend. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FactStore } from '../../src/store/fact-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { allBackends } from './backends.ts';

// A memory store has no second connection and nothing to reopen: those cases exist for persistent stores only.
const forPersistentBackends = (persistent: boolean) => (persistent ? it : ((() => {}) as unknown as typeof it));

const utf8 = (s: string) => Buffer.from(s, 'utf8');

for (const backend of allBackends()) {
  describe.skipIf(!backend.enabled)(`FactStore contract: ${backend.name}`, () => {
    const opened: FactStore[] = [];
    const open = async (url: string) => {
      const store = await openStore(url);
      opened.push(store);
      return store;
    };
    const fresh = async () => open(await backend.freshUrl());

    beforeAll(() => backend.setup());
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });
    afterAll(() => backend.teardown());

    it('get/set/delete round-trip JSON values', async () => {
      const store = await fresh();
      expect(await store.get('missing')).toBeUndefined();
      await store.set('p:1', { title: 'Budget', votes: [1, 2], nested: { ok: true }, none: null });
      expect(await store.get('p:1')).toEqual({ title: 'Budget', votes: [1, 2], nested: { ok: true }, none: null });
      await store.set('p:1', 'replaced');
      expect(await store.get('p:1')).toBe('replaced');
      for (const v of [0, false, '', null, [] as unknown[]]) {
        await store.set('falsy', v);
        expect(await store.get('falsy')).toEqual(v);
      }
      expect(await store.delete('p:1')).toBe(true);
      expect(await store.delete('p:1')).toBe(false);
      expect(await store.get('p:1')).toBeUndefined();
      expect(await store.ping()).toBe(true);
    });

    it('getMany keeps the order of the keys, undefined where absent', async () => {
      const store = await fresh();
      await store.set('b', 2);
      await store.set('a', 1);
      expect(await store.getMany(['a', 'zz', 'b', 'a'])).toEqual([1, undefined, 2, 1]);
      expect(await store.getMany([])).toEqual([]);
    });

    it('keys that look like the internal namespace are not aliased', async () => {
      const store = await fresh();
      await store.set('x', 'plain');
      await store.set('plenary:x', 'looks-prefixed');
      expect(await store.get('x')).toBe('plain');
      expect(await store.get('plenary:x')).toBe('looks-prefixed');
      expect(await store.getMany(['plenary:x', 'x'])).toEqual(['looks-prefixed', 'plain']);
    });

    it('claim is set-if-absent and its value is readable through get and scan', async () => {
      const store = await fresh();
      expect(await store.claim('code:ABC', { by: 'alice' })).toBe(true);
      expect(await store.claim('code:ABC', { by: 'bob' })).toBe(false);
      expect(await store.get('code:ABC')).toEqual({ by: 'alice' });
      expect(await store.scan('code:')).toEqual([['code:ABC', { by: 'alice' }]]);
      await store.set('code:DEF', 1);
      expect(await store.claim('code:DEF', 2)).toBe(false);
      expect(await store.delete('code:ABC')).toBe(true);
      expect(await store.claim('code:ABC', { by: 'carol' })).toBe(true);
      expect(await store.get('code:ABC')).toEqual({ by: 'carol' });
    });

    it('many concurrent claims on one key: exactly one wins', async () => {
      const store = await fresh();
      const results = await Promise.all(Array.from({ length: 200 }, (_, i) => store.claim('race', i)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.get('race')).toBe(results.indexOf(true));
    });

    forPersistentBackends(backend.persistent)('concurrent claims from two connections: exactly one wins', async () => {
      const url = await backend.freshUrl();
      const [a, b] = [await open(url), await open(url)];
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) => (i % 2 ? a : b).claim('race2', i)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('scan returns exactly the prefix range, in UTF-8 byte order', async () => {
      const store = await fresh();
      // Byte order ≠ JS string order: U+E000 (EE 80 80) < 😀 (F0 9F 98 80), though '\uE000' > '\uD83D'.
      const inside = ['a:', 'a:1', 'a:10', 'a:2', 'a:Z', 'a:z', 'a:é', 'a:\uE000', 'a:😀', 'a:\u{10FFFF}'];
      const outside = ['a', 'a;', 'ab', 'a9', 'A:1', '`a:', 'ba:'];
      const shuffled = [...inside, ...outside].sort(() => Math.random() - 0.5);
      for (const k of shuffled) await store.set(k, `v(${k})`);
      const result = await store.scan<string>('a:');
      const expected = [...inside].sort((x, y) => Buffer.compare(utf8(x), utf8(y)));
      expect(result.map(([k]) => k)).toEqual(expected);
      expect(result.every(([k, v]) => v === `v(${k})`)).toBe(true);
      expect(await store.scan('nothing:')).toEqual([]);
      expect((await store.scan('')).map(([k]) => k)).toHaveLength(inside.length + outside.length);
    });

    it('scan handles prefixes at the edges of Unicode and glob characters', async () => {
      const store = await fresh();
      const keys = ['m\u{10FFFF}', 'm\u{10FFFF}x', 'n', 'p\uD7FFx', 'p\uE000', 'g*[x]?', 'gz[x]?', 'g\\x'];
      for (const k of keys) await store.set(k, k);
      expect((await store.scan('m\u{10FFFF}')).map(([k]) => k)).toEqual(['m\u{10FFFF}', 'm\u{10FFFF}x']);
      expect((await store.scan('p\uD7FF')).map(([k]) => k)).toEqual(['p\uD7FFx']);
      expect((await store.scan('g*[')).map(([k]) => k)).toEqual(['g*[x]?']);
      expect((await store.scan('g\\')).map(([k]) => k)).toEqual(['g\\x']);
    });

    it('Unicode keys and values round-trip byte for byte', async () => {
      const store = await fresh();
      const samples: Record<string, string> = {
        'u:zh': '多方利益相关者会议：预算提案第三号',
        'u:ar': 'مرحبا بكم في الجلسة — اقتراح الميزانية',
        'u:emoji': '🎤🗳️👍🏽 👩🏿‍🔬 🇩🇪 \u{1F9D1}\u200D\u{1F91D}\u200D\u{1F9D1}',
        'u:mixed': 'e\u0301 é \u0000 \t"\\ \u2028 ﷽',
        'u:键🔑': 'unicode key',
      };
      for (const [k, v] of Object.entries(samples)) await store.set(k, { text: v });
      for (const [k, v] of Object.entries(samples)) {
        const got = await store.get<{ text: string }>(k);
        expect(utf8(got!.text).equals(utf8(v))).toBe(true);
      }
      const many = await store.getMany<{ text: string }>(Object.keys(samples));
      expect(many.map((m) => m!.text)).toEqual(Object.values(samples));
      const scanned = await store.scan<{ text: string }>('u:');
      expect(Object.fromEntries(scanned.map(([k, v]) => [k, v.text]))).toEqual(samples);
    });

    forPersistentBackends(backend.persistent)('data survives close and reopen', async () => {
      const url = await backend.freshUrl();
      const first = await open(url);
      await first.set('keep:1', { n: 1 });
      await first.claim('keep:2', '二');
      await first.set('gone', 1);
      await first.delete('gone');
      await first.close();
      const second = await open(url);
      expect(await second.get('keep:1')).toEqual({ n: 1 });
      expect(await second.scan('keep:')).toEqual([['keep:1', { n: 1 }], ['keep:2', '二']]);
      expect(await second.get('gone')).toBeUndefined();
    });
  });
}
