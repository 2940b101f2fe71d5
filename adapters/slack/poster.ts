/**
 * Posts views to Slack channels for Delivery. One queue per channel keeps posts in order and at most
 * about one chat.postMessage per second there (Slack's per-channel limit); channels run in parallel.
 * 429s are honoured by the WebClient itself (it pauses, waits Retry-After, retries), so nothing is dropped.
 *
 * Exactly once: every message carries Slack message metadata naming its outbox item and index. When an
 * earlier attempt may have reached Slack without its progress being recorded (its process died between
 * Slack accepting the post and the outbox commit), the channel's recent history is read first and the
 * messages found there count as sent instead of being posted again. A file share carries no metadata:
 * its file id is recorded in the outbox before Slack is asked to share it (see `shareFile`).
 */
import type { Block, KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Plenary } from '../../src/plenary.ts';
import { logLine } from '../../src/wording/log-line.ts';
import type { Log } from '../../src/log.ts';
import type { View } from '../../src/views.ts';
import type { PlatformPoster, PostProgress, Refusal } from '../delivery.ts';
import { renderView } from './render.ts';
import type { LiveCards } from '../../src/live-cards.ts';
import type { MessageId } from '../../src/wording/say.ts';

/** The metadata event type on plenary's posts; its payload's `key` is `<outbox item key>:<message index>`. */
export const POST_EVENT = 'plenary_post';
/** How far before the item was queued the history is read (clock skew between this host and Slack). */
const HISTORY_SLACK_MS = 5 * 60_000;
const HISTORY_PAGES = 10;
/** How long sending a file's bytes to Slack's upload URL may take before the attempt fails (and is retried). */
const UPLOAD_TIMEOUT_MS = 60_000;

/** Slack's refusals that no retry fixes, with what a moderator should do (`channel`: the line names the channel). */
const FIXES: Record<string, { id: MessageId; channel?: true }> = {
  not_in_channel: { id: 'delivery.slack.not_in_channel', channel: true },
  channel_not_found: { id: 'delivery.slack.channel_not_found', channel: true },
  is_archived: { id: 'delivery.slack.is_archived', channel: true },
  missing_scope: { id: 'delivery.slack.missing_scope' },
  restricted_action: { id: 'delivery.slack.restricted_action', channel: true },
  msg_too_long: { id: 'delivery.slack.too_long' },
  msg_blocks_too_long: { id: 'delivery.slack.too_long' },
  invalid_blocks: { id: 'delivery.slack.invalid_blocks' },
  not_authed: { id: 'delivery.slack.token_rejected' },
  invalid_auth: { id: 'delivery.slack.token_rejected' },
  token_revoked: { id: 'delivery.slack.token_revoked' },
  account_inactive: { id: 'delivery.slack.token_revoked' },
};

/** The `error` of a Slack platform answer (`ok: false`); undefined for anything else (network, HTTP). */
function platformError(error: unknown): string | undefined {
  const e = error as { code?: string; data?: { error?: string } };
  return e?.code === 'slack_webapi_platform_error' ? e.data?.error ?? 'unknown_error' : undefined;
}

/** What an earlier attempt already put in the channel: messages by index (their ts), and shared file ids. */
interface Found {
  messages: Map<number, string>;
  files: Set<string>;
}

