/**
 * The live-count updater on its own, with a recording stand-in for the WebClient: many messages share
 * one chat.update budget, bursts coalesce, and every message ends on its latest counts within seconds.
 */
import { describe, expect, it } from 'vitest';
import { Plenary } from '../../src/plenary.ts';
import { parseConfig } from '../../src/config.ts';
import { openStore } from '../../src/store/open-store.ts';
import { LiveCounts } from '../../adapters/slack/live-counts.ts';
import { blockText, until } from './harness.ts';
import type { WebClient } from '@slack/web-api';

describe('LiveCounts', () => {
  it('shares a workspace budget across messages, ≤ 1 edit/s each, and catches up on the latest state', async () => {
    const store = await openStore('memory://');
    const core = new Plenary({ store, config: parseConfig({ roles: { organisers: [], moderators: ['console:mod'] }, priorityLimit: 10 }) });
    const session = await core.startSession('console:mod', 'console:main', 'Budget', null);
    await core.addSpeaker('console:main', { handle: 'wg', name: 'WG' });
    await core.addSpeaker('console:main', { handle: 'ig', name: 'IG' });
    const N = 16;
    for (let i = 1; i <= N; i++) {
      await core.addPriority('console:main', i % 2 ? 'wg' : 'ig', `Proposal ${i}`);
      await core.recordPost(session.id, i, `slack:C1:${i}.000100`);
      await core.recordPost(session.id, i, `discord:99:${i}`); // not ours: never edited here
    }
    const edits: Array<{ ts: string; at: number; text: string }> = [];
    const client = {
      chat: {
        update: async (args: { ts: string; blocks: unknown }) => {
          edits.push({ ts: args.ts, at: Date.now(), text: blockText(args.blocks) });
          return { ok: true };
        },
      },
    } as unknown as WebClient;
    const perMinute = 120; // 2/s, so the test is quick; the shape is what matters
    const burst = 5;
    const live = new LiveCounts({ core, client, log: () => {}, perMinute, burst });
    const stop = core.onCountsChanged(live.changed);
    const started = Date.now();
    // Three rounds of reactions on every proposal, in quick succession.
    for (const user of ['a', 'b', 'c']) {
      for (let i = 1; i <= N; i++) await core.react(`console:${user}`, session.id, i, user === 'b' ? 'oppose' : 'support');
    }
    for (let i = 1; i <= N; i++) {
      await until(() => edits.filter((e) => e.ts === `${i}.000100`).at(-1)?.text.includes(':+1: 2   :neutral_face: 0   :-1: 1'), 20_000, `P${i} final`);
    }
    const elapsed = Date.now() - started;
    await live.flush();
    stop();
    live.stop();
    // The shared bucket: never more than burst + rate × time.
    expect(edits.length).toBeLessThanOrEqual(burst + Math.ceil((elapsed / 60_000) * perMinute) + 1);
    // Coalesced: far fewer edits than the 48 changes.
    expect(edits.length).toBeLessThan(3 * N);
    // Caught up within seconds: 16 messages at 2/s after a burst of 5.
    expect(elapsed).toBeLessThan(12_000);
    for (let i = 1; i <= N; i++) {
      const mine = edits.filter((e) => e.ts === `${i}.000100`);
      for (let k = 1; k < mine.length; k++) expect(mine[k].at - mine[k - 1].at).toBeGreaterThanOrEqual(1000);
    }
    expect(edits.every((e) => !e.ts.includes('discord'))).toBe(true);
    await store.close();
  });
});
