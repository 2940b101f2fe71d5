/**
 * The live-update service (src/live-cards.ts) on fake timers: Slack's port shares a workspace budget
 * across messages at ≤ 1 edit/s each, bursts coalesce, every message ends on its latest counts, one
 * reaction costs one look-up of its messages whatever the number of platforms, a post racing a reaction
 * is caught up, and failed edits back off (a 429's retry_after included) or stop for good.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebClient } from '@slack/web-api';
import { Plenary } from '../../src/plenary.ts';
import { parseConfig } from '../../src/config.ts';
import { openStore } from '../../src/store/open-store.ts';
import { LiveCards, type EditOutcome, type LivePort } from '../../src/live-cards.ts';
import { systemClock } from '../../src/time.ts';
import type { ProposalCard } from '../../src/views.ts';
import { Delivery } from '../../adapters/delivery.ts';
import { slackLivePort } from '../../adapters/slack/live-counts.ts';
import { blockText } from './harness.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

async function panel(n: number) {
  const store = await openStore('memory://');
  const core = new Plenary({ store, config: parseConfig({ roles: { organisers: [], moderators: ['console:mod'] }, priorityLimit: 10 }) });
  const session = await core.startSession('console:mod', 'console:main', 'Budget', null);
  await core.addSpeaker('console:main', { handle: 'wg', name: 'WG' });
  await core.addSpeaker('console:main', { handle: 'ig', name: 'IG' });
  for (let i = 1; i <= n; i++) {
    await core.addPriority('console:main', i % 2 ? 'wg' : 'ig', `Proposal ${i}`);
    await core.recordPost(session.id, i, `slack:C1:${i}.000100`);
    await core.recordPost(session.id, i, `discord:99:${i}`);
  }
  return { store, core, session };
}

/** A port that records what it was asked to show, and when. */
function recordingPort(platform: string, perMessageMs: number, answer: (id: string) => EditOutcome = () => 'done'): LivePort & { edits: Array<{ id: string; at: number; card: ProposalCard }> } {
  const edits: Array<{ id: string; at: number; card: ProposalCard }> = [];
  return {
    platform, edits, pacing: { perMessageMs },
    async edit(id, card) {
      edits.push({ id, at: Date.now(), card });
      return answer(id);
    },
  };
}

