/**
 * The store's one cache policy (src/store/cache-policy.ts): hot reads are kept while the change token holds,
 * another connection's write is seen at once, this process's own writes are seen at once (dropped or applied
 * in the write path), and a load that raced one of our writes never puts the old value back.
 *
 * Probe: a write straight through the store's Keyv instance (same connection, so the token stays and the
 * write path never hears of it) is invisible exactly when a read was answered from memory.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open-store.ts';
import { CachePolicy, type Fold } from '../../src/store/cache-policy.ts';
import type { KeyvFactStore } from '../../src/store/keyv-fact-store.ts';
import type { FactStore } from '../../src/store/fact-store.ts';
import { parseConfig } from '../../src/config.ts';
import { Plenary } from '../../src/plenary.ts';
import { keys } from '../../src/keys.ts';

const opened: FactStore[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

async function twoConnections(): Promise<[KeyvFactStore, KeyvFactStore]> {
  const file = join(mkdtempSync(join(tmpdir(), 'plenary-cache-policy-')), 's.sqlite');
  const pair = [await openStore(`sqlite://${file}`), await openStore(`sqlite://${file}`)] as [KeyvFactStore, KeyvFactStore];
  opened.push(...pair);
  return pair;
}

/** Writes behind the write path's back (see the probe above). */
const bypass = (store: KeyvFactStore, key: string, value: unknown) => store.keyv.set(`plenary:${key}`, value);

/** Counts the records under a prefix, and how many values it was handed (a reload hands all of them again). */
type Tally = { keys: Set<string>; applied: number };
const TALLY: Fold<Tally> = {
  empty: () => ({ keys: new Set(), applied: 0 }),
  apply(state, rest, value) {
    state.applied += 1;
    const had = state.keys.has(rest);
    if (value === undefined) state.keys.delete(rest);
    else state.keys.add(rest);
    return (value === undefined ? 0 : 1) - (had ? 1 : 0);
  },
};

