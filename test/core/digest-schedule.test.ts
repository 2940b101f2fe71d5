/** The scheduled digest: due at `at` local time, posted once a day across processes, and after a restart. */
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import { parseConfig } from '../../src/config.ts';
import { Plenary } from '../../src/plenary.ts';
import { DigestSchedule, STALE_CLAIM_MS } from '../../src/digest-schedule.ts';
import type { FactStore } from '../../src/store/fact-store.ts';
import type { Post } from '../../src/views.ts';

const CONFIG = parseConfig({
  conference: { name: 'Sched', timezone: 'Asia/Shanghai' },
  digest: { at: '18:00', channels: ['slack:C1', 'discord:99'] },
});

/** 18:00 in Shanghai is 10:00 UTC. */
let now = new Date('2026-11-28T09:59:00Z');
const clock = () => now;

function process(store: FactStore, posted: Post[]) {
  const core = new Plenary({ store, config: CONFIG, clock });
  return new DigestSchedule({ core, at: '18:00', channels: CONFIG.digest!.channels, deliver: async (posts) => void posted.push(...posts), clock });
}

describe('the scheduled digest', () => {
  it('is posted once, at the local time, to each channel, however many processes check at once', async () => {
    const store = await openStore('memory://');
    const core = new Plenary({ store, config: CONFIG, clock: () => new Date('2026-11-28T02:00:00Z') });
    await core.startSession('console:mod', 'console:main', 'Morning panel', null);
    const posted: Post[] = [];
    const processes = [process(store, posted), process(store, posted), process(store, posted)];
    now = new Date('2026-11-28T09:59:00Z');
    expect(await Promise.all(processes.map((p) => p.tick()))).toEqual([false, false, false]);
    now = new Date('2026-11-28T10:00:05Z');
    const results = await Promise.all(processes.map((p) => p.tick()));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(posted.map((p) => p.channel)).toEqual(['slack:C1', 'discord:99']);
    const view = posted[0].view;
    expect(view.kind === 'digest' && view.digest.date).toBe('2026-11-28');
    expect(view.kind === 'digest' && view.digest.sessions.map((s) => s.title)).toEqual(['Morning panel']);
    now = new Date('2026-11-28T15:00:00Z');
    await Promise.all(processes.map((p) => p.tick()));
    expect(posted).toHaveLength(2);
    // The next day posts again.
    now = new Date('2026-11-29T10:00:00Z');
    await processes[1].tick();
    expect(posted).toHaveLength(4);
  });

  it('survives a restart just before it is due: the new process posts it at its first check', async () => {
    const store = await openStore('memory://');
    const posted: Post[] = [];
    now = new Date('2026-11-28T09:59:58Z');
    const before = process(store, posted);
    expect(await before.tick()).toBe(false);
    await before.stop(); // the process goes down 2 s before 18:00 …
    now = new Date('2026-11-28T10:00:30Z');
    const after = process(store, posted); // … and comes back 30 s after.
    expect(await after.tick()).toBe(true);
    expect(posted).toHaveLength(2);
  });

  it('a poster that died after claiming is replaced once its claim is stale, and only once', async () => {
    const store = await openStore('memory://');
    const posted: Post[] = [];
    now = new Date('2026-11-28T10:00:00Z');
    const dying = new DigestSchedule({
      core: new Plenary({ store, config: CONFIG, clock }), at: '18:00', channels: ['slack:C1'], clock,
      deliver: async () => { throw new Error('killed mid-post'); },
    });
    expect(await dying.tick()).toBe(false);
    const survivors = [process(store, posted), process(store, posted)];
    expect(await survivors[0].tick()).toBe(false); // the claim is fresh: maybe it is still posting
    now = new Date(now.getTime() + STALE_CLAIM_MS + 1000);
    const results = await Promise.all(survivors.map((p) => p.tick()));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(posted.map((p) => p.channel)).toEqual(['slack:C1', 'discord:99']);
  });
});
