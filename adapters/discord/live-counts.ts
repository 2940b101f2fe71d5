/**
 * Live counts on posted proposal messages. Every change marks the proposal dirty; at most one edit per
 * second per proposal (so per message) goes out, and it renders the state *at send time*, so a burst of
 * reactions costs two edits (the first and the last state) and the message always ends on the latest
 * counts. The next edit waits a full interval after the previous one *finished*, so even an edit the
 * REST queue held back cannot end up less than a second before the next. An edit that fails transiently
 * (5xx, timeout) is tried again with growing backoff, so an outage delays the counts but never leaves a
 * message on stale ones.
 */
import type { Client } from 'discord.js';
import type { Plenary } from '../../src/plenary.ts';
import type { Log } from '../../src/log.ts';
import { proposalCard } from '../../commands/shared.ts';
import { proposalMessage } from './render.ts';
import { backoffMs, isTransient } from './transient.ts';

interface Batch {
  dirty: boolean;
  running: boolean;
  timer?: NodeJS.Timeout;
  lastDone: number;
  failures: number; // transient failures in a row: the next try waits longer
}

export class LiveCounts {
  private readonly batches = new Map<string, Batch>();
  private stopped = false;

  constructor(
    private readonly core: Plenary,
    private readonly client: Client,
    private readonly log: Log,
    // 1.1 s, not 1 s: Discord sees the requests, not our timers, and a request can land a few ms early.
    private readonly intervalMs = 1100,
  ) {}

  /** Something about proposal `n` changed: refresh its Discord messages soon. */
  touch(sessionId: string, n: number): void {
    const key = `${sessionId}:${n}`;
    let batch = this.batches.get(key);
    if (!batch) this.batches.set(key, (batch = { dirty: false, running: false, lastDone: 0, failures: 0 }));
    batch.dirty = true;
    this.schedule(batch, sessionId, n);
  }

  stop(): void {
    this.stopped = true;
    for (const batch of this.batches.values()) clearTimeout(batch.timer);
  }

  private schedule(batch: Batch, sessionId: string, n: number): void {
    if (this.stopped || batch.running || batch.timer) return;
    // +5 ms: Node timers may fire a hair early relative to Date.now().
    const spacing = batch.failures ? Math.max(this.intervalMs, backoffMs(batch.failures)) : this.intervalMs;
    const wait = batch.lastDone ? Math.max(0, batch.lastDone + spacing - Date.now()) + 5 : 0;
    batch.timer = setTimeout(() => {
      batch.timer = undefined;
      void this.run(batch, sessionId, n);
    }, wait);
  }

  private async run(batch: Batch, sessionId: string, n: number): Promise<void> {
    batch.running = true;
    batch.dirty = false;
    try {
      const retry = await this.refresh(sessionId, n);
      batch.failures = retry ? batch.failures + 1 : 0;
      if (retry) batch.dirty = true;
    } catch (error) {
      this.log('warn', `refreshing the counts of ${sessionId} P${n} on Discord failed`, error as Error);
      if (isTransient(error)) {
        batch.failures += 1;
        batch.dirty = true;
      }
    } finally {
      batch.running = false;
      batch.lastDone = Date.now();
      if (batch.dirty) this.schedule(batch, sessionId, n);
    }
  }

  /** Edits every Discord message of the proposal; true when one failed transiently and should be tried again. */
  private async refresh(sessionId: string, n: number): Promise<boolean> {
    const refs = (await this.core.postedMessages(sessionId, n)).filter((ref) => ref.startsWith('discord:'));
    if (!refs.length) return false;
    const session = await this.core.getSession(sessionId);
    let proposal = (await this.core.proposals(sessionId)).find((p) => p.number === n);
    proposal ??= (await this.core.proposals(sessionId)).find((p) => p.number === n);
    if (!session || !proposal) return false;
    let retry = false;
    const message = proposalMessage(await proposalCard(this.core, session, proposal));
    for (const ref of refs) {
      const [, channelId, messageId] = ref.split(':');
      try {
        const channel = await this.client.channels.fetch(channelId);
        if (!channel?.isTextBased() || !('messages' in channel)) continue;
        await channel.messages.edit(messageId, message);
      } catch (error) {
        // A deleted message or channel must not stop the others from updating.
        const transient = isTransient(error);
        retry ||= transient;
        this.log('warn', `editing a proposal message on Discord failed${transient ? '; will retry' : ''}`, error as Error);
      }
    }
    return retry;
  }
}
