/**
 * The scheduled digest (config `digest: {at, channels}`): the day's digest is posted once a day at `at`
 * (conference time zone) to each listed channel, however many processes run. The day is claimed in the
 * store (an atomic set-if-absent), so only one process posts it. Being due is judged from the clock on every
 * check, not from a timer armed at start, so a process (re)started just before or after `at` still posts
 * that day's digest when its first check finds it due and unclaimed. A claim whose poster died before
 * finishing is taken over once it is older than STALE_CLAIM_MS.
 */
import type { Plenary } from './plenary.ts';
import type { Post } from './views.ts';
import type { Log } from './log.ts';
import { logLine } from './wording/log-line.ts';
import { keys } from './keys.ts';
import { dayIn } from './time.ts';
import { withheldDigest } from './hidden-results.ts';

export interface DigestScheduleOptions {
  core: Plenary;
  at: string; // HH:MM or HH:MM:SS
  channels: string[];
  deliver: (posts: Post[]) => Promise<void>;
  log?: Log;
  clock?: () => Date;
  /** How often to look (default 20 s: the digest goes out within that of `at`). */
  everyMs?: number;
}

interface RunRecord {
  claimedAt: number;
  done: boolean;
}

export const STALE_CLAIM_MS = 5 * 60_000;

const minuteFormatters = new Map<string, Intl.DateTimeFormat>();
/** `HH:MM:SS` of an instant in a time zone (compares as a string with `HH:MM` too: `18:00` ≤ `18:00:00`). */
export function timeOfDayIn(timeZone: string, instant: Date): string {
  let format = minuteFormatters.get(timeZone);
  if (!format) minuteFormatters.set(timeZone, (format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })));
  return format.format(instant);
}

const secondsOfDay = (time: string) => time.split(':').reduce((sum, part, i) => sum + Number(part) * [3600, 60, 1][i], 0);

export class DigestSchedule {
  private timer: NodeJS.Timeout | null = null;
  private dueTimer: NodeJS.Timeout | null = null;
  private running: Promise<boolean> | null = null;
  private readonly clock: () => Date;

  constructor(private readonly options: DigestScheduleOptions) {
    this.clock = options.clock ?? (() => options.core.now());
  }

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.options.everyMs ?? 20_000);
    this.timer.unref();
    void this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.dueTimer) clearTimeout(this.dueTimer);
    this.timer = this.dueTimer = null;
    await this.running;
  }

  /** One check: posts today's digest if it is due and no process has claimed it. True when this call posted. */
  tick(): Promise<boolean> {
    this.running ??= this.check().finally(() => (this.running = null));
    return this.running;
  }

  private async check(): Promise<boolean> {
    const { core, at, channels, deliver, log = () => {} } = this.options;
    const now = this.clock();
    const zone = core.config.conference.timezone;
    const timeOfDay = timeOfDayIn(zone, now);
    if (timeOfDay < at) {
      this.armForDue((secondsOfDay(at) - secondsOfDay(timeOfDay)) * 1000 - now.getMilliseconds());
      return false;
    }
    const day = dayIn(zone, now);
    try {
      const claimed = await this.claim(day, now.getTime());
      if (!claimed) return false;
      const digest = withheldDigest(await core.summaries.digest(day));
      await deliver(channels.map((channel) => ({ channel, view: { kind: 'digest', digest, file: null } })));
      await core.store.set(claimed, { claimedAt: now.getTime(), done: true } satisfies RunRecord);
      log('info', logLine('log.digest.posted', { day, count: channels.length }));
      return true;
    } catch (error) {
      log('warn', logLine('log.digest.failed', { day }), error as Error);
      return false;
    }
  }

  /** While running, a due time sooner than the next check gets its own check, so the digest goes out at `at`, not up to a check later. */
  private armForDue(inMs: number): void {
    if (!this.timer || this.dueTimer || inMs > (this.options.everyMs ?? 20_000)) return;
    this.dueTimer = setTimeout(() => {
      this.dueTimer = null;
      void this.tick();
    }, Math.max(0, inMs));
    this.dueTimer.unref();
  }

  /** The key this process now holds for the day, or null when another process has (or had) it. */
  private async claim(day: string, nowMs: number): Promise<string | null> {
    const { store } = this.options.core;
    const first = keys.digestRun(day);
    const record: RunRecord = { claimedAt: nowMs, done: false };
    if (await store.claim(first, record)) return first;
    // Take over from a poster that died, one generation at a time, so two survivors never both post.
    for (let generation = 1; generation < 20; generation++) {
      const key = generation === 1 ? first : `${first}:${generation}`;
      const held = await store.get<RunRecord>(key);
      if (!held) return (await store.claim(key, record)) ? key : null;
      if (held.done || nowMs - held.claimedAt < STALE_CLAIM_MS) return null;
      const next = `${first}:${generation + 1}`;
      if (await store.claim(next, record)) return next;
    }
    return null;
  }
}
