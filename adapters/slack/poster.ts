/**
 * Posts views to Slack channels for Delivery. One queue per channel keeps posts in order and at most
 * about one chat.postMessage per second there (Slack's per-channel limit); channels run in parallel.
 * 429s are honoured by the WebClient itself (it pauses, waits Retry-After, retries), so nothing is dropped.
 */
import type { WebClient } from '@slack/web-api';
import type { Plenary } from '../../src/plenary.ts';
import type { Log } from '../../src/log.ts';
import type { View } from '../../src/views.ts';
import type { PlatformPoster } from '../delivery.ts';
import { renderView } from './render.ts';
import { freshCard, type LiveCounts } from './live-counts.ts';

export interface PosterOptions {
  core: Plenary;
  client: WebClient;
  log: Log;
  live: LiveCounts;
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

  /** Queues the view behind earlier posts to the same channel; resolves once it is posted (or failed and logged). */
  post(channelId: string, view: View): Promise<void> {
    const previous = this.queues.get(channelId) ?? Promise.resolve();
    const next = previous.then(() => this.send(channelId, view)).catch((error) => {
      this.options.log('error', `posting a ${view.kind} to slack:${channelId} failed`, error);
    });
    this.queues.set(channelId, next);
    void next.then(() => {
      if (this.queues.get(channelId) === next) this.queues.delete(channelId);
    });
    return next;
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

  private async send(channelId: string, view: View): Promise<void> {
    const { client, core, live } = this.options;
    if (view.kind === 'proposal') {
      // Render at send time: a card queued behind others shows the counts of the moment it goes out.
      const { sessionId, number } = view.card;
      const version = live.version(sessionId, number);
      const card = (await freshCard(core, sessionId, number)) ?? view.card;
      await this.pace(channelId);
      const [message] = renderView({ kind: 'proposal', card });
      const result = await client.chat.postMessage({ channel: channelId, text: message.text, blocks: message.blocks });
      const ref = `slack:${channelId}:${result.ts}`;
      await core.recordPost(sessionId, number, ref);
      // Counts that changed while we were posting are not on the card yet: let the updater catch up.
      if (live.version(sessionId, number) !== version) live.markDirty(ref, sessionId, number);
      return;
    }
    for (const message of renderView(view)) {
      await this.pace(channelId);
      if (message.file) {
        // One message holding the blocks and the whole text as a file (files upload V2: get URL, upload, complete).
        await client.filesUploadV2({
          channel_id: channelId, blocks: message.blocks as never, filename: message.file.name, title: message.file.name,
          content: message.file.content,
        });
      } else await client.chat.postMessage({ channel: channelId, text: message.text, blocks: message.blocks });
    }
    if (view.kind === 'digest' && view.file) {
      await this.pace(channelId);
      await client.filesUploadV2({
        channel_id: channelId,
        filename: view.file.name,
        title: view.file.name,
        content: view.file.content,
      });
    }
    // A final summary means the session closed: refresh its cards so their buttons go away.
    if (view.kind === 'summary' && view.final) await live.refreshSession(view.summary.id);
  }
}
