/**
 * Delivers the durable outbox (src/outbox.ts) for the platforms this process runs. Commands put their
 * posts in the store before they are answered (`enqueue`); every process pumps the outbox of its own
 * platforms, so a post to a Discord channel made from Slack goes out from whichever process runs
 * Discord, and a process killed mid-way leaves the rest for the next one.
 *
 * Per channel, items go out strictly in order: a channel's run stops at an item another process
 * holds, or one waiting to be retried. Each item is leased by compare-and-set, its progress is
 * recorded after every message, and it is deleted when delivered. A post the platform refuses for
 * good (bot not in the channel, a missing permission, too long) is dropped, logged, and the person
 * who caused it is told privately how to fix it; a transient failure is retried with backoff.
 */
import { randomBytes } from 'node:crypto';
import type { Post, View } from '../src/views.ts';
import type { Log } from '../src/log.ts';
import { logLine } from '../src/wording/log-line.ts';
import { operatorLanguage } from '../src/wording/operator-language.ts';
import type { Plenary } from '../src/plenary.ts';
import type { Notify, OutboxItem } from '../src/outbox.ts';
import { LiveCards } from '../src/live-cards.ts';
import { systemClock, type Clock } from '../src/time.ts';
import { proposalCard } from '../commands/shared.ts';
import { say, type Locale, type MessageId, type MessageParams } from '../src/wording/say.ts';

/** Why a platform refused a post for good, and how to fix it: a catalogue line, worded for whoever reads it. */
export interface Refusal {
  id: MessageId;
  params?: MessageParams;
}

export interface PostProgress {
  /** The outbox item's key: the same for every attempt at this post (Discord derives its nonces from it). */
  id: string;
  /** Messages of this view already posted (by an earlier attempt): do not post them again. */
  skip: number;
  /** Called after message `count` went out, so a crash resumes after it. */
  sent(count: number): Promise<void>;
  /**
   * Set when an earlier attempt may have reached the platform without its progress being recorded
   * (its process died holding the lease, or it failed in flight): the time (ms) that attempt could
   * have posted from. A poster that can look (Slack) finds what went out before posting it again.
   */
  mayHavePostedSince?: number;
  /** Files uploaded for this item by earlier attempts, by message index (Slack file ids), shared or not. */
  uploads?: Record<number, string>;
  /** Records an uploaded file for message `index` before it is shared; rejects when it could not be recorded. */
  uploaded?(index: number, fileId: string): Promise<void>;
}

export interface PlatformPoster {
  platform: 'slack' | 'discord' | 'console';
  /** Posts one view to one channel (the id after `platform:`), in order; rejects when it failed. */
  post(channelId: string, view: View, progress?: PostProgress): Promise<void>;
  /** For a refusal that retrying cannot fix: one line saying how to fix it. Undefined: transient. */
  permanentFailure?(error: unknown, channelId: string): Refusal | undefined;
  /** A private line to a person (platform user id), near `channelId` where they asked, if known. */
  notify?(userId: string, channelId: string | undefined, text: string): Promise<void>;
}

export interface DeliveryOptions {
  /** How long a taken item stays reserved without news from its process (ms). */
  leaseMs?: number;
  /** How often the outbox is polled for posts queued by other processes (ms). */
  pollMs?: number;
  /** The live-update service's clock (tests: fake timers). */
  clock?: Clock;
  /** The wait after a post's first transient failure (ms), doubling with each further one up to a minute; default 1000. */
  backoffMs?: number;
}

const MAX_BACKOFF_MS = 60_000;
/** A person hears about the same failure in the same channel once in this long. */
const NOTIFY_ONCE_MS = 5 * 60_000;
/** The longest a command's handler waits for its own posts before letting the pump carry on alone. */
const WAIT_FOR_POSTS_MS = 60_000;

export class Delivery {
  private readonly posters = new Map<string, PlatformPoster>();
  private core: Plenary | undefined;
  private readonly owner = randomBytes(6).toString('hex');
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly backoffMs: number;
  private readonly busyChannels = new Set<string>();
  private readonly waiters = new Map<string, Array<() => void>>();
  private readonly notified = new Map<string, number>();
  private pumping: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private liveCards: LiveCards | undefined;
  private readonly clock: Clock;

  constructor(
    private readonly log: Log = () => {},
    options: DeliveryOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? Number(process.env.PLENARY_OUTBOX_LEASE_MS ?? 30_000);
    this.pollMs = options.pollMs ?? 1000;
    this.backoffMs = options.backoffMs ?? 1000;
    this.clock = options.clock ?? systemClock;
  }

