/** SqliteKeyvStore behaviour beyond the Keyv suite: range scans, set-if-absent, paging, sharing. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { SqliteKeyvStore } from '../../src/store/sqlite-keyv-store.ts';
import { compareKeys, prefixSuccessor } from '../../src/store/key-order.ts';

const dir = mkdtempSync(join(tmpdir(), 'plenary-sqlite-unit-'));
let n = 0;
const adapters: SqliteKeyvStore[] = [];
const make = (opts: { iterationLimit?: number; path?: string } = {}) => {
  const a = new SqliteKeyvStore({ uri: opts.path ?? join(dir, `u${++n}`, 'db.sqlite'), ...opts });
  adapters.push(a);
  return a;
};
afterEach(async () => {
  await Promise.all(adapters.splice(0).map((a) => a.disconnect()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SqliteKeyvStore', () => {
  it('opens in WAL mode with synchronous=NORMAL and a WITHOUT ROWID table', () => {
    const a = make();
    const db = new Database(a.path, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'keyv'").pluck().get() as string;
      expect(sql).toMatch(/WITHOUT ROWID/);
    } finally {
      db.close();
    }
    // synchronous is per connection: check the adapter's own.
    expect((a as unknown as { db: Database.Database }).db.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('group commit keeps the order of writes issued together and commits them all', async () => {
    const a = make();
    const writes = [a.set('k', '1'), a.delete('k'), a.set('k', '2'), a.setIfAbsent('k', '3')];
    for (let i = 0; i < 500; i++) writes.push(a.set(`n:${i}`, String(i)));
    const results = await Promise.all(writes);
    expect(results.slice(0, 4)).toEqual([true, true, true, false]);
    expect(await a.get('k')).toBe('2');
    expect(a.scanPrefix('n:')).toHaveLength(500);
  });

  it('setIfAbsent creates once', async () => {
    const a = make();
    expect(await a.setIfAbsent('k', '"one"')).toBe(true);
    expect(await a.setIfAbsent('k', '"two"')).toBe(false);
    expect(await a.get('k')).toBe('"one"');
  });

  it('scanPrefix uses an index range and respects prefix boundaries', async () => {
    const a = make();
    for (const k of ['a:2', 'a;', 'ab', 'a:1', 'a:', 'a', 'a:\u{10FFFF}']) await a.set(k, k);
    expect(a.scanPrefix('a:').map(([k]) => k)).toEqual(['a:', 'a:1', 'a:2', 'a:\u{10FFFF}']);
    const db = (a as unknown as { db: Database.Database }).db;
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT key, value FROM keyv WHERE key >= ? AND key < ? ORDER BY key')
      .all('a:', 'a;') as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/SEARCH .*PRIMARY KEY \(key>\? AND key<\?\)/);
  });

  it('iterator pages by key and tolerates deletes mid-iteration', async () => {
    const a = make({ iterationLimit: 3 });
    a.namespace = 'ns';
    for (let i = 0; i < 10; i++) await a.set(`ns:${i}`, String(i));
    await a.set('other:1', 'x');
    await a.set('nt:1', 'x');
    const seen: string[] = [];
    for await (const [key] of a.iterator('ns')) {
      seen.push(key as string);
      await a.delete(key as string); // like Keyv removing an expired entry
    }
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => `ns:${i}`));
    expect(await a.has('other:1')).toBe(true);
  });

  it('clear() only clears its namespace', async () => {
    const a = make();
    await a.set('ns:1', '1');
    await a.set('ns2:1', '1');
    a.namespace = 'ns';
    await a.clear();
    expect(await a.has('ns:1')).toBe(false);
    expect(await a.has('ns2:1')).toBe(true);
  });

  it('two connections on one file see each other at once', async () => {
    const path = join(dir, 'shared', 'db.sqlite');
    const a = make({ path });
    const b = make({ path });
    await a.set('x', '1');
    expect(await b.get('x')).toBe('1');
    expect(await b.setIfAbsent('x', '2')).toBe(false);
  });

  it("an 'error' event without listeners does not throw", () => {
    const a = make();
    expect(a.emit('error', new Error('boom'))).toBe(false);
  });
});

describe('key order helpers', () => {
  const utf8Compare = (x: string, y: string) => Math.sign(Buffer.compare(Buffer.from(x), Buffer.from(y)));
  const samples = ['', 'a', 'a:', 'ab', 'é', '\uD7FF', '\uE000', '\uFFFF', '😀', '\u{10FFFF}', 'a😀', 'a\uFFFF'];

  it('compareKeys matches UTF-8 byte order', () => {
    for (const x of samples) for (const y of samples) expect(Math.sign(compareKeys(x, y))).toBe(utf8Compare(x, y));
  });

  it('prefixSuccessor is the tightest exclusive upper bound', () => {
    expect(prefixSuccessor('a:')).toBe('a;');
    expect(prefixSuccessor('p\uD7FF')).toBe('p\uE000');
    expect(prefixSuccessor('m\u{10FFFF}')).toBe('n');
    expect(prefixSuccessor('😀')).toBe('😁');
    expect(prefixSuccessor('\u{10FFFF}')).toBeUndefined();
    expect(prefixSuccessor('')).toBeUndefined();
  });
});
