/**
 * Posts views to Slack channels for Delivery. One queue per channel keeps posts in order and at most
 * about one chat.postMessage per second there (Slack's per-channel limit); channels run in parallel.
 * 429s are honoured by the WebClient itself (it pauses, waits Retry-After, retries), so nothing is dropped.
 *
 * Exactly once: every message carries Slack message metadata naming its outbox item and index. When an
 * earlier attempt may have reached Slack without its progress being recorded (its process died between
 * Slack accepting the post and the outbox commit), the channel's recent history is read first and the
 * messages found there count as sent instead of being posted again. (A file share cannot carry
 * metadata; it is the one message that may repeat after such a crash.)
 */
import type { WebClient } from '@slack/web-api';
import type { Plenary } from '../../src/plenary.ts';
import type { Log } from '../../src/log.ts';
import type { View } from '../../src/views.ts';
import type { PlatformPoster, PostProgress, Refusal } from '../delivery.ts';
import { renderView } from './render.ts';
import type { LiveCards } from '../../src/live-cards.ts';

/** The metadata event type on plenary's posts; its payload's `key` is `<outbox item key>:<message index>`. */
export const POST_EVENT = 'plenary_post';
/** How far before the item was queued the history is read (clock skew between this host and Slack). */
const HISTORY_SLACK_MS = 5 * 60_000;
const HISTORY_PAGES = 10;

export interface PosterOptions {
  core: Plenary;
  client: WebClient;
  log: Log;
  live: LiveCards;
  /** Spacing between posts in one channel (Slack: ~1 per second). */
  intervalMs?: number;
}

export class SlackPoster implements PlatformPoster {
  readonly platform = 'slack' as const;
  private readonly queues = new Map<string, Promise<void>>();
  private readonly lastPost = new Map<string, number>();
  private readonly intervalMs: number;

  constructor(private readonly options: PosterOptions) {
    this.intervalMs = options.intervalMs ?? 1000;
  }

  /** Queues the view behind earlier posts to the same channel; resolves once it is posted, rejects if it failed. */
  post(channelId: string, view: View, progress?: PostProgress): Promise<void> {
    const previous = this.queues.get(channelId) ?? Promise.resolve();
    const sent = previous.then(() => this.send(channelId, view, progress));
    const next = sent.catch(() => {}); // the next post waits for this one, failed or not
    this.queues.set(channelId, next);
    void next.then(() => {
      if (this.queues.get(channelId) === next) this.queues.delete(channelId);
    });
    return sent;
  }

  /**
   * Slack's answers that no retry can fix, with what a moderator should do. Rate limits and server
   * errors are retried by the WebClient itself; network failures are transient (undefined).
   */
  permanentFailure(error: unknown, channelId: string): Refusal | undefined {
    const e = error as { code?: string; data?: { error?: string; needed?: string } };
    if (e?.code !== 'slack_webapi_platform_error') return undefined;
    const reason = e.data?.error ?? 'unknown_error';
    const channel = { channel: channelId };
    const fixes: Record<string, Refusal> = {
      not_in_channel: { id: 'delivery.slack.not_in_channel', params: channel },
      channel_not_found: { id: 'delivery.slack.channel_not_found', params: channel },
      is_archived: { id: 'delivery.slack.is_archived', params: channel },
      missing_scope: { id: 'delivery.slack.missing_scope', params: { needed: e.data?.needed ?? 'it needs' } },
      restricted_action: { id: 'delivery.slack.restricted_action', params: channel },
      msg_too_long: { id: 'delivery.slack.too_long' },
      msg_blocks_too_long: { id: 'delivery.slack.too_long' },
      invalid_blocks: { id: 'delivery.slack.invalid_blocks' },
      not_authed: { id: 'delivery.slack.token_rejected' },
      invalid_auth: { id: 'delivery.slack.token_rejected' },
      token_revoked: { id: 'delivery.slack.token_revoked' },
      account_inactive: { id: 'delivery.slack.token_revoked' },
    };
    return fixes[reason] ?? { id: 'delivery.slack.other', params: { reason } };
  }

  /** Privately in the channel where they asked; if the app cannot post there either, in its direct messages. */
  async notify(userId: string, channelId: string | undefined, text: string): Promise<void> {
    const { client } = this.options;
    if (channelId) {
      try {
        await client.chat.postEphemeral({ channel: channelId, user: userId, text });
        return;
      } catch {
        // not in that channel either: fall through to a direct message
      }
    }
    await client.chat.postMessage({ channel: userId, text });
  }

