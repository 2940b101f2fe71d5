/**
 * Delivery's Discord side: renders a view and sends it to a channel, in order. Proposal messages are
 * recorded in the store (message → proposal) so emoji and live counts work on them after a restart.
 */
import type { Client } from 'discord.js';
import type { Plenary } from '../../src/plenary.ts';
import type { View } from '../../src/views.ts';
import type { PlatformPoster } from '../delivery.ts';
import type { LiveCounts } from './live-counts.ts';
import { renderView } from './render.ts';

export function discordPoster(core: Plenary, client: Client, live: LiveCounts): PlatformPoster {
  return {
    platform: 'discord',
    async post(channelId: string, view: View): Promise<void> {
      const channel = await client.channels.fetch(channelId);
      if (!channel?.isSendable()) throw new Error(`Discord channel ${channelId} is not one the bot can post in`);
      for (const message of renderView(view)) {
        const sent = await channel.send(message);
        if (view.kind !== 'proposal') continue;
        const { sessionId, number, counts } = view.card;
        await core.recordPost(sessionId, number, `discord:${channelId}:${sent.id}`);
        // A reaction that landed between rendering and recording would not have edited this message.
        const now = await core.summaries.proposalCounts(sessionId, number);
        if (now.support !== counts.support || now.neutral !== counts.neutral || now.oppose !== counts.oppose) live.touch(sessionId, number);
      }
      // The final summary means the session closed: take the buttons off its proposal messages.
      if (view.kind === 'summary' && view.final) for (const p of view.summary.proposals) live.touch(view.summary.id, p.number);
    },
  };
}