/** A promise and the function that settles it: the test decides when a load finishes, no sleeps. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('the store cache on SQLite (two connections, one file)', () => {
  it('keeps a hot record, sees another connection’s write at once and its own writes at once', async () => {
    const [here, there] = await twoConnections();
    const key = keys.session('sabc');
    expect(await here.get(key)).toBeUndefined(); // kept: absent
    await there.set(key, { state: 'open' });
    expect(await here.get(key)).toEqual({ state: 'open' }); // another connection wrote: the token moved

    await bypass(here, key, { state: 'bypassed' });
    expect(await here.get(key)).toEqual({ state: 'open' }); // answered from memory (the probe)
    await here.set(key, { state: 'closed' });
    expect(await here.get(key)).toEqual({ state: 'closed' }); // own write: dropped in the write path
    await here.delete(key);
    expect(await here.get(key)).toBeUndefined();
    expect(await there.get(key)).toBeUndefined();
  });

  it('keeps a hot scan, hands out copies, and drops it on any write under its prefix', async () => {
    const [here, there] = await twoConnections();
    const prefix = keys.proposalsPrefix('sabc');
    await here.commit({ set: [[keys.proposal('sabc', 1), { n: 1 }]] });
    const first = await here.scan(prefix);
    expect(first).toEqual([[keys.proposal('sabc', 1), { n: 1 }]]);
    first.pop(); // the caller's copy
    await bypass(here, keys.proposal('sabc', 9), { n: 9 });
    expect(await here.scan(prefix)).toHaveLength(1); // from memory, unharmed by the caller

    await here.commit({ set: [[keys.proposal('sabc', 2), { n: 2 }]] });
    expect((await here.scan(prefix)).map(([, v]) => v)).toEqual([{ n: 1 }, { n: 2 }, { n: 9 }]); // own write: re-read
    await there.delete(keys.proposal('sabc', 9));
    expect((await here.scan(prefix)).map(([, v]) => v)).toEqual([{ n: 1 }, { n: 2 }]);
    await here.commit({ delete: [keys.proposal('sabc', 1)] });
    expect((await here.scan(prefix)).map(([, v]) => v)).toEqual([{ n: 2 }]);
  });

  it('applies its own writes to a kept fold without reloading it; another connection’s write reloads it', async () => {
    const [here, there] = await twoConnections();
    const prefix = keys.reactionsOfSession('sabc');
    await here.commit({ set: [[keys.reaction('sabc', 1, 'console:a'), { stance: 'support' }]] });
    const state = await here.fold(prefix, TALLY);
    expect([...state.keys]).toEqual(['000001:console:a']);
    expect(await here.heldFold(prefix, TALLY)).toBe(state);

    await bypass(here, keys.reaction('sabc', 1, 'console:ghost'), { stance: 'oppose' });
    await here.commit({ set: [[keys.reaction('sabc', 2, 'console:b'), { stance: 'neutral' }]], delete: [keys.reaction('sabc', 1, 'console:a')] });
    expect(await here.fold(prefix, TALLY)).toBe(state); // the same state, updated in place: no reload
    expect([...state.keys]).toEqual(['000002:console:b']); // (the bypassed write is not in it: the probe)

    await there.set(keys.reaction('sabc', 3, 'console:c'), { stance: 'support' });
    expect(await here.heldFold(prefix, TALLY)).toBeUndefined(); // nothing kept survives another writer
    const reloaded = await here.fold(prefix, TALLY);
    expect(reloaded).not.toBe(state);
    expect([...reloaded.keys].sort()).toEqual(['000001:console:ghost', '000002:console:b', '000003:console:c']);
  });

  it('a read that started before one of our writes cannot put the old value back', async () => {
    const [here] = await twoConnections();
    const key = keys.session('sabc');
    await here.set(key, { state: 'open' });
    const slow = gate();
    const read = here.keyv.get.bind(here.keyv);
    here.keyv.get = (async (k: string) => {
      const value = await read(k); // reads the old record…
      await slow.opened; // …and answers only after the write below committed
      return value;
    }) as typeof here.keyv.get;
    const stale = here.get(key);
    await here.set(key, { state: 'closed' });
    slow.open();
    expect(await stale).toEqual({ state: 'open' }); // concurrent with the write: either answer is right
    here.keyv.get = read;
    await bypass(here, key, { state: 'bypassed' });
    expect(await here.get(key)).toEqual({ state: 'bypassed' }); // nothing was kept: this read went to the store
  });

  it('a refused compare-and-set drops what it expected, so the retry reads the store', async () => {
    const [here] = await twoConnections();
    const key = keys.session('sabc');
    await here.set(key, { v: 1 });
    expect(await here.get(key)).toEqual({ v: 1 });
    await bypass(here, key, { v: 2 }); // the kept copy is now wrong, as after a missed change
    expect(await here.commit({ expect: [[key, { v: 1 }]], set: [[key, { v: 3 }]] })).toBe(false);
    expect(await here.get(key)).toEqual({ v: 2 });
  });
});

describe('the cache policy itself', () => {
  it('does not keep a fold whose load raced one of our writes under its prefix, nor one loaded under an old token', async () => {
    let token = 1;
    const policy = new CachePolicy(async () => token, JSON.parse);
    const [started, slow] = [gate(), gate()];
    let loads = 0;
    const visitAll = async (visit: (rest: string, value: unknown) => void) => {
      loads += 1;
      visit('000001:u1', 'a');
      started.open();
      await slow.opened;
    };
    const racing = policy.fold('reaction:s:', TALLY, visitAll);
    await started.opened;
    policy.wrote('reaction:s:000001:u2', '"b"');
    slow.open();
    expect([...(await racing).keys]).toEqual(['000001:u1']);
    expect(await policy.heldFold('reaction:s:', TALLY)).toBeUndefined();

    const [begun, next] = [gate(), gate()];
    const underOldToken = policy.fold('reaction:s:', TALLY, async (visit) => {
      visit('000001:u1', 'a');
      begun.open();
      await next.opened;
    });
    await begun.opened;
    token = 2;
    expect(await policy.heldFold('reaction:s:', TALLY)).toBeUndefined(); // sees token 2
    next.open();
    await underOldToken;
    expect(await policy.heldFold('reaction:s:', TALLY)).toBeUndefined();
    expect(loads).toBe(1);
  });

  it('keeps the records it holds under its cap, dropping the least recently read first', async () => {
    const policy = new CachePolicy(async () => 0, JSON.parse);
    const heavy: Fold<{ n: number }> = { empty: () => ({ n: 0 }), apply: (s) => ((s.n += 1), 1_500_000) };
    const one = async (visit: (rest: string, value: unknown) => void) => visit('x', 1);
    await policy.fold('reaction:a:', heavy, one);
    await policy.fold('reaction:b:', heavy, one); // 3,000,000 records held: over the cap
    expect(await policy.heldFold('reaction:a:', heavy)).toBeUndefined();
    expect(await policy.heldFold('reaction:b:', heavy)).toEqual({ n: 1 }); // the newest stays, even alone over the cap
    let reads = 0;
    for (let i = 0; i < 50_001; i++) await policy.read('g', `session:s${i}`, async () => ++reads, () => 1);
    await policy.read('g', 'session:s0', async () => ++reads, () => 1);
    expect(reads).toBe(50_002); // s0 (the oldest) had been dropped at 50,001 entries
  });

  it('keeps only the hot families, and scans only by whole prefixes', () => {
    const policy = new CachePolicy(async () => 0, JSON.parse);
    expect(policy.keepsRecord(keys.session('s'))).toBe(true);
    expect(policy.keepsRecord(keys.reaction('s', 1, 'console:u'))).toBe(false);
    expect(policy.keepsScan(keys.proposalsPrefix('s'))).toBe(true);
    expect(policy.keepsScan(keys.postedPrefix('s', 1))).toBe(true);
    expect(policy.keepsScan('proposal:s')).toBe(false);
    expect(policy.keepsScan(keys.outboxAll())).toBe(false);
  });
});

describe('stores without a change token', () => {
  it('memory: every read and fold goes to the store', async () => {
    const store = (await openStore('memory://')) as KeyvFactStore;
    opened.push(store);
    const key = keys.session('sabc');
    expect(await store.get(key)).toBeUndefined();
    await bypass(store, key, { state: 'open' });
    expect(await store.get(key)).toEqual({ state: 'open' });
    await store.set(keys.reaction('sabc', 1, 'console:a'), { stance: 'support' });
    const first = await store.fold(keys.reactionsOfSession('sabc'), TALLY);
    expect(await store.fold(keys.reactionsOfSession('sabc'), TALLY)).not.toBe(first);
    expect(await store.heldFold(keys.reactionsOfSession('sabc'), TALLY)).toBeUndefined();
  });
});

describe('/forgetme and the kept reactions', () => {
  it('drops the caller’s reactions and comments from the fold the store keeps', async () => {
    const [here] = await twoConnections();
    const config = parseConfig({ roles: { organisers: ['console:m'] } });
    const core = new Plenary({ store: here, config });
    const session = await core.startSession('console:m', 'console:main', 'Forget', null);
    await core.addSpeaker('console:main', { handle: 'itu', name: 'ITU' });
    await core.addPriority('console:main', 'itu', 'National CIRTs');
    await core.react('console:gone', session.id, 1, 'support', { comment: 'Quartz remark 5521' });
    await core.react('console:stays', session.id, 1, 'oppose');
    const kept = await core.summaries.reactions(session.id); // the store now keeps the session's fold
    expect(kept.get(1)?.size).toBe(2);
    await core.forget('console:gone');
    const after = await core.summaries.reactions(session.id);
    expect(after).toBe(kept); // still the kept fold: the delete was applied to it, not left to a reload
    expect([...(after.get(1)?.keys() ?? [])]).toEqual(['console:stays']);
    expect(JSON.stringify([...after.get(1)!])).not.toContain('Quartz');
    expect((await core.summaries.sessionSummary(session.id))?.proposals[0]).toMatchObject({ support: 0, oppose: 1, comments: [] });
  });
});
