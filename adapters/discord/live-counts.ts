/**
 * Discord's port to the live-update service (src/live-cards.ts): one message edit, at most one per
 * 1.1 s per message (Discord counts requests, not our timers, and one may land a few ms early).
 * discord.js queues each route and waits out 429s itself; a 429 that still reaches us waits its
 * retry_after, a transient failure (5xx, timeout) is tried again with backoff, and a refusal (unknown
 * message, missing access) ends that message's updates.
 */
import { DiscordAPIError, RateLimitError, type Client } from 'discord.js';
import type { Log } from '../../src/log.ts';
import type { EditOutcome, LivePort } from '../../src/live-cards.ts';
import { logLine } from '../../src/wording/log-line.ts';
import { proposalMessage } from './render.ts';
import { isTransient } from './transient.ts';

export function discordLivePort(client: Client, log: Log, perMessageMs = 1100): LivePort {
  return {
    platform: 'discord',
    pacing: { perMessageMs },
    async edit(messageId, card): Promise<EditOutcome> {
      const [channelId, id] = messageId.split(':');
      try {
        const channel = await client.channels.fetch(channelId);
        if (!channel?.isTextBased() || !('messages' in channel)) return 'gone';
        await channel.messages.edit(id, proposalMessage(card));
        return 'done';
      } catch (error) {
        if (error instanceof RateLimitError) return { retry: true, afterMs: error.retryAfter };
        if (error instanceof DiscordAPIError && error.status === 429) {
          const after = (error.rawError as { retry_after?: number }).retry_after;
          return { retry: true, afterMs: after ? after * 1000 : undefined };
        }
        const transient = isTransient(error);
        log('warn', logLine(transient ? 'log.discord.edit-failed.retry' : 'log.discord.edit-failed', { ref: `discord:${messageId}` }), error as Error);
        return transient ? { retry: true } : 'gone';
      }
    },
  };
}