describe('LiveCards', () => {
  it('shares a workspace budget across messages, ≤ 1 edit/s each, and catches up on the latest state', async () => {
    const { store, core, session } = await panel(16);
    const edits: Array<{ ts: string; at: number; text: string }> = [];
    const client = {
      chat: {
        update: async (args: { ts: string; blocks: unknown }) => {
          edits.push({ ts: args.ts, at: Date.now(), text: blockText(args.blocks) });
          return { ok: true };
        },
      },
    } as unknown as WebClient;
    const perMinute = 120;
    const burst = 5;
    const delivery = new Delivery(() => {}, { clock: systemClock });
    const live = delivery.live(core);
    const unregister = live.register(slackLivePort({ client, log: () => {}, perMinute, burst }));
    const started = Date.now();
    for (const user of ['a', 'b', 'c']) {
      for (let i = 1; i <= 16; i++) await core.react(`console:${user}`, session.id, i, user === 'b' ? 'oppose' : 'support');
    }
    await vi.advanceTimersByTimeAsync(30_000);
    const elapsed = Date.now() - started;
    await live.idle();
    unregister();
    for (let i = 1; i <= 16; i++) {
      expect(edits.filter((e) => e.ts === `${i}.000100`).at(-1)?.text).toContain('👍 Support *2*   😐 Neutral *0*   👎 Oppose *1*');
    }
    // The shared bucket: never more than burst + rate × time, in every window since the start.
    for (const edit of edits) {
      const sinceStart = edit.at - started;
      expect(edits.filter((e) => e.at <= edit.at).length).toBeLessThanOrEqual(burst + Math.floor((sinceStart / 60_000) * perMinute) + 1);
    }
    expect(edits.length).toBeLessThan(3 * 16); // coalesced
    expect(Math.max(...edits.map((e) => e.at)) - started).toBeLessThan(10_000); // 16 messages at 2/s after a burst of 5
    for (let i = 1; i <= 16; i++) {
      const mine = edits.filter((e) => e.ts === `${i}.000100`);
      for (let k = 1; k < mine.length; k++) expect(mine[k].at - mine[k - 1].at).toBeGreaterThanOrEqual(1100);
    }
    expect(elapsed).toBe(30_000);
    await store.close();
  });

  it('looks up a proposal’s messages once per reaction, for Slack and Discord together', async () => {
    const { store, core, session } = await panel(3);
    const lookups: number[] = [];
    const postedMessages = core.postedMessages.bind(core);
    core.postedMessages = async (sid, n) => {
      lookups.push(n);
      return postedMessages(sid, n);
    };
    const delivery = new Delivery();
    const live = delivery.live(core);
    const slack = recordingPort('slack', 1100);
    const discord = recordingPort('discord', 1100);
    live.register(slack);
    live.register(discord);
    await core.react('console:a', session.id, 1, 'support');
    await core.react('console:b', session.id, 2, 'oppose');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(lookups.length).toBeLessThanOrEqual(2);
    expect(slack.edits.map((e) => e.id).sort()).toEqual(['C1:1.000100', 'C1:2.000100']);
    expect(discord.edits.map((e) => e.id).sort()).toEqual(['99:1', '99:2']);
    expect(discord.edits.find((e) => e.id === '99:2')?.card.counts).toMatchObject({ support: 0, oppose: 1 });
    await store.close();
  });

  it('edits a message posted while a reaction landed, and no other', async () => {
    const cards = new Map<number, number>([[1, 0]]);
    const source = {
      postedMessages: async () => [] as string[],
      card: async (_s: string, n: number) => ({ sessionId: 's', number: n, counts: { support: cards.get(n) ?? 0 } }) as unknown as ProposalCard,
    };
    const live = new LiveCards(source);
    const port = recordingPort('discord', 1100);
    live.register(port);
    const seen = live.version('s', 1);
    live.posted('discord:9:fresh', 's', 1, seen); // nothing changed meanwhile
    await vi.advanceTimersByTimeAsync(2_000);
    expect(port.edits).toEqual([]);
    const before = live.version('s', 1);
    cards.set(1, 1);
    live.changed('s', 1); // the reaction, before the message was recorded
    live.posted('discord:9:raced', 's', 1, before);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(port.edits.map((e) => [e.id, (e.card.counts as { support: number }).support])).toEqual([['9:raced', 1]]);
  });

  it('waits out a 429’s retry_after, backs off on failures, and stops at a message that is gone', async () => {
    const source = { postedMessages: async () => ['discord:9:a', 'discord:9:b'], card: async () => ({ counts: {} }) as unknown as ProposalCard };
    const answers: Record<string, EditOutcome[]> = { '9:a': [{ retry: true, afterMs: 7_000 }, 'done'], '9:b': ['gone'] };
    const port = recordingPort('discord', 1000, (id) => answers[id].shift() ?? 'done');
    const live = new LiveCards(source);
    live.register(port);
    const start = Date.now();
    live.changed('s', 1);
    await vi.advanceTimersByTimeAsync(6_000);
    expect(port.edits.map((e) => e.id).sort()).toEqual(['9:a', '9:b']);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(port.edits.map((e) => [e.id, e.at - start])).toEqual([['9:a', 0], ['9:b', 0], ['9:a', 7_000]]);
    live.changed('s', 1); // b is gone: only a is edited again
    await vi.advanceTimersByTimeAsync(3_000);
    expect(port.edits.slice(3).map((e) => e.id)).toEqual(['9:a']);
    await live.idle();
  });
});
