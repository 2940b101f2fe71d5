/**
 * One live-update service for every platform: it knows which messages show which proposal, and keeps
 * their counts current. Each platform plugs in a small port (how to edit one message, and its pacing);
 * this service decides when each message is edited.
 *
 * - One change of a proposal costs at most one look-up of its messages (`posted:`), whatever the number
 *   of platforms: changes that arrive while a look-up is under way ride on it.
 * - Each message is edited at most once per `perMessageMs` (counted from the end of its last edit), within
 *   an optional budget shared by all the platform's messages (Slack's tier 3), oldest change first.
 * - Every edit renders the card as it is when it is sent, and a change during an edit schedules another,
 *   so every message ends on the latest counts.
 * - A post and a reaction racing: the poster reads `version()` before rendering and reports the message
 *   with `posted()`; a change in between marks the new message for an edit.
 * The clock is injected, so tests run it with fake timers.
 */
import type { Log } from './log.ts';
import type { ProposalCard } from './views.ts';
import { systemClock, type Clock } from './time.ts';
import { logLine } from './wording/log-line.ts';

export interface LivePacing {
  /** Least time between two edits of one message, from the end of the one before. */
  perMessageMs: number;
  /** A budget every message of the platform shares: `perMinute` edits, at most `burst` at once. */
  budget?: { perMinute: number; burst: number };
}

/** What became of one edit: done; the message can never be edited again; or try again later. */
export type EditOutcome = 'done' | 'gone' | { retry: true; afterMs?: number };

export interface LivePort {
  /** Message refs of this platform start with `<platform>:`. */
  platform: string;
  pacing: LivePacing;
  /** Shows `card` on one message (its ref without the `<platform>:` prefix). Never throws. */
  edit(messageId: string, card: ProposalCard): Promise<EditOutcome>;
}

/** What the service reads from the core. */
export interface LiveSource {
  postedMessages(sessionId: string, number: number): Promise<string[]>;
  /** The card as it is now; undefined once the session or proposal is gone. */
  card(sessionId: string, number: number): Promise<ProposalCard | undefined>;
}

interface MessageState {
  sessionId: string;
  number: number;
  dirty: boolean;
  since: number; // when it became stale: oldest first, so no message starves
  inFlight: boolean;
  notBefore: number;
  failures: number;
}

interface PortState {
  port: LivePort;
  tokens: number;
  refilledAt: number;
  timer?: unknown;
  wakeAt?: number;
}

const MAX_BACKOFF_MS = 60_000;

export class LiveCards {
  private readonly ports = new Map<string, PortState>();
  private readonly messages = new Map<string, MessageState>(); // by full ref
  private readonly versions = new Map<string, number>();
  private readonly lookups = new Map<string, Promise<void>>();
  private readonly gone = new Set<string>(); // messages that can never be edited again (deleted, no access)
  private readonly idleWaiters = new Set<() => void>();
  private readonly clock: Clock;
  private stopped = false;

  constructor(
    private readonly source: LiveSource,
    private readonly log: Log = () => {},
    clock: Clock = systemClock,
  ) {
    this.clock = clock;
  }

  /** Plugs a platform in; returns how to take it out again. */
  register(port: LivePort): () => void {
    const burst = port.pacing.budget?.burst ?? Infinity;
    this.ports.set(port.platform, { port, tokens: burst, refilledAt: this.clock.now() });
    return () => {
      const state = this.ports.get(port.platform);
      if (state?.port !== port) return;
      if (state.timer !== undefined) this.clock.clearTimeout(state.timer);
      this.ports.delete(port.platform);
      for (const [ref, message] of this.messages) if (ref.startsWith(`${port.platform}:`) && !message.inFlight) this.messages.delete(ref);
      this.settle();
    };
  }

  /** The card as it is now (posters render proposal messages with it, at send time). */
  card(sessionId: string, number: number): Promise<ProposalCard | undefined> {
    return this.source.card(sessionId, number);
  }

  /** Bumped on every change to a proposal, so a poster can tell whether its card went out stale. */
  version(sessionId: string, number: number): number {
    return this.versions.get(`${sessionId}:${number}`) ?? 0;
  }

  /** The core's onCountsChanged listener: one look-up of the proposal's messages, shared by all platforms. */
  readonly changed = (sessionId: string, number: number): void => {
    const key = `${sessionId}:${number}`;
    this.versions.set(key, this.version(sessionId, number) + 1);
    if (this.stopped || !this.ports.size || this.lookups.has(key)) return; // the look-up under way marks the messages; edits render later
    const lookup = this.source
      .postedMessages(sessionId, number)
      .then((refs) => {
        for (const ref of refs) this.markDirty(ref, sessionId, number);
      })
      .catch((error) => this.log('warn', logLine('log.live.lookup-failed', { session: sessionId, number }), error))
      .finally(() => {
        this.lookups.delete(key);
        this.settle();
      });
    this.lookups.set(key, lookup);
  };

  /** A poster recorded message `ref` for a proposal, rendered when its version was `seen`. */
  posted(ref: string, sessionId: string, number: number, seen: number): void {
    if (this.version(sessionId, number) !== seen) this.markDirty(ref, sessionId, number);
  }

