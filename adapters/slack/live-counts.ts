/**
 * Keeps the counts on posted proposal messages live with chat.update, within Slack's limits:
 * - at most one edit per message per `perMessageMs` — a burst of reactions becomes one edit;
 * - a workspace-wide token bucket (chat.update is tier 3, ~50/min) shared by every message, oldest change first;
 * - each edit renders the state of the moment it is sent, and a change during an edit schedules another,
 *   so every message ends on the latest counts.
 */
import type { WebClient } from '@slack/web-api';
import type { Plenary } from '../../src/plenary.ts';
import type { Log } from '../../src/log.ts';
import type { ProposalCard } from '../../src/views.ts';
import { proposalCard } from '../../commands/shared.ts';
import { proposalMessage } from './render.ts';

export interface LiveCountsOptions {
  core: Plenary;
  client: WebClient;
  log: Log;
  perMessageMs?: number; // ≥ 1000: one edit per second per message
  perMinute?: number; // the workspace budget for chat.update
  burst?: number; // edits that may go out at once after a quiet spell
}

interface Pending {
  sessionId: string;
  number: number;
  since: number; // when it first became stale: oldest first, so no message starves
}

/** The card as it is now, or undefined when the session or proposal no longer exists. */
export async function freshCard(core: Plenary, sessionId: string, number: number): Promise<ProposalCard | undefined> {
  const session = await core.getSession(sessionId);
  const proposal = (await core.proposals(sessionId)).find((p) => p.number === number);
  return session && proposal ? proposalCard(core, session, proposal) : undefined;
}

export class LiveCounts {
  private readonly dirty = new Map<string, Pending>(); // by message ref slack:<channel>:<ts>
  private readonly lastEdit = new Map<string, number>();
  private readonly inFlight = new Set<string>();
  private readonly versions = new Map<string, number>();
  private readonly perMessageMs: number;
  private readonly refillMs: number;
  private readonly burst: number;
  private tokens: number;
  private refilledAt = Date.now();
  private timer: NodeJS.Timeout | null = null;
  private lookups = 0; // counts-changed notifications still resolving their messages
  private lastRevision = 0;
  private stopped = false;

  constructor(private readonly options: LiveCountsOptions) {
    this.perMessageMs = Math.max(1000, options.perMessageMs ?? 1100);
    this.refillMs = 60_000 / (options.perMinute ?? 50);
    this.burst = options.burst ?? 10;
    this.tokens = this.burst;
  }

  /**
   * Slack asks for a new actions block_id on every chat.update; the counts alone repeat (1·0·0, then 0·1·0, then
   * 1·0·0 again). The clock, never repeating within this process, keeps ids fresh across restarts too.
   */
  private nextRevision(): number {
    this.lastRevision = Math.max(Date.now(), this.lastRevision + 1);
    return this.lastRevision;
  }

  /** Bumped on every change to a proposal, so the poster can tell whether its card went out stale. */
  version(sessionId: string, number: number): number {
    return this.versions.get(`${sessionId}:${number}`) ?? 0;
  }

  /** The core's onCountsChanged listener. */
  readonly changed = (sessionId: string, number: number): void => {
    const key = `${sessionId}:${number}`;
    this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
    this.lookups += 1;
    this.options.core
      .postedMessages(sessionId, number)
      .then((refs) => {
        for (const ref of refs) if (ref.startsWith('slack:')) this.markDirty(ref, sessionId, number);
      })
      .catch((error) => this.options.log('warn', `could not look up messages of ${sessionId} P${number}`, error))
      .finally(() => (this.lookups -= 1));
  };

  /** Every Slack message of a session's proposals (e.g. once it closed, to drop the buttons). */
  async refreshSession(sessionId: string): Promise<void> {
    for (const proposal of await this.options.core.proposals(sessionId)) {
      for (const ref of await this.options.core.postedMessages(sessionId, proposal.number)) {
        if (ref.startsWith('slack:')) this.markDirty(ref, sessionId, proposal.number);
      }
    }
  }

  markDirty(ref: string, sessionId: string, number: number): void {
    if (this.stopped) return;
    if (!this.dirty.has(ref)) this.dirty.set(ref, { sessionId, number, since: Date.now() });
    this.schedule(0);
  }

  private refill(now: number) {
    const gained = (now - this.refilledAt) / this.refillMs;
    this.tokens = Math.min(this.burst, this.tokens + gained);
    this.refilledAt = now;
  }

  private schedule(delay: number) {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.tick();
    }, Math.max(0, delay));
  }

  /** Sends every edit that is due and affordable, oldest change first; then sleeps until the next one is. */
  private tick() {
    const now = Date.now();
    this.refill(now);
    let nextAt = Infinity;
    const due = [...this.dirty.entries()].filter(([ref]) => !this.inFlight.has(ref)).sort((a, b) => a[1].since - b[1].since);
    for (const [ref, pending] of due) {
      const readyAt = (this.lastEdit.get(ref) ?? 0) + this.perMessageMs;
      if (readyAt > now) {
        nextAt = Math.min(nextAt, readyAt);
        continue;
      }
      if (this.tokens < 1) {
        nextAt = Math.min(nextAt, now + (1 - this.tokens) * this.refillMs);
        break;
      }
      this.tokens -= 1;
      this.dirty.delete(ref);
      void this.edit(ref, pending);
    }
    if (nextAt < Infinity) this.schedule(nextAt - now);
  }

  private async edit(ref: string, pending: Pending): Promise<void> {
    this.inFlight.add(ref);
    this.lastEdit.set(ref, Date.now());
    const [, channel, ts] = ref.split(':');
    try {
      const card = await freshCard(this.options.core, pending.sessionId, pending.number);
      if (!card) return;
      const message = proposalMessage(card, this.nextRevision());
      await this.options.client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error;
      if (code === 'message_not_found' || code === 'channel_not_found' || code === 'cant_update_message') {
        this.options.log('warn', `proposal message ${ref} can no longer be edited (${code})`);
      } else {
        // The WebClient already retried (429s included); try again later rather than lose the latest state.
        this.options.log('warn', `updating counts on ${ref} failed; will retry`, error);
        if (!this.dirty.has(ref)) this.dirty.set(ref, pending);
      }
    } finally {
      this.inFlight.delete(ref);
      this.lastEdit.set(ref, Date.now()); // spacing counts from the end of a slow call too
      if (this.dirty.size) this.schedule(0);
    }
  }

  /** Waits (up to `timeoutMs`) until every message shows the latest counts; then stops. */
  async flush(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((this.dirty.size || this.inFlight.size || this.lookups) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
