/**
 * Delivery's Discord side: renders a view and sends it to a channel, in order. Proposal messages are
 * recorded in the store (message → proposal) so emoji and live counts work on them after a restart.
 * Transient Discord failures (5xx, timeouts) are retried with backoff, so a short outage delays posts
 * without dropping any; each message carries a nonce Discord enforces, so a retried send whose first
 * attempt did get through is not posted twice.
 */
import { randomBytes } from 'node:crypto';
import type { Client } from 'discord.js';
import type { Plenary } from '../../src/plenary.ts';
import type { Log } from '../../src/log.ts';
import type { View } from '../../src/views.ts';
import type { PlatformPoster } from '../delivery.ts';
import type { LiveCounts } from './live-counts.ts';
import { renderView } from './render.ts';
import { withRetry } from './transient.ts';

export function discordPoster(core: Plenary, client: Client, live: LiveCounts, log: Log = () => {}): PlatformPoster {
  const retrying = (what: string) => (error: unknown, attempt: number) =>
    log('warn', `${what} failed (attempt ${attempt}); retrying`, error as Error);
  return {
    platform: 'discord',
    async post(channelId: string, view: View): Promise<void> {
      const channel = await withRetry(() => client.channels.fetch(channelId), retrying(`fetching Discord channel ${channelId}`));
      if (!channel?.isSendable()) throw new Error(`Discord channel ${channelId} is not one the bot can post in`);
      for (const message of renderView(view)) {
        const nonce = randomBytes(12).toString('hex').slice(0, 25);
        const sentId = await withRetry(async () => (await channel.send({ ...message, nonce, enforceNonce: true })).id, retrying(`posting a ${view.kind} to Discord`));
        if (view.kind !== 'proposal') continue;
        const { sessionId, number, counts } = view.card;
        await core.recordPost(sessionId, number, `discord:${channelId}:${sentId}`);
        // A reaction that landed between rendering and recording would not have edited this message.
        const now = await core.summaries.proposalCounts(sessionId, number);
        if (now.support !== counts.support || now.neutral !== counts.neutral || now.oppose !== counts.oppose) live.touch(sessionId, number);
      }
      // The final summary means the session closed: take the buttons off its proposal messages.
      if (view.kind === 'summary' && view.final) for (const p of view.summary.proposals) live.touch(view.summary.id, p.number);
    },
  };
}