  /** Every message of these proposals (a session closed: the cards lose their buttons). */
  refresh(sessionId: string, numbers: number[]): void {
    for (const number of numbers) this.changed(sessionId, number);
  }

  markDirty(ref: string, sessionId: string, number: number): void {
    const state = this.ports.get(ref.slice(0, ref.indexOf(':')));
    if (this.stopped || !state || this.gone.has(ref)) return; // not a platform this process edits, or not editable
    let message = this.messages.get(ref);
    if (!message) this.messages.set(ref, (message = { sessionId, number, dirty: false, since: 0, inFlight: false, notBefore: 0, failures: 0 }));
    if (!message.dirty) Object.assign(message, { dirty: true, since: this.clock.now() });
    this.wake(state, this.clock.now());
  }

  /** Resolves once every message shows the latest counts (or after `timeoutMs`). */
  idle(timeoutMs = 10_000): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = this.clock.setTimeout(done, timeoutMs);
      const clock = this.clock;
      const waiters = this.idleWaiters;
      function done() {
        clock.clearTimeout(timer);
        waiters.delete(done);
        resolve();
      }
      waiters.add(done);
    });
  }

  stop(): void {
    this.stopped = true;
    for (const state of this.ports.values()) if (state.timer !== undefined) this.clock.clearTimeout(state.timer);
    for (const done of [...this.idleWaiters]) done();
  }

  private isIdle(): boolean {
    if (this.lookups.size) return false;
    for (const message of this.messages.values()) if (message.dirty || message.inFlight) return false;
    return true;
  }

  private settle(): void {
    if (this.isIdle()) for (const done of [...this.idleWaiters]) done();
  }

  /** Runs the platform's tick at `at`, or earlier if already due sooner. */
  private wake(state: PortState, at: number): void {
    if (this.stopped) return;
    if (state.timer !== undefined && (state.wakeAt ?? Infinity) <= at) return;
    if (state.timer !== undefined) this.clock.clearTimeout(state.timer);
    state.wakeAt = at;
    state.timer = this.clock.setTimeout(() => {
      state.timer = undefined;
      state.wakeAt = undefined;
      this.tick(state);
    }, Math.max(0, at - this.clock.now()));
  }

  /** Sends every edit of the platform that is due and affordable, oldest change first; sleeps until the next. */
  private tick(state: PortState): void {
    const { port } = state;
    const now = this.clock.now();
    const budget = port.pacing.budget;
    const refillMs = budget ? 60_000 / budget.perMinute : 0;
    if (budget) {
      state.tokens = Math.min(budget.burst, state.tokens + (now - state.refilledAt) / refillMs);
      state.refilledAt = now;
    }
    const due = [...this.messages.entries()]
      .filter(([ref, m]) => m.dirty && !m.inFlight && ref.startsWith(`${port.platform}:`))
      .sort((a, b) => a[1].since - b[1].since);
    let nextAt = Infinity;
    for (const [ref, message] of due) {
      if (message.notBefore > now) {
        nextAt = Math.min(nextAt, message.notBefore);
        continue;
      }
      if (budget && state.tokens < 1) {
        nextAt = Math.min(nextAt, now + (1 - state.tokens) * refillMs);
        break;
      }
      if (budget) state.tokens -= 1;
      void this.edit(state, ref, message);
    }
    if (nextAt < Infinity) this.wake(state, nextAt);
  }

  private async edit(state: PortState, ref: string, message: MessageState): Promise<void> {
    message.inFlight = true;
    message.dirty = false;
    let outcome: EditOutcome;
    try {
      const card = await this.source.card(message.sessionId, message.number);
      outcome = card ? await state.port.edit(ref.slice(ref.indexOf(':') + 1), card) : 'gone';
    } catch (error) {
      this.log('warn', logLine('log.live.update-failed', { ref }), error);
      outcome = { retry: true };
    }
    message.inFlight = false;
    const spacing = state.port.pacing.perMessageMs;
    if (outcome === 'gone') {
      this.messages.delete(ref);
      this.gone.add(ref);
    } else if (outcome === 'done') {
      message.failures = 0;
      message.notBefore = this.clock.now() + spacing;
    } else {
      // Try again with growing backoff rather than lose the latest state.
      message.failures += 1;
      const backoff = Math.min(MAX_BACKOFF_MS, spacing * 2 ** (message.failures - 1));
      message.notBefore = this.clock.now() + Math.max(backoff, outcome.afterMs ?? 0);
      if (!message.dirty) Object.assign(message, { dirty: true, since: this.clock.now() });
    }
    if (message.dirty && this.messages.has(ref)) this.wake(state, Math.max(this.clock.now(), message.notBefore));
    else if (!message.dirty && outcome === 'done') this.forgetLater(ref, message);
    this.settle();
  }

  /** A clean message's spacing must outlive its edit; after that, its state is not worth keeping. */
  private forgetLater(ref: string, message: MessageState): void {
    this.clock.setTimeout(() => {
      if (!message.dirty && !message.inFlight && message.notBefore <= this.clock.now() && this.messages.get(ref) === message) this.messages.delete(ref);
    }, Math.max(0, message.notBefore - this.clock.now()) + 1);
  }
}