  /** Resolves when every queued post has been sent (used on shutdown). */
  async idle(): Promise<void> {
    while (this.queues.size) await Promise.all([...this.queues.values()]);
  }

  private async pace(channelId: string) {
    const wait = (this.lastPost.get(channelId) ?? 0) + this.intervalMs - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    this.lastPost.set(channelId, Date.now());
  }

  private async send(channelId: string, view: View, progress?: PostProgress): Promise<void> {
    try {
      await this.sendMessages(channelId, view, progress);
    } finally {
      // A final summary means the session closed: refresh its cards so their buttons go away, even
      // when the summary itself could not be posted.
      if (view.kind === 'summary' && view.final) {
        const proposals = await this.options.core.proposals(view.summary.id).catch(() => view.summary.proposals);
        this.options.live.refresh(view.summary.id, proposals.map((p) => p.number));
      }
    }
  }

  /** Messages of this outbox item already in the channel (index → ts), read only when an attempt may have posted. */
  private async alreadyPosted(channelId: string, progress?: PostProgress): Promise<Map<number, string>> {
    const found = new Map<number, string>();
    if (!progress?.mayHavePostedSince) return found;
    const prefix = `${progress.id}:`;
    const oldest = ((progress.mayHavePostedSince - HISTORY_SLACK_MS) / 1000).toFixed(6);
    try {
      let cursor: string | undefined;
      for (let page = 0; page < HISTORY_PAGES; page++) {
        const result = await this.options.client.conversations.history({ channel: channelId, oldest, include_all_metadata: true, limit: 200, cursor });
        for (const m of result.messages ?? []) {
          const key = m.metadata?.event_type === POST_EVENT ? (m.metadata.event_payload as Record<string, unknown> | undefined)?.key : undefined;
          if (typeof key === 'string' && key.startsWith(prefix) && m.ts) found.set(Number(key.slice(prefix.length)), m.ts);
        }
        cursor = result.response_metadata?.next_cursor || undefined;
        if (!result.has_more || !cursor) break;
      }
    } catch (error) {
      this.options.log('warn', `could not read ${channelId}'s history to check for an earlier attempt's post; posting it`, error);
    }
    return found;
  }

  private async sendMessages(channelId: string, view: View, progress?: PostProgress): Promise<void> {
    const { client, core, live } = this.options;
    const skip = progress?.skip ?? 0;
    const found = await this.alreadyPosted(channelId, progress);
    const metadata = (index: number) => (progress ? { metadata: { event_type: POST_EVENT, event_payload: { key: `${progress.id}:${index}` } } } : {});
    let count = 0;
    const done = async () => {
      count += 1;
      await progress?.sent(count);
    };
    if (view.kind === 'proposal') {
      if (skip > 0) return;
      // Render at send time: a card queued behind others shows the counts of the moment it goes out.
      const { sessionId, number } = view.card;
      const version = live.version(sessionId, number);
      const card = (await live.card(sessionId, number)) ?? view.card;
      let ts = found.get(0);
      if (!ts) {
        await this.pace(channelId);
        const [message] = renderView({ kind: 'proposal', card });
        ts = (await client.chat.postMessage({ channel: channelId, text: message.text, blocks: message.blocks, ...metadata(0) })).ts;
      }
      const ref = `slack:${channelId}:${ts}`;
      await core.recordPost(sessionId, number, ref);
      // Counts that changed while we were posting are not on the card yet: let the updater catch up.
      live.posted(ref, sessionId, number, version);
      await done();
      return;
    }
    for (const message of renderView(view)) {
      if (count < skip) {
        count += 1; // posted before a crash or a retry: not again
        continue;
      }
      if (found.has(count)) {
        await done(); // posted by an attempt that died before recording it
        continue;
      }
      await this.pace(channelId);
      if (message.file) {
        // One message holding the blocks and the whole text as a file (files upload V2: get URL, upload, complete).
        await client.filesUploadV2({
          channel_id: channelId, blocks: message.blocks as never, filename: message.file.name, title: message.file.name,
          content: message.file.content,
        });
      } else await client.chat.postMessage({ channel: channelId, text: message.text, blocks: message.blocks, ...metadata(count) });
      await done();
    }
    if (view.kind === 'digest' && view.file && count >= skip) {
      await this.pace(channelId);
      await client.filesUploadV2({
        channel_id: channelId,
        filename: view.file.name,
        title: view.file.name,
        content: view.file.content,
      });
      await done();
    }
  }
}