  /**
   * The one live-update service of this process, shared by every platform it runs, so one reaction
   * looks up its proposal's messages once whatever the number of platforms. Made (and subscribed to
   * the core's changes) on first use.
   */
  live(core: Plenary): LiveCards {
    if (!this.liveCards) {
      this.liveCards = new LiveCards({ postedMessages: (sid, n) => core.postedMessages(sid, n), card: (sid, n) => currentCard(core, sid, n) }, this.log, this.clock);
      core.onCountsChanged(this.liveCards.changed);
    }
    return this.liveCards;
  }

  register(poster: PlatformPoster, core?: Plenary): void {
    this.posters.set(poster.platform, poster);
    if (core) this.attach(core);
  }

  /** The core whose store holds the outbox; pumping starts once there is one. */
  attach(core: Plenary): void {
    if (this.core) return;
    this.core = core;
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.timer.unref();
    this.kick();
  }

  /**
   * Writes posts to the outbox (resolves once they are durable) and returns a promise that settles
   * when this process has delivered those on its platforms (others are left to other processes).
   */
  async enqueue(core: Plenary, posts: Post[] | undefined, notify?: Notify, alreadyQueued: string[] = []): Promise<{ delivered: Promise<void> }> {
    this.attach(core);
    const queued = [...alreadyQueued, ...(await core.outbox.enqueue(posts ?? [], notify))];
    const mine = queued.filter((key) => this.posters.has(key.split(':')[1]));
    const delivered = Promise.race([
      Promise.all(mine.map((key) => new Promise<void>((resolve) => this.waiters.set(key, [...(this.waiters.get(key) ?? []), resolve])))).then(() => {}),
      new Promise<void>((resolve) => setTimeout(resolve, WAIT_FOR_POSTS_MS).unref()),
    ]);
    if (mine.length) this.kick();
    return { delivered };
  }

  /** Enqueue, then wait for this process's share to go out (adapters that answer before posting). */
  async deliver(core: Plenary, posts: Post[] | undefined, notify?: Notify): Promise<void> {
    const { delivered } = await this.enqueue(core, posts, notify);
    await delivered;
  }

