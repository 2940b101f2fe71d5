/**
 * Slack's port to the live-update service (src/live-cards.ts): one chat.update per message, at most one
 * per second per message, within the workspace's chat.update budget (tier 3, ~50 a minute).
 */
import type { WebClient } from '@slack/web-api';
import type { Log } from '../../src/log.ts';
import type { EditOutcome, LivePort } from '../../src/live-cards.ts';
import { logLine } from '../../src/wording/log-line.ts';
import { systemClock, type Clock } from '../../src/time.ts';
import { proposalMessage } from './render.ts';

export interface SlackLiveOptions {
  client: WebClient;
  log: Log;
  perMessageMs?: number; // one edit per message per this long, default 1100
  perMinute?: number; // the workspace budget for chat.update, default 50
  burst?: number; // edits that may go out at once after a quiet spell, default 10
  clock?: Clock;
}

/** Answers after which the message can never be edited again. */
const GONE = new Set(['message_not_found', 'channel_not_found', 'cant_update_message', 'is_archived', 'not_in_channel']);

export function slackLivePort({ client, log, perMessageMs = 1100, perMinute = 50, burst = 10, clock = systemClock }: SlackLiveOptions): LivePort {
  let lastRevision = 0;
  /**
   * Slack asks for a new actions block_id on every chat.update; the counts alone repeat (1·0·0, then 0·1·0, then
   * 1·0·0 again). The clock, never repeating within this process, keeps ids fresh across restarts too.
   */
  const nextRevision = () => (lastRevision = Math.max(clock.now(), lastRevision + 1));
  return {
    platform: 'slack',
    pacing: { perMessageMs, budget: { perMinute, burst } },
    async edit(messageId, card): Promise<EditOutcome> {
      const [channel, ts] = messageId.split(':');
      try {
        const message = proposalMessage(card, nextRevision());
        await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
        return 'done';
      } catch (error) {
        const code = (error as { data?: { error?: string } }).data?.error;
        if (code && GONE.has(code)) {
          log('warn', logLine('log.slack.uneditable', { ref: `slack:${messageId}`, code }));
          return 'gone';
        }
        // The WebClient already retried (429s included); try again later rather than lose the latest state.
        log('warn', logLine('log.slack.update-failed', { ref: `slack:${messageId}` }), error);
        return { retry: true };
      }
    },
  };
}

/** The card as it is now (the Slack handlers re-render a clicked card with it). */
export { currentCard as freshCard } from '../delivery.ts';
