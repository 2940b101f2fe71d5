/**
 * Delivery's Discord side: renders a view and sends it to a channel, in order. Proposal messages are
 * recorded in the store (message → proposal) so emoji and live counts work on them after a restart.
 * Transient Discord failures (5xx, timeouts) are retried with backoff, so a short outage delays posts
 * without dropping any; each message carries a nonce Discord enforces, derived from the outbox item
 * and the message's place in it, so a send retried after a crash whose first attempt did get through
 * is not posted twice (Discord keeps nonces for a few minutes).
 */
import { createHash, randomBytes } from 'node:crypto';
import { DiscordAPIError, type Client } from 'discord.js';
import type { Plenary } from '../../src/plenary.ts';
import { logLine, type LogLineId } from '../../src/wording/log-line.ts';
import type { MessageParams } from '../../src/wording/say.ts';
import type { Log } from '../../src/log.ts';
import type { View } from '../../src/views.ts';
import type { PlatformPoster, PostProgress, Refusal } from '../delivery.ts';
import type { MessageId } from '../../src/wording/say.ts';
import type { LiveCards } from '../../src/live-cards.ts';
import { renderView } from './render.ts';
import { isTransient, withRetry } from './transient.ts';

/** Discord's refusals that no retry fixes, by JSON error code, with what a moderator should do. */
const FIXES: Record<number, MessageId> = {
  10003: 'delivery.discord.unknown_channel',
  50001: 'delivery.discord.missing_access',
  50013: 'delivery.discord.missing_permissions',
  50035: 'delivery.discord.invalid_form',
  40005: 'delivery.discord.too_large',
};

export function discordPoster(core: Plenary, client: Client, live: LiveCards, log: Log = () => {}, firstBackoffMs?: number): PlatformPoster {
  const retrying = (id: LogLineId, params: MessageParams) => (error: unknown, attempt: number) =>
    log('warn', logLine(id, { ...params, attempt }), error as Error);
  return {
    platform: 'discord',
    async post(channelId: string, view: View, progress?: PostProgress): Promise<void> {
      try {
        const channel = await withRetry(() => client.channels.fetch(channelId), retrying('log.discord.fetch-retry', { channel: channelId }), 6, firstBackoffMs);
        if (!channel?.isSendable()) throw new NotSendableError(channelId);
        const skip = progress?.skip ?? 0;
        const seed = progress?.id ?? randomBytes(12).toString('hex');
        // Render a card at send time: one queued behind others shows the counts of the moment it goes out.
        const version = view.kind === 'proposal' ? live.version(view.card.sessionId, view.card.number) : 0;
        const shown: View = view.kind === 'proposal' ? { kind: 'proposal', card: (await live.card(view.card.sessionId, view.card.number)) ?? view.card } : view;
        for (const [index, message] of renderView(shown, core.config.conference.language).entries()) {
          if (index < skip) continue; // posted before a crash or a retry
          const nonce = createHash('sha256').update(`${seed}:${index}`).digest('hex').slice(0, 25);
          const sentId = await withRetry(async () => (await channel.send({ ...message, nonce, enforceNonce: true })).id, retrying('log.discord.post-retry', { kind: view.kind }), 6, firstBackoffMs);
          await progress?.sent(index + 1);
          if (view.kind !== 'proposal') continue;
          const { sessionId, number } = view.card;
          const ref = `discord:${channelId}:${sentId}`;
          await core.recordPost(sessionId, number, ref);
          // A reaction that landed between rendering and recording would not have edited this message.
          live.posted(ref, sessionId, number, version);
        }
      } finally {
        // The final summary means the session closed: take the buttons off its proposal messages, even
        // when the summary itself could not be posted.
        if (view.kind === 'summary' && view.final) live.refresh(view.summary.id, view.summary.proposals.map((p) => p.number));
      }
    },
    permanentFailure(error: unknown, channelId: string): Refusal | undefined {
      if (error instanceof NotSendableError) return { id: 'delivery.discord.not_sendable', params: { channel: channelId } };
      if (isTransient(error)) return undefined;
      if (error instanceof DiscordAPIError) {
        const fix = typeof error.code === 'number' ? FIXES[error.code] : undefined;
        return fix ? { id: fix, params: { channel: channelId } } : { id: 'delivery.discord.other', params: { code: String(error.code), reason: error.message } };
      }
      return undefined;
    },
    async notify(userId: string, _channelId: string | undefined, text: string): Promise<void> {
      // Interactions have long been answered by now: a direct message is the private way left.
      const user = await client.users.fetch(userId);
      await user.send({ content: text, allowedMentions: { parse: [] } });
    },
  };
}

class NotSendableError extends Error {
  constructor(channelId: string) {
    super(`Discord channel ${channelId} is not one the bot can post in`);
    this.name = 'NotSendableError';
  }
}