interface FileToShare {
  index: number;
  name: string;
  content: string;
  /** The message shown with the file (files.completeUploadExternal's `blocks`); none for a bare file. */
  blocks?: (KnownBlock | Block)[];
}

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
    const reason = platformError(error);
    if (reason === undefined) return undefined;
    const fix = Object.hasOwn(FIXES, reason) ? FIXES[reason] : undefined;
    if (!fix) return { id: 'delivery.slack.other', params: { reason } };
    if (reason === 'missing_scope') return { id: fix.id, params: { needed: (error as { data?: { needed?: string } }).data?.needed ?? 'it needs' } };
    return fix.channel ? { id: fix.id, params: { channel: channelId } } : { id: fix.id };
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

  /** Sends once the channel's last post is `intervalMs` old, counted from when Slack answered it: so posts arrive ≥ 1 s apart. */
  private async paced<T>(channelId: string, send: () => Promise<T>): Promise<T> {
    const wait = (this.lastPost.get(channelId) ?? 0) + this.intervalMs - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    try {
      return await send();
    } finally {
      this.lastPost.set(channelId, Date.now());
    }
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

  /** What of this outbox item is already in the channel, read only when an attempt may have posted. */
  private async alreadyPosted(channelId: string, progress?: PostProgress): Promise<Found> {
    const found: Found = { messages: new Map(), files: new Set() };
    if (!progress?.mayHavePostedSince) return found;
    const prefix = `${progress.id}:`;
    const uploads = new Set(Object.values(progress.uploads ?? {}));
    const oldest = ((progress.mayHavePostedSince - HISTORY_SLACK_MS) / 1000).toFixed(6);
    try {
      let cursor: string | undefined;
      for (let page = 0; page < HISTORY_PAGES; page++) {
        const result = await this.options.client.conversations.history({ channel: channelId, oldest, include_all_metadata: true, limit: 200, cursor });
        for (const m of result.messages ?? []) {
          const key = m.metadata?.event_type === POST_EVENT ? (m.metadata.event_payload as Record<string, unknown> | undefined)?.key : undefined;
          if (typeof key === 'string' && key.startsWith(prefix) && m.ts) found.messages.set(Number(key.slice(prefix.length)), m.ts);
          for (const f of m.files ?? []) if (f.id && uploads.has(f.id)) found.files.add(f.id);
        }
        cursor = result.response_metadata?.next_cursor || undefined;
        if (!result.has_more || !cursor) break;
      }
    } catch (error) {
      this.options.log('warn', logLine('log.slack.history-failed', { channel: channelId }), error);
    }
    return found;
  }

  /**
   * Shares one file (with its message, if any) exactly once. Why not a file name or title carrying the
   * outbox key, looked up in the history: Slack shares a completed upload asynchronously (after its scans),
   * so a share made just before a crash may not be in the history yet, and would be posted again. What is
   * exact is that Slack completes an upload once (files.completeUploadExternal: "This method can only be
   * called once"), and that a file that was never completed is discarded. So the file id is recorded in the
   * outbox after the bytes are uploaded and before the upload is completed; an attempt that finds an id
   * recorded completes that same upload instead of making another: it is shared now, or Slack refuses because
   * it was shared already (then files.info finds the file), or Slack has discarded it (file_not_found: upload
   * it afresh).
   */
  private async shareFile(channelId: string, file: FileToShare, found: Found, progress?: PostProgress): Promise<void> {
    const earlier = progress?.uploads?.[file.index];
    if (earlier && (found.files.has(earlier) || (await this.complete(channelId, earlier, file)) === 'shared')) return;
    const { client } = this.options;
    const bytes = Buffer.from(file.content, 'utf8');
    const { upload_url: url, file_id: id } = await client.files.getUploadURLExternal({ filename: file.name, length: bytes.length });
    if (!url || !id) throw new Error(`Slack gave no upload URL for ${file.name}`);
    // The upload URL takes the bytes as a multipart part, as the WebClient's own filesUploadV2 sends them.
    const form = new FormData();
    form.append('file', new Blob([bytes]), file.name);
    const uploaded = await fetch(url, { method: 'POST', body: form, signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS) });
    if (!uploaded.ok) throw new Error(`uploading ${file.name} to Slack failed: HTTP ${uploaded.status}`);
    await progress?.uploaded?.(file.index, id);
    if ((await this.complete(channelId, id, file)) === 'gone') throw new Error(`Slack discarded the upload of ${file.name} before it was shared`);
  }

  /** Completes (shares) an uploaded file: 'shared' once it is in the channel, by this call or an earlier one; 'gone' when Slack has no such file. */
  private async complete(channelId: string, id: string, file: FileToShare): Promise<'shared' | 'gone'> {
    const { client } = this.options;
    try {
      await client.files.completeUploadExternal({ channel_id: channelId, files: [{ id, title: file.name }], ...(file.blocks ? { blocks: file.blocks } : {}) });
      return 'shared';
    } catch (error) {
      const reason = platformError(error);
      if (reason === undefined || Object.hasOwn(FIXES, reason)) throw error; // in flight, or refused for the channel or token: the post's failure
    }
    // Refused for the file itself: completed by an earlier attempt (the file exists) or discarded by Slack.
    try {
      const info = await client.files.info({ file: id });
      return info.file?.id === id ? 'shared' : 'gone';
    } catch (error) {
      const reason = platformError(error);
      if (reason === 'file_not_found') return 'gone';
      if (reason !== 'missing_scope') throw error;
      // An app installed before files:read was asked for: Slack refusing a recorded upload's only completion
      // means, but for a discarded upload, that it was completed. Counted as shared rather than posted twice.
      this.options.log('error', logLine('log.slack.files-scope', { method: 'files.info', scope: 'files:read', file: file.name }), error);
      return 'shared';
    }
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
      let ts = found.messages.get(0);
      if (!ts) {
        const [message] = renderView({ kind: 'proposal', card });
        ts = (await this.paced(channelId, () => client.chat.postMessage({ channel: channelId, text: message.text, blocks: message.blocks, ...metadata(0) }))).ts;
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
      if (found.messages.has(count)) {
        await done(); // posted by an attempt that died before recording it
        continue;
      }
      // A message too long for its blocks goes out as one file share: the blocks with the whole text attached.
      const file = message.file;
      if (file) await this.paced(channelId, () => this.shareFile(channelId, { index: count, ...file, blocks: message.blocks }, found, progress));
      else await this.paced(channelId, () => client.chat.postMessage({ channel: channelId, text: message.text, blocks: message.blocks, ...metadata(count) }));
      await done();
    }
    if (view.kind === 'digest' && view.file && count >= skip) {
      const file = { index: count, name: view.file.name, content: view.file.content };
      await this.paced(channelId, () => this.shareFile(channelId, file, found, progress));
      await done();
    }
  }
}