  /** Stops polling; resolves when the current pass is done (what is left stays durable in the store). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.pumping;
  }

  /** Runs a pass over the outbox now, or right after the one running. */
  kick(): void {
    if (this.stopped || !this.core) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = this.pass()
      .catch((error) => this.log('warn', logLine('log.delivery.outbox-read-failed'), error))
      .finally(() => {
        this.pumping = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async pass(): Promise<void> {
    const core = this.core as Plenary;
    const runs: Array<Promise<void>> = [];
    for (const [platform, poster] of this.posters) {
      const pending = await core.outbox.pending(platform);
      const present = new Set(pending.map(([key]) => key));
      // Items another process delivered: whoever waits for them can stop.
      for (const key of this.waiters.keys()) if (key.startsWith(`outbox:${platform}:`) && !present.has(key)) this.settled(key);
      const byChannel = new Map<string, Array<[string, OutboxItem]>>();
      for (const entry of pending) byChannel.set(entry[1].channel, [...(byChannel.get(entry[1].channel) ?? []), entry]);
      for (const [channel, items] of byChannel) {
        if (this.busyChannels.has(channel)) continue;
        this.busyChannels.add(channel);
        runs.push(this.runChannel(poster, items).finally(() => this.busyChannels.delete(channel)));
      }
    }
    await Promise.all(runs);
  }

  private async runChannel(poster: PlatformPoster, items: Array<[string, OutboxItem]>): Promise<void> {
    for (const [key, item] of items) {
      const now = Date.now();
      if (item.lease && item.lease.until > now && item.lease.owner !== this.owner) return; // another process has this channel
      if (item.retryAt && item.retryAt > now) return; // keep the order: nothing after it goes first
      if (!(await this.deliverItem(poster, key, item))) return;
    }
  }

  /** True when the item is done with (delivered or dropped), so the next one may go. */
  private async deliverItem(poster: PlatformPoster, key: string, item: OutboxItem): Promise<boolean> {
    const { outbox } = this.core as Plenary;
    const channelId = item.channel.slice(item.channel.indexOf(':') + 1);
    let current: OutboxItem = { ...item, lease: { owner: this.owner, until: Date.now() + this.leaseMs } };
    if (!(await outbox.replace(key, item, current))) return false; // taken or changed: the next pass sees it
    // One write at a time, each renewing the lease: heartbeats, progress and recorded uploads never race.
    let writes: Promise<unknown> = Promise.resolve();
    const write = (change: Partial<OutboxItem>) => {
      const done = writes.then(async () => {
        const next: OutboxItem = { ...current, ...change, lease: { owner: this.owner, until: Date.now() + this.leaseMs } };
        const ok = await outbox.replace(key, current, next);
        if (ok) current = next;
        return ok;
      });
      writes = done.catch(() => false);
      return done;
    };
    const renew = (sent: number) => write({ sent }).then(() => {});
    // A long post (Slack waits out rate limits inside the client) keeps its lease alive.
    const heartbeat = setInterval(() => void renew(current.sent).catch(() => {}), Math.max(1000, this.leaseMs / 3));
    heartbeat.unref();
    const uploaded = async (index: number, fileId: string) => {
      if (!(await write({ uploads: { ...current.uploads, [index]: fileId } }))) throw new Error(`the outbox item ${key} changed under this process: not sharing its file`);
    };
    try {
      const view = await (this.core as Plenary).outboxView(item);
      // Taken over from a lease (a process that died mid-post) or retried after a failure: a message may be out already.
      const mayHavePostedSince = item.lease || item.attempts ? item.at : undefined;
      if (view) await poster.post(channelId, view, { id: key, skip: item.sent, sent: (count) => renew(count), mayHavePostedSince, uploads: item.uploads, uploaded });
      clearInterval(heartbeat);
      await writes;
      await outbox.replace(key, current, null);
      this.settled(key);
      return true;
    } catch (error) {
      clearInterval(heartbeat);
      await writes;
      const fix = poster.permanentFailure?.(error, channelId);
      if (fix !== undefined) {
        const reason = say(fix.id, fix.params);
        this.log('error', logLine('log.delivery.refused', { kind: item.view?.kind ?? 'summary', channel: item.channel, reason: say(fix.id, fix.params, operatorLanguage()) }), error);
        // Dropped from the outbox in the same commit that records the failure: a post with no one to tell
        // (the scheduled digest) still shows up in status and `plenary digest`.
        const failure = { channel: item.channel, kind: item.finalSummaryOf ? 'summary' : item.view?.kind ?? 'post', reason, at: Date.now() };
        if (!(await outbox.fail(key, current, failure).catch(() => false))) await outbox.replace(key, current, null).catch(() => false);
        this.settled(key);
        await this.tell(item, fix);
        return true;
      }
      const attempts = (item.attempts ?? 0) + 1;
      const retryAt = Date.now() + Math.min(MAX_BACKOFF_MS, this.backoffMs * 2 ** (attempts - 1));
      this.log('warn', logLine('log.delivery.retry', { kind: item.view?.kind ?? 'summary', channel: item.channel, attempt: attempts }), error);
      const { lease: _, ...rest } = current;
      await outbox.replace(key, current, { ...rest, attempts, retryAt }).catch(() => {});
      setTimeout(() => this.kick(), retryAt - Date.now() + 10).unref();
      return false;
    }
  }

  /** One private line to whoever caused the post; the same failure of the same kind of post in the same place once per few minutes. */
  private async tell(item: OutboxItem, fix: Refusal): Promise<void> {
    const recipients = item.notify ? [item.notify] : [];
    for (const { user, channel, locale } of recipients) {
      const platform = user.slice(0, user.indexOf(':'));
      const target = this.posters.get(platform);
      if (!target?.notify) continue;
      const kind = item.finalSummaryOf ? 'finalSummary' : item.view?.kind ?? 'post';
      const once = `${user} ${item.channel} ${kind} ${fix.id} ${JSON.stringify(fix.params ?? {})}`;
      const last = this.notified.get(once) ?? 0;
      if (Date.now() - last < NOTIFY_ONCE_MS) continue;
      this.notified.set(once, Date.now());
      const where = channel?.startsWith(`${platform}:`) ? channel.slice(platform.length + 1) : undefined;
      const text = say('delivery.failed', {
        what: say('delivery.what', { kind }, locale),
        where: item.channel === channel ? say('delivery.where.here', {}, locale) : describe(item.channel, platform, locale),
        fix: say(fix.id, fix.params, locale),
      }, locale);
      try {
        await target.notify(user.slice(platform.length + 1), where, text);
      } catch (error) {
        this.log('warn', logLine('log.delivery.tell-failed'), error);
      }
    }
  }

  private settled(key: string): void {
    for (const resolve of this.waiters.get(key) ?? []) resolve();
    this.waiters.delete(key);
  }
}

/** The card as it is now, or undefined when the session or proposal no longer exists. */
export async function currentCard(core: Plenary, sessionId: string, number: number) {
  const session = await core.getSession(sessionId);
  const proposal = (await core.proposals(sessionId)).find((p) => p.number === number);
  return session && proposal ? proposalCard(core, session, proposal) : undefined;
}

/** A channel as the reader's platform shows it: a channel link on the same platform, else its platform and id. */
function describe(channel: string, readerPlatform: string, locale?: Locale): string {
  const platform = channel.slice(0, channel.indexOf(':'));
  const id = channel.slice(platform.length + 1);
  if (platform === readerPlatform && platform !== 'console') return say('delivery.where.link', { id }, locale);
  return say('delivery.where.other', { platform, id }, locale);
}
