/**
 * The durable outbox: every post a command makes is written to the store, in the same commit as the
 * command's own facts where it can be (the final summary of /session close) and always before the
 * command is answered. Any process that runs the post's platform delivers it (adapters/delivery.ts),
 * so a process killed after answering loses nothing, and a session bound to Slack and Discord posts to
 * both even when each platform runs in its own process.
 *
 *   outbox:<platform>:<seq>   OutboxItem; seq orders items (time, then a per-process counter)
 *
 * An item is taken with a lease (compare-and-set), its progress (`sent`: messages already posted) is
 * recorded after each message, and it is deleted once delivered: a crash mid-item resumes at the next
 * message, and two processes never deliver the same item.
 */
import { randomBytes } from 'node:crypto';
import type { FactStore } from './store/fact-store.ts';
import type { ChannelRef, UserId } from './model.ts';
import type { Post, View } from './views.ts';
import { keys } from './keys.ts';
import type { Locale } from './wording/say.ts';

/** Who asked for the post, told privately (with how to fix it) if the platform refuses it for good. */
export interface Notify {
  user: UserId;
  /** Where they asked (a private line goes there first). */
  channel?: ChannelRef;
  /** Their language, for that line. */
  locale?: Locale;
}

/** A post the platform refused for good, kept so status and `plenary digest` can show it (nobody may have been told). */
export interface FailedPost {
  channel: ChannelRef;
  kind: string;
  /** The refusal and its fix, in English (the operator's log language). */
  reason: string;
  at: number;
}

/** The latest refusals kept per channel: enough to show, never a growing log. */
const FAILURES_KEPT = 20;

export interface OutboxItem {
  channel: ChannelRef;
  /** The view to post, or (finalSummaryOf) the session whose final summary is rendered at delivery. */
  view?: View;
  finalSummaryOf?: string;
  notify?: Notify;
  /** Messages of this item already posted. */
  sent: number;
  /** Slack file uploads made for this item, by message index: recorded before they are shared (exactly once). */
  uploads?: Record<number, string>;
  /** Held by a delivering process until `until` (ms); renewed with each message. */
  lease?: { owner: string; until: number };
  /** Transient failures so far, and when to try again. */
  attempts?: number;
  retryAt?: number;
  at: number;
}

const PROCESS_TAG = randomBytes(3).toString('hex');
let counter = 0;

export class Outbox {
  constructor(
    private readonly store: FactStore,
    private readonly now: () => number,
  ) {}

  /** A [key, item] pair to include in a commit. Keys sort by time, then by the order they were made. */
  entry(item: Omit<OutboxItem, 'sent' | 'at'>): [string, OutboxItem] {
    const platform = item.channel.slice(0, item.channel.indexOf(':'));
    const now = this.now();
    const seq = `${String(Date.now()).padStart(14, '0')}-${String(++counter).padStart(9, '0')}-${PROCESS_TAG}`;
    return [keys.outbox(platform, seq), { ...item, sent: 0, at: now }];
  }

  /** Writes the posts of one command in one commit, in order. Returns their keys. */
  async enqueue(posts: Post[], notify?: Notify): Promise<string[]> {
    const entries = posts.map(({ channel, view }) => this.entry({ channel, view, notify }));
    if (entries.length === 0) return [];
    await this.store.commit({ set: entries });
    return entries.map(([key]) => key);
  }

  /** Pending items of a platform, in delivery order. */
  pending(platform: string): Promise<Array<[string, OutboxItem]>> {
    return this.store.scan<OutboxItem>(keys.outboxPrefix(platform));
  }

  /** Compare-and-set on an item: false when someone else changed (or delivered) it first. */
  replace(key: string, seen: OutboxItem, next: OutboxItem | null): Promise<boolean> {
    return this.store.commit(next ? { expect: [[key, seen]], set: [[key, next]] } : { expect: [[key, seen]], delete: [key] });
  }

  /** Drops a refused item and records why, in one commit; false when someone else changed it first. */
  async fail(key: string, seen: OutboxItem, failure: FailedPost): Promise<boolean> {
    const seq = key.slice(key.indexOf(':', key.indexOf(':') + 1) + 1);
    const failureKey = keys.failedPost(failure.channel, seq);
    const kept = await this.store.scan<FailedPost>(keys.failedPostPrefix(failure.channel));
    const oldest = kept.slice(0, Math.max(0, kept.length - FAILURES_KEPT + 1)).map(([k]) => k);
    return this.store.commit({ expect: [[key, seen]], set: [[failureKey, failure]], delete: [key, ...oldest] });
  }

  /** Posts refused for good, oldest first (every channel, or one). */
  async failures(channel?: ChannelRef): Promise<FailedPost[]> {
    return (await this.store.scan<FailedPost>(channel ? keys.failedPostPrefix(channel) : keys.failedPostAll())).map(([, f]) => f);
  }

  /** /forgetme: pending posts stop naming the caller as the person to tell about a failure. */
  async forgetNotify(user: UserId): Promise<void> {
    for (const [key, item] of await this.store.scan<OutboxItem>(keys.outboxAll())) {
      if (item.notify?.user !== user) continue;
      const { notify: _, ...rest } = item;
      await this.replace(key, item, rest);
    }
  }
}
